/* One lowered node as an XNNPACK subgraph node (xnn_define_*). `id` maps value indices to the
 * subgraph's value ids. */
#include "xnn.h"

int xa_define_node(xnn_subgraph_t sg, const xa_graph *g, const xa_node *n, const uint32_t *id)
{
    uint32_t in = id[n->in[0]], out = id[n->out];
    uint32_t in1 = n->n_in > 1 && n->in[1] != UINT32_MAX ? id[n->in[1]] : XNN_INVALID_VALUE_ID;
    uint32_t in2 = n->n_in > 2 && n->in[2] != UINT32_MAX ? id[n->in[2]] : XNN_INVALID_VALUE_ID;
    const xa_value *ov = &g->values[n->out];
    switch (n->kind) {
    case XA_ADD: return xnn_define_add2(sg, n->lo, n->hi, in, in1, out, 0);
    case XA_SUB: return xnn_define_subtract(sg, n->lo, n->hi, in, in1, out, 0);
    case XA_MUL: return xnn_define_multiply2(sg, n->lo, n->hi, in, in1, out, 0);
    case XA_DIV: return xnn_define_divide(sg, n->lo, n->hi, in, in1, out, 0);
    case XA_MAX: return xnn_define_maximum2(sg, in, in1, out, 0);
    case XA_MIN: return xnn_define_minimum2(sg, in, in1, out, 0);
    case XA_ABS: return xnn_define_abs(sg, in, out, 0);
    case XA_CEIL: return xnn_define_ceiling(sg, in, out, 0);
    case XA_FLOOR: return xnn_define_floor(sg, in, out, 0);
    case XA_NEG: return xnn_define_negate(sg, in, out, 0);
    case XA_SQRT: return xnn_define_square_root(sg, in, out, 0);
    case XA_ROUND_EVEN: return xnn_define_bankers_rounding(sg, in, out, 0);
    case XA_SIGMOID: return xnn_define_sigmoid(sg, in, out, 0);
    case XA_HARDSWISH: return xnn_define_hardswish(sg, in, out, 0);
    case XA_SOFTMAX: return xnn_define_softmax(sg, in, out, 0);
    case XA_CLAMP: return xnn_define_clamp(sg, n->lo, n->hi, in, out, 0);
    case XA_ELU: return xnn_define_elu(sg, n->alpha, in, out, 0);
    case XA_LEAKY_RELU: return xnn_define_leaky_relu(sg, n->alpha, in, out, 0);
    case XA_PRELU: return xnn_define_prelu(sg, in, in1, out, 0);
    case XA_PAD: return xnn_define_static_constant_pad(sg, n->pre, n->post, n->alpha, in, out, 0);
    case XA_RESHAPE: return xnn_define_static_reshape(sg, ov->rank, ov->dims, in, out, 0);
    case XA_RESIZE_BILINEAR: return xnn_define_static_resize_bilinear_2d(sg, ov->dims[1], ov->dims[2], in, out, 0);
    case XA_CONV:
        return xnn_define_convolution_2d(sg, n->pad[0], n->pad[1], n->pad[2], n->pad[3], n->kh, n->kw, n->sh, n->sw,
                                         n->dh, n->dw, n->groups, n->gic, n->goc, n->lo, n->hi, in, in1, in2, out, 0);
    case XA_DWCONV:
        return xnn_define_depthwise_convolution_2d(sg, n->pad[0], n->pad[1], n->pad[2], n->pad[3], n->kh, n->kw, n->sh,
                                                   n->sw, n->dh, n->dw, (uint32_t)n->goc, n->gic, n->lo, n->hi, in,
                                                   in1, in2, out, 0);
    case XA_DECONV:
        return xnn_define_deconvolution_2d(sg, n->pad[0], n->pad[1], n->pad[2], n->pad[3], n->adj_h, n->adj_w, n->kh,
                                           n->kw, n->sh, n->sw, n->dh, n->dw, n->groups, n->gic, n->goc, n->lo, n->hi,
                                           in, in1, in2, out, 0);
    case XA_AVGPOOL:
        return xnn_define_average_pooling_2d(sg, n->pad[0], n->pad[1], n->pad[2], n->pad[3], n->kh, n->kw, n->sh, n->sw,
                                             n->lo, n->hi, in, out, 0);
    case XA_MAXPOOL:
        return xnn_define_max_pooling_2d(sg, n->pad[0], n->pad[1], n->pad[2], n->pad[3], n->kh, n->kw, n->sh, n->sw,
                                         n->dh, n->dw, n->lo, n->hi, in, out, 0);
    case XA_GLOBAL_AVGPOOL: return xnn_define_global_average_pooling_2d(sg, n->lo, n->hi, in, out, 0);
    case XA_FC: return xnn_define_fully_connected(sg, n->lo, n->hi, in, in1, in2, out, n->flags);
    case XA_CONVERT: return xnn_define_convert(sg, in, out, 0);
    default: return xnn_status_invalid_parameter;
    }
}
