/* The XNNPACK adapter's ABI functions: contexts for the "cpu" profile (float32 through XNNPACK's
 * float32 operators, float16 through its float16 path) and the "npu" profile (every graph under
 * XNN_FLAG_FORCE_FP16_INFERENCE), opSupportLimits from the op table, build (lowering, then one
 * XNNPACK runtime per segment of consecutive nodes), compute and release. See xnn.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xnn.h"

const wna_api *webnn_adapter_entry(void);

#define XA_MAX_TENSOR_BYTES ((uint64_t)1 << 31)

struct wna_context {
    int npu;
    int has_f16;
    pthreadpool_t pool;
    wna_op_limits *ops;
    wna_operand_limits *limits;
    uint32_t n_ops;
};

typedef struct xa_step {
    int kind;                     /* XA_NODE_KINDS: a segment; else XA_TRANSPOSE / XA_ROUND_F16 */
    xnn_runtime_t rt;
    uint32_t node;                /* the node of a transpose / round step */
} xa_step;

struct wna_compiled {
    xa_graph g;
    xa_step *steps;
    uint32_t n_steps;
    pthreadpool_t pool;
    char **names;                 /* per operand value index: the WebNN name of graph inputs/outputs */
    uint32_t n_names;
    uint16_t *scratch16;          /* cast to float16 */
};

/* ---- context ---- */

/* Can this CPU and build run XNNPACK's float16 path? A one-add graph under FORCE_FP16. */
static int probe_f16(void)
{
    xnn_subgraph_t sg;
    xnn_runtime_t rt = NULL;
    size_t d = 8;
    uint32_t a, b, o;
    if (xnn_create_subgraph(3, 0, &sg) != xnn_status_success) return 0;
    int ok = xnn_define_tensor_value(sg, xnn_datatype_fp32, 1, &d, NULL, 0, XNN_VALUE_FLAG_EXTERNAL_INPUT, &a) == 0 &&
             xnn_define_tensor_value(sg, xnn_datatype_fp32, 1, &d, NULL, 1, XNN_VALUE_FLAG_EXTERNAL_INPUT, &b) == 0 &&
             xnn_define_tensor_value(sg, xnn_datatype_fp32, 1, &d, NULL, 2, XNN_VALUE_FLAG_EXTERNAL_OUTPUT, &o) == 0 &&
             xnn_define_add2(sg, -1.0f / 0.0f, 1.0f / 0.0f, a, b, o, 0) == 0 &&
             xnn_create_runtime_v2(sg, NULL, XNN_FLAG_FORCE_FP16_INFERENCE, &rt) == xnn_status_success;
    if (rt) xnn_delete_runtime(rt);
    xnn_delete_subgraph(sg);
    return ok;
}

static int api_create_context(const char *device, wna_context **out, wna_error *err)
{
    int npu = strcmp(device, "npu") == 0;
    if (!npu && strcmp(device, "cpu") != 0 && strcmp(device, WNA_DEVICE_DEFAULT) != 0)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "the xnnpack adapter has devices cpu and npu, not \"%s\"", device);
    enum xnn_status s = xnn_initialize(NULL);
    if (s != xnn_status_success)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "xnn_initialize failed (status %d): this CPU is not supported", (int)s);
    int has_f16 = probe_f16();
    if (npu && !has_f16) {
        xnn_deinitialize();
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "npu: XNNPACK's float16 inference is not available on this CPU");
    }
    wna_context *c = calloc(1, sizeof *c);
    uint32_t n = xa_op_count(), total = 0;
    for (uint32_t i = 0; i < n; i++) total += xa_op_at(i)->n_limits;
    if (!c || !(c->ops = calloc(n, sizeof *c->ops)) || !(c->limits = calloc(total, sizeof *c->limits))) {
        if (c) free(c->ops);
        free(c);
        xnn_deinitialize();
        return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    c->npu = npu;
    c->has_f16 = has_f16;
    /* a pthreadpool of all cores; WEBNN_XNNPACK_THREADS=N caps it (1: no pool, the caller's
     * thread), for runs that already put one worker process on every core */
    const char *env = getenv("WEBNN_XNNPACK_THREADS");
    long threads = env ? strtol(env, NULL, 10) : 0;
    c->pool = threads == 1 ? NULL : pthreadpool_create(threads > 1 ? (size_t)threads : 0);
    wna_operand_limits *l = c->limits;
    for (uint32_t i = 0; i < n; i++) {
        const xa_op *op = xa_op_at(i);
        if (npu && !op->f16) continue; /* npu: only what runs in float16 */
        c->ops[c->n_ops++] = (wna_op_limits){op->op, l, op->n_limits};
        for (uint32_t p = 0; p < op->n_limits; p++, l++) {
            *l = op->limits[p];
            if (op->f16 && has_f16) l->data_types |= 1u << WNA_FLOAT16;
        }
    }
    *out = c;
    return 0;
}

