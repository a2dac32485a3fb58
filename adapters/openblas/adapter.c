/* The OpenBLAS adapter's ABI functions: a cpu context, opSupportLimits assembled from the
 * kernel table (kernels.c), build (one value per operand, constants copied and expanded, then
 * each kernel's prepare), compute (inputs in by name, kernels in order, float16 results
 * rounded once per op, outputs out by name) and release. See obl.h for the numeric model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"

const wna_api *webnn_adapter_entry(void);

/* The largest tensor we accept: byte sizes stay far from size_t overflow in every kernel. */
#define OBL_MAX_TENSOR_BYTES ((uint64_t)1 << 32)

struct wna_context {
    wna_op_limits *ops;
    uint32_t n_ops;
    uint32_t graph_in_types, graph_out_types;
};

typedef struct obl_step {
    const obl_kernel *kernel;
    void *state;
    const char *op;
    uint32_t outputs[OBL_MAX_OUTPUTS];
    uint32_t n_outputs;
} obl_step;

struct wna_compiled {
    obl_value *values;
    uint32_t n_values;
    obl_step *steps;
    uint32_t n_steps;
    uint32_t *inputs; /* graph input operand indices */
    uint32_t n_inputs;
    unsigned char *seen; /* per graph input, reused by compute() */
    float **own_f;       /* per value: its own float32 buffer, while compute() lends it the caller's */
};

/* ---- context and opSupportLimits ---- */

