/* The oneDNN adapter's ABI functions: a cpu context (one oneDNN cpu engine), opSupportLimits
 * assembled from the op table (ops.c), build (one value per operand, constants copied, then
 * each op's primitives created), compute (buffers pointed at the caller's tensors, primitives
 * executed in order) and release. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnn.h"

const wna_api *webnn_adapter_entry(void);

/* The largest tensor we accept: byte sizes stay far from size_t overflow everywhere. */
#define DNN_MAX_TENSOR_BYTES ((uint64_t)1 << 32)

struct wna_context {
    dnnl_engine_t engine;
    wna_op_limits *ops;
    uint32_t n_ops;
    uint32_t graph_in_types, graph_out_types;
};

struct wna_compiled {
    dnn_graph g;
    uint32_t *inputs; /* graph input operand indices */
    uint32_t n_inputs;
    unsigned char *seen; /* per graph input, reused by compute() */
};

/* ---- context and opSupportLimits ---- */

static int is_output_position(const char *name)
{
    if (strncmp(name, "output", 6) != 0) return 0;
    const char *s = name + 6;
    if (*s == '\0' || strcmp(s, "s") == 0) return 1;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return 0;
    return 1;
}

static int api_create_context(const char *device, wna_context **out, wna_error *err)
{
    if (strcmp(device, "cpu") != 0 && strcmp(device, WNA_DEVICE_DEFAULT) != 0)
        return dnn_fail(err, WNA_NOT_SUPPORTED_ERROR, "the onednn adapter has only a cpu device, not \"%s\"", device);
    wna_context *c = calloc(1, sizeof *c);
    uint32_t n = dnn_op_count();
    if (!c || !(c->ops = calloc(n ? n : 1, sizeof *c->ops))) {
        free(c);
        return dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    if (dnn_check(dnnl_engine_create(&c->engine, dnnl_cpu, 0), err, "creating the cpu engine") != 0) {
        free(c->ops);
        free(c);
        return -1;
    }
    for (uint32_t i = 0; i < n; i++) {
        const dnn_op *k = dnn_op_at(i);
        c->ops[c->n_ops++] = (wna_op_limits){k->op, k->limits, k->n_limits};
        for (uint32_t p = 0; p < k->n_limits; p++) {
            if (is_output_position(k->limits[p].name)) c->graph_out_types |= k->limits[p].data_types;
            else c->graph_in_types |= k->limits[p].data_types;
        }
    }
    *out = c;
    return 0;
}

static void api_release_context(wna_context *c)
{
    if (!c) return;
    dnnl_engine_destroy(c->engine);
    free(c->ops);
    free(c);
}

static int api_op_support_limits(wna_context *c, wna_support_limits *out, wna_error *err)
{
    (void)err;
    memset(out, 0, sizeof *out);
    out->preferred_input_layout = "nchw";
    out->max_tensor_byte_length = DNN_MAX_TENSOR_BYTES;
    out->input = (wna_operand_limits){"input", c->graph_in_types, 0, WNA_MAX_RANK};
    out->constant = (wna_operand_limits){"constant", c->graph_in_types, 0, WNA_MAX_RANK};
    out->output = (wna_operand_limits){"output", c->graph_out_types, 0, WNA_MAX_RANK};
    out->ops = c->ops;
    out->n_ops = c->n_ops;
    return 0;
}

/* ---- build ---- */

static void api_release_graph(wna_compiled *cg)
{
    if (!cg) return;
    dnn_graph *g = &cg->g;
    for (uint32_t s = 0; s < g->n_steps; s++) {
        dnn_step *st = &g->steps[s];
        for (int i = 0; i < st->n_args; i++) dnnl_memory_destroy(st->args[i].memory);
        if (st->prim) dnnl_primitive_destroy(st->prim);
        free(st->args);
        free(st->arg_values);
        free(st->impl);
    }
    for (uint32_t k = 0; k < g->n_values; k++) {
        free(g->values[k].own);
        free(g->values[k].name);
    }
    if (g->stream) dnnl_stream_destroy(g->stream);
    free(g->values);
    free(g->steps);
    free(cg->inputs);
    free(cg->seen);
    free(cg);
}

/* Element count of a descriptor, overflow-checked against our byte limit. */
static int desc_bytes(const wna_desc *d, size_t *bytes)
{
    size_t esize = wna_dtype_size(d->dtype);
    if (esize == 0 || d->rank > WNA_MAX_RANK) return -1;
    uint64_t n = 1;
    for (uint32_t i = 0; i < d->rank; i++) {
        if (d->dims[i] == 0 || n > DNN_MAX_TENSOR_BYTES / d->dims[i]) return -1;
        n *= d->dims[i];
    }
    if (n > DNN_MAX_TENSOR_BYTES / esize) return -1;
    *bytes = (size_t)n * esize;
    return 0;
}

/* The value of one graph operand: its plain memory descriptor, buffer, constant bytes. */
static int init_operand(dnn_graph *g, const wna_operand *o, uint32_t index, wna_error *err)
{
    size_t bytes;
    dnnl_data_type_t dt = dnn_dt(o->desc.dtype);
    dnnl_memory_desc_t md;
    if (dt == dnnl_data_type_undef || desc_bytes(&o->desc, &bytes) != 0 ||
        dnn_md_plain(&md, o->desc.rank, o->desc.dims, dt) != 0)
        return dnn_fail(err, WNA_NOT_SUPPORTED_ERROR, "operand %u (%s): data type or size outside the limits", index,
                        o->name ? o->name : "");
    uint32_t k;
    if (dnn_temp(g, &md, &k, err) != 0) return -1;
    dnn_value *v = &g->values[k];
    v->dtype = o->desc.dtype;
    v->desc = o->desc;
    if (!(v->name = strdup(o->name ? o->name : ""))) return dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
    if (o->kind != WNA_OPERAND_CONSTANT) return 0;
    if (!o->data || o->nbytes != bytes || v->bytes != bytes)
        return dnn_fail(err, WNA_OPERATION_ERROR, "constant %s has %zu bytes, its descriptor needs %zu", v->name,
                        o->nbytes, bytes);
    memcpy(v->own, o->data, bytes);
    v->is_constant = 1;
    return 0;
}

/* Prefixes an op builder's message with the operation it failed in. */
static int op_fail(wna_error *err, uint32_t i, const char *op)
{
    char msg[WNA_ERROR_MESSAGE_MAX];
    memcpy(msg, err->message, sizeof msg);
    msg[sizeof msg - 1] = '\0';
    int n = snprintf(err->message, sizeof err->message, "operators[%u] (%s): ", i, op);
    if (n > 0 && (size_t)n < sizeof err->message)
        memcpy(err->message + n, msg, strnlen(msg, sizeof err->message - (size_t)n - 1) + 1);
    err->message[sizeof err->message - 1] = '\0';
    if (err->kind == WNA_OK) err->kind = WNA_OPERATION_ERROR;
    return -1;
}

static int api_build(wna_context *ctx, const wna_graph *graph, wna_compiled **out, wna_error *err)
{
    wna_compiled *cg = calloc(1, sizeof *cg);
    if (!cg) return dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
    dnn_graph *g = &cg->g;
    g->engine = ctx->engine;
    g->graph = graph;
    cg->inputs = calloc(graph->n_inputs ? graph->n_inputs : 1, sizeof *cg->inputs);
    cg->seen = calloc(graph->n_inputs ? graph->n_inputs : 1, 1);
    if (!cg->inputs || !cg->seen) {
        dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
        goto fail;
    }
    if (dnn_check(dnnl_stream_create(&g->stream, ctx->engine, dnnl_stream_default_flags), err, "stream") != 0)
        goto fail;
    for (uint32_t k = 0; k < graph->n_operands; k++)
        if (init_operand(g, &graph->operands[k], k, err) != 0) goto fail;
    g->n_operands = graph->n_operands;
    for (uint32_t j = 0; j < graph->n_inputs; j++) {
        if (graph->inputs[j] >= graph->n_operands) {
            dnn_fail(err, WNA_OPERATION_ERROR, "graph input %u is not an operand", j);
            goto fail;
        }
        cg->inputs[cg->n_inputs++] = graph->inputs[j];
    }
    for (uint32_t i = 0; i < graph->n_operations; i++) {
        const wna_operation *op = &graph->operations[i];
        const dnn_op *k = dnn_find_op(op->op);
        if (!k) {
            dnn_fail(err, WNA_NOT_SUPPORTED_ERROR, "operators[%u]: %s is not implemented by the onednn adapter", i,
                     op->op);
            goto fail;
        }
        for (uint32_t o = 0; o < op->n_outputs; o++)
            if (op->outputs[o] >= graph->n_operands) {
                dnn_fail(err, WNA_OPERATION_ERROR, "operators[%u] (%s): output %u is not an operand", i, op->op, o);
                goto fail;
            }
        g->current_op = k->op;
        err->kind = WNA_OK;
        err->message[0] = '\0';
        if (k->build(g, op, err) != 0) {
            op_fail(err, i, op->op);
            goto fail;
        }
    }
    g->graph = NULL;
    *out = cg;
    return 0;
fail:
    api_release_graph(cg);
    return -1;
}

/* ---- compute ---- */

static int find_operand(const dnn_graph *g, const char *name)
{
    for (uint32_t k = 0; k < g->n_operands; k++)
        if (strcmp(g->values[k].name, name) == 0) return (int)k;
    return -1;
}

static int lend_input(wna_compiled *cg, const wna_tensor *t, wna_error *err)
{
    dnn_graph *g = &cg->g;
    uint32_t j = 0;
    while (j < cg->n_inputs && strcmp(g->values[cg->inputs[j]].name, t->name) != 0) j++;
    if (j == cg->n_inputs) return dnn_fail(err, WNA_TYPE_ERROR, "\"%s\" is not an input of the graph", t->name);
    dnn_value *v = &g->values[cg->inputs[j]];
    if (t->desc.dtype != v->dtype || t->nbytes != v->bytes || !t->data)
        return dnn_fail(err, WNA_TYPE_ERROR, "input \"%s\": %zu bytes of data type %d, the graph needs %zu of %d",
                        t->name, t->nbytes, (int)t->desc.dtype, v->bytes, (int)v->dtype);
    v->ptr = t->data; /* read in place: no primitive writes a graph input */
    cg->seen[j] = 1;
    return 0;
}

static int lend_output(wna_compiled *cg, wna_tensor *t, wna_error *err)
{
    dnn_graph *g = &cg->g;
    int k = find_operand(g, t->name);
    if (k < 0) return dnn_fail(err, WNA_TYPE_ERROR, "\"%s\" is not an operand of the graph", t->name);
    dnn_value *v = &g->values[k];
    if (v->bytes > t->nbytes || !t->data || v->is_constant)
        return dnn_fail(err, WNA_TYPE_ERROR, "output \"%s\" needs %zu bytes, the buffer has %zu", t->name, v->bytes,
                        t->nbytes);
    v->ptr = t->data; /* the primitives write the caller's buffer */
    t->desc = v->desc;
    return 0;
}

static int run_steps(wna_compiled *cg, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs,
                     uint32_t n_outputs, wna_error *err)
{
    dnn_graph *g = &cg->g;
    memset(cg->seen, 0, cg->n_inputs ? cg->n_inputs : 1);
    for (uint32_t j = 0; j < n_inputs; j++)
        if (lend_input(cg, &inputs[j], err) != 0) return -1;
    for (uint32_t j = 0; j < cg->n_inputs; j++)
        if (!cg->seen[j])
            return dnn_fail(err, WNA_TYPE_ERROR, "graph input \"%s\" was not given", g->values[cg->inputs[j]].name);
    for (uint32_t j = 0; j < n_outputs; j++)
        if (lend_output(cg, &outputs[j], err) != 0) return -1;
    for (uint32_t s = 0; s < g->n_steps; s++) {
        dnn_step *st = &g->steps[s];
        for (int i = 0; i < st->n_args; i++)
            if (dnn_check(dnnl_memory_set_data_handle(st->args[i].memory, dnn_ptr(g, st->arg_values[i])), err,
                          "memory handle") != 0)
                return -1;
        if (dnn_check(dnnl_primitive_execute(st->prim, g->stream, st->n_args, st->args), err, st->impl) != 0)
            return -1;
    }
    if (dnn_check(dnnl_stream_wait(g->stream), err, "stream wait") != 0) return -1;
    return 0;
}

static int api_compute(wna_compiled *cg, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs,
                       uint32_t n_outputs, wna_error *err)
{
    int rc = run_steps(cg, inputs, n_inputs, outputs, n_outputs, err);
    /* the caller's buffers are only borrowed for this call */
    for (uint32_t k = 0; k < cg->g.n_values; k++) cg->g.values[k].ptr = cg->g.values[k].own;
    return rc;
}

/* ---- the version string: the library, its threading runtime and the ISA it dispatches to ---- */

static const char *isa_name(dnnl_cpu_isa_t isa)
{
    switch ((int)isa) {
    case dnnl_cpu_isa_sse41: return "sse41";
    case dnnl_cpu_isa_avx: return "avx";
    case dnnl_cpu_isa_avx2: return "avx2";
    case dnnl_cpu_isa_avx2_vnni: return "avx2_vnni";
    case dnnl_cpu_isa_avx512_mic: return "avx512_mic";
    case dnnl_cpu_isa_avx512_mic_4ops: return "avx512_mic_4ops";
    case dnnl_cpu_isa_avx512_core: return "avx512_core";
    case dnnl_cpu_isa_avx512_core_vnni: return "avx512_core_vnni";
    case dnnl_cpu_isa_avx512_core_bf16: return "avx512_core_bf16";
    case dnnl_cpu_isa_avx512_core_amx: return "avx512_core_amx";
    default: return "unknown";
    }
}

static char version[160];

static wna_api dnn_api = {
    .abi_major = WEBNN_ADAPTER_ABI_MAJOR,
    .abi_minor = WEBNN_ADAPTER_ABI_MINOR,
    .struct_size = sizeof(wna_api),
    .name = "onednn",
    .version = version,
    .create_context = api_create_context,
    .release_context = api_release_context,
    .op_support_limits = api_op_support_limits,
    .build = api_build,
    .compute = api_compute,
    .release_graph = api_release_graph,
};

const wna_api *webnn_adapter_entry(void)
{
    const dnnl_version_t *v = dnnl_version();
    snprintf(version, sizeof version, "0.1 (oneDNN %d.%d.%d, cpu isa %s, %s threads)", v->major, v->minor, v->patch,
             isa_name(dnnl_get_effective_cpu_isa()),
             v->cpu_runtime == DNNL_RUNTIME_OMP ? "OpenMP" : v->cpu_runtime == DNNL_RUNTIME_SEQ ? "no" : "other");
    return &dnn_api;
}