static void api_release_context(wna_context *c)
{
    if (!c) return;
    if (c->pool) pthreadpool_destroy(c->pool);
    free(c->ops);
    free(c->limits);
    free(c);
    xnn_deinitialize();
}

static int api_op_support_limits(wna_context *c, wna_support_limits *out, wna_error *err)
{
    (void)err;
    uint32_t types = (1u << WNA_FLOAT32) | (c->has_f16 ? 1u << WNA_FLOAT16 : 0) |
                     (c->npu ? 0 : (1u << WNA_INT8) | (1u << WNA_UINT8));
    memset(out, 0, sizeof *out);
    out->preferred_input_layout = "nhwc";
    out->max_tensor_byte_length = XA_MAX_TENSOR_BYTES;
    out->input = (wna_operand_limits){"input", types, 0, XA_MAX_RANK};
    out->constant = (wna_operand_limits){"constant", types, 0, XA_MAX_RANK};
    out->output = (wna_operand_limits){"output", types, 0, XA_MAX_RANK};
    out->ops = c->ops;
    out->n_ops = c->n_ops;
    return 0;
}

/* ---- build ---- */

static void api_release_graph(wna_compiled *cg)
{
    if (!cg) return;
    for (uint32_t s = 0; s < cg->n_steps; s++)
        if (cg->steps[s].rt) xnn_delete_runtime(cg->steps[s].rt);
    for (uint32_t k = 0; k < cg->g.n_values; k++)
        free(cg->g.values[k].data);
    for (uint32_t k = 0; k < cg->n_names; k++) free(cg->names[k]);
    free(cg->g.values);
    free(cg->g.nodes);
    free(cg->g.operand_value);
    free(cg->steps);
    free(cg->names);
    free(cg->scratch16);
    free(cg);
}

static int ensure_buffer(xa_value *v, wna_error *err)
{
    if (v->data) return 0;
    size_t n = v->count * xa_value_esize(v) + XNN_EXTRA_BYTES; /* padded for XNNPACK's reads */
    if (!(v->data = malloc(n))) return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    memset(v->data, 0, n); /* touched now: the pages are not first faulted in compute() */
    return 0;
}

