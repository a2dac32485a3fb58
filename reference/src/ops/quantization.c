/* Quantization: quantizeLinear, dequantizeLinear. scale and zeroPoint have the input's
 * rank and are blockwise broadcast to its shape: each of their elements covers a
 * contiguous block (per-tensor = all-1 shape, per-axis = full size on one axis). */
#include <math.h>

#include "webnn/op.h"

#include "ops_index.h"

/* Builder steps shared by both ops after the generic type and rank checks: scale and
 * zeroPoint have the same shape, and both blockwise broadcast to the input. The output has
 * the input's shape and the given data type. */
static int build_quantization(wn_call *c, wn_dtype output_type)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    const wn_desc *scale = wn_arg_desc(c, "scale");
    const wn_desc *zero_point = wn_arg_desc(c, "zeroPoint");
    char a[96], b[96];
    if (!wn_desc_equal_shape(scale, zero_point))
        return wn_fail(c, WN_TYPE_ERROR, "scale has shape %s, zeroPoint %s; they must be equal",
                       wn_shape_str(scale, a, sizeof a), wn_shape_str(zero_point, b, sizeof b));
    if (!wn_broadcastable_blockwise(scale, input))
        return wn_fail(c, WN_TYPE_ERROR, "scale shape %s is not blockwise broadcastable to the input shape %s",
                       wn_shape_str(scale, a, sizeof a), wn_shape_str(input, b, sizeof b));
    if (!wn_broadcastable_blockwise(zero_point, input))
        return wn_fail(c, WN_TYPE_ERROR, "zeroPoint shape %s is not blockwise broadcastable to the input shape %s",
                       wn_shape_str(zero_point, a, sizeof a), wn_shape_str(input, b, sizeof b));
    wn_desc out = *input;
    out.dtype = output_type;
    return wn_add_output(c, &out);
}

/* ---- dequantizeLinear (#api-mlgraphbuilder-dequantizelinear) ---- */

static int build_dequantize_linear(wn_call *c) { return build_quantization(c, wn_arg_desc(c, "scale")->dtype); }

/* a * b rounded once to the float type t. The double product p may itself be rounded (a
 * 33-bit integer times a 24-bit significand): a * b = p + e exactly (fma). That matters
 * only when p sits exactly on a rounding boundary of t (a midpoint between two values of
 * t, or the overflow threshold); then e says on which side the true product lies. */
static double product_rounded_once(double a, double b, wn_dtype t)
{
    double p = a * b;
    double e = fma(a, b, -p);
    double r = wn_round_to_dtype(p, t);
    if (e == 0 || r == p || !isfinite(p)) return r;
    double other = p + (p - r); /* the neighbour across p, exact when p is a midpoint */
    bool boundary = isinf(r) || wn_round_to_dtype(other, t) == other;
    if (!boundary) return r;
    return wn_round_to_dtype(nextafter(p, e > 0 ? INFINITY : -INFINITY), t);
}

/* output = (input - zeroPoint) * scale, computed exactly and rounded once to scale's type.
 * Non-positive scale is implementation-defined: we apply the formula as written. */
static int compute_dequantize_linear(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    const wn_tensor *scale = wn_in(c, "scale");
    const wn_tensor *zero_point = wn_in(c, "zeroPoint");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        size_t s = wn_blockwise_index(&scale->desc, &out->desc, coords);
        /* both are integers below 2^32 in magnitude: the difference is exact in double */
        double shifted = (double)wn_get_i64(in, i) - (double)wn_get_i64(zero_point, s);
        wn_put_f64(out, i, product_rounded_once(shifted, wn_get_f64(scale, s), out->desc.dtype));
    }
    return 0;
}

/* ---- quantizeLinear (#api-mlgraphbuilder-quantizelinear) ---- */

static int build_quantize_linear(wn_call *c) { return build_quantization(c, wn_arg_desc(c, "zeroPoint")->dtype); }

/* roundEven of the exact quotient x / s. The double quotient is correctly rounded, so it
 * can only mislead at an exact half: the residual x - q*s (exact with fma) then tells
 * whether the true quotient lies above or below. */
static double round_even_quotient(double x, double s)
{
    double q = x / s;
    if (!isfinite(q)) return q;
    double lo = floor(q);
    double frac = q - lo;
    if (frac == 0.5) {
        double r = fma(-q, s, x); /* x - q*s; the true quotient is q + r/s */
        if (r != 0) return (r > 0) == (s > 0) ? lo + 1 : lo;
        return fmod(lo, 2.0) == 0 ? lo : lo + 1;
    }
    return frac < 0.5 ? lo : lo + 1;
}

/* Saturates an integer-valued double to the integer type t; NaN gives 0. */
static int64_t saturate_to(double v, wn_dtype t)
{
    double lo, hi;
    switch (t) {
    case WN_INT8: lo = -128.0; hi = 127.0; break;
    case WN_UINT8: lo = 0.0; hi = 255.0; break;
    case WN_INT32: lo = -2147483648.0; hi = 2147483647.0; break;
    default: lo = 0.0; hi = 4294967295.0; break; /* uint32 */
    }
    if (v != v) return 0; /* NaN: implementation-defined, we choose 0 */
    if (v < lo) return (int64_t)lo;
    if (v > hi) return (int64_t)hi;
    return (int64_t)v;
}

/* output = saturate(roundEven(input / scale) + zeroPoint) to zeroPoint's type (the spec's
 * emulation clamps to [0, 255] for every type; the evident intent is the output range).
 * Non-positive scale is implementation-defined: we apply the formula as written. */
static int compute_quantize_linear(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    const wn_tensor *scale = wn_in(c, "scale");
    const wn_tensor *zero_point = wn_in(c, "zeroPoint");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        size_t s = wn_blockwise_index(&scale->desc, &out->desc, coords);
        double q = round_even_quotient(wn_get_f64(in, i), wn_get_f64(scale, s));
        /* q is an integer (or +-Inf/NaN); adding a zero point below 2^32 saturates correctly */
        double v = q + (double)wn_get_i64(zero_point, s);
        wn_put_i64(out, i, saturate_to(v, out->desc.dtype));
    }
    return 0;
}

const wn_op_impl wn_ops_quantization[] = {
    {"dequantizeLinear", build_dequantize_linear, compute_dequantize_linear},
    {"quantizeLinear", build_quantize_linear, compute_quantize_linear},
    {NULL, NULL, NULL},
};
