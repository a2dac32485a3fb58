/* A value per operand, and cutting cases out of cases (the judge's one-operation graphs and
 * every minimization step). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fd.h"
#include "webnn/interp.h"

void fd_case_free(fd_case *c)
{
    for (uint32_t k = 0; c->in && k < c->n_in; k++) wn_tensor_free(&c->in[k]);
    free(c->in);
    wn_graph_free(c->g);
    memset(c, 0, sizeof *c);
}

void fd_values_free(wn_tensor *vals, uint32_t n)
{
    for (uint32_t i = 0; vals && i < n; i++) wn_tensor_free(&vals[i]);
}

int fd_values_reference(const fd_case *c, wn_tensor *vals, wn_error *err)
{
    const wn_graph *g = c->g;
    memset(vals, 0, g->n_operands * sizeof *vals);
    wn_tensor *outs = calloc(g->n_outputs + 1, sizeof *outs);
    if (!outs) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
    if (wn_interp_run(g, c->in, c->n_in, outs, err) != 0) {
        free(outs);
        return -1;
    }
    for (uint32_t k = 0; k < g->n_outputs; k++) vals[g->outputs[k]] = outs[k];
    free(outs);
    int rc = 0;
    for (uint32_t k = 0; k < c->n_in && rc == 0; k++) rc = wn_tensor_copy(&vals[wn_graph_input_operand(g, k)], &c->in[k], err);
    for (uint32_t i = 0; i < g->n_operands && rc == 0; i++) {
        const wn_operand *o = &g->operands[i];
        if (o->kind != WN_OPERAND_CONSTANT) continue;
        wn_tensor t = {o->desc, o->data, o->nbytes};
        rc = wn_tensor_copy(&vals[i], &t, err);
    }
    if (rc != 0) fd_values_free(vals, g->n_operands);
    return rc;
}

static int copy_value(const wn_value *src, const uint32_t *map, wn_value *dst)
{
    *dst = *src;
    switch (src->kind) {
    case WN_V_OPERAND:
        dst->u.operand = map[src->u.operand];
        return 0;
    case WN_V_OPERAND_LIST:
        dst->u.operands = calloc(src->count + 1, sizeof(uint32_t));
        if (!dst->u.operands) return -1;
        for (uint32_t i = 0; i < src->count; i++) dst->u.operands[i] = map[src->u.operands[i]];
        return 0;
    case WN_V_NUMBER_LIST:
        dst->u.numbers = calloc(src->count + 1, sizeof(wn_number));
        if (!dst->u.numbers) return -1;
        memcpy(dst->u.numbers, src->u.numbers, src->count * sizeof(wn_number));
        return 0;
    case WN_V_STRING:
        dst->u.string = strdup(src->u.string);
        return dst->u.string ? 0 : -1;
    case WN_V_STRING_LIST:
        dst->u.strings = calloc(src->count + 1, sizeof(char *));
        if (!dst->u.strings) return -1;
        for (uint32_t i = 0; i < src->count; i++)
            if (!(dst->u.strings[i] = strdup(src->u.strings[i]))) return -1;
        return 0;
    default:
        return 0;
    }
}

/* The operand indices an argument reads. */
static uint32_t arg_operands(const wn_value *v, const uint32_t **list)
{
    if (v->kind == WN_V_OPERAND) {
        *list = &v->u.operand;
        return 1;
    }
    if (v->kind == WN_V_OPERAND_LIST) {
        *list = v->u.operands;
        return v->count;
    }
    return 0;
}

int fd_extract(const wn_graph *g, const bool *keep, const wn_tensor *vals, bool all_inputs, fd_case *out, wn_error *err)
{
    memset(out, 0, sizeof *out);
    uint32_t *map = malloc((g->n_operands + 1) * sizeof *map);
    wn_tensor *leaf_vals = calloc(g->n_operands + 1, sizeof *leaf_vals);
    uint32_t *outs = calloc(g->n_operands + 1, sizeof *outs);
    uint32_t n_leaves = 0, n_outs = 0;
    int rc = -1;
    out->g = wn_graph_new();
    if (!map || !leaf_vals || !outs || !out->g) {
        wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
        goto done;
    }
    for (uint32_t i = 0; i < g->n_operands; i++) map[i] = UINT32_MAX;
    for (uint32_t k = 0; k < g->n_ops; k++) {
        if (!keep[k]) continue;
        const wn_operation *op = &g->ops[k];
        for (uint32_t p = 0; p < op->spec->n_params; p++) {
            const uint32_t *list;
            uint32_t n = arg_operands(&op->args[p], &list);
            for (uint32_t j = 0; j < n; j++) {
                uint32_t s = list[j];
                if (map[s] != UINT32_MAX) continue;
                const wn_operand *o = &g->operands[s];
                const wn_tensor *v = &vals[s];
                int r = o->kind == WN_OPERAND_CONSTANT && !all_inputs
                            ? wn_graph_add_constant(out->g, o->name, &v->desc, v->data, v->nbytes, err)
                            : wn_graph_add_input(out->g, o->name, &v->desc, err);
                if (r != 0) goto done;
                map[s] = (uint32_t)wn_graph_find(out->g, o->name);
                if (!(o->kind == WN_OPERAND_CONSTANT && !all_inputs)) leaf_vals[n_leaves++] = *v; /* input order */
            }
        }
        wn_value *args = wn_values_new(op->spec->n_params);
        if (!args) {
            wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
            goto done;
        }
        for (uint32_t p = 0; p < op->spec->n_params; p++)
            if (copy_value(&op->args[p], map, &args[p]) != 0) {
                wn_values_free(args, op->spec->n_params);
                wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
                goto done;
            }
        const char *names[16];
        for (uint32_t j = 0; j < op->n_outputs && j < 16; j++) names[j] = g->operands[op->outputs[j]].name;
        if (op->n_outputs > 16 || wn_graph_add_op(out->g, op->spec, args, names, op->n_outputs, NULL, err) != 0) goto done;
        for (uint32_t j = 0; j < op->n_outputs; j++) {
            map[op->outputs[j]] = (uint32_t)wn_graph_find(out->g, names[j]);
            outs[n_outs++] = map[op->outputs[j]];
        }
    }
    if (n_outs == 0) {
        wn_set_error(err, WN_FORMAT_ERROR, "no operation kept");
        goto done;
    }
    if (wn_graph_set_outputs(out->g, outs, n_outs, err) != 0 || wn_graph_validate(out->g, err) != 0) goto done;
    /* graph inputs were added in the order leaf_vals holds them, which is operand order */
    out->n_in = wn_graph_input_count(out->g);
    out->in = calloc(out->n_in + 1, sizeof *out->in);
    if (!out->in || out->n_in != n_leaves) {
        wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
        goto done;
    }
    for (uint32_t k = 0; k < out->n_in; k++)
        if (wn_tensor_copy(&out->in[k], &leaf_vals[k], err) != 0) goto done;
    rc = 0;
done:
    if (rc != 0) fd_case_free(out);
    free(map);
    free(leaf_vals);
    free(outs);
    return rc;
}
