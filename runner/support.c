/* NOTSUPPORTED and conformance gaps: every operand of every operation in a graph against the
 * adapter's opSupportLimits, and against the spec's required data types and ranks. */
#include <stdio.h>
#include <string.h>

#include "support.h"

static const wna_op_limits *find_op(const wna_support_limits *l, const char *name)
{
    for (uint32_t i = 0; i < l->n_ops; i++)
        if (l->ops[i].op && strcmp(l->ops[i].op, name) == 0) return &l->ops[i];
    return NULL;
}

static const wna_operand_limits *find_operand(const wna_op_limits *o, const char *name)
{
    for (uint32_t i = 0; i < o->n_operands; i++)
        if (o->operands[i].name && strcmp(o->operands[i].name, name) == 0) return &o->operands[i];
    return NULL;
}

const char *rn_output_position_name(const wn_op_spec *op, uint32_t k, char *buf, size_t cap)
{
    if (op->n_output_rules <= 1) return op->multi_output ? "outputs" : "output";
    snprintf(buf, cap, "output%u", k);
    return buf;
}

int rn_support_ops_present(const wn_graph *g, const wna_support_limits *l, char *msg, size_t cap)
{
    for (uint32_t i = 0; i < g->n_ops; i++)
        if (!find_op(l, g->ops[i].spec->name)) {
            snprintf(msg, cap, "operators[%u] (%s): not in the adapter's opSupportLimits", i, g->ops[i].spec->name);
            return -1;
        }
    return 0;
}

/* Calls fn for every operand position of every operation: (op, position name, operand). */
typedef int (*visit_fn)(const wn_graph *g, uint32_t op_index, const char *position, uint32_t operand, const void *ctx,
                        char *msg, size_t cap);

static int visit(const wn_graph *g, visit_fn fn, const void *ctx, char *msg, size_t cap)
{
    char buf[24];
    for (uint32_t i = 0; i < g->n_ops; i++) {
        const wn_operation *op = &g->ops[i];
        for (uint32_t p = 0; p < op->spec->n_params; p++) {
            const wn_value *v = &op->args[p];
            const char *name = op->spec->params[p].name;
            if (v->kind == WN_V_OPERAND && fn(g, i, name, v->u.operand, ctx, msg, cap)) return -1;
            for (uint32_t j = 0; v->kind == WN_V_OPERAND_LIST && j < v->count; j++)
                if (fn(g, i, name, v->u.operands[j], ctx, msg, cap)) return -1;
        }
        for (uint32_t k = 0; k < op->n_outputs; k++) {
            uint32_t rule = op->spec->n_output_rules <= 1 ? 0 : k;
            if (fn(g, i, rn_output_position_name(op->spec, rule, buf, sizeof buf), op->outputs[k], ctx, msg, cap))
                return -1;
        }
    }
    return 0;
}

static int check_limits(const wn_graph *g, uint32_t i, const char *position, uint32_t operand, const void *ctx,
                        char *msg, size_t cap)
{
    const wna_support_limits *l = ctx;
    const wn_operation *op = &g->ops[i];
    const wn_operand *o = &g->operands[operand];
    const wna_op_limits *ol = find_op(l, op->spec->name);
    const wna_operand_limits *pl = ol ? find_operand(ol, position) : NULL;
    if (!pl) {
        snprintf(msg, cap, "operators[%u] (%s): the adapter gives no limits for %s", i, op->spec->name, position);
        return -1;
    }
    if (!(pl->data_types & (1u << o->desc.dtype))) {
        snprintf(msg, cap, "operators[%u] (%s): %s data type %s is not in the adapter's opSupportLimits", i,
                 op->spec->name, position, wn_dtype_name(o->desc.dtype));
        return -1;
    }
    if (o->desc.rank < pl->min_rank || o->desc.rank > pl->max_rank) {
        snprintf(msg, cap, "operators[%u] (%s): %s rank %u is outside the adapter's rank range %u..%u", i,
                 op->spec->name, position, o->desc.rank, pl->min_rank, pl->max_rank);
        return -1;
    }
    uint64_t bytes = (uint64_t)wn_desc_count(&o->desc) * wn_dtype_size(o->desc.dtype);
    if (l->max_tensor_byte_length && bytes > l->max_tensor_byte_length) {
        snprintf(msg, cap, "operators[%u] (%s): %s has %llu bytes, above maxTensorByteLength %llu", i,
                 op->spec->name, position, (unsigned long long)bytes, (unsigned long long)l->max_tensor_byte_length);
        return -1;
    }
    return 0;
}

static int check_graph_operand(const wna_operand_limits *pl, const wn_operand *o, const char *what, char *msg,
                               size_t cap)
{
    if (!(pl->data_types & (1u << o->desc.dtype)) || o->desc.rank < pl->min_rank || o->desc.rank > pl->max_rank) {
        char buf[128];
        snprintf(msg, cap, "%s \"%s\" (%s) is outside the adapter's %s limits", what, o->name,
                 wn_desc_str(&o->desc, buf, sizeof buf), what);
        return -1;
    }
    return 0;
}

int rn_support_check(const wn_graph *g, const wna_support_limits *l, char *msg, size_t cap)
{
    if (rn_support_ops_present(g, l, msg, cap) != 0) return -1;
    for (uint32_t k = 0; k < g->n_operands; k++) {
        const wn_operand *o = &g->operands[k];
        if (o->kind == WN_OPERAND_INPUT && check_graph_operand(&l->input, o, "input", msg, cap)) return -1;
        if (o->kind == WN_OPERAND_CONSTANT && check_graph_operand(&l->constant, o, "constant", msg, cap)) return -1;
    }
    for (uint32_t k = 0; k < g->n_outputs; k++)
        if (check_graph_operand(&l->output, &g->operands[g->outputs[k]], "output", msg, cap)) return -1;
    return visit(g, check_limits, l, msg, cap);
}

/* The rule of a position: a param's rule, or an output rule. */
static const wn_operand_rule *position_rule(const wn_op_spec *op, const char *position)
{
    int p = wn_param_index(op, position);
    if (p >= 0) return &op->params[p].rule;
    char buf[24];
    for (uint32_t k = 0; k < op->n_output_rules; k++)
        if (strcmp(rn_output_position_name(op, k, buf, sizeof buf), position) == 0) return &op->output_rules[k];
    return NULL;
}

static int check_required(const wn_graph *g, uint32_t i, const char *position, uint32_t operand, const void *ctx,
                          char *msg, size_t cap)
{
    (void)ctx;
    const wn_op_spec *op = g->ops[i].spec;
    const wn_operand *o = &g->operands[operand];
    const wn_operand_rule *r = position_rule(op, position);
    if (!r) return 0;
    wn_dtype_set required = r->required;
    const wn_operand_rule *t = r;
    for (int hops = 0; t->same_type_as >= 0 && hops < 8; hops++) t = &op->params[t->same_type_as].rule;
    if (r->same_type_as >= 0) required = t->required;
    if (!(required & WN_DTYPE_BIT(o->desc.dtype)) || o->desc.rank < r->req_min_rank ||
        (r->req_max_rank != WN_RANK_ANY && o->desc.rank > r->req_max_rank)) {
        snprintf(msg, cap, "operators[%u] (%s): %s %s rank %u is beyond what the spec requires", i, op->name,
                 position, wn_dtype_name(o->desc.dtype), o->desc.rank);
        return -1;
    }
    return 0;
}

bool rn_support_required(const wn_graph *g)
{
    char msg[256];
    return visit(g, check_required, NULL, msg, sizeof msg) == 0;
}