/* Output positions are "output", "outputs" and "output0".."outputN"; the rest are inputs. */
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
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "the openblas adapter has only a cpu device, not \"%s\"",
                        device);
    wna_context *c = calloc(1, sizeof *c);
    uint32_t n = obl_kernel_count();
    if (!c || !(c->ops = calloc(n ? n : 1, sizeof *c->ops))) {
        free(c);
        return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    /* graph inputs/constants may have any type some kernel reads; outputs any type one writes */
    c->graph_in_types = OBL_FLOATS;
    c->graph_out_types = OBL_FLOATS;
    for (uint32_t i = 0; i < n; i++) {
        const obl_kernel *k = obl_kernel_at(i);
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
    free(c->ops);
    free(c);
}

static int api_op_support_limits(wna_context *c, wna_support_limits *out, wna_error *err)
{
    (void)err;
    memset(out, 0, sizeof *out);
    out->preferred_input_layout = "nchw";
    out->max_tensor_byte_length = OBL_MAX_TENSOR_BYTES;
    out->input = (wna_operand_limits){"input", c->graph_in_types, 0, WNA_MAX_RANK};
    out->constant = (wna_operand_limits){"constant", c->graph_in_types, 0, WNA_MAX_RANK};
    out->output = (wna_operand_limits){"output", c->graph_out_types, 0, WNA_MAX_RANK};
    out->ops = c->ops;
    out->n_ops = c->n_ops;
    return 0;
}

/* ---- build ---- */

static void release_value(obl_value *v)
{
    free(v->f);
    free(v->h);
    free(v->raw);
    free(v->name);
}

static void api_release_graph(wna_compiled *g)
{
    if (!g) return;
    for (uint32_t s = 0; s < g->n_steps; s++) {
        obl_step *st = &g->steps[s];
        if (st->kernel && st->kernel->release) st->kernel->release(st->state);
        else free(st->state);
    }
    for (uint32_t k = 0; k < g->n_values; k++) release_value(&g->values[k]);
    free(g->values);
    free(g->steps);
    free(g->inputs);
    free(g->seen);
    free(g->own_f);
    free(g);
}

/* Element count and byte size of a descriptor, overflow-checked against our byte limit. */
static int desc_size(const wna_desc *d, size_t *count, size_t *bytes)
{
    size_t esize = wna_dtype_size(d->dtype);
    if (esize == 0 || d->rank > WNA_MAX_RANK) return -1;
    uint64_t n = 1;
    for (uint32_t i = 0; i < d->rank; i++) {
        if (d->dims[i] == 0 || n > OBL_MAX_TENSOR_BYTES / d->dims[i]) return -1;
        n *= d->dims[i];
    }
    if (n > OBL_MAX_TENSOR_BYTES / esize) return -1;
    *count = (size_t)n;
    *bytes = (size_t)n * esize;
    return 0;
}

/* Allocates the storage of one operand and copies a constant's bytes into it. */
static int init_value(obl_value *v, const wna_operand *o, uint32_t index, wna_error *err)
{
    size_t bytes;
    v->desc = o->desc;
    if (desc_size(&o->desc, &v->count, &bytes) != 0)
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "operand %u (%s): data type or size outside the limits",
                        index, o->name ? o->name : "");
    v->name = strdup(o->name ? o->name : "");
    if (!v->name) return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    /* zero-filled: a kernel may accumulate into its output */
    if (o->desc.dtype == WNA_FLOAT32 || o->desc.dtype == WNA_FLOAT16) {
        if (!(v->f = calloc(v->count, sizeof *v->f))) return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
        if (o->desc.dtype == WNA_FLOAT16 && !(v->h = calloc(v->count, sizeof *v->h)))
            return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    } else if (!(v->raw = calloc(v->count, wna_dtype_size(o->desc.dtype)))) {
        return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    if (o->kind != WNA_OPERAND_CONSTANT) return 0;
    if (!o->data || o->nbytes != bytes)
        return obl_fail(err, WNA_OPERATION_ERROR, "constant %s has %zu bytes, its descriptor needs %zu", v->name,
                        o->nbytes, bytes);
    v->is_constant = 1;
    if (o->desc.dtype == WNA_FLOAT32) memcpy(v->f, o->data, bytes);
    else if (o->desc.dtype == WNA_FLOAT16) {
        memcpy(v->h, o->data, bytes);
        obl_f16_to_f32(v->h, v->f, v->count);
    } else memcpy(v->raw, o->data, bytes);
    return 0;
}

/* Prefixes a kernel's message with the operation it failed in. */
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
    (void)ctx;
    wna_compiled *g = calloc(1, sizeof *g);
    if (!g) return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    g->values = calloc(graph->n_operands ? graph->n_operands : 1, sizeof *g->values);
    g->steps = calloc(graph->n_operations ? graph->n_operations : 1, sizeof *g->steps);
    g->inputs = calloc(graph->n_inputs ? graph->n_inputs : 1, sizeof *g->inputs);
    g->seen = calloc(graph->n_inputs ? graph->n_inputs : 1, 1);
    g->own_f = calloc(graph->n_operands ? graph->n_operands : 1, sizeof *g->own_f);
    if (!g->values || !g->steps || !g->inputs || !g->seen || !g->own_f) {
        api_release_graph(g);
        return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    for (uint32_t k = 0; k < graph->n_operands; k++) {
        g->n_values = k + 1;
        if (init_value(&g->values[k], &graph->operands[k], k, err) != 0) goto fail;
    }
    for (uint32_t j = 0; j < graph->n_inputs; j++) {
        if (graph->inputs[j] >= graph->n_operands) {
            obl_fail(err, WNA_OPERATION_ERROR, "graph input %u is not an operand", j);
            goto fail;
        }
        g->inputs[g->n_inputs++] = graph->inputs[j];
    }
    obl_build b = {graph, g->values};
    for (uint32_t i = 0; i < graph->n_operations; i++) {
        const wna_operation *op = &graph->operations[i];
        const obl_kernel *k = obl_find_kernel(op->op);
        if (!k) {
            obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "operators[%u]: %s is not implemented by the openblas adapter",
                     i, op->op);
            goto fail;
        }
        if (op->n_outputs > OBL_MAX_OUTPUTS) {
            obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "operators[%u] (%s): %u outputs, at most %d", i, op->op,
                     op->n_outputs, OBL_MAX_OUTPUTS);
            goto fail;
        }
        obl_step *st = &g->steps[i];
        for (uint32_t o = 0; o < op->n_outputs; o++) {
            if (op->outputs[o] >= graph->n_operands) {
                obl_fail(err, WNA_OPERATION_ERROR, "operators[%u] (%s): output %u is not an operand", i, op->op, o);
                goto fail;
            }
            st->outputs[o] = op->outputs[o];
        }
        st->n_outputs = op->n_outputs;
        st->op = k->op;
        err->kind = WNA_OK;
        err->message[0] = '\0';
        if (k->prepare(&b, op, &st->state, err) != 0) {
            st->state = NULL;
            op_fail(err, i, op->op);
            goto fail;
        }
        st->kernel = k;
        g->n_steps = i + 1;
    }
    *out = g;
    return 0;
fail:
    api_release_graph(g);
    return -1;
}

/* ---- compute ---- */

static int find_value(const wna_compiled *g, const char *name)
{
    for (uint32_t k = 0; k < g->n_values; k++)
        if (strcmp(g->values[k].name, name) == 0) return (int)k;
    return -1;
}

/* A caller's buffer can stand in for a float32 value when floats may live at its address. */
static int can_lend(const void *p) { return p && (uintptr_t)p % _Alignof(float) == 0; }

