/* binary16 <-> double. Built on frexp/ldexp/nearbyint, which are exact (nearbyint rounds
 * to nearest even in the default rounding mode, which this project never changes). */
#include "webnn/float16.h"

#include <math.h>
#include <string.h>

#define F16_SIGN 0x8000u
#define F16_INF 0x7c00u
#define F16_QNAN 0x7e00u

double wn_f16_to_double(uint16_t h)
{
    unsigned exp = (h >> 10) & 0x1fu;
    unsigned man = h & 0x3ffu;
    double v;
    if (exp == 0) {
        v = ldexp((double)man, -24); /* subnormal or zero */
    } else if (exp == 31) {
        v = man ? NAN : INFINITY;
    } else {
        v = ldexp((double)(man | 0x400u), (int)exp - 25);
    }
    return (h & F16_SIGN) ? -v : v;
}

uint16_t wn_f16_from_double(double x)
{
    uint16_t sign = signbit(x) ? F16_SIGN : 0;
    if (isnan(x)) {
        uint64_t bits;
        memcpy(&bits, &x, sizeof bits);
        /* keep the top payload bits, force quiet */
        return (uint16_t)(sign | F16_QNAN | ((bits >> 42) & 0x1ffu));
    }
    double a = fabs(x);
    if (a >= 65520.0) return sign | F16_INF; /* halfway to 2^16 and beyond: ties to even = 2^16 */
    if (a < 0x1p-14) {
        /* subnormal range: count units of 2^-24; 1024 units rounds up to the smallest normal */
        double units = nearbyint(a * 0x1p24);
        return (uint16_t)(sign | (uint16_t)units);
    }
    int e;
    (void)frexp(a, &e); /* a = f * 2^e, f in [0.5, 1) */
    int exponent = e - 1; /* a in [2^exponent, 2^(exponent+1)) */
    double m = nearbyint(ldexp(a, 10 - exponent)); /* in [1024, 2048] */
    if (m >= 2048.0) {
        m = 1024.0;
        exponent++;
    }
    /* exponent <= 15 here because a < 65520 */
    return (uint16_t)(sign | (uint16_t)((exponent + 15) << 10) | ((uint16_t)m - 0x400u));
}

uint16_t wn_f16_from_float(float x) { return wn_f16_from_double((double)x); }



