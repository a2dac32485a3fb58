/* Lowerings of matmul and gemm onto XNNPACK's fully connected node, whose weights must be
 * static: b is a constant (a 2-D one, or with leading dimensions of 1). */
#include <math.h>
#include <string.h>

#include "xnn.h"

/* a constant b of at most a's rank whose leading dimensions are all 1: its [K, N] view */
static int const_weights(xa_graph *g, uint32_t a, uint32_t b, const char *op, wna_error *err)
{
    const xa_value *bv = &g->values[b];
    int ok = bv->is_const && bv->rank >= 2 && bv->rank <= g->values[a].rank;
    for (uint32_t i = 0; ok && i + 2 < bv->rank; i++) ok = bv->dims[i] == 1;
    if (!ok)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR,
                       "%s: XNNPACK's fully connected node takes only a constant 2-D b (leading 1s allowed)", op);
    return 0;
}

static int scalar_const(xa_graph *g, float value, int f16, uint32_t *out, wna_error *err)
{
    size_t one = 1;
    float *data;
    int k = xa_add_const(g, 1, &one, f16, &data, err);
    if (k < 0) return -1;
    data[0] = value;
    *out = (uint32_t)k;
    return 0;
}

/* b's 2-D [K, N] view is taken when the node is defined (segment.c) */
static int fc_node(xa_graph *g, uint32_t a, uint32_t b, uint32_t bias, uint32_t out, int b_is_kn, wna_error *err)
{
    xa_node n = {.kind = XA_FC, .in = {a, b, bias}, .n_in = 3, .out = out, .lo = -INFINITY, .hi = INFINITY,
                 .flags = b_is_kn ? XNN_FLAG_TRANSPOSE_WEIGHTS : 0};
    return xa_add_node(g, &n, err);
}

int xa_lower_matmul(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t a, b;
    if (xa_input_value(g, op, "a", &a, err) || xa_input_value(g, op, "b", &b, err) ||
        const_weights(g, a, b, "matmul", err))
        return -1;
    return fc_node(g, a, b, UINT32_MAX, xa_output_value(g, op), 1, err);
}

/* gemm: alpha * A' * B' + beta * C. The product is XNNPACK's fully connected node; C becomes its
 * bias when it is one constant row (or scalar) and alpha = beta = 1, otherwise alpha and beta are
 * XNNPACK multiply nodes and C an add node (broadcasting). aTranspose transposes A as layout glue. */
int xa_lower_gemm(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t a, b, c = UINT32_MAX, out = xa_output_value(g, op);
    if (xa_input_value(g, op, "a", &a, err) || xa_input_value(g, op, "b", &b, err) ||
        const_weights(g, a, b, "gemm", err))
        return -1;
    if (xa_arg_operand(op, "c") >= 0 && xa_input_value(g, op, "c", &c, err)) return -1;
    float alpha = (float)xa_arg_double(op, "alpha", 1.0), beta = (float)xa_arg_double(op, "beta", 1.0);
    int f16 = g->values[out].f16;
    if (xa_arg_bool(op, "aTranspose", 0)) {
        static const uint32_t SWAP[2] = {1, 0};
        if (xa_transpose(g, a, SWAP, &a, err)) return -1;
    }
    int b_kn = !xa_arg_bool(op, "bTranspose", 0);
    size_t n_cols = g->values[out].dims[1];
    uint32_t bias = UINT32_MAX;
    const xa_value *cv = c != UINT32_MAX ? &g->values[c] : NULL;
    if (cv && alpha == 1.0f && beta == 1.0f && cv->is_const &&
        (cv->count == 1 || (cv->count == n_cols && cv->dims[cv->rank - 1] == n_cols))) {
        float *data;
        int k = xa_add_const(g, 1, &n_cols, g->values[c].f16, &data, err); /* broadcast: a copy per column */
        if (k < 0) return -1;
        for (size_t j = 0; j < n_cols; j++) data[j] = g->values[c].data[g->values[c].count == 1 ? 0 : j];
        bias = (uint32_t)k;
        c = UINT32_MAX;
    }
    if (c == UINT32_MAX && alpha == 1.0f) return fc_node(g, a, b, bias, out, b_kn, err);
    uint32_t prod, s;
    if (xa_add_value_like(g, out, NULL, &prod, err) || fc_node(g, a, b, bias, prod, b_kn, err)) return -1;
    if (alpha != 1.0f) {
        uint32_t scaled = out;
        if (c != UINT32_MAX && xa_add_value_like(g, out, NULL, &scaled, err)) return -1;
        xa_node m = {.kind = XA_MUL, .n_in = 2, .lo = -INFINITY, .hi = INFINITY};
        if (scalar_const(g, alpha, f16, &s, err)) return -1;
        m.in[0] = prod;
        m.in[1] = s;
        m.out = scaled;
        if (xa_add_node(g, &m, err)) return -1;
        prod = scaled;
    }
    if (c == UINT32_MAX) return 0;
    if (beta != 1.0f) {
        uint32_t cs;
        if (xa_add_value_like(g, c, NULL, &cs, err) || scalar_const(g, beta, f16, &s, err)) return -1;
        xa_node m = {.kind = XA_MUL, .in = {c, s}, .n_in = 2, .out = cs, .lo = -INFINITY, .hi = INFINITY};
        if (xa_add_node(g, &m, err)) return -1;
        c = cs;
    }
    xa_node add = {.kind = XA_ADD, .in = {prod, c}, .n_in = 2, .out = out, .lo = -INFINITY, .hi = INFINITY};
    return xa_add_node(g, &add, err);
}
