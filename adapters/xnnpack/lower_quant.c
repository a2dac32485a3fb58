/* quantizeLinear / dequantizeLinear per tensor: XNNPACK's convert node between a float32 value
 * and a qint8 / quint8 value whose one scale and zero point are constants of the graph. */
#include "xnn.h"

/* the constant one-element scale and zero point of `op`, stored on the quantized value q */
static int tensor_params(xa_graph *g, const wna_operation *op, uint32_t q, wna_error *err)
{
    uint32_t s, z;
    if (xa_input_value(g, op, "scale", &s, err) || xa_input_value(g, op, "zeroPoint", &z, err)) return -1;
    const xa_value *sv = &g->values[s], *zv = &g->values[z];
    if (!sv->is_const || !zv->is_const || sv->count != 1 || zv->count != 1 || sv->f16)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR,
                       "%s: XNNPACK quantizes per tensor only: one constant float32 scale and zero point", op->op);
    const unsigned char *zb = (const unsigned char *)zv->data;
    float scale = sv->data[0];
    int32_t zero = zv->qtype == WNA_INT8 ? (int32_t)(signed char)zb[0] : (int32_t)zb[0];
    xa_value *qv = &g->values[q];
    if (qv->qset && (qv->qscale != scale || qv->qzero != zero))
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: one XNNPACK value has one scale and zero point", op->op);
    qv->qset = 1;
    qv->qscale = scale;
    qv->qzero = zero;
    return 0;
}

/* the quantized side is the output of quantizeLinear and the input of dequantizeLinear */
static int lower_convert(xa_graph *g, const wna_operation *op, int quantize, wna_error *err)
{
    uint32_t in, out = xa_output_value(g, op);
    if (xa_input_value(g, op, "input", &in, err) || tensor_params(g, op, quantize ? out : in, err)) return -1;
    xa_node n = {.kind = XA_CONVERT, .in = {in}, .n_in = 1, .out = out};
    return xa_add_node(g, &n, err);
}

int xa_lower_quantize(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    return lower_convert(g, op, 1, err);
}

int xa_lower_dequantize(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    return lower_convert(g, op, 0, err);
}
