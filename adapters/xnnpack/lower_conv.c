/* Lowerings of conv2d, convTranspose2d, the pools and resample2d: XNNPACK works in NHWC with
 * OHWI filters, so nchw inputs are transposed around the node and filters repacked at build. */
#include <math.h>
#include <string.h>

#include "xnn.h"

static const uint32_t TO_NHWC[4] = {0, 2, 3, 1}, TO_NCHW[4] = {0, 3, 1, 2};

/* the spatial options: [beginH, endH, beginW, endW] padding, strides, dilations */
static int spatial_options(const wna_operation *op, xa_node *n, wna_error *err)
{
    int64_t p[4] = {0, 0, 0, 0}, s[2] = {1, 1}, d[2] = {1, 1};
    if ((xa_arg(op, "padding") && xa_arg_ints(op, "padding", p, 4) != 4) ||
        (xa_arg(op, "strides") && xa_arg_ints(op, "strides", s, 2) != 2) ||
        (xa_arg(op, "dilations") && xa_arg_ints(op, "dilations", d, 2) != 2))
        return xa_fail(err, WNA_TYPE_ERROR, "%s: padding, strides or dilations of the wrong length", op->op);
    for (int i = 0; i < 4; i++)
        if (p[i] < 0 || p[i] > INT32_MAX) return xa_fail(err, WNA_TYPE_ERROR, "%s: padding %lld", op->op, (long long)p[i]);
    for (int i = 0; i < 2; i++) {
        if (s[i] < 1 || d[i] < 1)
            return xa_fail(err, WNA_TYPE_ERROR, "%s: strides and dilations must be positive", op->op);
        if (s[i] > UINT32_MAX || d[i] > UINT32_MAX) /* XNNPACK takes uint32_t; WebNN's are unsigned long too */
            return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: a stride or dilation beyond 2^32-1", op->op);
    }
    n->pad[0] = (uint32_t)p[0]; /* XNNPACK: top, right, bottom, left */
    n->pad[1] = (uint32_t)p[3];
    n->pad[2] = (uint32_t)p[1];
    n->pad[3] = (uint32_t)p[2];
    n->sh = (uint32_t)s[0];
    n->sw = (uint32_t)s[1];
    n->dh = (uint32_t)d[0];
    n->dw = (uint32_t)d[1];
    return 0;
}

/* node n from an input already in NHWC to `out` (transposed back when the op is nchw) */
static int add_node_to(xa_graph *g, xa_node *n, uint32_t nhwc_in, uint32_t out, int nchw, wna_error *err)
{
    n->in[0] = nhwc_in;
    if (!nchw) {
        n->out = out;
        return xa_add_node(g, n, err);
    }
    uint32_t t_out;
    if (xa_add_value_like(g, out, TO_NHWC, &t_out, err)) return -1;
    n->out = t_out;
    if (xa_add_node(g, n, err)) return -1;
    xa_node back = {.kind = XA_TRANSPOSE, .in = {t_out}, .n_in = 1, .out = out};
    memcpy(back.perm, TO_NCHW, sizeof TO_NCHW);
    return xa_add_node(g, &back, err);
}

/* the node between an input and an output in `layout`: nchw ones are transposed around it */
static int add_nhwc_node(xa_graph *g, xa_node *n, uint32_t in, uint32_t out, int nchw, wna_error *err)
{
    uint32_t t_in = in;
    if (nchw && xa_transpose(g, in, TO_NHWC, &t_in, err)) return -1;
    return add_node_to(g, n, t_in, out, nchw, err);
}

/* XNNPACK's max pooling (Debian's 0.0~git20220216 snapshot) replaces each tap of a dilated
 * window that lies in the padding by a "safe" tap at o*s - p%d (+d): near the bottom and right
 * edges that tap is outside the image too, so it reads the next row's pixels or past the
 * tensor's end (adapters/xnnpack/README.md, repro/maxpool_dilated_padding.c). A dilated max
 * pool with padding therefore pools an explicitly padded copy (-inf) with no padding. */
