/* IEEE 754 binary16 conversions by bit manipulation, round to nearest even. */
#ifndef WEBNN_FLOAT16_H
#define WEBNN_FLOAT16_H

#include <stdbool.h>
#include <stdint.h>

/* Exact: every float16 value is representable as a double. */
double wn_f16_to_double(uint16_t h);
/* Rounds once, to nearest even; overflow (|x| >= 65520) gives +-Inf; NaN stays NaN
 * (quiet, sign kept); subnormals and signed zero are preserved. */
uint16_t wn_f16_from_double(double x);
/* Same rounding from float; float -> double is exact, so this rounds once too. */
uint16_t wn_f16_from_float(float x);

#endif
