/* Helpers for the cmocka tests: run a small vector (JSON written with single quotes for
 * readability) through loading, validation and the reference interpreter. */
#ifndef WEBNN_TEST_SUPPORT_H
#define WEBNN_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "webnn/error.h"
#include "webnn/tensor.h"
#include "webnn/vector_file.h"

#define WT_MAX_OUTPUTS 16

typedef struct wt_run {
    wn_vec_file file;
    wn_error err;          /* kind != WN_OK: loading, validation or compute failed */
    wn_tensor outputs[WT_MAX_OUTPUTS];
    uint32_t n_outputs;
} wt_run;

/* Loads `json` (single quotes become double quotes), validates and runs its first test.
 * Returns 0 when the graph ran; otherwise r->err says why. */
int wt_run_json(const char *json, wt_run *r);
void wt_run_free(wt_run *r);

/* Asserts that the first test runs and every output matches its expectedOutputs, under
 * the test's tolerance (exact when none is given). */
void wt_check_case(const char *json);
/* Asserts that the first test's graph is rejected at validation with this error kind. */
void wt_check_rejected(const char *json, wn_error_kind kind);
/* Asserts that loading the first test fails with a message containing `needle`. */
void wt_check_malformed(const char *json, const char *needle);
/* Same, for a loading error of another kind (a descriptor input() would reject: TypeError). */
void wt_check_load_error(const char *json, wn_error_kind kind, const char *needle);

#endif
