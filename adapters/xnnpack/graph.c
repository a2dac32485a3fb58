/* The lowered graph: values and nodes, grown by the lowerings, and the layout glue (transposes of
 * values and of constants), which is pure data movement. */
#include <stdlib.h>
#include <string.h>

#include "xnn.h"

static int grow(void **p, uint32_t *cap, uint32_t need, size_t size)
{
    if (need <= *cap) return 0;
    uint32_t n = *cap ? *cap * 2 : 16;
    while (n < need) n *= 2;
    void *q = realloc(*p, (size_t)n * size);
    if (!q) return -1;
    memset((char *)q + (size_t)*cap * size, 0, (size_t)(n - *cap) * size);
    *p = q;
    *cap = n;
    return 0;
}

int xa_add_value(xa_graph *g, uint32_t rank, const size_t *dims, int f16, wna_error *err)
{
    if (rank > XA_MAX_RANK) return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "rank %u is above XNNPACK's %d", rank, XA_MAX_RANK);
    if (grow((void **)&g->values, &g->cap_values, g->n_values + 1, sizeof *g->values) != 0)
        return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    xa_value *v = &g->values[g->n_values];
    memset(v, 0, sizeof *v);
    v->rank = rank ? rank : 1;
    v->count = 1;
    for (uint32_t i = 0; i < v->rank; i++) {
        v->dims[i] = rank ? dims[i] : 1;
        v->count *= v->dims[i]; /* the runner caps tensors far below overflow (max_tensor_byte_length) */
    }
    v->f16 = f16;
    v->producer = -1;
    v->seg_def = -1;
    return (int)g->n_values++;
}

int xa_add_const(xa_graph *g, uint32_t rank, const size_t *dims, int f16, float **data, wna_error *err)
{
    int k = xa_add_value(g, rank, dims, f16, err);
    if (k < 0) return -1;
    xa_value *v = &g->values[k];
    v->is_const = 1;
    if (!(v->data = calloc(v->count + XNN_EXTRA_BYTES / sizeof(float), sizeof(float))))
        return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    *data = v->data;
    return k;
}

int xa_add_node(xa_graph *g, const xa_node *n, wna_error *err)
{
    if (grow((void **)&g->nodes, &g->cap_nodes, g->n_nodes + 1, sizeof *g->nodes) != 0)
        return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    g->nodes[g->n_nodes] = *n;
    g->values[n->out].producer = (int)g->n_nodes;
    for (uint32_t i = 0; i < n->n_in; i++)
        if (n->in[i] != UINT32_MAX) g->values[n->in[i]].last_use = g->n_nodes;
    g->n_nodes++;
    return 0;
}

int xa_input_value(xa_graph *g, const wna_operation *op, const char *name, uint32_t *out, wna_error *err)
{
    int64_t k = xa_arg_operand(op, name);
    if (k < 0) return xa_fail(err, WNA_TYPE_ERROR, "%s: argument %s is missing", op->op, name);
    *out = g->operand_value[k];
    return 0;
}

uint32_t xa_output_value(const xa_graph *g, const wna_operation *op)
{
    return g->operand_value[op->outputs[0]];
}

int xa_add_value_like(xa_graph *g, uint32_t like, const uint32_t *perm, uint32_t *out, wna_error *err)
{
    size_t dims[XA_MAX_RANK];
    const xa_value *l = &g->values[like];
    for (uint32_t i = 0; i < l->rank; i++) dims[i] = l->dims[perm ? perm[i] : i];
    int k = xa_add_value(g, l->rank, dims, l->f16, err);
    if (k < 0) return -1;
    *out = (uint32_t)k;
    return 0;
}

/* out[j] (in the permuted shape) = in at the index whose axis perm[i] is j's axis i */
void xa_permute(const float *in, float *out, uint32_t rank, const size_t *dims, const uint32_t *perm)
{
    size_t in_stride[XA_MAX_RANK], step[XA_MAX_RANK], odims[XA_MAX_RANK], idx[XA_MAX_RANK] = {0};
    size_t count = 1;
    for (int i = (int)rank - 1; i >= 0; i--) {
        in_stride[i] = count;
        count *= dims[i];
    }
    for (uint32_t i = 0; i < rank; i++) {
        odims[i] = dims[perm[i]];
        step[i] = in_stride[perm[i]];
    }
    size_t src = 0;
    for (size_t o = 0; o < count; o++) {
        out[o] = in[src];
        for (int i = (int)rank - 1; i >= 0; i--) {
            src += step[i];
            if (++idx[i] < odims[i]) break;
            src -= step[i] * odims[i];
            idx[i] = 0;
        }
    }
}

int xa_transpose(xa_graph *g, uint32_t in, const uint32_t *perm, uint32_t *out, wna_error *err)
{
    if (xa_add_value_like(g, in, perm, out, err) != 0) return -1;
    xa_value *v = &g->values[*out], *src = &g->values[in];
    if (src->is_const) { /* repacked once, at build */
        v->is_const = 1;
        if (!(v->data = calloc(v->count + XNN_EXTRA_BYTES / sizeof(float), sizeof(float))))
            return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
        xa_permute(src->data, v->data, src->rank, src->dims, perm);
        return 0;
    }
    xa_node n = {.kind = XA_TRANSPOSE, .in = {in}, .n_in = 1, .out = *out};
    memcpy(n.perm, perm, src->rank * sizeof *perm); /* callers pass rank entries, not a full n.perm */
    return xa_add_node(g, &n, err);
}
