/* Element-wise unary operations: abs, ceil, cos, erf, exp, floor, identity, log, neg,
 * reciprocal, roundEven, sin, sign, sqrt, tan (#api-mlgraphbuilder-unary).
 * The output copies the input's descriptor. Floats compute in double with the C library
 * and round once to the element type; the integer types some ops allow (abs, neg, sign:
 * int32, int64, int8; identity: all) compute exactly in 64 bits and wrap on store. */
#include <math.h>
#include <string.h>

#include "webnn/op.h"

#include "f32_fast.h"
#include "ops_index.h"

/* "create an element-wise unary operation": the allowed data types per op are checked by
 * the generic validation from the registry; the output is a copy of the input operand. */
static int build_unary(wn_call *c) { return wn_add_output(c, wn_arg_desc(c, "input")); }

typedef struct unary_fns {
    double (*f)(double);
    int64_t (*i)(int64_t);   /* signed integer types; NULL where the op has none */
} unary_fns;

static inline __attribute__((always_inline)) int compute_unary(wn_call *c, const unary_fns *fn)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    size_t n = wn_desc_count(&y->desc);
    if (x->desc.dtype == WN_FLOAT32) {
        for (size_t i = 0; i < n; i++) f32_store(y, i, fn->f(f32_load(x, i)));
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (wn_dtype_is_float(x->desc.dtype))
            wn_put_f64(y, i, fn->f(wn_get_f64(x, i)));
        else
            wn_put_i64(y, i, fn->i(wn_get_i64(x, i)));
    }
    return 0;
}

/* -v in two's complement: the negation of INT64_MIN is itself (the spec leaves integer
 * overflow open, part1.md); narrower types see their own minimum wrap on store. */
static int64_t neg_wrap(int64_t v)
{
    uint64_t u = 0u - (uint64_t)v;
    return u <= (uint64_t)INT64_MAX ? (int64_t)u : -(int64_t)(~u) - 1;
}

/* abs: |x|; abs of an integer type's minimum wraps to itself (part1.md). */
static int64_t abs_i(int64_t v) { return v < 0 ? neg_wrap(v) : v; }
static const unary_fns abs_fns = {fabs, abs_i};
static int compute_abs(wn_call *c) { return compute_unary(c, &abs_fns); }

/* ceil, floor: C keeps -0, NaN and infinities. */
static const unary_fns ceil_fns = {ceil, NULL};
static int compute_ceil(wn_call *c) { return compute_unary(c, &ceil_fns); }
static const unary_fns floor_fns = {floor, NULL};
static int compute_floor(wn_call *c) { return compute_unary(c, &floor_fns); }

/* cos, sin, tan, exp, log, sqrt, erf: the C library in double. */
static const unary_fns cos_fns = {cos, NULL};
static int compute_cos(wn_call *c) { return compute_unary(c, &cos_fns); }
static const unary_fns sin_fns = {sin, NULL};
static int compute_sin(wn_call *c) { return compute_unary(c, &sin_fns); }
static const unary_fns tan_fns = {tan, NULL};
static int compute_tan(wn_call *c) { return compute_unary(c, &tan_fns); }
static const unary_fns exp_fns = {exp, NULL};
static int compute_exp(wn_call *c) { return compute_unary(c, &exp_fns); }
static const unary_fns log_fns = {log, NULL};
static int compute_log(wn_call *c) { return compute_unary(c, &log_fns); }
static const unary_fns sqrt_fns = {sqrt, NULL};
static int compute_sqrt(wn_call *c) { return compute_unary(c, &sqrt_fns); }
static const unary_fns erf_fns = {erf, NULL};
static int compute_erf(wn_call *c) { return compute_unary(c, &erf_fns); }

/* identity: copies every element bit for bit, whatever the data type. */
static int compute_identity(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    if (x->nbytes) memcpy(y->data, x->data, x->nbytes);
    return 0;
}

/* neg: -x. */
static double neg_f(double v) { return -v; }
static const unary_fns neg_fns = {neg_f, neg_wrap};
static int compute_neg(wn_call *c) { return compute_unary(c, &neg_fns); }

/* reciprocal: 1 / x (1/+-0 = +-Inf). */
static double reciprocal_f(double v) { return 1.0 / v; }
static const unary_fns reciprocal_fns = {reciprocal_f, NULL};
static int compute_reciprocal(wn_call *c) { return compute_unary(c, &reciprocal_fns); }

/* roundEven: nearest integer, halves to the even one; written out rather than relying on
 * the current floating-point rounding mode. x - floor(x) is exact in double. */
static double round_even_f(double v)
{
    if (!isfinite(v)) return v;
    double f = floor(v), d = v - f, r;
    if (d < 0.5) r = f;
    else if (d > 0.5) r = f + 1.0;
    else r = fmod(f, 2.0) == 0.0 ? f : f + 1.0;
    return r == 0.0 ? copysign(0.0, v) : r; /* -0.3 rounds to -0 */
}
static const unary_fns round_even_fns = {round_even_f, NULL};
static int compute_roundEven(wn_call *c) { return compute_unary(c, &round_even_fns); }

/* sign: 1 if > 0, -1 if < 0, and 0 otherwise -- so NaN gives 0 by the letter of the
 * spec (part1.md). */
static double sign_f(double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0; }
static int64_t sign_i(int64_t v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }
static const unary_fns sign_fns = {sign_f, sign_i};
static int compute_sign(wn_call *c) { return compute_unary(c, &sign_fns); }

const wn_op_impl wn_ops_elementwise_unary[] = {
    {"abs", build_unary, compute_abs},
    {"ceil", build_unary, compute_ceil},
    {"cos", build_unary, compute_cos},
    {"erf", build_unary, compute_erf},
    {"exp", build_unary, compute_exp},
    {"floor", build_unary, compute_floor},
    {"identity", build_unary, compute_identity},
    {"log", build_unary, compute_log},
    {"neg", build_unary, compute_neg},
    {"reciprocal", build_unary, compute_reciprocal},
    {"roundEven", build_unary, compute_roundEven},
    {"sin", build_unary, compute_sin},
    {"sign", build_unary, compute_sign},
    {"sqrt", build_unary, compute_sqrt},
    {"tan", build_unary, compute_tan},
    {NULL, NULL, NULL},
};
