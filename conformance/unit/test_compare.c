/* The tolerance comparison (webnn/compare.h): the metric's bound, the absolute floor that
 * rescues cancelled sums, and the special values that nothing rescues. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support.h"
#include "webnn/compare.h"
#include "webnn/float16.h"

/* A float32 tensor of shape [n] over caller-owned storage. */
static wn_tensor f32_tensor(float *data, uint32_t n)
{
    wn_tensor t;
    memset(&t, 0, sizeof t);
    t.desc.dtype = WN_FLOAT32;
    t.desc.rank = 1;
    t.desc.dims[0] = n;
    t.data = data;
    t.nbytes = n * sizeof(float);
    return t;
}

/* 0.0606 + 9 ULP: the cancelled matmul element the floor was introduced for. */
static float ulps_above(float x, int k)
{
    for (int i = 0; i < k; i++) x = nextafterf(x, INFINITY);
    return x;
}

static void ulp_bound_alone_fails_a_cancelled_sum(void **state)
{
    (void)state;
    float e[1] = {0.0606f}, a[1] = {ulps_above(0.0606f, 9)};
    wn_tensor te = f32_tensor(e, 1), ta = f32_tensor(a, 1);
    wn_tolerance tol = {WN_TOL_ULP, 4, 0};
    wn_compare_result r;
    wn_compare(&te, &ta, &tol, &r);
    assert_false(r.pass);
    assert_int_equal(r.n_bad, 1);
    assert_true(r.max_ulp == 9);
}

static void floor_rescues_an_element_outside_the_ulp_bound(void **state)
{
    (void)state;
    float e[2] = {0.0606f, 1.0f}, a[2] = {ulps_above(0.0606f, 9), 1.0f};
    wn_tensor te = f32_tensor(e, 2), ta = f32_tensor(a, 2);
    wn_tolerance tol = {WN_TOL_ULP, 4, 1.2e-7};
    wn_compare_result r;
    wn_compare(&te, &ta, &tol, &r);
    assert_true(r.pass);
    assert_int_equal(r.n_bad, 0);
    assert_true(r.max_ulp == 9); /* the statistics still show the real error */
    char buf[400];
    assert_non_null(strstr(wn_compare_str(&r, buf, sizeof buf), "(tolerance ULP 4 or abs 1.2e-07)"));
}

static void outside_both_bounds_fails(void **state)
{
    (void)state;
    float e[1] = {0.0606f}, a[1] = {0.0606f + 2e-7f};
    wn_tensor te = f32_tensor(e, 1), ta = f32_tensor(a, 1);
    wn_tolerance tol = {WN_TOL_ULP, 4, 1.2e-7};
    wn_compare_result r;
    wn_compare(&te, &ta, &tol, &r);
    assert_false(r.pass);
    char buf[400];
    assert_non_null(strstr(wn_compare_str(&r, buf, sizeof buf), "or abs 1.2e-07"));
}

static void floor_also_widens_atol_and_exact(void **state)
{
    (void)state;
    float e[1] = {1.0f}, a[1] = {1.0f + 0x1p-20f};
    wn_tensor te = f32_tensor(e, 1), ta = f32_tensor(a, 1);
    wn_compare_result r;
    wn_tolerance atol = {WN_TOL_ATOL, 0x1p-24, 0x1p-19};
    wn_compare(&te, &ta, &atol, &r);
    assert_true(r.pass);
    wn_tolerance exact = {WN_TOL_EXACT, 0, 0x1p-20};
    wn_compare(&te, &ta, &exact, &r);
    assert_true(r.pass);
    exact.absolute_floor = 0x1p-21;
    wn_compare(&te, &ta, &exact, &r);
    assert_false(r.pass);
}

static void nan_and_infinity_are_never_rescued(void **state)
{
    (void)state;
    float e[4] = {1.0f, NAN, 1.0f, INFINITY}, a[4] = {NAN, 1.0f, INFINITY, 3.4e38f};
    wn_tensor te = f32_tensor(e, 4), ta = f32_tensor(a, 4);
    wn_tolerance tol = {WN_TOL_ULP, 4, 1e300};
    wn_compare_result r;
    wn_compare(&te, &ta, &tol, &r);
    assert_false(r.pass);
    assert_int_equal(r.n_bad, 4);
}

