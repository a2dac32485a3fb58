/* Building the graph IR: operands and operations, structure only. The spec's validation
 * runs separately (validate.c), so a graph that must be rejected can still be described. */
#include "webnn/graph.h"

#include "webnn/tensor.h"

#include <stdlib.h>
#include <string.h>

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

wn_graph *wn_graph_new(void) { return calloc(1, sizeof(wn_graph)); }

void wn_value_free(wn_value *v)
{
    switch (v->kind) {
    case WN_V_OPERAND_LIST: free(v->u.operands); break;
    case WN_V_NUMBER_LIST: free(v->u.numbers); break;
    case WN_V_STRING: free(v->u.string); break;
    case WN_V_STRING_LIST:
        for (uint32_t i = 0; i < v->count; i++) free(v->u.strings[i]);
        free(v->u.strings);
        break;
    default: break;
    }
    v->kind = WN_V_ABSENT;
}

wn_value *wn_values_new(uint32_t n) { return calloc(n ? n : 1, sizeof(wn_value)); }

void wn_values_free(wn_value *v, uint32_t n)
{
    if (!v) return;
    for (uint32_t i = 0; i < n; i++) wn_value_free(&v[i]);
    free(v);
}

void wn_graph_free(wn_graph *g)
{
    if (!g) return;
    for (uint32_t i = 0; i < g->n_operands; i++) {
        free(g->operands[i].name);
        free(g->operands[i].data);
    }
    for (uint32_t i = 0; i < g->n_ops; i++) {
        wn_values_free(g->ops[i].args, g->ops[i].spec->n_params);
        free(g->ops[i].outputs);
        free(g->ops[i].label);
    }
    free(g->operands);
    free(g->ops);
    free(g->outputs);
    free(g);
}

int32_t wn_graph_find(const wn_graph *g, const char *name)
{
    for (uint32_t i = 0; i < g->n_operands; i++)
        if (strcmp(g->operands[i].name, name) == 0) return (int32_t)i;
    return -1;
}

/* Appends an operand with a fresh, unique name; returns its index or -1. */
static int32_t add_operand(wn_graph *g, const char *name, wn_operand_kind kind, wn_error *err)
{
    if (!name || !*name) return wn_set_error(err, WN_TYPE_ERROR, "operand name is empty");
    if (wn_graph_find(g, name) >= 0)
        return wn_set_error(err, WN_FORMAT_ERROR, "operand name \"%s\" is used twice", name);
    if (g->n_operands >= (uint32_t)INT32_MAX)
        return wn_set_error(err, WN_RESOURCE_ERROR, "too many operands");
    if (g->n_operands == g->cap_operands) {
        uint32_t cap = g->cap_operands ? g->cap_operands * 2 : 16;
        wn_operand *p = realloc(g->operands, cap * sizeof *p);
        if (!p) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory adding operand \"%s\"", name);
        g->operands = p;
        g->cap_operands = cap;
    }
    wn_operand *o = &g->operands[g->n_operands];
    memset(o, 0, sizeof *o);
    o->name = dup_str(name);
    if (!o->name) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory adding operand \"%s\"", name);
    o->kind = kind;
    o->producer = -1;
    g->validated = false;
    return (int32_t)g->n_operands++;
}

int wn_graph_add_input(wn_graph *g, const char *name, const wn_desc *desc, wn_error *err)
{
    if (wn_desc_check(desc, err) != 0) {
        wn_error_prefix(err, "input \"%s\"", name);
        return -1;
    }
    int32_t i = add_operand(g, name, WN_OPERAND_INPUT, err);
    if (i < 0) return -1;
    g->operands[i].desc = *desc;
    g->operands[i].desc_known = true;
    return 0;
}

int wn_graph_add_constant(wn_graph *g, const char *name, const wn_desc *desc, const void *data, size_t nbytes,
                          wn_error *err)
{
    size_t need;
    if (wn_desc_bytes(desc, &need, err) != 0) {
        wn_error_prefix(err, "constant \"%s\"", name);
        return -1;
    }
    if (need != nbytes)
        return wn_set_error(err, WN_TYPE_ERROR, "constant \"%s\": %zu bytes of data, descriptor needs %zu", name,
                            nbytes, need);
    void *copy = malloc(need ? need : 1);
    if (!copy) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory for constant \"%s\"", name);
    wn_alloc_advise_large(copy, need);
    if (need) memcpy(copy, data, need);
    int32_t i = add_operand(g, name, WN_OPERAND_CONSTANT, err);
    if (i < 0) {
        free(copy);
        return -1;
    }
    g->operands[i].desc = *desc;
    g->operands[i].desc_known = true;
    g->operands[i].data = copy;
    g->operands[i].nbytes = need;
    return 0;
}

int wn_graph_add_constant_fill(wn_graph *g, const char *name, const wn_desc *desc, const wn_fill *f, wn_error *err)
{
    size_t need;
    if (wn_desc_bytes(desc, &need, err) != 0) {
        wn_error_prefix(err, "constant \"%s\"", name);
        return -1;
    }
    int32_t i = add_operand(g, name, WN_OPERAND_CONSTANT, err);
    if (i < 0) return -1;
    g->operands[i].desc = *desc;
    g->operands[i].desc_known = true;
    g->operands[i].fill = true;
    g->operands[i].fill_how = *f;
    return 0;
}

