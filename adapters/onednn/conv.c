/* conv2d, convTranspose2d and the pools on oneDNN's convolution, deconvolution and pooling_v2
 * primitives. Layouts are memory descriptors: an nhwc input is the logical [N, C, H, W] with
 * channel-last strides; a filter in any WebNN layout is oneDNN's logical [G, O/G, I/G, KH, KW]
 * (or [O, I, KH, KW]) with the strides of that layout. The primitive picks its own (blocked)
 * layouts ("any"); dnn_step_add reorders around it, filters once at build when constant.
 * oneDNN's padding_r is derived from the output size the builder inferred, which covers
 * outputPadding, outputSizes and ceil rounding. Dilations: oneDNN counts them from 0. */
#include <string.h>

#include "dnn.h"

/* The [N, C, H, W] view of a 4-D activation in layout nchw or nhwc. */
static int act_md(const dnn_graph *g, uint32_t k, int nhwc, dnnl_memory_desc_t *md)
{
    const dnnl_memory_desc_t *v = &g->values[k].md;
    const dnnl_dim_t *d = v->dims;
    dnnl_dims_t dims, strides;
    if (!nhwc) return dnnl_memory_desc_init_by_strides(md, 4, v->dims, v->data_type, v->format_desc.blocking.strides);
    dims[0] = d[0], dims[1] = d[3], dims[2] = d[1], dims[3] = d[2];
    strides[0] = d[1] * d[2] * d[3], strides[1] = 1, strides[2] = d[2] * d[3], strides[3] = d[3];
    return dnnl_memory_desc_init_by_strides(md, 4, dims, v->data_type, strides) == dnnl_success ? 0 : -1;
}

/* A filter in a WebNN layout as oneDNN weights. `layout` names the filter's dimensions in
 * storage order with o (per-group outputs for convTranspose2d, all outputs for conv2d), i, h, w;
 * o_grouped says which of o or i carries the groups in storage. */
static int filter_md(const dnn_graph *g, uint32_t k, const char *layout, uint32_t groups, int groups_on_o,
                     dnnl_memory_desc_t *md)
{
    const dnnl_memory_desc_t *v = &g->values[k].md;
    dnnl_dim_t size[128] = {0}, stride[128] = {0};
    for (int i = 0; i < 4; i++) {
        size[(unsigned char)layout[i]] = v->dims[i];
        stride[(unsigned char)layout[i]] = v->format_desc.blocking.strides[i];
    }
    dnnl_dim_t O = size['o'], I = size['i'];
    if (groups <= 1) {
        dnnl_dims_t dims = {O, I, size['h'], size['w']}, st = {stride['o'], stride['i'], stride['h'], stride['w']};
        return dnnl_memory_desc_init_by_strides(md, 4, dims, v->data_type, st) == dnnl_success ? 0 : -1;
    }
    dnnl_dim_t G = groups;
    dnnl_dim_t og = groups_on_o ? O / G : O, ig = groups_on_o ? I : I / G;
    dnnl_dim_t sg = groups_on_o ? og * stride['o'] : ig * stride['i'];
    dnnl_dims_t dims = {G, og, ig, size['h'], size['w']};
    dnnl_dims_t st = {sg, stride['o'], stride['i'], stride['h'], stride['w']};
    return dnnl_memory_desc_init_by_strides(md, 5, dims, v->data_type, st) == dnnl_success ? 0 : -1;
}

static int any_md(const dnnl_memory_desc_t *like, dnnl_memory_desc_t *md)
{
    return dnnl_memory_desc_init_by_tag(md, like->ndims, like->dims, like->data_type, dnnl_format_tag_any) ==
                   dnnl_success
               ? 0
               : -1;
}

typedef struct conv_geom {
    size_t pad[4]; /* [beginH, endH, beginW, endW] */
    size_t strides[2], dilations[2];
} conv_geom;