/* one value per WebNN operand; constants converted to float32 */
static int add_operands(wna_compiled *cg, const wna_graph *wg, wna_error *err)
{
    xa_graph *g = &cg->g;
    if (!(g->operand_value = calloc(wg->n_operands + 1, sizeof *g->operand_value)))
        return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    for (uint32_t i = 0; i < wg->n_operands; i++) {
        const wna_operand *o = &wg->operands[i];
        int q = o->desc.dtype == WNA_INT8 || o->desc.dtype == WNA_UINT8;
        if (o->desc.dtype != WNA_FLOAT32 && o->desc.dtype != WNA_FLOAT16 && !q)
            return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "operand %s: XNNPACK computes float32, float16, int8 and uint8 only",
                           o->name);
        size_t dims[WNA_MAX_RANK];
        for (uint32_t d = 0; d < o->desc.rank && d < WNA_MAX_RANK; d++) dims[d] = o->desc.dims[d];
        int k = xa_add_value(g, o->desc.rank, dims, o->desc.dtype == WNA_FLOAT16, err);
        if (k < 0) return -1;
        g->operand_value[i] = (uint32_t)k;
        xa_value *v = &g->values[k];
        v->qtype = q ? o->desc.dtype : 0;
        if (o->kind == WNA_OPERAND_CONSTANT) {
            size_t esize = v->f16 ? 2 : xa_value_esize(v);
            if (o->nbytes != v->count * esize)
                return xa_fail(err, WNA_DATA_ERROR, "constant %s has %zu bytes, its descriptor needs %zu", o->name,
                               o->nbytes, v->count * esize);
            if (ensure_buffer(v, err)) return -1;
            v->is_const = 1;
            if (!v->f16) memcpy(v->data, o->data, o->nbytes);
            else if (xa_convert(o->data, v->data, v->count, 0, NULL) != 0)
                return xa_fail(err, WNA_OPERATION_ERROR, "constant %s: XNNPACK's float16 conversion failed", o->name);
        }
    }
    for (uint32_t i = 0; i < wg->n_inputs; i++) g->values[g->operand_value[wg->inputs[i]]].graph_input = 1;
    for (uint32_t i = 0; i < wg->n_outputs; i++) g->values[g->operand_value[wg->outputs[i]]].graph_output = 1;
    if (!(cg->names = calloc(g->n_values, sizeof *cg->names))) return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    cg->n_names = g->n_values;
    for (uint32_t i = 0; i < wg->n_operands; i++) {
        const xa_value *v = &g->values[g->operand_value[i]];
        if ((v->graph_input || v->graph_output) &&
            !(cg->names[g->operand_value[i]] = strdup(wg->operands[i].name ? wg->operands[i].name : "")))
            return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    return 0;
}

/* weights and bias of the nodes that pre-pack them must be static */
static int weight_position(int kind, int j)
{
    return j >= 1 && j <= 2 && (kind == XA_CONV || kind == XA_DWCONV || kind == XA_DECONV || kind == XA_FC || kind == XA_PRELU);
}

static int node_is_fp16(const xa_graph *g, const xa_node *n)
{
    return g->npu || g->values[n->out].f16;
}

