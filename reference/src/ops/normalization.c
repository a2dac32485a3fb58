/* batchNormalization, instanceNormalization, layerNormalization:
 *   output = scale * (input - mean) / sqrt(variance + epsilon) + bias
 * computed in double and rounded once. epsilon is first cast to the input's data type
 * (a builder step of each op). instance/layer normalization compute mean and the
 * population variance of the input over some axes, in double. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

/* The builder step "set epsilon to the result of casting epsilon to input's dataType". */
static double cast_epsilon(const wn_call *c, wn_dtype t)
{
    wn_number eps = wn_number_from_double(wn_arg_double(c, "epsilon", 1e-5));
    return wn_number_cast(&eps, t).f;
}

/* Is the operand's shape exactly « size »? */
static bool is_vector_of(const wn_desc *d, uint32_t size) { return d->rank == 1 && d->dims[0] == size; }

/* Optional scale (default 1) / bias (default 0) value at index i. */
static double opt_value(const wn_tensor *t, size_t i, double dflt) { return t ? wn_get_f64(t, i) : dflt; }

static double normalize(double x, double mean, double variance, double eps, double scale, double bias)
{
    return scale * ((x - mean) / sqrt(variance + eps)) + bias;
}

/* Mean and population variance of the input over the axes marked in `reduced`, one pair per
 * group (a group = the input coordinates with the reduced ones set to 0, indexed in
 * `groups`, the input shape with reduced dims 1). Two passes: mean, then mean of squared
 * deviations. */
static int group_moments(wn_call *c, const wn_tensor *x, const bool *reduced, wn_desc *groups, double **mean_out,
                         double **var_out)
{
    *groups = x->desc;
    for (uint32_t a = 0; a < x->desc.rank; a++)
        if (reduced[a]) groups->dims[a] = 1;
    size_t n = wn_desc_count(&x->desc), n_groups = wn_desc_count(groups);
    double per_group = (double)(n / n_groups);
    double *mean = calloc(n_groups, sizeof *mean), *var = calloc(n_groups, sizeof *var);
    if (!mean || !var) {
        free(mean);
        free(var);
        return wn_fail(c, WN_RESOURCE_ERROR, "out of memory");
    }
    uint32_t coords[WN_MAX_RANK];
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&x->desc, i, coords);
        mean[wn_broadcast_index(groups, &x->desc, coords)] += wn_get_f64(x, i);
    }
    for (size_t g = 0; g < n_groups; g++) mean[g] /= per_group;
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&x->desc, i, coords);
        size_t g = wn_broadcast_index(groups, &x->desc, coords);
        double d = wn_get_f64(x, i) - mean[g];
        var[g] += d * d;
    }
    for (size_t g = 0; g < n_groups; g++) var[g] /= per_group;
    *mean_out = mean;
    *var_out = var;
    return 0;
}

/* ------------------------------------------------------------------------------------ */
/* batchNormalization (#api-mlgraphbuilder-batchnorm) */

/* Builder steps after the registry's type/rank rules: axis in range, then mean, variance,
 * scale, bias each of shape « input.shape[axis] ». */
static int build_batch_normalization(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    uint32_t axis = wn_arg_uint(c, "axis", 1);
    if (axis >= in->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the input rank %u", axis, in->rank);
    uint32_t size = in->dims[axis];
    static const char *const names[] = {"mean", "variance", "scale", "bias"};
    for (int k = 0; k < 4; k++) {
        const wn_desc *d = wn_arg_desc(c, names[k]);
        if (d && !is_vector_of(d, size))
            return wn_fail(c, WN_TYPE_ERROR, "%s must have shape [%u] (input.shape[%u])", names[k], size, axis);
    }
    return wn_add_output(c, in);
}

static int compute_batch_normalization(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input"), *mean = wn_in(c, "mean"), *variance = wn_in(c, "variance");
    const wn_tensor *scale = wn_in(c, "scale"), *bias = wn_in(c, "bias");
    wn_tensor *y = wn_out(c, 0);
    uint32_t axis = wn_arg_uint(c, "axis", 1);
    double eps = cast_epsilon(c, x->desc.dtype);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&x->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&x->desc, i, coords);
        uint32_t f = coords[axis]; /* the feature this element belongs to */
        wn_put_f64(y, i,
                   normalize(wn_get_f64(x, i), wn_get_f64(mean, f), wn_get_f64(variance, f), eps,
                             opt_value(scale, f, 1.0), opt_value(bias, f, 0.0)));
    }
    return 0;
}

/* ------------------------------------------------------------------------------------ */
/* instanceNormalization (#api-mlgraphbuilder-instancenorm) */

/* "Let axis be 1 if layout is nchw, and 3 otherwise." */
static uint32_t channel_axis(const wn_call *c) { return strcmp(wn_arg_enum(c, "layout", "nchw"), "nchw") == 0 ? 1 : 3; }

/* Builder steps after the registry's type/rank (4) rules: scale and bias of shape
 * « input.shape[axis] ». */
static int build_instance_normalization(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    uint32_t axis = channel_axis(c);
    static const char *const names[] = {"scale", "bias"};
    for (int k = 0; k < 2; k++) {
        const wn_desc *d = wn_arg_desc(c, names[k]);
        if (d && !is_vector_of(d, in->dims[axis]))
            return wn_fail(c, WN_TYPE_ERROR, "%s must have shape [%u] (the channel count)", names[k], in->dims[axis]);
    }
    return wn_add_output(c, in);
}

