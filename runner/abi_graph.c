/* wn_graph -> wna_graph. Arguments get their registry param names; absent ones are left out. */
#include <stdlib.h>
#include <string.h>

#include "abi_graph.h"

wna_desc rn_desc_to_abi(const wn_desc *d)
{
    wna_desc out = {0};
    out.dtype = (int32_t)d->dtype;
    out.rank = d->rank;
    for (uint32_t i = 0; i < d->rank && i < WNA_MAX_RANK; i++) out.dims[i] = d->dims[i];
    return out;
}

wn_desc rn_desc_from_abi(const wna_desc *d)
{
    wn_desc out = {0};
    out.dtype = d->dtype >= 0 && d->dtype < WN_DTYPE_COUNT ? (wn_dtype)d->dtype : WN_FLOAT32;
    out.rank = d->rank <= WN_MAX_RANK ? d->rank : WN_MAX_RANK;
    for (uint32_t i = 0; i < out.rank; i++) out.dims[i] = d->dims[i];
    return out;
}

static wna_number number_to_abi(const wn_number *n)
{
    wna_number out = {0};
    out.kind = n->kind == WN_NUM_INT ? WNA_NUM_INT : n->kind == WN_NUM_UINT ? WNA_NUM_UINT : WNA_NUM_FLOAT;
    out.f = n->f;
    out.i = n->i;
    out.u = n->u;
    return out;
}

static void convert_value(const wn_value *v, wna_arg *a, wna_number **numbers)
{
    a->count = v->count;
    switch (v->kind) {
    case WN_V_OPERAND: a->kind = WNA_ARG_OPERAND; a->u.operand = v->u.operand; break;
    case WN_V_OPERAND_LIST: a->kind = WNA_ARG_OPERAND_LIST; a->u.operands = v->u.operands; break;
    case WN_V_NUMBER: a->kind = WNA_ARG_NUMBER; a->u.number = number_to_abi(&v->u.number); break;
    case WN_V_NUMBER_LIST:
        a->kind = WNA_ARG_NUMBER_LIST;
        for (uint32_t i = 0; i < v->count; i++) (*numbers)[i] = number_to_abi(&v->u.numbers[i]);
        a->u.numbers = *numbers;
        *numbers += v->count;
        break;
    case WN_V_BOOL: a->kind = WNA_ARG_BOOL; a->u.boolean = v->u.boolean; break;
    case WN_V_STRING: a->kind = WNA_ARG_STRING; a->u.string = v->u.string; break;
    case WN_V_STRING_LIST:
        a->kind = WNA_ARG_STRING_LIST;
        a->u.strings = (const char *const *)v->u.strings;
        break;
    default: break;
    }
}

int rn_abi_graph_build(const wn_graph *src, rn_abi_graph *out, wn_error *err)
{
    memset(out, 0, sizeof *out);
    size_t n_args = 0, n_numbers = 0;
    for (uint32_t i = 0; i < src->n_ops; i++)
        for (uint32_t p = 0; p < src->ops[i].spec->n_params; p++) {
            const wn_value *v = &src->ops[i].args[p];
            n_args += v->kind != WN_V_ABSENT;
            if (v->kind == WN_V_NUMBER_LIST) n_numbers += v->count;
        }
    out->operands = calloc(src->n_operands + 1, sizeof *out->operands);
    out->ops = calloc(src->n_ops + 1, sizeof *out->ops);
    out->args = calloc(n_args + 1, sizeof *out->args);
    out->numbers = calloc(n_numbers + 1, sizeof *out->numbers);
    out->inputs = calloc(src->n_operands + 1, sizeof *out->inputs);
    if (!out->operands || !out->ops || !out->args || !out->numbers || !out->inputs) {
        rn_abi_graph_free(out);
        return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory converting the graph");
    }
    uint32_t n_inputs = 0;
    for (uint32_t k = 0; k < src->n_operands; k++) {
        const wn_operand *o = &src->operands[k];
        wna_operand *a = &out->operands[k];
        a->name = o->name;
        a->kind = o->kind == WN_OPERAND_INPUT ? WNA_OPERAND_INPUT
                  : o->kind == WN_OPERAND_CONSTANT ? WNA_OPERAND_CONSTANT : WNA_OPERAND_RESULT;
        a->desc_known = o->desc_known;
        if (o->desc_known) a->desc = rn_desc_to_abi(&o->desc);
        a->data = o->data;
        a->nbytes = o->nbytes;
        a->producer = o->producer;
        if (o->kind == WN_OPERAND_INPUT) out->inputs[n_inputs++] = k;
    }
    wna_arg *arg = out->args;
    wna_number *numbers = out->numbers;
    for (uint32_t i = 0; i < src->n_ops; i++) {
        const wn_operation *op = &src->ops[i];
        wna_operation *a = &out->ops[i];
        a->op = op->spec->name;
        a->args = arg;
        for (uint32_t p = 0; p < op->spec->n_params; p++) {
            if (op->args[p].kind == WN_V_ABSENT) continue;
            arg->name = op->spec->params[p].name;
            convert_value(&op->args[p], arg, &numbers);
            arg++;
        }
        a->n_args = (uint32_t)(arg - a->args);
        a->outputs = op->outputs;
        a->n_outputs = op->n_outputs;
        a->label = op->label;
    }
    out->g.operands = out->operands;
    out->g.n_operands = src->n_operands;
    out->g.operations = out->ops;
    out->g.n_operations = src->n_ops;
    out->g.inputs = out->inputs;
    out->g.n_inputs = n_inputs;
    out->g.outputs = src->outputs;
    out->g.n_outputs = src->n_outputs;
    return 0;
}

void rn_abi_graph_free(rn_abi_graph *a)
{
    free(a->operands);
    free(a->ops);
    free(a->args);
    free(a->numbers);
    free(a->inputs);
    memset(a, 0, sizeof *a);
}