static int add_padded_maxpool(xa_graph *g, xa_node *n, uint32_t in, uint32_t out, int nchw, wna_error *err)
{
    uint32_t t_in = in;
    if (nchw && xa_transpose(g, in, TO_NHWC, &t_in, err)) return -1;
    const xa_value *v = &g->values[t_in];
    size_t dims[4] = {v->dims[0], v->dims[1] + n->pad[0] + n->pad[2], v->dims[2] + n->pad[3] + n->pad[1], v->dims[3]};
    size_t count = 1; /* the copy is not a graph operand: the runner's tensor cap does not cover it */
    for (int i = 0; i < 4; i++) {
        if (dims[i] > ((size_t)1 << 31) / count)
            return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "maxPool2d: the padded copy of the input would pass 2^31 elements");
        count *= dims[i];
    }
    int padded = xa_add_value(g, 4, dims, v->f16, err);
    if (padded < 0) return -1;
    xa_node pad = {.kind = XA_PAD, .in = {t_in}, .n_in = 1, .out = (uint32_t)padded, .alpha = -INFINITY,
                   .pre = {0, n->pad[0], n->pad[3], 0}, .post = {0, n->pad[2], n->pad[1], 0}};
    if (xa_add_node(g, &pad, err)) return -1;
    memset(n->pad, 0, sizeof n->pad);
    return add_node_to(g, n, (uint32_t)padded, out, nchw, err);
}

static int layout_nchw(const wna_operation *op, const char *name, wna_error *err)
{
    const char *l = xa_arg_string(op, name, "nchw");
    if (strcmp(l, "nchw") == 0) return 1;
    if (strcmp(l, "nhwc") == 0) return 0;
    return xa_fail(err, WNA_TYPE_ERROR, "%s: %s %s", op->op, name, l);
}

static int const_bias(xa_graph *g, const wna_operation *op, uint32_t *bias, wna_error *err)
{
    *bias = UINT32_MAX;
    if (xa_arg_operand(op, "bias") < 0) return 0;
    if (xa_input_value(g, op, "bias", bias, err)) return -1;
    if (!g->values[*bias].is_const)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: XNNPACK takes only a constant bias", op->op);
    return 0;
}

/* a filter layout and the permutation to the layout the lowering repacks from */
typedef struct filter_layout {
    const char *name;
    uint32_t perm[4];
} filter_layout;

/* conv2d / convTranspose2d: input, bias, spatial options and the constant filter permuted from
 * its filterLayout (one of layouts[n], default layouts[0]) into *filter; *nchw from inputLayout */
static int conv_operands(xa_graph *g, const wna_operation *op, const filter_layout *layouts, size_t n_layouts,
                         xa_node *n, uint32_t *in, uint32_t *filter, uint32_t *bias, int *nchw, wna_error *err)
{
    uint32_t raw;
    *nchw = layout_nchw(op, "inputLayout", err);
    if (*nchw < 0 || xa_input_value(g, op, "input", in, err) || xa_input_value(g, op, "filter", &raw, err) ||
        const_bias(g, op, bias, err) || spatial_options(op, n, err))
        return -1;
    if (!g->values[raw].is_const)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: XNNPACK takes only a constant filter", op->op);
    const char *fl = xa_arg_string(op, "filterLayout", layouts[0].name);
    size_t li = 0;
    while (li < n_layouts && strcmp(layouts[li].name, fl) != 0) li++;
    if (li == n_layouts) return xa_fail(err, WNA_TYPE_ERROR, "%s: filterLayout %s", op->op, fl);
    return xa_transpose(g, raw, layouts[li].perm, filter, err);
}

int xa_lower_conv2d(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    static const filter_layout layouts[] = {
        {"oihw", {0, 2, 3, 1}}, {"hwio", {3, 0, 1, 2}}, {"ohwi", {0, 1, 2, 3}}, {"ihwo", {3, 1, 2, 0}}};
    uint32_t in, ohwi, bias, out = xa_output_value(g, op);
    xa_node n = {.kind = XA_CONV, .n_in = 3, .lo = -INFINITY, .hi = INFINITY};
    int nchw;
    if (conv_operands(g, op, layouts, 4, &n, &in, &ohwi, &bias, &nchw, err)) return -1;
    const xa_value *f = &g->values[ohwi];
    size_t c_in = g->values[in].dims[nchw ? 1 : 3];
    int64_t groups = xa_arg_int(op, "groups", 1);
    if (groups < 1 || (size_t)groups > c_in) return xa_fail(err, WNA_TYPE_ERROR, "conv2d: groups %lld", (long long)groups);
    n.kh = (uint32_t)f->dims[1];
    n.kw = (uint32_t)f->dims[2];
    n.groups = (uint32_t)groups;
    n.gic = f->dims[3];
    n.goc = f->dims[0] / (size_t)groups;
    n.in[1] = ohwi;
    n.in[2] = bias;
    if (groups > 1 && n.gic == 1) { /* depthwise: filter [1, KH, KW, C * multiplier] */
        static const uint32_t TO_1HWO[4] = {3, 1, 2, 0};
        uint32_t dw;
        if (xa_transpose(g, ohwi, TO_1HWO, &dw, err)) return -1;
        n.kind = XA_DWCONV;
        n.in[1] = dw;
        n.gic = c_in;       /* channels */
        /* n.goc: the depth multiplier, output channels per group */
    }
    return add_nhwc_node(g, &n, in, out, nchw, err);
}