/* nodes [first, end) as one XNNPACK subgraph and runtime */
static int build_segment(wna_compiled *cg, uint32_t first, uint32_t end, int seg, xa_step *st, wna_error *err)
{
    xa_graph *g = &cg->g;
    uint32_t *id = malloc((size_t)g->n_values * sizeof *id);
    struct xnn_external_value *ext = calloc(g->n_values, sizeof *ext);
    xnn_subgraph_t sg = NULL;
    uint32_t n_ext = 0;
    int rc = -1;
    if (!id || !ext) {
        xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
        goto done;
    }
    /* external values: read here but made elsewhere, or made here and read later or returned */
    for (uint32_t k = 0; k < g->n_values; k++) {
        xa_value *v = &g->values[k];
        id[k] = XNN_INVALID_VALUE_ID;
        if (v->is_const) continue;
        int used = 0, made = v->producer >= (int)first && v->producer < (int)end;
        for (uint32_t i = first; i < end && !used; i++)
            for (uint32_t j = 0; j < g->nodes[i].n_in; j++) used |= g->nodes[i].in[j] == k;
        int external = (used && !made) || (made && (v->graph_output || v->last_use >= end));
        if (external) id[k] = n_ext++;
        else if (made) id[k] = XNN_INVALID_VALUE_ID - 1; /* internal */
    }
    int fp16 = node_is_fp16(g, &g->nodes[first]);
    uint32_t next_const = n_ext;
    for (uint32_t i = first; i < end; i++) /* room for constants handed over as inputs */
        for (uint32_t j = 0; j < g->nodes[i].n_in; j++) {
            uint32_t k = g->nodes[i].in[j];
            n_ext += fp16 && k != UINT32_MAX && g->values[k].is_const && !weight_position(g->nodes[i].kind, (int)j);
        }
    if (xnn_create_subgraph(n_ext, 0, &sg) != xnn_status_success) {
        xa_fail(err, WNA_OPERATION_ERROR, "xnn_create_subgraph failed");
        goto done;
    }
    uint32_t n_set = 0;
    for (uint32_t i = first; i < end; i++) {
        const xa_node *n = &g->nodes[i];
        uint32_t vals[4] = {n->in[0], n->n_in > 1 ? n->in[1] : UINT32_MAX, n->n_in > 2 ? n->in[2] : UINT32_MAX, n->out};
        for (int j = 0; j < 4; j++) {
            uint32_t k = vals[j];
            if (k == UINT32_MAX) continue;
            xa_value *v = &g->values[k];
            if (v->seg_def == seg) continue;
            v->seg_def = seg;
            size_t rank = v->rank, *dims = v->dims;
            if (n->kind == XA_FC && j == 1) { /* b's [K, N] view */
                dims = v->dims + v->rank - 2;
                rank = 2;
            }
            uint32_t flags = 0, ext_id = XNN_INVALID_VALUE_ID;
            /* the float16 rewrite of this snapshot refuses (add, multiply) or aborts on (clamp,
             * reshape) a static operand outside a weight position: there the constant's own
             * buffer is handed over as an external input */
            if (v->is_const && fp16 && !weight_position(n->kind, j)) id[k] = next_const++;
            const void *data = v->is_const && id[k] == XNN_INVALID_VALUE_ID ? v->data : NULL;
            if (id[k] < XNN_INVALID_VALUE_ID - 1) {
                ext_id = id[k];
                flags = !v->is_const && v->producer >= (int)first && v->producer < (int)end ? XNN_VALUE_FLAG_EXTERNAL_OUTPUT
                                                                            : XNN_VALUE_FLAG_EXTERNAL_INPUT;
                if (ensure_buffer(v, err)) goto done;
                ext[n_set++] = (struct xnn_external_value){ext_id, v->data};
            }
            enum xnn_status s;
            if (v->qtype && !v->qset) {
                xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "an 8-bit value outside quantizeLinear / dequantizeLinear");
                goto done;
            }
            if (v->qtype)
                s = xnn_define_quantized_tensor_value(sg, v->qtype == WNA_INT8 ? xnn_datatype_qint8 : xnn_datatype_quint8,
                                                      v->qzero, v->qscale, rank, dims, data, ext_id, flags, &id[k]);
            else
                s = xnn_define_tensor_value(sg, xnn_datatype_fp32, rank, dims, data, ext_id, flags, &id[k]);
            if (s != xnn_status_success) {
                xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "XNNPACK refused a tensor of rank %zu (status %d)", rank, (int)s);
                goto done;
            }
        }
        enum xnn_status s = (enum xnn_status)xa_define_node(sg, g, n, id);
        if (s != xnn_status_success) {
            xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "XNNPACK refused node %u (kind %d) of this graph (status %d)", i,
                    n->kind, (int)s);
            goto done;
        }
    }
    uint32_t flags = fp16 ? XNN_FLAG_FORCE_FP16_INFERENCE : 0;
    enum xnn_status s = xnn_create_runtime_v2(sg, cg->pool, flags, &st->rt);
    if (s != xnn_status_success) {
        st->rt = NULL;
        xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "xnn_create_runtime_v2%s failed (status %d)",
                flags ? " with XNN_FLAG_FORCE_FP16_INFERENCE" : "", (int)s);
        goto done;
    }
    /* the buffers are the graph's own, fixed from now on: set up once */
    if ((s = xnn_setup_runtime(st->rt, n_set, ext)) != xnn_status_success) {
        xa_fail(err, WNA_OPERATION_ERROR, "xnn_setup_runtime failed (status %d)", (int)s);
        goto done;
    }
    /* one run on the zeroed buffers, so that XNNPACK's own workspace is faulted in at build, not
     * in the first compute() */
    if ((s = xnn_invoke_runtime(st->rt)) != xnn_status_success) {
        xa_fail(err, WNA_OPERATION_ERROR, "xnn_invoke_runtime failed (status %d)", (int)s);
        goto done;
    }
    st->kind = XA_NODE_KINDS;
    rc = 0;
