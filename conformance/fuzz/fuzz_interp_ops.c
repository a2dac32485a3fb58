#define _POSIX_C_SOURCE 200809L
/* Argument generation by the registry's per-parameter rules (see fuzz_interp_ops.h). */
#include "fuzz_interp_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/graph.h"
#include "webnn/registry.h"

/* Mostly small non-negative integers (axes, sizes, counts); sometimes negative, fractional
 * or large, to reach the range checks. */
static wn_number take_number(fz_bytes *b)
{
    uint8_t k = fz_take(b);
    switch (k % 16) {
    case 0: return wn_number_from_int(-(int64_t)(fz_take(b) % 4));
    case 1: return wn_number_from_double((fz_take(b) - 128) / 16.0);
    case 2: return wn_number_from_int((int64_t)fz_take(b) << 24);
    default: return wn_number_from_int(fz_take(b) % 4);
    }
}

/* The n-th set bit of a data type set (modulo its size); float32 for an empty set. */
static wn_dtype pick_dtype(wn_dtype_set set, uint8_t n)
{
    uint32_t count = 0;
    for (int t = 0; t < WN_DTYPE_COUNT; t++) count += (set >> t) & 1u;
    if (count == 0) return WN_FLOAT32;
    n = (uint8_t)(n % count);
    for (int t = 0; t < WN_DTYPE_COUNT; t++)
        if (((set >> t) & 1u) && n-- == 0) return (wn_dtype)t;
    return WN_FLOAT32;
}

/* The operand an operation argument refers to, for same_type_as / same_rank_as. */
static const wn_operand *arg_operand(const fz_builder *B, const wn_value *args, int8_t p)
{
    if (p < 0) return NULL;
    const wn_value *v = &args[p];
    if (v->kind == WN_V_OPERAND) return &B->g->operands[v->u.operand];
    if (v->kind == WN_V_OPERAND_LIST && v->count) return &B->g->operands[v->u.operands[0]];
    return NULL;
}

/* An operand for a parameter: an existing one that fits the rule, or a new graph input (or
 * constant) whose data type and rank follow the rule. */
static int choose_operand(fz_builder *B, const wn_operand_rule *rule, const wn_value *args, uint32_t *index)
{
    const wn_operand *same_t = arg_operand(B, args, rule->same_type_as);
    const wn_operand *same_r = arg_operand(B, args, rule->same_rank_as);
    wn_dtype_set allowed = same_t ? WN_DTYPE_BIT(same_t->desc.dtype) : rule->allowed ? rule->allowed : WN_DTYPE_ALL;
    uint8_t how = fz_take(&B->b);
    if (how % 2 == 0) { /* reuse an existing operand of an allowed type */
        uint32_t start = fz_take(&B->b);
        for (uint32_t j = 0; j < B->g->n_operands; j++) {
            uint32_t k = (start + j) % B->g->n_operands;
            const wn_operand *o = &B->g->operands[k];
            if (o->desc_known && (allowed & WN_DTYPE_BIT(o->desc.dtype))) {
                *index = k;
                return 0;
            }
        }
    }
    wn_desc d = {.dtype = pick_dtype(allowed, fz_take(&B->b))};
    uint32_t lo = rule->min_rank, hi = rule->max_rank > FZ_MAX_RANK ? FZ_MAX_RANK : rule->max_rank;
    if (lo > hi) lo = hi;
    d.rank = same_r ? same_r->desc.rank : lo + fz_take(&B->b) % (hi - lo + 1);
    if (d.rank > FZ_MAX_RANK) d.rank = FZ_MAX_RANK;
    bool own_dims = how % 8 == 1;
    for (uint32_t i = 0; i < d.rank; i++)
        d.dims[i] = own_dims ? 1u + fz_take(&B->b) % 4u : B->base[FZ_MAX_RANK - d.rank + i];
    return fz_new_operand(B, &d, how % 4 == 3, index);
}

static int fill_numbers(fz_builder *B, wn_value *v, uint32_t n)
{
    v->kind = WN_V_NUMBER_LIST;
    v->u.numbers = calloc(n ? n : 1, sizeof(wn_number));
    if (!v->u.numbers) return -1;
    for (v->count = 0; v->count < n; v->count++) v->u.numbers[v->count] = take_number(&B->b);
    return 0;
}

