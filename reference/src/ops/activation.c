/* Activations: clamp, elu, gelu, hardSigmoid, hardSwish, leakyRelu, linear, prelu, relu,
 * sigmoid, softplus, softsign, tanh (softmax lives in softmax.c). Element-wise on one
 * input (prelu: input and a broadcast slope). Floats compute in double, after the
 * spec has cast the double options to the input's data type, and round once on store.
 * Where the spec's expression evaluated in IEEE arithmetic would give NaN at an infinity
 * although the function has a limit there, we return the limit (part1.md). */
#include <math.h>

#include "webnn/op.h"

#include "f32_fast.h"
#include "ops_index.h"

/* Builder steps shared by single-input activations: the output copies the input's
 * descriptor (data types and ranks were checked against the registry). */
static int build_same_as_input(wn_call *c) { return wn_add_output(c, wn_arg_desc(c, "input")); }

/* A double option after the spec's "cast" to the input's data type (alpha 0.2 becomes
 * 0.199951171875 for float16). Used by both steps, so compute sees what build saw. */
static double option_cast(const wn_call *c, const char *name, double dflt)
{
    wn_number n = wn_number_from_double(wn_arg_double(c, name, dflt));
    wn_number cast = wn_number_cast(&n, wn_arg_desc(c, "input")->dtype);
    return cast.f;
}

/* max(0, x) and min(0, x) as the spec's expressions use them; NaN propagates. */
static double max0(double x) { return isnan(x) ? x : x > 0 ? x : 0.0; }
static double min0(double x) { return isnan(x) ? x : x < 0 ? x : 0.0; }

/* Applies f(x, params) to every element of a float input. */
typedef double (*float_fn)(double x, const double *params);

static inline __attribute__((always_inline)) int compute_float_map(wn_call *c, float_fn f, const double *params)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    size_t n = wn_desc_count(&y->desc);
    if (x->desc.dtype == WN_FLOAT32) {
        for (size_t i = 0; i < n; i++) f32_store(y, i, f(f32_load(x, i), params));
        return 0;
    }
    for (size_t i = 0; i < n; i++) wn_put_f64(y, i, f(wn_get_f64(x, i), params));
    return 0;
}

/* ---- clamp (#api-mlgraphbuilder-clamp) ---- */

/* The bounds after the spec's cast to the input type. An absent bound means no clamping
 * on that side (spec defect: the algorithm substitutes +Infinity for an absent minValue
 * and -Infinity for an absent maxValue, which would make clamp(x) throw; part1.md). */
typedef struct clamp_bounds {
    bool has_min, has_max;
    wn_number min, max;
} clamp_bounds;

static clamp_bounds clamp_get_bounds(const wn_call *c)
{
    wn_dtype t = wn_arg_desc(c, "input")->dtype;
    clamp_bounds b = {wn_arg_present(c, "minValue"), wn_arg_present(c, "maxValue"), {0}, {0}};
    wn_number none = wn_number_from_double(0);
    wn_number lo = wn_arg_number(c, "minValue", none), hi = wn_arg_number(c, "maxValue", none);
    b.min = wn_number_cast(&lo, t);
    b.max = wn_number_cast(&hi, t);
    return b;
}

/* Exact "x > y" for two numbers already cast to type t (floats: false with NaN). */
static bool number_greater(const wn_number *x, const wn_number *y, wn_dtype t)
{
    if (wn_dtype_is_float(t)) return x->f > y->f;
    if (wn_dtype_is_signed_int(t)) return x->i > y->i;
    uint64_t ux = x->kind == WN_NUM_UINT ? x->u : (uint64_t)x->i;
    uint64_t uy = y->kind == WN_NUM_UINT ? y->u : (uint64_t)y->i;
    return ux > uy;
}

static int build_clamp(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    clamp_bounds b = clamp_get_bounds(c);
    if (b.has_min && b.has_max && number_greater(&b.min, &b.max, in->dtype))
        return wn_fail(c, WN_TYPE_ERROR, "minValue (%.17g) is greater than maxValue (%.17g) after casting to %s",
                       b.min.f, b.max.f, wn_dtype_name(in->dtype));
    return wn_add_output(c, in);
}

/* out = x below/above the bounds replaced by the bound. A NaN input stays NaN; a NaN
 * bound clamps nothing (part1.md). */
