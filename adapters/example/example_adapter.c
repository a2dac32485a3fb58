/* A minimal adapter written against adapters/include/webnn_adapter.h alone: float32 `add`
 * (with broadcasting) and `relu`, on the cpu. It shows the whole life cycle: a context with
 * its opSupportLimits, build() copying what it needs out of the graph (a compiler would
 * fuse and pre-pack here), compute() by name, release. Build:
 *     cc -shared -fPIC -Iadapters/include -o libwebnn_adapter_example.so example_adapter.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn_adapter.h"

const wna_api *webnn_adapter_entry(void);

#define F32 (1u << WNA_FLOAT32)

/* ---- opSupportLimits: what this adapter can do ---- */
static const wna_operand_limits add_limits[] = {{"a", F32, 0, 8}, {"b", F32, 0, 8}, {"output", F32, 0, 8}};
static const wna_operand_limits relu_limits[] = {{"input", F32, 0, 8}, {"output", F32, 0, 8}};
static const wna_op_limits op_limits[] = {{"add", add_limits, 3}, {"relu", relu_limits, 2}};

struct wna_context {
    int unused;
};

/* A compiled graph: one float buffer per operand, the steps, and the names. */
typedef struct step {
    int is_add;
    uint32_t a, b, out;
} step;

struct wna_compiled {
    uint32_t n_operands, n_steps;
    float **buf;
    wna_desc *desc;
    char **name;
    step *steps;
};

static int fail(wna_error *err, int kind, const char *msg)
{
    err->kind = kind;
    snprintf(err->message, sizeof err->message, "%s", msg);
    return -1;
}

static size_t count(const wna_desc *d)
{
    size_t n = 1;
    for (uint32_t i = 0; i < d->rank; i++) n *= d->dims[i];
    return n;
}

static int ex_create_context(const char *device, wna_context **out, wna_error *err)
{
    if (strcmp(device, "cpu") != 0 && strcmp(device, WNA_DEVICE_DEFAULT) != 0)
        return fail(err, WNA_NOT_SUPPORTED_ERROR, "the example adapter only has a cpu device");
    *out = calloc(1, sizeof **out);
    return *out ? 0 : fail(err, WNA_OPERATION_ERROR, "out of memory");
}

static void ex_release_context(wna_context *ctx) { free(ctx); }

static int ex_op_support_limits(wna_context *ctx, wna_support_limits *out, wna_error *err)
{
    (void)ctx;
    (void)err;
    memset(out, 0, sizeof *out);
    out->preferred_input_layout = "nchw";
    out->max_tensor_byte_length = (uint64_t)1 << 30;
    out->input = (wna_operand_limits){"input", F32, 0, 8};
    out->constant = (wna_operand_limits){"constant", F32, 0, 8};
    out->output = (wna_operand_limits){"output", F32, 0, 8};
    out->ops = op_limits;
    out->n_ops = 2;
    return 0;
}

static void ex_release_graph(wna_compiled *c)
{
    if (!c) return;
    for (uint32_t k = 0; k < c->n_operands; k++) {
        free(c->buf[k]);
        free(c->name[k]);
    }
    free(c->buf);
    free(c->desc);
    free(c->name);
    free(c->steps);
    free(c);
}

static const wna_arg *arg(const wna_operation *op, const char *name)
{
    for (uint32_t i = 0; i < op->n_args; i++)
        if (strcmp(op->args[i].name, name) == 0 && op->args[i].kind == WNA_ARG_OPERAND) return &op->args[i];
    return NULL;
}