done:
    if (sg) xnn_delete_subgraph(sg);
    free(id);
    free(ext);
    return rc;
}

static int build_steps(wna_compiled *cg, wna_error *err)
{
    xa_graph *g = &cg->g;
    if (!(cg->steps = calloc(g->n_nodes + 1, sizeof *cg->steps))) return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    size_t scratch = 0;
    for (uint32_t i = 0; i < g->n_nodes;) {
        xa_step *st = &cg->steps[cg->n_steps];
        const xa_node *n = &g->nodes[i];
        if (n->kind >= XA_NODE_KINDS) {
            if (ensure_buffer(&g->values[n->in[0]], err) || ensure_buffer(&g->values[n->out], err)) return -1;
            if (n->kind == XA_ROUND_F16 && g->values[n->out].count > scratch) scratch = g->values[n->out].count;
            *st = (xa_step){.kind = n->kind, .node = i};
            cg->n_steps++;
            i++;
            continue;
        }
        uint32_t end = i + 1;
        while (end < g->n_nodes && g->nodes[end].kind < XA_NODE_KINDS &&
               node_is_fp16(g, &g->nodes[end]) == node_is_fp16(g, n))
            end++;
        if (build_segment(cg, i, end, (int)cg->n_steps, st, err)) return -1;
        cg->n_steps++;
        i = end;
    }
    if (scratch && !(cg->scratch16 = malloc(scratch * sizeof *cg->scratch16)))
        return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    for (uint32_t k = 0; k < g->n_values; k++) /* every input and output has a buffer */
        if ((g->values[k].graph_input || g->values[k].graph_output) && ensure_buffer(&g->values[k], err)) return -1;
    return 0;
}

static int api_build(wna_context *c, const wna_graph *wg, wna_compiled **out, wna_error *err)
{
    wna_compiled *cg = calloc(1, sizeof *cg);
    if (!cg) return xa_fail(err, WNA_OPERATION_ERROR, "out of memory");
    cg->g.npu = c->npu;
    cg->pool = c->pool;
    if (add_operands(cg, wg, err)) goto fail;
    for (uint32_t i = 0; i < wg->n_operations; i++) {
        const wna_operation *op = &wg->operations[i];
        const xa_op *t = xa_find_op(op->op);
        if (!t) {
            xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s is not an op of the xnnpack adapter", op->op);
            goto fail;
        }
        if (op->n_outputs != 1) {
            xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: one output expected", op->op);
            goto fail;
        }
        if (t->lower(&cg->g, wg, op, err)) goto fail;
    }
    if (build_steps(cg, err)) goto fail;
    *out = cg;
    return 0;
fail:
    api_release_graph(cg);
    return -1;
}

/* ---- compute ---- */

static int find_named(const wna_compiled *cg, const char *name, int input)
{
    for (uint32_t k = 0; k < cg->n_names; k++) {
        const xa_value *v = &cg->g.values[k];
        if (cg->names[k] && (input ? v->graph_input : v->graph_output) && strcmp(cg->names[k], name) == 0) return (int)k;
    }
    return -1;
}