int wn_graph_expand_fills(wn_graph *g, wn_error *err)
{
    for (uint32_t i = 0; i < g->n_operands; i++) {
        wn_operand *o = &g->operands[i];
        if (!o->fill || o->data) continue;
        wn_tensor t;
        if (wn_tensor_alloc_fill(&t, &o->desc, &o->fill_how, err) != 0) {
            wn_error_prefix(err, "constant \"%s\"", o->name);
            wn_graph_shrink_fills(g);
            return -1;
        }
        o->data = t.data;
        o->nbytes = t.nbytes;
    }
    return 0;
}

void wn_graph_shrink_fills(wn_graph *g)
{
    for (uint32_t i = 0; i < g->n_operands; i++) {
        wn_operand *o = &g->operands[i];
        if (!o->fill) continue;
        free(o->data);
        o->data = NULL;
        o->nbytes = 0;
    }
}

/* Every operand index an argument refers to must exist already (dependency order). */
static int check_refs(const wn_graph *g, const wn_op_spec *spec, const wn_value *args, wn_error *err)
{
    for (uint32_t p = 0; p < spec->n_params; p++) {
        const wn_value *v = &args[p];
        if (v->kind == WN_V_OPERAND && v->u.operand >= g->n_operands)
            return wn_set_error(err, WN_FORMAT_ERROR, "%s: operand %u does not exist", spec->params[p].name,
                                v->u.operand);
        if (v->kind == WN_V_OPERAND_LIST)
            for (uint32_t k = 0; k < v->count; k++)
                if (v->u.operands[k] >= g->n_operands)
                    return wn_set_error(err, WN_FORMAT_ERROR, "%s[%u]: operand %u does not exist",
                                        spec->params[p].name, k, v->u.operands[k]);
    }
    return 0;
}

int wn_graph_add_op(wn_graph *g, const wn_op_spec *spec, wn_value *args, const char *const *output_names,
                    uint32_t n_outputs, const char *label, wn_error *err)
{
    uint32_t *outs = NULL;
    char *label_copy = NULL;
    if (check_refs(g, spec, args, err) != 0) goto fail;
    if (n_outputs == 0 || n_outputs > 8192) {
        wn_set_error(err, WN_FORMAT_ERROR, "%u output names given, need 1 to 8192", n_outputs);
        goto fail;
    }
    if (g->n_ops == g->cap_ops) {
        uint32_t cap = g->cap_ops ? g->cap_ops * 2 : 8;
        wn_operation *p = realloc(g->ops, cap * sizeof *p);
        if (!p) {
            wn_set_error(err, WN_RESOURCE_ERROR, "out of memory adding %s", spec->name);
            goto fail;
        }
        g->ops = p;
        g->cap_ops = cap;
    }
    outs = calloc(n_outputs, sizeof *outs);
    if (label) label_copy = dup_str(label);
    if (!outs || (label && !label_copy)) {
        wn_set_error(err, WN_RESOURCE_ERROR, "out of memory adding %s", spec->name);
        goto fail;
    }
    for (uint32_t k = 0; k < n_outputs; k++) {
        int32_t idx = add_operand(g, output_names[k], WN_OPERAND_RESULT, err);
        if (idx < 0) {
            /* roll back the outputs already added */
            while (k-- > 0) {
                free(g->operands[--g->n_operands].name);
            }
            goto fail;
        }
        g->operands[idx].producer = (int32_t)g->n_ops;
        outs[k] = (uint32_t)idx;
    }
    wn_operation *op = &g->ops[g->n_ops++];
    op->spec = spec;
    op->args = args;
    op->n_outputs = n_outputs;
    op->outputs = outs;
    op->label = label_copy;
    g->validated = false;
    return 0;
fail:
    free(outs);
    free(label_copy);
    wn_values_free(args, spec->n_params);
    return -1;
}

int wn_graph_set_outputs(wn_graph *g, const uint32_t *operands, uint32_t n, wn_error *err)
{
    uint32_t *copy = calloc(n ? n : 1, sizeof *copy);
    if (!copy) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory setting graph outputs");
    for (uint32_t i = 0; i < n; i++) {
        if (operands[i] >= g->n_operands) {
            free(copy);
            return wn_set_error(err, WN_FORMAT_ERROR, "graph output %u: operand %u does not exist", i, operands[i]);
        }
        copy[i] = operands[i];
    }
    free(g->outputs);
    g->outputs = copy;
    g->n_outputs = n;
    g->validated = false;
    return 0;
}

static bool operand_is_read(const wn_graph *g, uint32_t operand)
{
    for (uint32_t o = 0; o < g->n_ops; o++)
        for (uint32_t p = 0; p < g->ops[o].spec->n_params; p++) {
            const wn_value *v = &g->ops[o].args[p];
            if (v->kind == WN_V_OPERAND && v->u.operand == operand) return true;
            for (uint32_t k = 0; v->kind == WN_V_OPERAND_LIST && k < v->count; k++)
                if (v->u.operands[k] == operand) return true;
        }
    return false;
}

int wn_graph_set_unread_outputs(wn_graph *g, wn_error *err)
{
    uint32_t *outs = calloc(g->n_operands ? g->n_operands : 1, sizeof *outs), n = 0;
    if (!outs) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory setting graph outputs");
    for (uint32_t i = 0; i < g->n_operands; i++)
        if (g->operands[i].kind == WN_OPERAND_RESULT && !operand_is_read(g, i)) outs[n++] = i;
    int rc = wn_graph_set_outputs(g, outs, n, err);
    free(outs);
    return rc;
}
