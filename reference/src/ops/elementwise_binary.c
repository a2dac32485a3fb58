/* Element-wise binary operations: add, sub, mul, div, max, min, pow
 * (#api-mlgraphbuilder-binary). Operands broadcast bidirectionally; the output has a's
 * data type. Floats compute in double and round once; integers compute exactly in 64 bits
 * (unsigned arithmetic, so overflow wraps instead of being undefined) and wrap to the
 * element width on store. Integer results that the spec leaves open are listed in
 * reference/DEVIATIONS.md. */
#include <math.h>

#include "webnn/op.h"

#include "f32_fast.h"
#include "ops_index.h"

/* "create an element-wise binary operation", steps after the generic checks: b's type
 * equals a's (registry rule), then the output shape is the bidirectional broadcast of the
 * two shapes (failure -> TypeError) with a's data type. */
static int build_binary(wn_call *c)
{
    const wn_desc *a = wn_arg_desc(c, "a");
    const wn_desc *b = wn_arg_desc(c, "b");
    wn_desc out = *a;
    if (wn_broadcast_bidirectional(a, b, &out, c->err) != 0) return -1;
    return wn_add_output(c, &out);
}

typedef struct binary_fns {
    double (*f)(double, double);
    int64_t (*i)(int64_t, int64_t);     /* signed types */
    uint64_t (*u)(uint64_t, uint64_t);  /* unsigned types */
} binary_fns;

/* float32: one row (last axis) at a time; each operand steps 1 or 0 along it. Operands of the
 * output's shape run as one flat row. */
static inline __attribute__((always_inline)) void binary_f32(const wn_tensor *a, const wn_tensor *b, wn_tensor *out,
                                                             double (*f)(double, double))
{
    size_t n = wn_desc_count(&out->desc);
    if (wn_desc_equal_shape(&a->desc, &out->desc) && wn_desc_equal_shape(&b->desc, &out->desc)) {
        for (size_t i = 0; i < n; i++) f32_store(out, i, f(f32_load(a, i), f32_load(b, i)));
        return;
    }
    size_t len = out->desc.rank ? out->desc.dims[out->desc.rank - 1] : 1;
    size_t sa = f32_last_axis_step(&a->desc, &out->desc), sb = f32_last_axis_step(&b->desc, &out->desc);
    uint32_t coords[WN_MAX_RANK];
    for (size_t row = 0; row < n; row += len) {
        wn_unravel(&out->desc, row, coords);
        size_t ia = wn_broadcast_index(&a->desc, &out->desc, coords);
        size_t ib = wn_broadcast_index(&b->desc, &out->desc, coords);
        for (size_t j = 0; j < len; j++) f32_store(out, row + j, f(f32_load(a, ia + j * sa), f32_load(b, ib + j * sb)));
    }
}

/* For every output element: read a and b at their broadcast positions, apply, store.
 * (Inlined into each op so that fn->f is a known function in the float32 loop.) */
static inline __attribute__((always_inline)) int compute_binary(wn_call *c, const binary_fns *fn)
{
    const wn_tensor *a = wn_in(c, "a");
    const wn_tensor *b = wn_in(c, "b");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    wn_dtype t = out->desc.dtype;
    if (t == WN_FLOAT32) {
        binary_f32(a, b, out, fn->f);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        size_t ia = wn_broadcast_index(&a->desc, &out->desc, coords);
        size_t ib = wn_broadcast_index(&b->desc, &out->desc, coords);
        if (wn_dtype_is_float(t))
            wn_put_f64(out, i, fn->f(wn_get_f64(a, ia), wn_get_f64(b, ib)));
        else if (wn_dtype_is_signed_int(t))
            wn_put_i64(out, i, fn->i(wn_get_i64(a, ia), wn_get_i64(b, ib)));
        else
            wn_put_u64(out, i, fn->u(wn_get_u64(a, ia), wn_get_u64(b, ib)));
    }
    return 0;
}

/* Two's complement wrap of a uint64 result back to int64, without relying on the
 * implementation-defined out-of-range unsigned -> signed conversion. */
static int64_t wrap_i64(uint64_t v)
{
    return v <= (uint64_t)INT64_MAX ? (int64_t)v : -(int64_t)(~v) - 1;
}

/* add: a + b. */
static double add_f(double x, double y) { return x + y; }
static int64_t add_i(int64_t x, int64_t y) { return wrap_i64((uint64_t)x + (uint64_t)y); }
static uint64_t add_u(uint64_t x, uint64_t y) { return x + y; }
static const binary_fns add_fns = {add_f, add_i, add_u};
static int compute_add(wn_call *c) { return compute_binary(c, &add_fns); }

