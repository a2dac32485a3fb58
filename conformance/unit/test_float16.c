/* float16 conversions: all 65,536 bit patterns, every rounding tie, the overflow threshold. */
#include <math.h>
#include <string.h>

#include "support.h"
#include "webnn/float16.h"
#include "f16_class.h"

/* An independent decode from the IEEE 754 definition, by cases on the fields. */
static double decode_by_definition(uint16_t h)
{
    int sign = h >> 15, e = (h >> 10) & 31, m = h & 1023;
    double s = sign ? -1.0 : 1.0;
    if (e == 31) return m ? NAN : s * INFINITY;
    if (e == 0) return s * (m / 1024.0) * pow(2, -14);
    return s * (1.0 + m / 1024.0) * pow(2, e - 15);
}

static void every_bit_pattern_decodes_and_round_trips(void **state)
{
    (void)state;
    unsigned nan = 0, inf = 0, sub = 0;
    for (uint32_t i = 0; i < 65536; i++) {
        uint16_t h = (uint16_t)i;
        double d = wn_f16_to_double(h);
        double want = decode_by_definition(h);
        if (isnan(want)) {
            assert_true(isnan(d));
            assert_true(wn_f16_is_nan(h));
            /* NaN stays NaN, keeps its sign, comes back quiet */
            uint16_t back = wn_f16_from_double(d);
            assert_true(wn_f16_is_nan(back));
            assert_int_equal(back & 0x8000, h & 0x8000);
            nan++;
            continue;
        }
        assert_false(wn_f16_is_nan(h));
        assert_true(d == want);
        assert_int_equal(signbit(d) != 0, (h >> 15) != 0); /* -0 stays -0 */
        assert_int_equal(wn_f16_from_double(d), h);        /* exact round trip */
        assert_int_equal(wn_f16_from_float((float)d), h);
        inf += wn_f16_is_inf(h);
        sub += wn_f16_is_subnormal(h);
        assert_int_equal(wn_f16_is_subnormal(h), ((h & 0x7c00) == 0 && (h & 0x3ff) != 0));
    }
    assert_int_equal(nan, 2 * 1023);
    assert_int_equal(inf, 2);
    assert_int_equal(sub, 2 * 1023);
}

/* Between every two neighbouring finite float16 values a < b of the same sign, the exact
 * midpoint rounds to the one with the even significand, and anything strictly nearer one
 * side rounds to that side. Covers subnormals, the normal/subnormal border and every binade. */
static void every_tie_rounds_to_even(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < 0x7bff; i++) { /* i and i+1 both finite, positive */
        for (int sign = 0; sign < 2; sign++) {
            uint16_t lo = (uint16_t)(i | (sign ? 0x8000u : 0));
            uint16_t hi = (uint16_t)((i + 1) | (sign ? 0x8000u : 0));
            double a = wn_f16_to_double(lo), b = wn_f16_to_double(hi);
            double mid = (a + b) / 2; /* exact in double */
            uint16_t even = (lo & 1) ? hi : lo;
            assert_int_equal(wn_f16_from_double(mid), even);
            assert_int_equal(wn_f16_from_double(nextafter(mid, a)), lo);
            assert_int_equal(wn_f16_from_double(nextafter(mid, b)), hi);
        }
    }
}

static void overflow_threshold_is_65520(void **state)
{
    (void)state;
    assert_int_equal(wn_f16_from_double(65504.0), 0x7bff);
    assert_int_equal(wn_f16_from_double(nextafter(65520.0, 0)), 0x7bff); /* just below the tie */
    assert_int_equal(wn_f16_from_double(65520.0), 0x7c00);               /* tie to even = 2^16 = Inf */
    assert_int_equal(wn_f16_from_double(-65520.0), 0xfc00);
    assert_int_equal(wn_f16_from_double(1e300), 0x7c00);
    assert_int_equal(wn_f16_from_double(INFINITY), 0x7c00);
    assert_int_equal(wn_f16_from_double(-INFINITY), 0xfc00);
    assert_int_equal(wn_f16_from_float(65520.0f), 0x7c00);
}

static void underflow_rounds_to_signed_zero_or_smallest_subnormal(void **state)
{
    (void)state;
    double tiny = ldexp(1, -24); /* smallest subnormal */
    assert_int_equal(wn_f16_from_double(tiny), 0x0001);
    assert_int_equal(wn_f16_from_double(tiny / 2), 0x0000);             /* tie to even: 0 */
    assert_int_equal(wn_f16_from_double(nextafter(tiny / 2, 1)), 0x0001);
    assert_int_equal(wn_f16_from_double(-tiny / 2), 0x8000);            /* -0 */
    assert_int_equal(wn_f16_from_double(1e-300), 0x0000);
    assert_int_equal(wn_f16_from_double(-1e-300), 0x8000);
    assert_int_equal(wn_f16_from_double(-0.0), 0x8000);
    /* largest subnormal + half an ulp is the tie to the smallest normal 0x0400 (even) */
    assert_int_equal(wn_f16_from_double(ldexp(1023.5, -24)), 0x0400);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_bit_pattern_decodes_and_round_trips),
        cmocka_unit_test(every_tie_rounds_to_even),
        cmocka_unit_test(overflow_threshold_is_65520),
        cmocka_unit_test(underflow_rounds_to_signed_zero_or_smallest_subnormal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
