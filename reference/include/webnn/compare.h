/* Comparing an actual tensor with an expected one under a tolerance. ULP distance is
 * defined once here: values are mapped to integers in sign-magnitude order (so the distance
 * counts representable values between them), -0 equals +0, NaN matches only NaN, and an
 * infinity matches only the same infinity. */
#ifndef WEBNN_COMPARE_H
#define WEBNN_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn/tensor.h"
#include "webnn/vector_file.h"

/* The error distribution of a comparison: element counts per ULP-distance bucket, log2-spaced.
 * Bucket 0: exactly equal (0 ULP); bucket k (1..WN_ULP_BUCKETS-3): [2^(k-1), 2^k) ULP; the
 * next: 2^(WN_ULP_BUCKETS-3) ULP or more (only integer outputs get there: float32 distances are
 * below 2^32); the last: an infinite distance (a NaN or infinity mismatch). Integer outputs
 * count one unit as one ULP. */
#define WN_ULP_BUCKETS 36

typedef struct wn_compare_result {
    bool shape_ok;             /* data type and shape equal */
    bool pass;
    size_t n_elements;
    size_t n_bad;              /* elements out of tolerance */
    double max_ulp;            /* largest ULP distance seen (float types; INFINITY for NaN mismatch) */
    double max_abs;            /* largest absolute error seen */
    size_t worst_index;        /* element with the largest error */
    double worst_expected, worst_actual;
    wn_tolerance applied;
    uint64_t ulp_hist[WN_ULP_BUCKETS]; /* every element's ULP distance, bucketed (above) */
} wn_compare_result;

/* The bucket of a ULP distance (>= 0 or INFINITY). */
unsigned wn_ulp_bucket(double ulp);

/* ULP distance between two values of float type t (both already representable in t). */
double wn_ulp_distance(double a, double b, wn_dtype t);

/* Compares; integer types always compare exactly unless an ATOL is given. A float element
 * within tol->absolute_floor of the expected value passes whatever the metric (never a NaN or
 * an infinity: those match only themselves); integer outputs ignore the floor. */
void wn_compare(const wn_tensor *expected, const wn_tensor *actual, const wn_tolerance *tol,
                wn_compare_result *out);

/* One-line summary: "max 9 ULP, max abs error 3.7e-09 (tolerance ULP 4 or abs 1.2e-07); 2 of 24
 * elements out; worst [5]: expected 1.5, got 1.5000002" ("or abs" only when a floor is set). */
const char *wn_compare_str(const wn_compare_result *r, char *buf, size_t cap);

#endif
