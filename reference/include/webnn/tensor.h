/* A tensor: a descriptor and its little-endian element bytes, plus element access in
 * the three arithmetic domains the reference computes in (double, int64, uint64). */
#ifndef WEBNN_TENSOR_H
#define WEBNN_TENSOR_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn/shape.h"

typedef struct wn_tensor {
    wn_desc desc;
    void *data;
    size_t nbytes;
} wn_tensor;

/* A fill tensor holds one element standing for every element of its shape: nbytes is one
 * element's size while the shape has more (the loader keeps an expected output's "data":
 * NUMBER so, vector_file.h). Only comparison reads a fill directly. */
bool wn_tensor_is_fill(const wn_tensor *t);
/* The byte cap check of wn_tensor_alloc, without allocating (same message). */
int wn_tensor_check_cap(const wn_desc *desc, wn_error *err);
/* Full storage for desc with every element a copy of elem (wn_dtype_size bytes). */
int wn_tensor_alloc_filled(wn_tensor *t, const wn_desc *desc, const void *elem, wn_error *err);

/* How to make a tensor's bytes that are not stored: the loader keeps inputs and constants
 * given as "data": NUMBER or as generated data (vectors/FORMAT.md) so until a case runs. */
typedef enum wn_fill_kind {
    WN_FILL_VALUE = 0,  /* every element is elem */
    WN_FILL_SPLITMIX64  /* FORMAT.md "Generated data", bit-identical to vectors/gen/generated.py */
} wn_fill_kind;

typedef struct wn_fill { /* 32 bytes: every operand of a loaded corpus holds one */
    wn_fill_kind kind;
    union {
        unsigned char elem[8]; /* VALUE: one element's little-endian bytes (wn_dtype_size of them) */
        uint64_t seed;         /* SPLITMIX64 */
    };
    /* SPLITMIX64 bounds, checked by the loader: .f for float types (finite, low < high), .u for
     * integer types (low <= high in the type, as 64-bit two's-complement patterns) */
    union {
        double f;
        uint64_t u;
    } low, high;
} wn_fill;

/* Full storage for desc with the elements f makes; the sizes and the byte cap are checked
 * before anything is allocated. */
int wn_tensor_alloc_fill(wn_tensor *t, const wn_desc *desc, const wn_fill *f, wn_error *err);

/* A hint for a large fresh allocation (>= 8 MiB): back it with huge pages where the system
 * offers them (Linux madvise), so that first touches fault 2 MiB at a time, not 4 KiB. */
void wn_alloc_advise_large(void *p, size_t n);

/* Allocates zeroed storage for desc; checks sizes and the byte cap first. */
int wn_tensor_alloc(wn_tensor *t, const wn_desc *desc, wn_error *err);
void wn_tensor_free(wn_tensor *t);
int wn_tensor_copy(wn_tensor *dst, const wn_tensor *src, wn_error *err);

/* Largest tensor the reference will allocate, in bytes (0 = no cap beyond the spec's). */
void wn_set_tensor_byte_cap(size_t cap);
size_t wn_tensor_byte_cap(void);

/* Element reads. Float elements widen exactly to double; integers convert to double
 * (exact up to 2^53). get_i64/get_u64 on float elements truncate toward zero. */
double wn_get_f64(const wn_tensor *t, size_t i);
int64_t wn_get_i64(const wn_tensor *t, size_t i);
uint64_t wn_get_u64(const wn_tensor *t, size_t i);

/* Element writes, rounding once to the element type:
 * put_f64 to float16/float32 rounds to nearest even (overflow -> +-Inf);
 * put_f64 to an integer type truncates toward zero and saturates (NaN -> 0) --
 *   ops needing other integer rules convert first and use put_i64/put_u64;
 * put_i64/put_u64 to an integer type keep the low bits (two's complement wrap);
 * put_i64/put_u64 to a float type round to nearest even. */
void wn_put_f64(wn_tensor *t, size_t i, double v);
void wn_put_i64(wn_tensor *t, size_t i, int64_t v);
void wn_put_u64(wn_tensor *t, size_t i, uint64_t v);

/* double -> float32 rounding to nearest even with IEEE overflow, without relying on
 * out-of-range conversion behaviour (undefined in ISO C): what wn_put_f64 stores, inline
 * for the kernels' float32 fast paths. 2^128 - 2^103 is halfway between FLT_MAX and 2^128:
 * ties to even go to 2^128 = Inf. */
static inline float wn_f32_from_f64(double v)
{
    if (v >= 0x1.ffffffp127) return (float)INFINITY;
    if (v <= -0x1.ffffffp127) return -(float)INFINITY;
    return (float)v;
}

/* Rounds a double to what the float type can hold (identity for float64-exact use):
 * lets ops round intermediate values the way a store would. */
double wn_round_to_dtype(double v, wn_dtype t);

#endif
