/* The OpenBLAS adapter's binary16 conversions (adapters/openblas/f16.c) against the reference's
 * (reference/src/core/float16.c): every half pattern both ways, and float32 -> binary16 on
 * every float32 exponent and mantissa prefix with the rounding-relevant low bits (ties, just
 * below and above them), where the two must agree bit for bit. NaNs: stay NaN, keep the sign. */
#include <math.h>
#include <string.h>

#include "obl.h"
#include "support.h"
#include "webnn/float16.h"
#include "f16_class.h"

static uint32_t bits_of(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static float float_of(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static void every_half_expands_exactly_and_rounds_back(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < 65536; i++) {
        uint16_t h = (uint16_t)i, back;
        float f;
        obl_f16_to_f32(&h, &f, 1);
        obl_f32_to_f16(&f, &back, 1);
        if (wn_f16_is_nan(h)) {
            assert_true(isnan(f));
            assert_true(wn_f16_is_nan(back));
            assert_int_equal(back & 0x8000, h & 0x8000);
            continue;
        }
        assert_int_equal(bits_of(f), bits_of((float)wn_f16_to_double(h)));
        assert_int_equal(back, h);
    }
}

static void float32_rounds_like_the_reference(void **state)
{
    (void)state;
    /* the 13 bits a conversion to a normal half drops: zero, one, just below/at/above the tie, all */
    static const uint32_t low[] = {0x0000, 0x0001, 0x0fff, 0x1000, 0x1001, 0x1fff};
    enum { N = 4096 };
    float in[N];
    uint16_t got[N];
    size_t n = 0, checked = 0;
    for (uint32_t high = 0; high < (1u << 19); high++)
        for (size_t k = 0; k < sizeof low / sizeof low[0]; k++) {
            in[n++] = float_of(high << 13 | low[k]);
            if (n < N && !(high == (1u << 19) - 1 && k + 1 == sizeof low / sizeof low[0])) continue;
            obl_f32_to_f16(in, got, n);
            for (size_t j = 0; j < n; j++, checked++) {
                uint16_t want = wn_f16_from_float(in[j]);
                if (isnan(in[j])) {
                    assert_true(wn_f16_is_nan(got[j]));
                    assert_int_equal(got[j] & 0x8000, want & 0x8000);
                } else if (got[j] != want) {
                    fail_msg("float32 %a (0x%08x): got 0x%04x, want 0x%04x", (double)in[j], bits_of(in[j]), got[j],
                             want);
                }
            }
            n = 0;
        }
    assert_int_equal(checked, (size_t)6 << 19);
}

static void subnormal_and_overflow_edges(void **state)
{
    (void)state;
    const float cases[] = {0x1p-24f, 0x1p-25f, 0x1.000002p-25f, -0x1p-25f, 0x1.ff8p-15f, 0x1.ffcp-15f,
                           65504.0f, 65519.99f, 65520.0f, -65520.0f, INFINITY, -INFINITY, -0.0f, 1e-30f};
    const uint16_t want[] = {0x0001, 0x0000, 0x0001, 0x8000, 0x03ff, 0x0400,
                             0x7bff, 0x7bff, 0x7c00, 0xfc00, 0x7c00, 0xfc00, 0x8000, 0x0000};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint16_t h;
        obl_f32_to_f16(&cases[i], &h, 1);
        assert_int_equal(h, want[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_half_expands_exactly_and_rounds_back),
        cmocka_unit_test(float32_rounds_like_the_reference),
        cmocka_unit_test(subnormal_and_overflow_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