int xa_lower_conv_transpose2d(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    static const filter_layout layouts[] = {{"iohw", {0, 1, 2, 3}}, {"hwoi", {3, 2, 0, 1}}, {"ohwi", {3, 0, 1, 2}}};
    uint32_t in, iohw, bias, out = xa_output_value(g, op);
    xa_node n = {.kind = XA_DECONV, .n_in = 3, .lo = -INFINITY, .hi = INFINITY};
    int nchw;
    if (conv_operands(g, op, layouts, 3, &n, &in, &iohw, &bias, &nchw, err)) return -1;
    const xa_value *f = &g->values[iohw];
    size_t c_in = f->dims[0], goc = f->dims[1], kh = f->dims[2], kw = f->dims[3];
    int64_t groups = xa_arg_int(op, "groups", 1);
    if (groups < 1 || c_in % (size_t)groups) return xa_fail(err, WNA_TYPE_ERROR, "convTranspose2d: groups %lld", (long long)groups);
    size_t gic = c_in / (size_t)groups, dims[4] = {goc * (size_t)groups, kh, kw, gic};
    /* XNNPACK's filter: [groups * goc, KH, KW, gic]; element (i, o, y, x) of group i / gic */
    float *packed;
    int k = xa_add_const(g, 4, dims, f->f16, &packed, err);
    if (k < 0) return -1;
    const float *src = g->values[iohw].data;
    for (size_t i = 0; i < c_in; i++)
        for (size_t o = 0; o < goc; o++)
            for (size_t y = 0; y < kh; y++)
                for (size_t x = 0; x < kw; x++)
                    packed[(((i / gic) * goc + o) * kh + y) * kw * gic + x * gic + i % gic] =
                        src[((i * goc + o) * kh + y) * kw + x];
    const xa_value *ov = &g->values[out], *iv = &g->values[in];
    size_t out_h = ov->dims[nchw ? 2 : 1], out_w = ov->dims[nchw ? 3 : 2];
    size_t in_h = iv->dims[nchw ? 2 : 1], in_w = iv->dims[nchw ? 3 : 2];
    /* the adjustment (outputPadding) is what the output size needs beyond the padded span */
    int64_t full_h = (int64_t)n.sh * ((int64_t)in_h - 1) + (int64_t)n.dh * ((int64_t)kh - 1) + 1 - n.pad[0] - n.pad[2];
    int64_t full_w = (int64_t)n.sw * ((int64_t)in_w - 1) + (int64_t)n.dw * ((int64_t)kw - 1) + 1 - n.pad[1] - n.pad[3];
    if ((int64_t)out_h < full_h || (int64_t)out_w < full_w)
        return xa_fail(err, WNA_TYPE_ERROR, "convTranspose2d: output %zux%zu below its span", out_h, out_w);
    n.adj_h = (uint32_t)((int64_t)out_h - full_h);
    n.adj_w = (uint32_t)((int64_t)out_w - full_w);
    n.kh = (uint32_t)kh;
    n.kw = (uint32_t)kw;
    n.groups = (uint32_t)groups;
    n.gic = gic;
    n.goc = goc;
    n.in[1] = (uint32_t)k;
    n.in[2] = bias;
    return add_nhwc_node(g, &n, in, out, nchw, err);
}