static int compute_clamp(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    wn_dtype t = x->desc.dtype;
    clamp_bounds b = clamp_get_bounds(c);
    size_t n = wn_desc_count(&y->desc);
    for (size_t i = 0; i < n; i++) {
        if (wn_dtype_is_float(t)) {
            double v = wn_get_f64(x, i);
            if (b.has_min && v < b.min.f) v = b.min.f;
            if (b.has_max && v > b.max.f) v = b.max.f;
            wn_put_f64(y, i, v);
        } else if (wn_dtype_is_signed_int(t)) {
            int64_t v = wn_get_i64(x, i);
            if (b.has_min && v < b.min.i) v = b.min.i;
            if (b.has_max && v > b.max.i) v = b.max.i;
            wn_put_i64(y, i, v);
        } else {
            uint64_t v = wn_get_u64(x, i);
            uint64_t lo = b.min.kind == WN_NUM_UINT ? b.min.u : (uint64_t)b.min.i;
            uint64_t hi = b.max.kind == WN_NUM_UINT ? b.max.u : (uint64_t)b.max.i;
            if (b.has_min && v < lo) v = lo;
            if (b.has_max && v > hi) v = hi;
            wn_put_u64(y, i, v);
        }
    }
    return 0;
}

/* ---- elu (#api-mlgraphbuilder-elu): max(0, x) + alpha * (exp(min(0, x)) - 1) ----
 * exp(m) - 1 is computed as expm1(m): the same value without cancellation near 0. */
static double elu_f(double x, const double *p) { return max0(x) + p[0] * expm1(min0(x)); }
static int compute_elu(wn_call *c)
{
    double p[1] = {option_cast(c, "alpha", 1.0)};
    return compute_float_map(c, elu_f, p);
}

/* ---- gelu (#api-mlgraphbuilder-gelu-method): 0.5 * x * (1 + erf(x / sqrt(2))) ----
 * 1 + erf(t) is computed as erfc(-t), which does not cancel for large negative x;
 * gelu(-Inf) is its limit -0 (the expression gives -Inf * 0 = NaN; part1.md). */
static double gelu_f(double x, const double *p)
{
    (void)p;
    if (isinf(x) && x < 0) return -0.0;
    return 0.5 * x * erfc(-x / sqrt(2.0));
}
static int compute_gelu(wn_call *c) { return compute_float_map(c, gelu_f, NULL); }

/* ---- hardSigmoid (#api-mlgraphbuilder-hard-sigmoid): max(0, min(1, alpha * x + beta)) ---- */
static double hard_sigmoid_f(double x, const double *p)
{
    double v = p[0] * x + p[1];
    if (isnan(v)) return v;
    return v < 0 ? 0.0 : v > 1 ? 1.0 : v;
}
static int compute_hardSigmoid(wn_call *c)
{
    double p[2] = {option_cast(c, "alpha", 0.2), option_cast(c, "beta", 0.5)};
    return compute_float_map(c, hard_sigmoid_f, p);
}

/* ---- hardSwish (#api-mlgraphbuilder-hard-swish): x * max(0, min(6, x + 3)) / 6 ----
 * For x <= -3 the function is x * 0 / 6, so -Inf gives its limit -0 rather than NaN. */
static double hard_swish_f(double x, const double *p)
{
    (void)p;
    if (isnan(x)) return x;
    if (x <= -3) return -0.0;
    double g = x + 3 > 6 ? 6.0 : x + 3;
    return x * g / 6;
}
static int compute_hardSwish(wn_call *c) { return compute_float_map(c, hard_swish_f, NULL); }

/* ---- leakyRelu (#api-mlgraphbuilder-leakyrelu): max(0, x) + alpha * min(0, x) ---- */
static double leaky_relu_f(double x, const double *p) { return max0(x) + p[0] * min0(x); }
static int compute_leakyRelu(wn_call *c)
{
    double p[1] = {option_cast(c, "alpha", 0.01)};
    return compute_float_map(c, leaky_relu_f, p);
}

/* ---- linear (#api-mlgraphbuilder-linear): alpha * x + beta ---- */
static double linear_f(double x, const double *p) { return p[0] * x + p[1]; }
static int compute_linear(wn_call *c)
{
    double p[2] = {option_cast(c, "alpha", 1.0), option_cast(c, "beta", 0.0)};
    return compute_float_map(c, linear_f, p);
}

/* ---- prelu (#api-mlgraphbuilder-prelu): max(0, x) + slope * min(0, x) ----
 * Builder steps: input and slope types are registry rules (slope same as input);
 * outputShape = bidirectional broadcast of slope's and input's shapes (failure ->
 * TypeError), with input's data type. */
static int build_prelu(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    const wn_desc *slope = wn_arg_desc(c, "slope");
    wn_desc out = *in;
    if (wn_broadcast_bidirectional(slope, in, &out, c->err) != 0) return -1;
    out.dtype = in->dtype;
    return wn_add_output(c, &out);
}

/* Integer types (int32, int64, int8): exact, the product wrapping modulo 2^64 and then
 * to the element width, like mul. */