static int ex_build(wna_context *ctx, const wna_graph *g, wna_compiled **out, wna_error *err)
{
    (void)ctx;
    wna_compiled *c = calloc(1, sizeof *c);
    if (!c) return fail(err, WNA_OPERATION_ERROR, "out of memory");
    c->n_operands = g->n_operands;
    c->buf = calloc(g->n_operands + 1, sizeof *c->buf);
    c->desc = calloc(g->n_operands + 1, sizeof *c->desc);
    c->name = calloc(g->n_operands + 1, sizeof *c->name);
    c->steps = calloc(g->n_operations + 1, sizeof *c->steps);
    if (!c->buf || !c->desc || !c->name || !c->steps) goto oom;
    for (uint32_t k = 0; k < g->n_operands; k++) {
        const wna_operand *o = &g->operands[k];
        if (o->desc.dtype != WNA_FLOAT32) {
            ex_release_graph(c);
            return fail(err, WNA_NOT_SUPPORTED_ERROR, "only float32");
        }
        c->desc[k] = o->desc;
        c->buf[k] = calloc(count(&o->desc), sizeof(float));
        c->name[k] = strdup(o->name);
        if (!c->buf[k] || !c->name[k]) goto oom;
        if (o->kind == WNA_OPERAND_CONSTANT) memcpy(c->buf[k], o->data, o->nbytes); /* constants: copy now */
    }
    for (uint32_t i = 0; i < g->n_operations; i++) {
        const wna_operation *op = &g->operations[i];
        step *s = &c->steps[c->n_steps++];
        s->is_add = strcmp(op->op, "add") == 0;
        const wna_arg *a = arg(op, s->is_add ? "a" : "input"), *b = s->is_add ? arg(op, "b") : NULL;
        if ((!s->is_add && strcmp(op->op, "relu") != 0) || !a || (s->is_add && !b) || op->n_outputs != 1) {
            ex_release_graph(c);
            return fail(err, WNA_NOT_SUPPORTED_ERROR, "the example adapter runs add and relu only");
        }
        s->a = a->u.operand;
        s->b = b ? b->u.operand : 0;
        s->out = op->outputs[0];
    }
    *out = c;
    return 0;
oom:
    ex_release_graph(c);
    return fail(err, WNA_OPERATION_ERROR, "out of memory");
}

/* Index into a broadcast operand (numpy rules, right-aligned) for output element i. */
static size_t bcast_index(const wna_desc *src, const wna_desc *out, size_t i)
{
    size_t index = 0, stride = 1;
    for (uint32_t d = out->rank; d-- > 0;) {
        size_t coord = i % out->dims[d];
        i /= out->dims[d];
        uint32_t sd = d + src->rank - out->rank; /* wraps when src has fewer dims */
        if (d + src->rank < out->rank) continue;
        if (src->dims[sd] != 1) index += coord * stride;
        stride *= src->dims[sd];
    }
    return index;
}

static int lookup(const wna_compiled *c, const char *name)
{
    for (uint32_t k = 0; k < c->n_operands; k++)
        if (strcmp(c->name[k], name) == 0) return (int)k;
    return -1;
}

static int ex_compute(wna_compiled *c, const wna_tensor *ins, uint32_t n_in, wna_tensor *outs, uint32_t n_out,
                      wna_error *err)
{
    for (uint32_t j = 0; j < n_in; j++) {
        int k = lookup(c, ins[j].name);
        if (k < 0 || ins[j].nbytes != count(&c->desc[k]) * sizeof(float))
            return fail(err, WNA_TYPE_ERROR, "unknown input or wrong size");
        memcpy(c->buf[k], ins[j].data, ins[j].nbytes);
    }
    for (uint32_t i = 0; i < c->n_steps; i++) {
        const step *s = &c->steps[i];
        const wna_desc *od = &c->desc[s->out];
        for (size_t e = 0; e < count(od); e++) {
            float x = c->buf[s->a][bcast_index(&c->desc[s->a], od, e)];
            if (s->is_add) c->buf[s->out][e] = x + c->buf[s->b][bcast_index(&c->desc[s->b], od, e)];
            else c->buf[s->out][e] = x > 0 ? x : 0;
        }
    }
    for (uint32_t j = 0; j < n_out; j++) {
        int k = lookup(c, outs[j].name);
        size_t bytes = k < 0 ? 0 : count(&c->desc[k]) * sizeof(float);
        if (k < 0 || bytes > outs[j].nbytes) return fail(err, WNA_TYPE_ERROR, "unknown output or buffer too small");
        memcpy(outs[j].data, c->buf[k], bytes);
        outs[j].desc = c->desc[k];
    }
    return 0;
}

static const wna_api example_api = {
    .abi_major = WEBNN_ADAPTER_ABI_MAJOR,
    .abi_minor = WEBNN_ADAPTER_ABI_MINOR,
    .struct_size = sizeof(wna_api),
    .name = "example",
    .version = "1.0",
    .create_context = ex_create_context,
    .release_context = ex_release_context,
    .op_support_limits = ex_op_support_limits,
    .build = ex_build,
    .compute = ex_compute,
    .release_graph = ex_release_graph,
    /* validate and the device-tensor functions are optional: left NULL */
};

const wna_api *webnn_adapter_entry(void) { return &example_api; }