static uint32_t enum_count(const wn_param_spec *p)
{
    uint32_t count = 0;
    while (p->enum_values && p->enum_values[count]) count++;
    return count;
}

static int fill_arg(fz_builder *B, const wn_param_spec *p, wn_value *args, uint32_t i)
{
    wn_value *v = &args[i];
    if (p->optional && fz_take(&B->b) % 3 == 0) return 0; /* absent */
    uint32_t n;
    switch (p->kind) {
    case WN_P_OPERAND:
        v->kind = WN_V_OPERAND;
        return choose_operand(B, &p->rule, args, &v->u.operand);
    case WN_P_OPERAND_LIST:
        n = 1 + fz_take(&B->b) % 3;
        v->kind = WN_V_OPERAND_LIST;
        v->u.operands = calloc(n, sizeof(uint32_t));
        if (!v->u.operands) return -1;
        for (v->count = 0; v->count < n; v->count++)
            if (choose_operand(B, &p->rule, args, &v->u.operands[v->count]) != 0) return -1;
        return 0;
    case WN_P_UINT: case WN_P_INT: case WN_P_DOUBLE: case WN_P_NUMBER:
        v->kind = WN_V_NUMBER;
        v->u.number = take_number(&B->b);
        return 0;
    case WN_P_UINT_OR_LIST:
        if (fz_take(&B->b) & 1) {
            v->kind = WN_V_NUMBER;
            v->u.number = take_number(&B->b);
            return 0;
        }
        return fill_numbers(B, v, fz_take(&B->b) % 5);
    case WN_P_UINT_LIST: case WN_P_DOUBLE_LIST:
        return fill_numbers(B, v, fz_take(&B->b) % 5);
    case WN_P_BOOL:
        v->kind = WN_V_BOOL;
        v->u.boolean = fz_take(&B->b) & 1;
        return 0;
    case WN_P_DTYPE: case WN_P_ENUM: {
        const char *s = "bogus";
        uint8_t k = fz_take(&B->b);
        if (p->kind == WN_P_DTYPE) s = wn_dtype_name((wn_dtype)(k % WN_DTYPE_COUNT));
        else if (enum_count(p) && k % 16 != 15) s = p->enum_values[k % enum_count(p)];
        v->kind = WN_V_STRING;
        v->u.string = strdup(s);
        return v->u.string ? 0 : -1;
    }
    case WN_P_ENUM_LIST:
        n = enum_count(p) ? fz_take(&B->b) % 4 : 0;
        v->kind = WN_V_STRING_LIST;
        v->u.strings = calloc(n ? n : 1, sizeof(char *));
        if (!v->u.strings) return -1;
        for (v->count = 0; v->count < n; v->count++) {
            v->u.strings[v->count] = strdup(p->enum_values[fz_take(&B->b) % enum_count(p)]);
            if (!v->u.strings[v->count]) return -1;
        }
        return 0;
    default:
        return -1;
    }
}

int fz_add_op(fz_builder *B, const wn_op_spec *spec, uint32_t op_no, bool *shaped, uint32_t *n_outputs)
{
    *n_outputs = spec->multi_output ? 1 + fz_take(&B->b) % 3 : 1;
    /* three times in four, operations with coupled shapes take the shape-aware generator */
    *shaped = fz_has_shaped(spec) && fz_take(&B->b) % 4 != 0;
    wn_value *args = wn_values_new(spec->n_params);
    if (!args) return -1;
    int rc = *shaped ? fz_shaped_args(B, spec, args, n_outputs) : 0;
    for (uint32_t i = 0; i < spec->n_params && !*shaped && rc == 0; i++) rc = fill_arg(B, &spec->params[i], args, i);
    if (rc != 0) {
        wn_values_free(args, spec->n_params);
        return -1;
    }
    char names[3][16];
    const char *name_ptrs[3];
    for (uint32_t k = 0; k < *n_outputs; k++) {
        snprintf(names[k], sizeof names[k], "op%u_%u", op_no, k);
        name_ptrs[k] = names[k];
    }
    wn_error err;
    return wn_graph_add_op(B->g, spec, args, name_ptrs, *n_outputs, NULL, &err); /* args taken over */
}
