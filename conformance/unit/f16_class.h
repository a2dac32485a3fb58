/* Classes of binary16 bit patterns, for the unit tests (the library itself never needs them). */
#ifndef CONFORMANCE_UNIT_F16_CLASS_H
#define CONFORMANCE_UNIT_F16_CLASS_H

#include <stdbool.h>
#include <stdint.h>

static inline bool wn_f16_is_nan(uint16_t h) { return (h & 0x7c00u) == 0x7c00u && (h & 0x3ffu) != 0; }
static inline bool wn_f16_is_inf(uint16_t h) { return (h & 0x7fffu) == 0x7c00u; }
static inline bool wn_f16_is_subnormal(uint16_t h) { return (h & 0x7c00u) == 0 && (h & 0x3ffu) != 0; }

#endif