static void no_floor_keeps_the_old_summary(void **state)
{
    (void)state;
    float e[1] = {1.0f}, a[1] = {1.0f};
    wn_tensor te = f32_tensor(e, 1), ta = f32_tensor(a, 1);
    wn_tolerance tol = {WN_TOL_ULP, 4, 0};
    wn_compare_result r;
    wn_compare(&te, &ta, &tol, &r);
    assert_true(r.pass);
    char buf[400];
    wn_compare_str(&r, buf, sizeof buf);
    assert_null(strstr(buf, "or abs"));
    assert_non_null(strstr(buf, "(tolerance ULP 4)"));
}

static void float16_floor_uses_absolute_error(void **state)
{
    (void)state;
    /* 0.0606 in float16 has a ULP of 2^-15; 5 ULP off is 1.5e-4 absolute */
    uint16_t e[1] = {wn_f16_from_double(0.0606)}, a[1];
    a[0] = (uint16_t)(e[0] + 5);
    wn_tensor te, ta;
    memset(&te, 0, sizeof te);
    te.desc.dtype = WN_FLOAT16;
    te.desc.rank = 1;
    te.desc.dims[0] = 1;
    te.data = e;
    te.nbytes = sizeof e;
    ta = te;
    ta.data = a;
    wn_compare_result r;
    wn_tolerance tol = {WN_TOL_ULP, 4, 2e-4};
    wn_compare(&te, &ta, &tol, &r);
    assert_true(r.pass);
    tol.absolute_floor = 1e-4;
    wn_compare(&te, &ta, &tol, &r);
    assert_false(r.pass);
}

static void vector_floor_passes_end_to_end(void **state)
{
    (void)state;
    /* relu is exact; the expected value is 3 float32 ULP above the input and the floor covers it */
    wt_check_case("{'tests':[{'name':'t','tolerance':{'metricType':'ULP','value':0,'absoluteFloor':1e-6},"
                  "'graph':{'inputs':{'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':[0.5,2]}},"
                  "'operators':[{'name':'relu','arguments':[{'input':'x'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2]},"
                  "'data':[0.50000018,2]}}}}]}");
}

static void ulp_buckets_are_log2_spaced(void **state)
{
    (void)state;
    assert_int_equal(wn_ulp_bucket(0), 0);
    assert_int_equal(wn_ulp_bucket(1), 1);
    assert_int_equal(wn_ulp_bucket(2), 2);
    assert_int_equal(wn_ulp_bucket(3), 2);
    assert_int_equal(wn_ulp_bucket(4), 3);
    assert_int_equal(wn_ulp_bucket(4294967295.0), 32);
    assert_int_equal(wn_ulp_bucket(4294967296.0), 33);
    assert_int_equal(wn_ulp_bucket(8589934592.0), WN_ULP_BUCKETS - 2);
    assert_int_equal(wn_ulp_bucket(1e300), WN_ULP_BUCKETS - 2);
    assert_int_equal(wn_ulp_bucket(INFINITY), WN_ULP_BUCKETS - 1);
}

static void histogram_counts_every_element(void **state)
{
    (void)state;
    float e[6] = {1, 1, 1, 1, 1, 1};
    float a[6] = {1, ulps_above(1, 1), ulps_above(1, 3), ulps_above(1, 3), ulps_above(1, 1000), NAN};
    wn_tensor te = f32_tensor(e, 6), ta = f32_tensor(a, 6);
    wn_tolerance tol = {WN_TOL_ULP, 4, 0};
    wn_compare_result r;
    wn_compare(&te, &ta, &tol, &r);
    uint64_t sum = 0;
    for (unsigned k = 0; k < WN_ULP_BUCKETS; k++) sum += r.ulp_hist[k];
    assert_int_equal(sum, 6);
    assert_int_equal(r.ulp_hist[0], 1);
    assert_int_equal(r.ulp_hist[1], 1);
    assert_int_equal(r.ulp_hist[2], 2);
    assert_int_equal(r.ulp_hist[10], 1); /* 1000 in [512, 1024) */
    assert_int_equal(r.ulp_hist[WN_ULP_BUCKETS - 1], 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ulp_bound_alone_fails_a_cancelled_sum),
        cmocka_unit_test(floor_rescues_an_element_outside_the_ulp_bound),
        cmocka_unit_test(outside_both_bounds_fails),
        cmocka_unit_test(floor_also_widens_atol_and_exact),
        cmocka_unit_test(nan_and_infinity_are_never_rescued),
        cmocka_unit_test(no_floor_keeps_the_old_summary),
        cmocka_unit_test(float16_floor_uses_absolute_error),
        cmocka_unit_test(vector_floor_passes_end_to_end),
        cmocka_unit_test(ulp_buckets_are_log2_spaced),
        cmocka_unit_test(histogram_counts_every_element),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
