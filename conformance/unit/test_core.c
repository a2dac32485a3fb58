/* Shapes and sizes (overflow checks), broadcasting, the scalar cast algorithm and element
 * stores. */
#include <math.h>
#include <string.h>

#include "support.h"
#include "webnn/number.h"
#include "webnn/shape.h"
#include "webnn/tensor.h"

static wn_desc desc(wn_dtype t, uint32_t rank, const uint32_t *dims)
{
    wn_desc d = {.dtype = t, .rank = rank};
    memcpy(d.dims, dims, rank * sizeof *dims);
    return d;
}

static void huge_shapes_are_rejected_before_allocation(void **state)
{
    (void)state;
    wn_error err = {0};
    wn_tensor t;
    uint32_t dims[3] = {2147483648u, 2147483648u, 2147483648u};
    wn_desc d = desc(WN_FLOAT32, 3, dims);
    assert_int_equal(wn_tensor_alloc(&t, &d, &err), -1);
    assert_int_equal(err.kind, WN_TYPE_ERROR);
    assert_non_null(strstr(err.message, "dimension 0 is 2147483648"));
    /* each dimension valid, but the product overflows the element-count bound */
    uint32_t dims2[3] = {65536, 65536, 65536};
    d = desc(WN_FLOAT32, 3, dims2);
    size_t n;
    assert_int_equal(wn_desc_elements(&d, &n, &err), -1);
    assert_non_null(strstr(err.message, "element count exceeds"));
    /* a zero dimension is not a valid dimension */
    uint32_t dims3[2] = {4, 0};
    d = desc(WN_UINT8, 2, dims3);
    assert_int_equal(wn_desc_check(&d, &err), -1);
}

static void byte_cap_names_the_tensor_and_its_size(void **state)
{
    (void)state;
    wn_error err = {0};
    wn_tensor t;
    uint32_t dims[2] = {1024, 1024};
    wn_desc d = desc(WN_INT64, 2, dims);
    size_t old = wn_tensor_byte_cap();
    wn_set_tensor_byte_cap(1 << 20);
    assert_int_equal(wn_tensor_alloc(&t, &d, &err), -1);
    wn_set_tensor_byte_cap(old);
    assert_int_equal(err.kind, WN_RESOURCE_ERROR);
    assert_non_null(strstr(err.message, "int64[1024, 1024] needs 8388608 bytes"));
}

static void rank_zero_to_eight_count_elements(void **state)
{
    (void)state;
    wn_error err;
    uint32_t dims[8] = {2, 2, 2, 2, 2, 2, 2, 2};
    for (uint32_t r = 0; r <= 8; r++) {
        wn_desc d = desc(WN_FLOAT16, r, dims);
        size_t n, bytes;
        assert_int_equal(wn_desc_elements(&d, &n, &err), 0);
        assert_int_equal(n, 1u << r);
        assert_int_equal(wn_desc_bytes(&d, &bytes, &err), 0);
        assert_int_equal(bytes, 2u << r);
    }
}

static void checked_size_arithmetic(void **state)
{
    (void)state;
    size_t out;
    assert_false(wn_mul_size(SIZE_MAX / 2 + 1, 2, &out));
    assert_true(wn_mul_size(SIZE_MAX / 2, 2, &out));
    assert_false(wn_add_size(SIZE_MAX, 1, &out));
}

static void bidirectional_broadcasting(void **state)
{
    (void)state;
    wn_error err;
    uint32_t a[3] = {8, 1, 6}, b[2] = {7, 1}, c[2] = {7, 2};
    wn_desc da = desc(WN_FLOAT32, 3, a), db = desc(WN_FLOAT32, 2, b), dc = desc(WN_FLOAT32, 2, c), out;
    assert_int_equal(wn_broadcast_bidirectional(&da, &db, &out, &err), 0);
    assert_int_equal(out.rank, 3);
    assert_int_equal(out.dims[0], 8);
    assert_int_equal(out.dims[1], 7);
    assert_int_equal(out.dims[2], 6);
    assert_int_equal(wn_broadcast_bidirectional(&da, &dc, &out, &err), -1);
    assert_int_equal(err.kind, WN_TYPE_ERROR);
    /* index mapping: b [7,1] inside [8,7,6] at coords (3, 4, 5) is element 4 */
    uint32_t o[3] = {8, 7, 6}, coords[3] = {3, 4, 5};
    wn_desc dout = desc(WN_FLOAT32, 3, o);
    assert_int_equal(wn_broadcast_index(&db, &dout, coords), 4);
    assert_int_equal(wn_broadcast_index(&da, &dout, coords), 3 * 6 + 5);
}

static void unidirectional_and_blockwise_broadcasting(void **state)
{
    (void)state;
    uint32_t from[2] = {1, 3}, to[3] = {2, 4, 3}, big[4] = {1, 2, 4, 3}, bad[2] = {2, 3};
    wn_desc f = desc(WN_FLOAT32, 2, from), t = desc(WN_FLOAT32, 3, to);
    wn_desc b = desc(WN_FLOAT32, 4, big), x = desc(WN_FLOAT32, 2, bad);
    assert_true(wn_broadcastable_unidirectional(&f, &t));
    assert_false(wn_broadcastable_unidirectional(&t, &f)); /* only `from` may stretch */
    assert_false(wn_broadcastable_unidirectional(&b, &t)); /* rank may not exceed */
    assert_false(wn_broadcastable_unidirectional(&x, &t));
    uint32_t s[3] = {2, 2, 1}, in[3] = {2, 4, 3}, s_bad[3] = {2, 3, 1};
    wn_desc ds = desc(WN_FLOAT32, 3, s), din = desc(WN_FLOAT32, 3, in), dbad = desc(WN_FLOAT32, 3, s_bad);
    assert_true(wn_broadcastable_blockwise(&ds, &din));
    assert_false(wn_broadcastable_blockwise(&dbad, &din));
    assert_false(wn_broadcastable_blockwise(&f, &din));
    /* blocks are contiguous: input coordinate 3 on axis 1 (block size 2) uses scale row 1 */
    uint32_t coords[3] = {1, 3, 2};
    assert_int_equal(wn_blockwise_index(&ds, &din, coords), 1 * 2 + 1);
}

