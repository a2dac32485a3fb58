/* One case's result: the status model and the numbers every result carries.
 * Results travel from worker to runner and into the journal as one JSON line each
 * (result_json.c), so this struct is the whole contract between the pieces. */
#ifndef RUNNER_RESULT_H
#define RUNNER_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The fixed set of statuses (VK-GL-CTS style). PASS and NOTSUPPORTED are conformant;
 * a NOTSUPPORTED inside the spec's required types and ranks is a conformance gap. */
typedef enum rn_status {
    RN_PASS = 0,
    RN_FAIL,
    RN_NOTSUPPORTED,
    RN_ERROR,
    RN_CRASH,
    RN_TIMEOUT,
    RN_STATUS_COUNT
} rn_status;

const char *rn_status_name(rn_status s);
/* RN_STATUS_COUNT when unknown. */
rn_status rn_status_parse(const char *s);

/* Buckets of the ULP error histogram, as in webnn/compare.h (WN_ULP_BUCKETS). */
#define RN_ULP_BUCKETS 36

/* Numbers for one graph output. */
typedef struct rn_output_stats {
    char name[64];
    bool shape_ok;            /* data type and shape as expected */
    char actual_desc[96];     /* set when !shape_ok: what the adapter produced */
    uint64_t n_elements, n_bad;
    double max_ulp, max_abs;  /* max_ulp: INFINITY for a NaN mismatch */
    uint64_t worst_index;
    double worst_expected, worst_actual;
    char tol_metric[8];       /* "exact", "ULP", "ATOL" */
    double tol_value;
    double tol_floor;         /* the vector's absoluteFloor, 0 when none */
    uint64_t ulp_hist[RN_ULP_BUCKETS]; /* elements per ULP-distance bucket (webnn/compare.h) */
} rn_output_stats;

#define RN_MAX_OUTPUT_STATS 8
#define RN_MESSAGE_MAX 1024

typedef struct rn_result {
    char test[512];           /* "<vector file>/<test name>" */
    rn_status status;
    char message[RN_MESSAGE_MAX];
    char warning[RN_MESSAGE_MAX];
    char wpt_test[256];       /* imported WPT case: "/webnn/conformance_tests/add.https.any.html?cpu", else "" */
    char wpt_subtest[512];    /* its promise_test's name in WPT */ /* what the loader ignored as a browser would (vector_file.h), "" if none */
    double duration;          /* seconds, in the worker */
    char op[32];              /* the op under test (for the op x data type matrix) */
    char family[32];
    char dtype[16];           /* its first operand's data type, "" if unknown */
    bool validation;          /* an expectedError vector */
    bool implementation_defined; /* ran, numbers reported, values not judged */
    bool gap;                 /* NOTSUPPORTED inside the spec's required types and ranks */
    uint32_t n_outputs;
    rn_output_stats outputs[RN_MAX_OUTPUT_STATS];
} rn_result;

/* printf into r->message (truncating). */
void rn_result_msg(rn_result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One JSON object on one line (no newline). Returns a malloc'd string or NULL. */
char *rn_result_to_json(const rn_result *r);
/* Parses what rn_result_to_json wrote. Returns 0 on success. */
int rn_result_from_json(const char *line, rn_result *r);

/* The ULP histogram as JSON: the counts up to the last non-zero bucket ([] when all are zero),
 * and back (missing or malformed: all zero). Shared by the journal line and the wptreport. */
struct cJSON;
struct cJSON *rn_hist_to_json(const uint64_t hist[RN_ULP_BUCKETS]);
void rn_hist_from_json(const struct cJSON *a, uint64_t hist[RN_ULP_BUCKETS]);

#endif