/* Mean and variance per (batch, channel) over the two spatial dimensions. */
static int compute_instance_normalization(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input"), *scale = wn_in(c, "scale"), *bias = wn_in(c, "bias");
    wn_tensor *y = wn_out(c, 0);
    uint32_t axis = channel_axis(c);
    double eps = cast_epsilon(c, x->desc.dtype);
    bool reduced[WN_MAX_RANK] = {false};
    for (uint32_t a = 1; a < 4; a++) reduced[a] = a != axis; /* the spatial axes */
    wn_desc groups;
    double *mean, *var;
    if (group_moments(c, x, reduced, &groups, &mean, &var) != 0) return -1;
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&x->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&x->desc, i, coords);
        size_t g = wn_broadcast_index(&groups, &x->desc, coords);
        uint32_t ch = coords[axis];
        wn_put_f64(y, i, normalize(wn_get_f64(x, i), mean[g], var[g], eps, opt_value(scale, ch, 1.0),
                                   opt_value(bias, ch, 0.0)));
    }
    free(mean);
    free(var);
    return 0;
}

/* ------------------------------------------------------------------------------------ */
/* layerNormalization (#api-mlgraphbuilder-layernorm) */

/* options.axes, or the default: 1 .. rank-1 (empty when rank <= 1). Like the reductions,
 * only the first rank+1 entries are needed to find a duplicate or out-of-range axis. */
static void layer_norm_axes(const wn_call *c, uint32_t rank, uint32_t *axes, uint32_t *n)
{
    if (!wn_arg_present(c, "axes")) {
        *n = 0;
        for (uint32_t a = 1; a < rank; a++) axes[(*n)++] = a;
        return;
    }
    uint32_t count = wn_arg_count(c, "axes");
    *n = count < rank + 1 ? count : rank + 1;
    for (uint32_t i = 0; i < *n; i++) axes[i] = wn_arg_uint_at(c, "axes", i);
}

/* Builder steps in spec order: axes valid, scale/bias rank = axes size, then for each
 * index, scale/bias shape[index] = input.shape[axes[index]]. */
static int build_layer_normalization(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    uint32_t axes[WN_MAX_RANK + 1], n;
    layer_norm_axes(c, in->rank, axes, &n);
    if (wn_arg_present(c, "axes") && wn_check_axes(c, "axes", axes, n, in->rank) != 0) return -1;
    static const char *const names[] = {"scale", "bias"};
    for (int k = 0; k < 2; k++) {
        const wn_desc *d = wn_arg_desc(c, names[k]);
        if (d && d->rank != n)
            return wn_fail(c, WN_TYPE_ERROR, "%s has rank %u, must equal the number of axes (%u)", names[k], d->rank, n);
    }
    for (uint32_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            const wn_desc *d = wn_arg_desc(c, names[k]);
            if (d && d->dims[i] != in->dims[axes[i]])
                return wn_fail(c, WN_TYPE_ERROR, "%s.shape[%u] is %u, must equal input.shape[%u] = %u", names[k], i,
                               d->dims[i], axes[i], in->dims[axes[i]]);
        }
    return wn_add_output(c, in);
}

/* Mean and variance over the axes for each combination of the other coordinates; scale
 * and bias are indexed by the input coordinates at axes, in the order of axes. With no
 * axes each element is its own mean with variance 0, so the output is bias (or 0). */
static int compute_layer_normalization(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input"), *scale = wn_in(c, "scale"), *bias = wn_in(c, "bias");
    wn_tensor *y = wn_out(c, 0);
    uint32_t axes[WN_MAX_RANK + 1], n_axes;
    layer_norm_axes(c, x->desc.rank, axes, &n_axes);
    double eps = cast_epsilon(c, x->desc.dtype);
    bool reduced[WN_MAX_RANK] = {false};
    for (uint32_t k = 0; k < n_axes; k++) reduced[axes[k]] = true;
    wn_desc groups;
    double *mean, *var;
    if (group_moments(c, x, reduced, &groups, &mean, &var) != 0) return -1;
    wn_desc params = {.dtype = x->desc.dtype, .rank = n_axes}; /* shape of scale and bias */
    for (uint32_t k = 0; k < n_axes; k++) params.dims[k] = x->desc.dims[axes[k]];
    uint32_t coords[WN_MAX_RANK], pc[WN_MAX_RANK];
    size_t n = wn_desc_count(&x->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&x->desc, i, coords);
        size_t g = wn_broadcast_index(&groups, &x->desc, coords);
        for (uint32_t k = 0; k < n_axes; k++) pc[k] = coords[axes[k]];
        size_t p = wn_ravel(&params, pc);
        wn_put_f64(y, i, normalize(wn_get_f64(x, i), mean[g], var[g], eps, opt_value(scale, p, 1.0),
                                   opt_value(bias, p, 0.0)));
    }
    free(mean);
    free(var);
    return 0;
}

const wn_op_impl wn_ops_normalization[] = {
    {"batchNormalization", build_batch_normalization, compute_batch_normalization},
    {"instanceNormalization", build_instance_normalization, compute_instance_normalization},
    {"layerNormalization", build_layer_normalization, compute_layer_normalization},
    {NULL, NULL, NULL},
};
