/* binary16 <-> float32 conversions, portable C: round to nearest even, exact for subnormals,
 * infinities keep their sign, NaNs stay NaN (payload truncated, quiet bit set). The loops are
 * branch-light so the compiler can vectorize them. */
#include <string.h>

#include "obl.h"

static inline uint32_t float_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static inline float bits_float(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline float half_to_float(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1fu, mant = h & 0x3ffu;
    if (exp == 0x1f) return bits_float(sign | 0x7f800000u | (mant << 13));
    if (exp == 0) {
        /* zero or subnormal: mant * 2^-24 is exact in float32 */
        float v = (float)mant * 0x1p-24f;
        return bits_float(sign | float_bits(v));
    }
    return bits_float(sign | ((exp + 112u) << 23) | (mant << 13));
}

static inline uint16_t float_to_half(float f)
{
    uint32_t x = float_bits(f);
    uint16_t sign = (uint16_t)((x >> 16) & 0x8000u);
    x &= 0x7fffffffu;
    if (x > 0x7f800000u) return (uint16_t)(sign | 0x7e00u | ((x >> 13) & 0x3ffu)); /* NaN, quieted */
    if (x >= 0x477ff000u) return (uint16_t)(sign | 0x7c00u); /* >= 65520 rounds to infinity (and inf) */
    if (x < 0x38800000u) {
        /* below the smallest normal 2^-14: adding 0.5 puts round-to-nearest-even of |f| / 2^-24
         * in the low mantissa bits of the sum (0.5 has a ulp of 2^-24) */
        float t = bits_float(x) + 0.5f;
        return (uint16_t)(sign | (float_bits(t) - 0x3f000000u));
    }
    /* normal: rebias the exponent (127 -> 15) and round the 13 dropped bits to nearest even */
    uint32_t odd = (x >> 13) & 1u;
    x += 0xc8000fffu + odd;
    return (uint16_t)(sign | (x >> 13));
}

void obl_f16_to_f32(const uint16_t *in, float *out, size_t n)
{
    for (size_t i = 0; i < n; i++) out[i] = half_to_float(in[i]);
}

void obl_f32_to_f16(const float *in, uint16_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++) out[i] = float_to_half(in[i]);
}
