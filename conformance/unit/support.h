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
 * Returns 0 when the graph ran (a validation vector, whose inputs carry no data, is only
 * validated: r->outputs then hold the inferred descriptors and no data); otherwise r->err
 * says why. */
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

/* One-operator vectors, for the per-operation tests. WT_T is a tensor (descriptor and
 * data), WT_D a descriptor-only input (for graphs that are expected to be rejected). */
#define WT_T(type, shape, data) "{'descriptor':{'dataType':'" type "','shape':" shape "},'data':" data "}"
#define WT_D(type, shape) "{'descriptor':{'dataType':'" type "','shape':" shape "}}"

/* Builds the graph y = op(args) over `inputs` (the members of graph.inputs, e.g.
 * "'x':" WT_T(...)) and asserts that it runs and y matches `expected` (a WT_T) exactly.
 * The test is named after op; a vector that does not fit the buffer fails the test. */
void wt_check_op(const char *op, const char *inputs, const char *args, const char *expected);
/* Same graph, asserted to be rejected at validation with a TypeError. */
void wt_check_op_rejected(const char *op, const char *inputs, const char *args);

#endif