static int64_t prelu_i(int64_t x, int64_t s)
{
    if (x > 0) return x;
    uint64_t u = (uint64_t)s * (uint64_t)x;
    return u <= (uint64_t)INT64_MAX ? (int64_t)u : -(int64_t)(~u) - 1;
}

static int compute_prelu(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    const wn_tensor *s = wn_in(c, "slope");
    wn_tensor *y = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&y->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&y->desc, i, coords);
        size_t ix = wn_broadcast_index(&x->desc, &y->desc, coords);
        size_t is = wn_broadcast_index(&s->desc, &y->desc, coords);
        if (wn_dtype_is_float(y->desc.dtype)) {
            double v = wn_get_f64(x, ix);
            wn_put_f64(y, i, max0(v) + wn_get_f64(s, is) * min0(v));
        } else {
            wn_put_i64(y, i, prelu_i(wn_get_i64(x, ix), wn_get_i64(s, is)));
        }
    }
    return 0;
}

/* ---- relu (#api-mlgraphbuilder-relu-method): max(0, x). Integer types compare exactly. ---- */
static int compute_relu(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    size_t n = wn_desc_count(&y->desc);
    if (x->desc.dtype == WN_FLOAT32) {
        /* max0 in float, as selects: widening to double and rounding back is the identity on
         * these values (a NaN is quieted, as the round trip does), and the double version's
         * range checks compiled to branches that random signs mispredicted (6 ns/element) */
        for (size_t i = 0; i < n; i++) {
            float v, r;
            memcpy(&v, (const char *)x->data + i * sizeof v, sizeof v);
            r = v > 0.0f ? v : 0.0f;
            r = v != v ? (float)(double)v : r;
            memcpy((char *)y->data + i * sizeof r, &r, sizeof r);
        }
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (wn_dtype_is_float(x->desc.dtype)) {
            wn_put_f64(y, i, max0(wn_get_f64(x, i))); /* NaN passes through */
        } else {
            int64_t v = wn_get_i64(x, i);
            wn_put_i64(y, i, v > 0 ? v : 0);
        }
    }
    return 0;
}

/* ---- sigmoid (#api-mlgraphbuilder-sigmoid-method): 1 / (exp(-x) + 1) ---- */
static double sigmoid_f(double x, const double *p)
{
    (void)p;
    return 1.0 / (exp(-x) + 1.0);
}
static int compute_sigmoid(wn_call *c) { return compute_float_map(c, sigmoid_f, NULL); }

/* ---- softplus (#api-mlgraphbuilder-softplus-method): ln(1 + exp(x)) ----
 * Evaluated as max(0, x) + log1p(exp(-|x|)): the same value, without overflow of exp
 * for large x. */
static double softplus_f(double x, const double *p)
{
    (void)p;
    if (isnan(x)) return x;
    return max0(x) + log1p(exp(-fabs(x)));
}
static int compute_softplus(wn_call *c) { return compute_float_map(c, softplus_f, NULL); }

/* ---- softsign (#api-mlgraphbuilder-softsign-method): x / (1 + |x|) ----
 * At +-Inf the expression is Inf/Inf = NaN; we return the limit +-1 (part1.md). */
static double softsign_f(double x, const double *p)
{
    (void)p;
    if (isinf(x)) return x > 0 ? 1.0 : -1.0;
    return x / (1.0 + fabs(x));
}
static int compute_softsign(wn_call *c) { return compute_float_map(c, softsign_f, NULL); }

/* ---- tanh (#api-mlgraphbuilder-tanh-method): (exp(2x) - 1) / (exp(2x) + 1) ----
 * C tanh: the same function without the overflow of exp(2x) (tanh(+-Inf) = +-1). */
static double tanh_f(double x, const double *p)
{
    (void)p;
    return tanh(x);
}
static int compute_tanh(wn_call *c) { return compute_float_map(c, tanh_f, NULL); }

const wn_op_impl wn_ops_activation[] = {
    {"clamp", build_clamp, compute_clamp},
    {"elu", build_same_as_input, compute_elu},
    {"gelu", build_same_as_input, compute_gelu},
    {"hardSigmoid", build_same_as_input, compute_hardSigmoid},
    {"hardSwish", build_same_as_input, compute_hardSwish},
    {"leakyRelu", build_same_as_input, compute_leakyRelu},
    {"linear", build_same_as_input, compute_linear},
    {"prelu", build_prelu, compute_prelu},
    {"relu", build_same_as_input, compute_relu},
    {"sigmoid", build_same_as_input, compute_sigmoid},
    {"softplus", build_same_as_input, compute_softplus},
    {"softsign", build_same_as_input, compute_softsign},
    {"tanh", build_same_as_input, compute_tanh},
    {NULL, NULL, NULL},
};
