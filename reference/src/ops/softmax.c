/* softmax (#api-mlgraphbuilder-softmax-method): exp(x - max) / sum(exp(x - max)) along
 * one axis, computed in double and rounded once. */
#include <math.h>

#include "webnn/op.h"

#include "ops_index.h"

/* Builder steps: data type and rank come from the registry; the axis must name a
 * dimension of the input; the output copies the input's descriptor. */
static int build_softmax(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    if (axis >= in->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the input rank %u", axis, in->rank);
    return wn_add_output(c, in);
}

/* Largest value on the line; NaN propagates (so the whole line becomes NaN). */
static double line_max(const wn_tensor *x, size_t base, size_t stride, uint32_t len)
{
    double m = -INFINITY;
    for (uint32_t k = 0; k < len; k++) {
        double v = wn_get_f64(x, base + k * stride);
        if (isnan(v)) return v;
        if (v > m) m = v;
    }
    return m;
}

/* For each line along the axis: subtract the line's max (the spec emulation's stability
 * trick), exponentiate, divide by the sum. An infinite max gives NaN where the emulation
 * does (inf - inf); we follow the emulation rather than the limit. */
static int compute_softmax(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    size_t strides[WN_MAX_RANK];
    wn_strides(&x->desc, strides);
    size_t stride = strides[axis];
    uint32_t len = x->desc.dims[axis];
    wn_desc lines = x->desc; /* one element per line: the axis collapsed to 1 */
    lines.dims[axis] = 1;
    uint32_t lc[WN_MAX_RANK];
    size_t n_lines = wn_desc_count(&lines);
    for (size_t l = 0; l < n_lines; l++) {
        wn_unravel(&lines, l, lc);
        size_t base = wn_ravel(&x->desc, lc);
        double m = line_max(x, base, stride, len);
        double sum = 0;
        for (uint32_t k = 0; k < len; k++) sum += exp(wn_get_f64(x, base + k * stride) - m);
        for (uint32_t k = 0; k < len; k++) {
            size_t i = base + k * stride;
            wn_put_f64(y, i, exp(wn_get_f64(x, i) - m) / sum);
        }
    }
    return 0;
}

const wn_op_impl wn_ops_softmax[] = {
    {"softmax", build_softmax, compute_softmax},
    {NULL, NULL, NULL},
};
