/* Rebuilding the reference's graph IR (wn_graph) from an ABI graph (wna_graph): the way back
 * of runner/abi_graph.c. Arguments are matched to registry params by name. */
#include <stdlib.h>
#include <string.h>

#include "reference_adapter.h"

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

static wn_number number_from_abi(const wna_number *n)
{
    switch (n->kind) {
    case WNA_NUM_INT: return wn_number_from_int(n->i);
    case WNA_NUM_UINT: return wn_number_from_uint(n->u);
    default: return wn_number_from_double(n->f);
    }
}

static wn_desc desc_from_abi(const wna_desc *d)
{
    wn_desc out = {0};
    out.dtype = (wn_dtype)d->dtype;
    out.rank = d->rank <= WN_MAX_RANK ? d->rank : WN_MAX_RANK;
    for (uint32_t i = 0; i < out.rank; i++) out.dims[i] = d->dims[i];
    return out;
}

/* map[k] = the wn_graph operand index of ABI operand k (filled as operands appear). */
static int operand_ref(const uint32_t *map, const wna_graph *ag, uint32_t k, uint32_t *out, wn_error *err)
{
    if (k >= ag->n_operands || map[k] == UINT32_MAX)
        return wn_set_error(err, WN_FORMAT_ERROR, "operand index %u is not defined before its use", k);
    *out = map[k];
    return 0;
}

static int convert_arg(const wna_arg *a, const uint32_t *map, const wna_graph *ag, wn_value *v, wn_error *err)
{
    switch (a->kind) {
    case WNA_ARG_OPERAND:
        v->kind = WN_V_OPERAND;
        return operand_ref(map, ag, a->u.operand, &v->u.operand, err);
    case WNA_ARG_OPERAND_LIST:
        v->kind = WN_V_OPERAND_LIST;
        v->u.operands = calloc(a->count ? a->count : 1, sizeof *v->u.operands);
        if (!v->u.operands) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
        v->count = a->count;
        for (uint32_t i = 0; i < a->count; i++)
            if (operand_ref(map, ag, a->u.operands[i], &v->u.operands[i], err) != 0) return -1;
        return 0;
    case WNA_ARG_NUMBER:
        v->kind = WN_V_NUMBER;
        v->u.number = number_from_abi(&a->u.number);
        return 0;
    case WNA_ARG_NUMBER_LIST:
        v->kind = WN_V_NUMBER_LIST;
        v->u.numbers = calloc(a->count ? a->count : 1, sizeof *v->u.numbers);
        if (!v->u.numbers) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
        v->count = a->count;
        for (uint32_t i = 0; i < a->count; i++) v->u.numbers[i] = number_from_abi(&a->u.numbers[i]);
        return 0;
    case WNA_ARG_BOOL:
        v->kind = WN_V_BOOL;
        v->u.boolean = a->u.boolean != 0;
        return 0;
    case WNA_ARG_STRING:
        v->kind = WN_V_STRING;
        v->u.string = dup_str(a->u.string ? a->u.string : "");
        return v->u.string ? 0 : wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
    case WNA_ARG_STRING_LIST:
        v->kind = WN_V_STRING_LIST;
        v->u.strings = calloc(a->count ? a->count : 1, sizeof *v->u.strings);
        if (!v->u.strings) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
        v->count = a->count;
        for (uint32_t i = 0; i < a->count; i++) {
            v->u.strings[i] = dup_str(a->u.strings[i] ? a->u.strings[i] : "");
            if (!v->u.strings[i]) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
        }
        return 0;
    default:
        return wn_set_error(err, WN_FORMAT_ERROR, "argument %s has unknown kind %d", a->name, (int)a->kind);
    }
}

static int add_operation(wn_graph *g, const wna_graph *ag, const wna_operation *o, uint32_t *map, wn_error *err)
{
    const wn_op_spec *spec = wn_registry_find(o->op);
    if (!spec) return wn_set_error(err, WN_TYPE_ERROR, "unknown operation \"%s\"", o->op);
    wn_value *args = wn_values_new(spec->n_params);
    const char **names = calloc(o->n_outputs ? o->n_outputs : 1, sizeof *names);
    if (!args || !names) {
        wn_values_free(args, spec->n_params);
        free(names);
        return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
    }
    for (uint32_t i = 0; i < o->n_args; i++) {
        int p = wn_param_index(spec, o->args[i].name);
        if (p < 0) {
            wn_set_error(err, WN_TYPE_ERROR, "%s has no argument \"%s\"", o->op, o->args[i].name);
            goto fail;
        }
        if (convert_arg(&o->args[i], map, ag, &args[p], err) != 0) goto fail;
    }
    for (uint32_t k = 0; k < o->n_outputs; k++) {
        if (o->outputs[k] >= ag->n_operands) {
            wn_set_error(err, WN_FORMAT_ERROR, "%s: output operand %u out of range", o->op, o->outputs[k]);
            goto fail;
        }
        names[k] = ag->operands[o->outputs[k]].name;
    }
    /* wn_graph_add_op takes over args even on failure */
    if (wn_graph_add_op(g, spec, args, names, o->n_outputs, o->label, err) != 0) {
        free(names);
        return -1;
    }
    for (uint32_t k = 0; k < o->n_outputs; k++)
        map[o->outputs[k]] = (uint32_t)wn_graph_find(g, names[k]);
    free(names);
    return 0;
fail:
    wn_values_free(args, spec->n_params);
    free(names);
    return -1;
}

wn_graph *ref_graph_from_abi(const wna_graph *ag, wn_error *err)
{
    wn_graph *g = wn_graph_new();
    uint32_t *map = malloc((ag->n_operands ? ag->n_operands : 1) * sizeof *map);
    uint32_t *outs = calloc(ag->n_outputs ? ag->n_outputs : 1, sizeof *outs);
    if (!g || !map || !outs) {
        wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
        goto fail;
    }
    for (uint32_t k = 0; k < ag->n_operands; k++) map[k] = UINT32_MAX;
    /* inputs and constants first (in operand order), then operations in order */
    for (uint32_t k = 0; k < ag->n_operands; k++) {
        const wna_operand *o = &ag->operands[k];
        wn_desc d = desc_from_abi(&o->desc);
        int rc = 0;
        if (o->kind == WNA_OPERAND_INPUT) rc = wn_graph_add_input(g, o->name, &d, err);
        else if (o->kind == WNA_OPERAND_CONSTANT) rc = wn_graph_add_constant(g, o->name, &d, o->data, o->nbytes, err);
        else continue;
        if (rc != 0) goto fail;
        map[k] = (uint32_t)wn_graph_find(g, o->name);
    }
    for (uint32_t i = 0; i < ag->n_operations; i++)
        if (add_operation(g, ag, &ag->operations[i], map, err) != 0) goto fail;
    for (uint32_t k = 0; k < ag->n_outputs; k++)
        if (operand_ref(map, ag, ag->outputs[k], &outs[k], err) != 0) goto fail;
    if (wn_graph_set_outputs(g, outs, ag->n_outputs, err) != 0) goto fail;
    free(map);
    free(outs);
    return g;
fail:
    wn_graph_free(g);
    free(map);
    free(outs);
    return NULL;
}