static int read_geom(const wna_operation *op, conv_geom *cg, wna_error *err)
{
    memset(cg->pad, 0, sizeof cg->pad);
    cg->strides[0] = cg->strides[1] = cg->dilations[0] = cg->dilations[1] = 1;
    if (obl_arg_sizes(op, "padding", cg->pad, 4) != 0 || obl_arg_sizes(op, "strides", cg->strides, 2) != 0 ||
        obl_arg_sizes(op, "dilations", cg->dilations, 2) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "bad padding, strides or dilations");
    return 0;
}

static int build_conv(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int transposed = strcmp(op->op, "convTranspose2d") == 0;
    int64_t ii = obl_arg_operand(op, "input"), iw = obl_arg_operand(op, "filter"), ib = obl_arg_operand(op, "bias");
    if (ii < 0 || iw < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    conv_geom geo;
    if (read_geom(op, &geo, err) != 0) return -1;
    uint32_t groups = (uint32_t)obl_arg_int(op, "groups", 1);
    int nhwc = strcmp(obl_arg_string(op, "inputLayout", "nchw"), "nhwc") == 0;
    const char *fl = obl_arg_string(op, "filterLayout", transposed ? "iohw" : "oihw");
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t x, w, y, b = DNN_NONE;
    if (dnn_input(g, (uint32_t)ii, dt, &x, err) != 0 || dnn_input(g, (uint32_t)iw, dt, &w, err) != 0 ||
        dnn_output(g, out, dt, &y, err) != 0 || (ib >= 0 && dnn_input(g, (uint32_t)ib, dt, &b, err) != 0))
        return -1;
    dnnl_memory_desc_t xmd, wmd, ymd, xany, wany, yany;
    if (act_md(g, x, nhwc, &xmd) != 0 || act_md(g, y, nhwc, &ymd) != 0 ||
        filter_md(g, w, fl, groups, !transposed, &wmd) != 0 || any_md(&xmd, &xany) != 0 || any_md(&wmd, &wany) != 0 ||
        any_md(&ymd, &yany) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    uint32_t xv, wv, yv;
    if (dnn_view(g, x, &xmd, &xv, err) != 0 || dnn_view(g, w, &wmd, &wv, err) != 0 ||
        dnn_view(g, y, &ymd, &yv, err) != 0)
        return -1;
    dnnl_dims_t strides = {(dnnl_dim_t)geo.strides[0], (dnnl_dim_t)geo.strides[1]};
    dnnl_dims_t dil = {(dnnl_dim_t)geo.dilations[0] - 1, (dnnl_dim_t)geo.dilations[1] - 1};
    dnnl_dims_t pl = {(dnnl_dim_t)geo.pad[0], (dnnl_dim_t)geo.pad[2]}, pr;
    for (int s = 0; s < 2; s++) {
        dnnl_dim_t in = xmd.dims[2 + s], o = ymd.dims[2 + s], k = wmd.dims[wmd.ndims - 2 + s];
        dnnl_dim_t dk = (k - 1) * (dil[s] + 1) + 1;
        pr[s] = transposed ? (in - 1) * strides[s] + dk - pl[s] - o : (o - 1) * strides[s] + dk - in - pl[s];
    }
    const dnnl_memory_desc_t *bmd = b != DNN_NONE ? &g->values[b].md : NULL;
    dnnl_convolution_desc_t d;
    dnnl_status_t st =
        transposed ? dnnl_dilated_deconvolution_forward_desc_init(&d, dnnl_forward_inference, dnnl_deconvolution_direct,
                                                                  &xany, &wany, bmd, &yany, strides, dil, pl, pr)
                   : dnnl_dilated_convolution_forward_desc_init(&d, dnnl_forward_inference, dnnl_convolution_direct,
                                                                &xany, &wany, bmd, &yany, strides, dil, pl, pr);
    if (dnn_check(st, err, transposed ? "deconvolution" : "convolution") != 0) return -1;
    dnn_io io[4] = {{DNNL_ARG_SRC, xv}, {DNNL_ARG_WEIGHTS, wv}, {DNNL_ARG_BIAS, b}, {DNNL_ARG_DST, yv}};
    if (b == DNN_NONE) io[2] = io[3];
    int n_in = b == DNN_NONE ? 2 : 3;
    if (dnn_step_add(g, &d, NULL, io, n_in, n_in + 1, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

static int build_pool(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t ii = obl_arg_operand(op, "input");
    if (ii < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    conv_geom geo;
    if (read_geom(op, &geo, err) != 0) return -1;
    int nhwc = strcmp(obl_arg_string(op, "layout", "nchw"), "nhwc") == 0;
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t x, y, xv, yv;
    if (dnn_input(g, (uint32_t)ii, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0) return -1;
    dnnl_memory_desc_t xmd, ymd, yany; /* pooling takes its source as it is (no "any") */
    if (act_md(g, x, nhwc, &xmd) != 0 || act_md(g, y, nhwc, &ymd) != 0 || any_md(&ymd, &yany) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    if (dnn_view(g, x, &xmd, &xv, err) != 0 || dnn_view(g, y, &ymd, &yv, err) != 0) return -1;
    size_t win[2] = {(size_t)xmd.dims[2], (size_t)xmd.dims[3]};
    if (obl_arg_sizes(op, "windowDimensions", win, 2) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "bad windowDimensions");
    if (obl_arg(op, "outputSizes")) memset(geo.pad, 0, sizeof geo.pad); /* the spec ignores padding then */
    dnnl_dims_t strides = {(dnnl_dim_t)geo.strides[0], (dnnl_dim_t)geo.strides[1]};
    dnnl_dims_t kernel = {(dnnl_dim_t)win[0], (dnnl_dim_t)win[1]};
    dnnl_dims_t dil = {(dnnl_dim_t)geo.dilations[0] - 1, (dnnl_dim_t)geo.dilations[1] - 1};
    dnnl_dims_t pl = {(dnnl_dim_t)geo.pad[0], (dnnl_dim_t)geo.pad[2]}, pr;
    for (int s = 0; s < 2; s++) {
        dnnl_dim_t dk = (kernel[s] - 1) * (dil[s] + 1) + 1;
        pr[s] = (ymd.dims[2 + s] - 1) * strides[s] + dk - xmd.dims[2 + s] - pl[s];
    }
    dnnl_alg_kind_t alg = strcmp(op->op, "maxPool2d") == 0 ? dnnl_pooling_max : dnnl_pooling_avg_exclude_padding;
    dnnl_pooling_v2_desc_t d;
    if (dnn_check(dnnl_pooling_v2_forward_desc_init(&d, dnnl_forward_inference, alg, &xmd, &yany, strides, kernel,
                                                    dil, pl, pr),
                  err, "pooling") != 0)
        return -1;
    const dnn_io io[2] = {{DNNL_ARG_SRC, xv}, {DNNL_ARG_DST, yv}};
    if (dnn_step_add(g, &d, NULL, io, 1, 2, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

static const wna_operand_limits conv_limits[] = {
    {"input", DNN_FLOATS, 4, 4}, {"filter", DNN_FLOATS, 4, 4}, {"bias", DNN_FLOATS, 1, 1}, {"output", DNN_FLOATS, 4, 4}};
static const wna_operand_limits pool_limits[] = {{"input", DNN_FLOATS, 4, 4}, {"output", DNN_FLOATS, 4, 4}};

static const dnn_op ops[] = {
    {"conv2d", conv_limits, 4, build_conv},
    {"convTranspose2d", conv_limits, 4, build_conv},
    {"averagePool2d", pool_limits, 2, build_pool},
    {"maxPool2d", pool_limits, 2, build_pool},
};

const dnn_op_set dnn_set_conv = {ops, sizeof ops / sizeof ops[0]};