static int copy_input(wna_compiled *g, const wna_tensor *t, wna_error *err)
{
    uint32_t j = 0;
    while (j < g->n_inputs && strcmp(g->values[g->inputs[j]].name, t->name) != 0) j++;
    if (j == g->n_inputs) return obl_fail(err, WNA_TYPE_ERROR, "\"%s\" is not an input of the graph", t->name);
    obl_value *v = &g->values[g->inputs[j]];
    size_t bytes = v->count * wna_dtype_size(v->desc.dtype);
    if (t->desc.dtype != v->desc.dtype || t->nbytes != bytes || (bytes && !t->data))
        return obl_fail(err, WNA_TYPE_ERROR, "input \"%s\": %zu bytes of data type %d, the graph needs %zu of %d",
                        t->name, t->nbytes, (int)t->desc.dtype, bytes, (int)v->desc.dtype);
    if (v->desc.dtype == WNA_FLOAT32 && can_lend(t->data)) v->f = t->data; /* read in place, never written */
    else if (v->desc.dtype == WNA_FLOAT32) memcpy(v->f, t->data, bytes);
    else if (v->desc.dtype == WNA_FLOAT16) {
        memcpy(v->h, t->data, bytes);
        obl_f16_to_f32(v->h, v->f, v->count);
    } else memcpy(v->raw, t->data, bytes);
    g->seen[j] = 1;
    return 0;
}

static int copy_output(const wna_compiled *g, wna_tensor *t, wna_error *err)
{
    int k = find_value(g, t->name);
    if (k < 0) return obl_fail(err, WNA_TYPE_ERROR, "\"%s\" is not an operand of the graph", t->name);
    const obl_value *v = &g->values[k];
    size_t bytes = v->count * wna_dtype_size(v->desc.dtype);
    if (bytes > t->nbytes || (bytes && !t->data))
        return obl_fail(err, WNA_TYPE_ERROR, "output \"%s\" needs %zu bytes, the buffer has %zu", t->name, bytes,
                        t->nbytes);
    const void *src = v->desc.dtype == WNA_FLOAT32 ? (const void *)v->f
                      : v->desc.dtype == WNA_FLOAT16 ? (const void *)v->h
                                                     : v->raw;
    if (t->data != src) memcpy(t->data, src, bytes);
    t->desc = v->desc;
    return 0;
}

/* float16 storage: the op's float32 result rounded once, and the view made to match it so the
 * next op reads exactly the stored binary16 value. */
static void round_f16(obl_value *v)
{
    obl_f32_to_f16(v->f, v->h, v->count);
    obl_f16_to_f32(v->h, v->f, v->count);
}

/* float32 outputs are computed straight into the caller's buffers when they fit. */
static void lend_outputs(wna_compiled *g, const wna_tensor *outputs, uint32_t n_outputs)
{
    for (uint32_t j = 0; j < n_outputs; j++) {
        int k = find_value(g, outputs[j].name);
        if (k < 0) continue;
        obl_value *v = &g->values[k];
        if (v->desc.dtype == WNA_FLOAT32 && v->f == g->own_f[k] && !v->is_constant && can_lend(outputs[j].data) &&
            outputs[j].nbytes >= v->count * sizeof(float))
            v->f = outputs[j].data;
    }
}

static int run_steps(wna_compiled *g, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs,
                     uint32_t n_outputs, wna_error *err)
{
    memset(g->seen, 0, g->n_inputs ? g->n_inputs : 1);
    for (uint32_t j = 0; j < n_inputs; j++)
        if (copy_input(g, &inputs[j], err) != 0) return -1;
    for (uint32_t j = 0; j < g->n_inputs; j++)
        if (!g->seen[j])
            return obl_fail(err, WNA_TYPE_ERROR, "graph input \"%s\" was not given", g->values[g->inputs[j]].name);
    lend_outputs(g, outputs, n_outputs);
    for (uint32_t s = 0; s < g->n_steps; s++) {
        obl_step *st = &g->steps[s];
        err->kind = WNA_OK;
        err->message[0] = '\0';
        if (st->kernel->run(st->state, g->values, err) != 0) return op_fail(err, s, st->op);
        for (uint32_t o = 0; o < st->n_outputs; o++) {
            obl_value *v = &g->values[st->outputs[o]];
            if (v->desc.dtype == WNA_FLOAT16) round_f16(v);
        }
    }
    for (uint32_t j = 0; j < n_outputs; j++)
        if (copy_output(g, &outputs[j], err) != 0) return -1;
    return 0;
}

static int api_compute(wna_compiled *g, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs,
                       uint32_t n_outputs, wna_error *err)
{
    for (uint32_t k = 0; k < g->n_values; k++) g->own_f[k] = g->values[k].f;
    int rc = run_steps(g, inputs, n_inputs, outputs, n_outputs, err);
    /* the caller's buffers are only borrowed for this call */
    for (uint32_t k = 0; k < g->n_values; k++) g->values[k].f = g->own_f[k];
    return rc;
}

static const wna_api obl_api = {
    .abi_major = WEBNN_ADAPTER_ABI_MAJOR,
    .abi_minor = WEBNN_ADAPTER_ABI_MINOR,
    .struct_size = sizeof(wna_api),
    .name = "openblas",
    .version = "0.1",
    .create_context = api_create_context,
    .release_context = api_release_context,
    .op_support_limits = api_op_support_limits,
    .build = api_build,
    .compute = api_compute,
    .release_graph = api_release_graph,
};

const wna_api *webnn_adapter_entry(void) { return &obl_api; }