static int run_step(wna_compiled *cg, const xa_step *st, wna_error *err)
{
    if (st->kind == XA_NODE_KINDS) {
        enum xnn_status s = xnn_invoke_runtime(st->rt);
        return s == xnn_status_success ? 0 : xa_fail(err, WNA_OPERATION_ERROR, "xnn_invoke_runtime failed (status %d)", (int)s);
    }
    const xa_node *n = &cg->g.nodes[st->node];
    const xa_value *in = &cg->g.values[n->in[0]], *out = &cg->g.values[n->out];
    if (st->kind == XA_TRANSPOSE) {
        xa_permute(in->data, out->data, in->rank, in->dims, n->perm);
        return 0;
    }
    /* XA_ROUND_F16: float32 -> float16 -> float32, both by XNNPACK */
    if (xa_convert(in->data, cg->scratch16, in->count, 1, cg->pool) || xa_convert(cg->scratch16, out->data, in->count, 0, cg->pool))
        return xa_fail(err, WNA_OPERATION_ERROR, "cast: XNNPACK's convert failed");
    return 0;
}

static int api_compute(wna_compiled *cg, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs,
                       uint32_t n_outputs, wna_error *err)
{
    for (uint32_t i = 0; i < n_inputs; i++) {
        int k = find_named(cg, inputs[i].name, 1);
        if (k < 0) return xa_fail(err, WNA_TYPE_ERROR, "\"%s\" is not an input of the graph", inputs[i].name);
        xa_value *v = &cg->g.values[k];
        size_t esize = v->f16 ? 2 : xa_value_esize(v);
        if (inputs[i].nbytes != v->count * esize)
            return xa_fail(err, WNA_TYPE_ERROR, "input \"%s\" has %zu bytes, the graph needs %zu", inputs[i].name,
                           inputs[i].nbytes, v->count * esize);
        if (!v->f16) memcpy(v->data, inputs[i].data, inputs[i].nbytes);
        else if (xa_convert(inputs[i].data, v->data, v->count, 0, cg->pool))
            return xa_fail(err, WNA_OPERATION_ERROR, "input \"%s\": XNNPACK's convert failed", inputs[i].name);
    }
    for (uint32_t s = 0; s < cg->n_steps; s++)
        if (run_step(cg, &cg->steps[s], err)) return -1;
    for (uint32_t i = 0; i < n_outputs; i++) {
        int k = find_named(cg, outputs[i].name, 0);
        if (k < 0) return xa_fail(err, WNA_TYPE_ERROR, "\"%s\" is not an output of the graph", outputs[i].name);
        const xa_value *v = &cg->g.values[k];
        size_t esize = v->f16 ? 2 : xa_value_esize(v);
        if (outputs[i].nbytes < v->count * esize)
            return xa_fail(err, WNA_TYPE_ERROR, "output \"%s\" needs %zu bytes, the buffer has %zu", outputs[i].name,
                           v->count * esize, outputs[i].nbytes);
        /* desc: the runner's (the spec's builder inferred it; we produce exactly that shape) */
        if (!v->f16) memcpy(outputs[i].data, v->data, v->count * esize);
        else if (xa_convert(v->data, outputs[i].data, v->count, 1, cg->pool))
            return xa_fail(err, WNA_OPERATION_ERROR, "output \"%s\": XNNPACK's convert failed", outputs[i].name);
    }
    return 0;
}

static const wna_api API = {
    .abi_major = WEBNN_ADAPTER_ABI_MAJOR,
    .abi_minor = WEBNN_ADAPTER_ABI_MINOR,
    .struct_size = sizeof(wna_api),
    .name = "xnnpack",
    .version = "0.1 (libxnnpack 2022-02-16 snapshot)",
    .create_context = api_create_context,
    .release_context = api_release_context,
    .op_support_limits = api_op_support_limits,
    .build = api_build,
    .compute = api_compute,
    .release_graph = api_release_graph,
};

const wna_api *webnn_adapter_entry(void) { return &API; }