/* sub: a - b. */
static double sub_f(double x, double y) { return x - y; }
static int64_t sub_i(int64_t x, int64_t y) { return wrap_i64((uint64_t)x - (uint64_t)y); }
static uint64_t sub_u(uint64_t x, uint64_t y) { return x - y; }
static const binary_fns sub_fns = {sub_f, sub_i, sub_u};
static int compute_sub(wn_call *c) { return compute_binary(c, &sub_fns); }

/* mul: a * b. The low 64 bits of a product do not depend on signedness. */
static double mul_f(double x, double y) { return x * y; }
static int64_t mul_i(int64_t x, int64_t y) { return wrap_i64((uint64_t)x * (uint64_t)y); }
static uint64_t mul_u(uint64_t x, uint64_t y) { return x * y; }
static const binary_fns mul_fns = {mul_f, mul_i, mul_u};
static int compute_mul(wn_call *c) { return compute_binary(c, &mul_fns); }

/* div: a / b; integer types truncate toward zero (C's `/`). */
static double div_f(double x, double y) { return x / y; }
static int64_t div_i(int64_t x, int64_t y)
{
    if (y == 0) return 0;                         /* implementation-defined: 0 (part1.md) */
    if (x == INT64_MIN && y == -1) return INT64_MIN; /* overflow wraps (part1.md) */
    return x / y;
}
static uint64_t div_u(uint64_t x, uint64_t y)
{
    return y == 0 ? 0 : x / y; /* division by zero: implementation-defined, 0 (part1.md) */
}
static const binary_fns div_fns = {div_f, div_i, div_u};
static int compute_div(wn_call *c) { return compute_binary(c, &div_fns); }

/* max / min: a NaN operand gives NaN (implementation-defined, part1.md); between zeros,
 * max prefers +0 and min prefers -0, as IEEE 754-2019 maximum/minimum do. */
static double max_f(double x, double y)
{
    if (isnan(x) || isnan(y)) return NAN;
    if (x == y) return signbit(x) ? y : x;
    return x > y ? x : y;
}
static int64_t max_i(int64_t x, int64_t y) { return x > y ? x : y; }
static uint64_t max_u(uint64_t x, uint64_t y) { return x > y ? x : y; }
static const binary_fns max_fns = {max_f, max_i, max_u};
static int compute_max(wn_call *c) { return compute_binary(c, &max_fns); }

static double min_f(double x, double y)
{
    if (isnan(x) || isnan(y)) return NAN;
    if (x == y) return signbit(x) ? x : y;
    return x < y ? x : y;
}
static int64_t min_i(int64_t x, int64_t y) { return x < y ? x : y; }
static uint64_t min_u(uint64_t x, uint64_t y) { return x < y ? x : y; }
static const binary_fns min_fns = {min_f, min_i, min_u};
static int compute_min(wn_call *c) { return compute_binary(c, &min_fns); }

/* pow: a to the power b. Floats use C pow in double. Integers with a non-negative
 * exponent multiply by squaring modulo 2^64, whose low bits are the exact result wrapped
 * to any narrower width. */
static double pow_f(double x, double y) { return pow(x, y); }
static uint64_t pow_u(uint64_t base, uint64_t e)
{
    uint64_t r = 1;
    while (e) {
        if (e & 1u) r *= base;
        base *= base;
        e >>= 1;
    }
    return r;
}
/* Negative exponents: the real result truncated toward zero (1, +-1 or 0); a zero base
 * gives 0 (implementation-defined, part1.md). */
static int64_t pow_i(int64_t x, int64_t y)
{
    if (y >= 0) return wrap_i64(pow_u((uint64_t)x, (uint64_t)y));
    if (x == 1) return 1;
    if (x == -1) return (y & 1) ? -1 : 1;
    return 0;
}
static const binary_fns pow_fns = {pow_f, pow_i, pow_u};
static int compute_pow(wn_call *c) { return compute_binary(c, &pow_fns); }

const wn_op_impl wn_ops_elementwise_binary[] = {
    {"add", build_binary, compute_add},
    {"sub", build_binary, compute_sub},
    {"mul", build_binary, compute_mul},
    {"div", build_binary, compute_div},
    {"max", build_binary, compute_max},
    {"min", build_binary, compute_min},
    {"pow", build_binary, compute_pow},
    {NULL, NULL, NULL},
};