int xa_lower_pool2d(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t in, out = xa_output_value(g, op);
    int maxpool = strcmp(op->op, "maxPool2d") == 0;
    xa_node n = {.kind = maxpool ? XA_MAXPOOL : XA_AVGPOOL, .n_in = 1, .lo = -INFINITY, .hi = INFINITY};
    int nchw = layout_nchw(op, "layout", err);
    if (nchw < 0 || xa_input_value(g, op, "input", &in, err) || spatial_options(op, &n, err)) return -1;
    const xa_value *iv = &g->values[in], *ov = &g->values[out];
    size_t h = iv->dims[nchw ? 2 : 1], w = iv->dims[nchw ? 3 : 2];
    size_t oh = ov->dims[nchw ? 2 : 1], ow = ov->dims[nchw ? 3 : 2];
    int64_t win[2] = {(int64_t)h, (int64_t)w};
    if (xa_arg(op, "windowDimensions") && xa_arg_ints(op, "windowDimensions", win, 2) != 2)
        return xa_fail(err, WNA_TYPE_ERROR, "%s: windowDimensions of the wrong length", op->op);
    if (win[0] < 1 || win[1] < 1 || win[0] > INT32_MAX || win[1] > INT32_MAX)
        return xa_fail(err, WNA_TYPE_ERROR, "%s: windowDimensions must be positive", op->op);
    n.kh = (uint32_t)win[0];
    n.kw = (uint32_t)win[1];
    if (!maxpool && (n.dh != 1 || n.dw != 1))
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "averagePool2d: XNNPACK's average pooling has no dilations");
    int no_pad = n.pad[0] == 0 && n.pad[1] == 0 && n.pad[2] == 0 && n.pad[3] == 0;
    if (!maxpool && no_pad && n.kh == h && n.kw == w && oh == 1 && ow == 1) {
        n.kind = XA_GLOBAL_AVGPOOL;
        return add_nhwc_node(g, &n, in, out, nchw, err);
    }
    /* XNNPACK rounds the output size down; a larger output (roundingType ceil, outputSizes)
     * gets the missing rows and columns as extra padding at the bottom and right */
    int64_t need_h = ((int64_t)oh - 1) * n.sh + ((int64_t)n.kh - 1) * n.dh + 1 - ((int64_t)h + n.pad[0] + n.pad[2]);
    int64_t need_w = ((int64_t)ow - 1) * n.sw + ((int64_t)n.kw - 1) * n.dw + 1 - ((int64_t)w + n.pad[1] + n.pad[3]);
    if (need_h > 0) n.pad[2] += (uint32_t)need_h;
    if (need_w > 0) n.pad[1] += (uint32_t)need_w;
    int padded = n.pad[0] || n.pad[1] || n.pad[2] || n.pad[3];
    if (maxpool && (n.dh > 1 || n.dw > 1) && padded) return add_padded_maxpool(g, &n, in, out, nchw, err);
    return add_nhwc_node(g, &n, in, out, nchw, err);
}

/* linear resample2d only (XNNPACK's bilinear resize, half-pixel centers); the two axes are moved
 * to NHWC's H and W around the node */
int xa_lower_resample2d(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t in, out = xa_output_value(g, op);
    if (xa_input_value(g, op, "input", &in, err)) return -1;
    const char *mode = xa_arg_string(op, "mode", "nearest-neighbor");
    if (strcmp(mode, "linear") != 0)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "resample2d: XNNPACK resizes only bilinearly, not %s", mode);
    int64_t axes[2] = {2, 3};
    if (xa_arg(op, "axes") && xa_arg_ints(op, "axes", axes, 2) != 2)
        return xa_fail(err, WNA_TYPE_ERROR, "resample2d: axes of the wrong length");
    if (axes[0] < 0 || axes[0] > 3 || axes[1] < 0 || axes[1] > 3 || axes[0] == axes[1])
        return xa_fail(err, WNA_TYPE_ERROR, "resample2d: axes %lld, %lld", (long long)axes[0], (long long)axes[1]);
    uint32_t perm[4], inv[4], r = 0;
    perm[1] = (uint32_t)axes[0];
    perm[2] = (uint32_t)axes[1];
    for (uint32_t a = 0; a < 4; a++)
        if (a != perm[1] && a != perm[2]) perm[r ? 3 : 0] = a, r++;
    for (uint32_t i = 0; i < 4; i++) inv[perm[i]] = i;
    xa_node n = {.kind = XA_RESIZE_BILINEAR, .n_in = 1};
    int identity = perm[0] == 0 && perm[1] == 1 && perm[2] == 2;
    if (identity) {
        n.in[0] = in;
        n.out = out;
        return xa_add_node(g, &n, err);
    }
    uint32_t t_in, t_out;
    if (xa_transpose(g, in, perm, &t_in, err) || xa_add_value_like(g, out, perm, &t_out, err)) return -1;
    n.in[0] = t_in;
    n.out = t_out;
    if (xa_add_node(g, &n, err)) return -1;
    xa_node back = {.kind = XA_TRANSPOSE, .in = {t_out}, .n_in = 1, .out = out};
    memcpy(back.perm, inv, sizeof inv);
    return xa_add_node(g, &back, err);
}
