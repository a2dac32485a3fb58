/* The normalizations on oneDNN's batch and layer normalization primitives (scale and bias
 * through dnnl_use_scale / dnnl_use_shift, float32 statistics).
 * - batchNormalization: the input viewed as [outer, C, inner] around `axis`, the given mean
 *   and variance as global statistics.
 * - layerNormalization: oneDNN normalizes over the last dimension, so the input is viewed as
 *   [outer, inner] (after a reorder that puts the axes last when they are not).
 * - instanceNormalization: one batch normalization per batch item (a [1, C, H, W] view of it,
 *   statistics computed over H x W per channel), which is instance normalization. */
#include <string.h>

#include "dnn.h"

static int view_dims(dnn_graph *g, uint32_t k, int nd, const dnnl_dim_t *dims, dnnl_dim_t offset, const dnnl_dim_t *st,
                     uint32_t *out, wna_error *err)
{
    dnnl_memory_desc_t md;
    dnnl_dims_t s;
    for (int i = nd - 1, m = 1; i >= 0; i--) {
        s[i] = st ? st[i] : m;
        m *= (int)dims[i];
    }
    if (dnnl_memory_desc_init_by_strides(&md, nd, dims, g->values[k].md.data_type, s) != dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    return dnn_view_at(g, k, &md, (size_t)offset * dnnl_data_type_size(md.data_type), out, err);
}

/* An optional operand argument as a float32 value viewed as [n] (DNN_NONE when absent). */
static int param(dnn_graph *g, const wna_operation *op, const char *name, dnnl_dim_t n, uint32_t *out, wna_error *err)
{
    int64_t k = obl_arg_operand(op, name);
    *out = DNN_NONE;
    if (k < 0) return 0;
    uint32_t v;
    if (dnn_input(g, (uint32_t)k, dnnl_f32, &v, err) != 0) return -1;
    return view_dims(g, v, 1, &n, 0, NULL, out, err);
}

/* One normalization primitive: src view x, dst view y, then mean, variance, scale, shift
 * (DNN_NONE when absent; mean and variance are inputs only with global statistics). */
static int norm_step(dnn_graph *g, int layer, uint32_t x, uint32_t y, const uint32_t *stats, float eps,
                     wna_error *err)
{
    unsigned flags = (stats[0] != DNN_NONE ? dnnl_use_global_stats : 0) |
                     (stats[2] != DNN_NONE ? dnnl_use_scale : 0) | (stats[3] != DNN_NONE ? dnnl_use_shift : 0);
    union {
        dnnl_batch_normalization_desc_t b;
        dnnl_layer_normalization_desc_t l;
    } d;
    dnnl_status_t st = layer ? dnnl_layer_normalization_forward_desc_init(&d.l, dnnl_forward_inference,
                                                                          &g->values[x].md, NULL, eps, flags)
                             : dnnl_batch_normalization_forward_desc_init(&d.b, dnnl_forward_inference,
                                                                          &g->values[x].md, eps, flags);
    if (dnn_check(st, err, layer ? "layer normalization" : "batch normalization") != 0) return -1;
    static const int args[4] = {DNNL_ARG_MEAN, DNNL_ARG_VARIANCE, DNNL_ARG_SCALE, DNNL_ARG_SHIFT};
    dnn_io io[6];
    int n = 0;
    io[n++] = (dnn_io){DNNL_ARG_SRC, x};
    for (int i = 0; i < 4; i++)
        if (stats[i] != DNN_NONE) io[n++] = (dnn_io){args[i], stats[i]};
    io[n++] = (dnn_io){DNNL_ARG_DST, y};
    return dnn_step_add(g, &d, NULL, io, n - 1, n, err);
}

static int build_batch_norm(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t ii = obl_arg_operand(op, "input");
    if (ii < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    const wna_desc *d = dnn_desc(g, (uint32_t)ii);
    uint32_t axis = (uint32_t)obl_arg_int(op, "axis", 1);
    if (axis >= d->rank) return dnn_fail(err, WNA_OPERATION_ERROR, "bad axis");
    dnnl_dims_t dims = {1, d->dims[axis], 1};
    for (uint32_t i = 0; i < d->rank; i++) dims[i < axis ? 0 : 2] *= i == axis ? 1 : d->dims[i];
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t x, y, xv, yv, stats[4];
    if (dnn_input(g, (uint32_t)ii, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0 ||
        view_dims(g, x, 3, dims, 0, NULL, &xv, err) != 0 || view_dims(g, y, 3, dims, 0, NULL, &yv, err) != 0 ||
        param(g, op, "mean", dims[1], &stats[0], err) != 0 || param(g, op, "variance", dims[1], &stats[1], err) != 0 ||
        param(g, op, "scale", dims[1], &stats[2], err) != 0 || param(g, op, "bias", dims[1], &stats[3], err) != 0)
        return -1;
    float eps;
    if (dnn_param(g, (uint32_t)ii, obl_arg_double(op, "epsilon", 1e-5), &eps, err) != 0 ||
        norm_step(g, 0, xv, yv, stats, eps, err) != 0)
        return -1;
    return dnn_output_done(g, out, y, err);
}

/* A [dims permuted by perm] descriptor over plain value k (strides permuted alike). */
static int permuted_md(const dnn_graph *g, uint32_t k, uint32_t rank, const int64_t *perm, dnnl_memory_desc_t *md)
{
    const dnnl_memory_desc_t *v = &g->values[k].md;
    dnnl_dims_t dims, st;
    for (uint32_t i = 0; i < rank; i++) {
        dims[i] = v->dims[perm[i]];
        st[i] = v->format_desc.blocking.strides[perm[i]];
    }
    return dnnl_memory_desc_init_by_strides(md, (int)rank, dims, v->data_type, st) == dnnl_success ? 0 : -1;
}

/* layerNormalization over the trailing dimensions of a [outer, inner] view. Other axes: the
 * input is first reordered so that the axes come last, in the given order (the order of
 * scale's and bias's dimensions), and the result reordered back. */
static int build_layer_norm(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t ii = obl_arg_operand(op, "input");
    if (ii < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    const wna_desc *d = dnn_desc(g, (uint32_t)ii);
    int64_t axes[WNA_MAX_RANK], perm[WNA_MAX_RANK];
    int n = obl_arg_ints(op, "axes", axes, WNA_MAX_RANK);
    if (n < 0) { /* the spec's default: every axis but the first */
        n = d->rank ? (int)d->rank - 1 : 0;
        for (int i = 0; i < n; i++) axes[i] = i + 1;
    }
    if (n == 0)
        return dnn_fail(err, WNA_NOT_SUPPORTED_ERROR, "oneDNN's layer normalization needs an axis to normalize over");
    uint32_t np = 0, in_axes = 0;
    for (int i = 0; i < n; i++) in_axes |= 1u << axes[i];
    for (uint32_t i = 0; i < d->rank; i++)
        if (!(in_axes & (1u << i))) perm[np++] = i;
    for (int i = 0; i < n; i++) perm[np++] = axes[i];
    int permuted = 0;
    for (uint32_t i = 0; i < d->rank; i++) permuted |= perm[i] != (int64_t)i;
    dnnl_dims_t dims = {1, 1};
    for (uint32_t i = 0; i < d->rank; i++) dims[i < d->rank - (uint32_t)n ? 0 : 1] *= d->dims[perm[i]];
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t x, y, xv, yv, stats[4] = {DNN_NONE, DNN_NONE, DNN_NONE, DNN_NONE};
    if (dnn_input(g, (uint32_t)ii, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0) return -1;
    dnnl_memory_desc_t xp, yp;
    uint32_t xs = x, ys = y; /* the operands of the normalization, in the permuted order */
    if (permuted) {
        if (permuted_md(g, x, d->rank, perm, &xp) != 0 || permuted_md(g, y, d->rank, perm, &yp) != 0)
            return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
        dnnl_memory_desc_t plain;
        uint32_t pd_dims[WNA_MAX_RANK];
        for (uint32_t i = 0; i < d->rank; i++) pd_dims[i] = (uint32_t)xp.dims[i];
        if (dnn_md_plain(&plain, d->rank, pd_dims, dt) != 0) return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
        if (dnn_temp(g, &plain, &xs, err) != 0 || dnn_temp(g, &plain, &ys, err) != 0 ||
            dnn_reorder(g, x, &xp, xs, NULL, err) != 0)
            return -1;
    }
    if (view_dims(g, xs, 2, dims, 0, NULL, &xv, err) != 0 || view_dims(g, ys, 2, dims, 0, NULL, &yv, err) != 0 ||
        param(g, op, "scale", dims[1], &stats[2], err) != 0 || param(g, op, "bias", dims[1], &stats[3], err) != 0)
        return -1;
    float eps;
    if (dnn_param(g, (uint32_t)ii, obl_arg_double(op, "epsilon", 1e-5), &eps, err) != 0 ||
        norm_step(g, 1, xv, yv, stats, eps, err) != 0)
        return -1;
    if (permuted && dnn_reorder(g, ys, NULL, y, &yp, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

static int build_instance_norm(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t ii = obl_arg_operand(op, "input");
    if (ii < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    const wna_desc *d = dnn_desc(g, (uint32_t)ii);
    int nhwc = strcmp(obl_arg_string(op, "layout", "nchw"), "nhwc") == 0;
    dnnl_dim_t N = d->dims[0], C = d->dims[nhwc ? 3 : 1], H = d->dims[nhwc ? 1 : 2], W = d->dims[nhwc ? 2 : 3];
    dnnl_dims_t dims = {1, C, H, W};
    dnnl_dims_t st = {C * H * W, nhwc ? 1 : H * W, nhwc ? W * C : W, nhwc ? C : 1};
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t x, y, stats[4] = {DNN_NONE, DNN_NONE, DNN_NONE, DNN_NONE};
    if (dnn_input(g, (uint32_t)ii, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0 ||
        param(g, op, "scale", C, &stats[2], err) != 0 || param(g, op, "bias", C, &stats[3], err) != 0)
        return -1;
    float eps;
    if (dnn_param(g, (uint32_t)ii, obl_arg_double(op, "epsilon", 1e-5), &eps, err) != 0) return -1;
    for (dnnl_dim_t n = 0; n < N; n++) {
        uint32_t xv, yv;
        if (view_dims(g, x, 4, dims, n * C * H * W, st, &xv, err) != 0 ||
            view_dims(g, y, 4, dims, n * C * H * W, st, &yv, err) != 0 || norm_step(g, 0, xv, yv, stats, eps, err) != 0)
            return -1;
    }
    return dnn_output_done(g, out, y, err);
}

static const wna_operand_limits bn_limits[] = {
    {"input", DNN_FLOATS, 1, WNA_MAX_RANK}, {"mean", DNN_FLOATS, 1, 1}, {"variance", DNN_FLOATS, 1, 1},
    {"scale", DNN_FLOATS, 1, 1},            {"bias", DNN_FLOATS, 1, 1}, {"output", DNN_FLOATS, 1, WNA_MAX_RANK}};
static const wna_operand_limits ln_limits[] = {{"input", DNN_FLOATS, 1, WNA_MAX_RANK},
                                               {"scale", DNN_FLOATS, 1, WNA_MAX_RANK},
                                               {"bias", DNN_FLOATS, 1, WNA_MAX_RANK},
                                               {"output", DNN_FLOATS, 1, WNA_MAX_RANK}};
static const wna_operand_limits in_limits[] = {
    {"input", DNN_FLOATS, 4, 4}, {"scale", DNN_FLOATS, 1, 1}, {"bias", DNN_FLOATS, 1, 1}, {"output", DNN_FLOATS, 4, 4}};

static const dnn_op ops[] = {
    {"batchNormalization", bn_limits, 6, build_batch_norm},
    {"layerNormalization", ln_limits, 4, build_layer_norm},
    {"instanceNormalization", in_limits, 4, build_instance_norm},
};

const dnn_op_set dnn_set_norm = {ops, sizeof ops / sizeof ops[0]};
