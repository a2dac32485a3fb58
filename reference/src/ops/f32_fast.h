/* Float32 fast paths of the element-wise, broadcast and reduction loops. Same semantics as
 * the generic loops (wn_get_f64 / wn_put_f64): each element widened exactly to double,
 * computed in double, rounded once on store with the same rounding; only the per-element
 * dispatch on the data type and the index arithmetic are gone. The unit tests and the vector
 * corpus check that results are bit-identical. */
#ifndef WEBNN_OPS_F32_FAST_H
#define WEBNN_OPS_F32_FAST_H

#include <string.h>

#include "webnn/tensor.h"

/* Loads and stores through memcpy: no alignment or aliasing assumptions. */
static inline double f32_load(const wn_tensor *t, size_t i)
{
    float v;
    memcpy(&v, (const char *)t->data + i * sizeof v, sizeof v);
    return v;
}

static inline void f32_store(wn_tensor *t, size_t i, double v)
{
    float f = wn_f32_from_f64(v);
    memcpy((char *)t->data + i * sizeof f, &f, sizeof f);
}

/* The element step of operand x along the output's last axis: 1 when x has that axis at full
 * length, 0 when it is broadcast there (size 1, or x has lower rank and no such axis). */
static inline size_t f32_last_axis_step(const wn_desc *x, const wn_desc *out)
{
    if (out->rank == 0 || x->rank == 0) return 0;
    return x->dims[x->rank - 1] == out->dims[out->rank - 1] ? 1 : 0;
}

#endif