/* The spec's cast algorithm (#algorithms-casting) for option scalars. */
static void scalar_cast_saturates_and_rounds_half_to_even(void **state)
{
    (void)state;
    wn_number r;
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, 2.5, 0, 0}, WN_INT32);
    assert_int_equal(r.i, 2);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, -3.5, 0, 0}, WN_INT8);
    assert_int_equal(r.i, -4);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, 300.7, 0, 0}, WN_UINT8);
    assert_int_equal(r.i, 255);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, -1.0, 0, 0}, WN_UINT8);
    assert_int_equal(r.i, 0);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, NAN, 0, 0}, WN_INT64);
    assert_int_equal(r.i, 0);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, 1e30, 0, 0}, WN_INT64);
    assert_true(r.i == INT64_MAX);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, 5e9, 0, 0}, WN_UINT32); /* unsigned range (spec typo) */
    assert_int_equal(r.i, 4294967295LL);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, 1e30, 0, 0}, WN_UINT64);
    assert_true(r.kind == WN_NUM_UINT && r.u == UINT64_MAX);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, -0.4, 0, 0}, WN_INT32);
    assert_int_equal(r.i, 0);
    assert_false(signbit(r.f)); /* +0 rather than -0 */
    wn_number big = wn_number_from_int(INT64_MAX);
    r = wn_number_cast(&big, WN_INT32);
    assert_int_equal(r.i, INT32_MAX);
    r = wn_number_cast(&big, WN_INT64);
    assert_true(r.i == INT64_MAX); /* exact beyond 2^53 */
    wn_number huge = wn_number_from_uint(UINT64_MAX);
    r = wn_number_cast(&huge, WN_INT64);
    assert_true(r.i == INT64_MAX);
}

static void scalar_cast_to_float_rounds_once_and_overflows(void **state)
{
    (void)state;
    wn_number r;
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, 65519.99, 0, 0}, WN_FLOAT16);
    assert_true(r.f == 65504.0);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, 65520.0, 0, 0}, WN_FLOAT16);
    assert_true(isinf(r.f) && r.f > 0);
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, -1e-30, 0, 0}, WN_FLOAT16);
    assert_true(r.f == 0 && signbit(r.f)); /* -0 kept */
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, 0x1.ffffffp127, 0, 0}, WN_FLOAT32);
    assert_true(isinf(r.f));
    r = wn_number_cast(&(wn_number){WN_NUM_FLOAT, NAN, 0, 0}, WN_FLOAT32);
    assert_true(isnan(r.f));
    /* 2^53 + 1 as an exact integer rounds once to float32 */
    wn_number i = wn_number_from_int(9007199254740993LL);
    r = wn_number_cast(&i, WN_FLOAT32);
    assert_true(r.f == 9007199254740992.0);
    wn_number j = wn_number_from_int(65519);
    r = wn_number_cast(&j, WN_FLOAT16);
    assert_true(r.f == 65504.0);
}

static void element_stores_round_once_and_wrap(void **state)
{
    (void)state;
    wn_error err;
    wn_tensor t;
    uint32_t one = 4;
    wn_desc d = desc(WN_INT8, 1, &one);
    assert_int_equal(wn_tensor_alloc(&t, &d, &err), 0);
    wn_put_i64(&t, 0, 128);
    wn_put_i64(&t, 1, -129);
    wn_put_u64(&t, 2, 0x1ff);
    wn_put_f64(&t, 3, -7.9); /* truncates toward zero */
    assert_int_equal(wn_get_i64(&t, 0), -128);
    assert_int_equal(wn_get_i64(&t, 1), 127);
    assert_int_equal(wn_get_i64(&t, 2), -1);
    assert_int_equal(wn_get_i64(&t, 3), -7);
    wn_tensor_free(&t);
    d = desc(WN_FLOAT32, 1, &one);
    assert_int_equal(wn_tensor_alloc(&t, &d, &err), 0);
    wn_put_f64(&t, 0, 0x1.ffffffp127); /* halfway to 2^128: ties to even = Inf */
    wn_put_f64(&t, 1, 0x1.fffffefffffffp127);
    wn_put_i64(&t, 2, INT64_MAX);
    wn_put_u64(&t, 3, UINT64_MAX);
    assert_true(isinf(wn_get_f64(&t, 0)));
    assert_true(wn_get_f64(&t, 1) == 0x1.fffffep127);
    assert_true(wn_get_f64(&t, 2) == 0x1p63);
    assert_true(wn_get_f64(&t, 3) == 0x1p64);
    wn_tensor_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(huge_shapes_are_rejected_before_allocation),
        cmocka_unit_test(byte_cap_names_the_tensor_and_its_size),
        cmocka_unit_test(rank_zero_to_eight_count_elements),
        cmocka_unit_test(checked_size_arithmetic),
        cmocka_unit_test(bidirectional_broadcasting),
        cmocka_unit_test(unidirectional_and_blockwise_broadcasting),
        cmocka_unit_test(scalar_cast_saturates_and_rounds_half_to_even),
        cmocka_unit_test(scalar_cast_to_float_rounds_once_and_overflows),
        cmocka_unit_test(element_stores_round_once_and_wrap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
