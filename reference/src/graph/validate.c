/* The spec's builder validation over a whole graph: IDL argument conversion and the
 * registry's data-type and rank rules for every operation (generic), then the op's own
 * builder steps (its build function), then the checks of MLGraphBuilder.build(). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/graph.h"
#include "webnn/op.h"

#define MAX_VALID_TENSOR_COUNT 8192

static const char *rank_range_str(uint8_t lo, uint8_t hi, char *buf, size_t cap)
{
    if (hi == WN_RANK_ANY) snprintf(buf, cap, "%u or more", lo);
    else if (lo == hi) snprintf(buf, cap, "%u", lo);
    else snprintf(buf, cap, "%u to %u", lo, hi);
    return buf;
}

/* The registry's rule for one operand: allowed data type, "same as" type, rank range,
 * "same as" rank. `what` names the operand in messages ("filter", "inputs[2]"). */
static int check_operand(const wn_graph *g, const wn_op_spec *spec, const wn_value *args, const wn_param_spec *p,
                         uint32_t operand, const char *what, wn_error *err)
{
    const wn_operand *o = &g->operands[operand];
    const wn_operand_rule *r = &p->rule;
    char buf[128], buf2[64];
    if (!o->desc_known)
        return wn_set_error(err, WN_FORMAT_ERROR, "%s: operand \"%s\" has no descriptor", what, o->name);
    if (r->same_type_as >= 0) {
        const wn_value *ref = &args[r->same_type_as];
        const wn_param_spec *rp = &spec->params[r->same_type_as];
        uint32_t ref_operand = ref->kind == WN_V_OPERAND ? ref->u.operand
                               : ref->kind == WN_V_OPERAND_LIST && ref->count ? ref->u.operands[0] : UINT32_MAX;
        if (ref_operand != UINT32_MAX && g->operands[ref_operand].desc.dtype != o->desc.dtype)
            return wn_set_error(err, WN_TYPE_ERROR, "%s has data type %s, must be the same as %s (%s)", what,
                                wn_dtype_name(o->desc.dtype), rp->name,
                                wn_dtype_name(g->operands[ref_operand].desc.dtype));
    }
    if (!(r->allowed & WN_DTYPE_BIT(o->desc.dtype)))
        return wn_set_error(err, WN_TYPE_ERROR, "%s has data type %s, allowed: %s", what,
                            wn_dtype_name(o->desc.dtype), wn_dtype_set_str(r->allowed, buf, sizeof buf));
    if (r->same_rank_as >= 0) {
        const wn_value *ref = &args[r->same_rank_as];
        if (ref->kind == WN_V_OPERAND && g->operands[ref->u.operand].desc.rank != o->desc.rank)
            return wn_set_error(err, WN_TYPE_ERROR, "%s has rank %u, must equal the rank of %s (%u)", what,
                                o->desc.rank, spec->params[r->same_rank_as].name,
                                g->operands[ref->u.operand].desc.rank);
    }
    if (o->desc.rank < r->min_rank || (r->max_rank != WN_RANK_ANY && o->desc.rank > r->max_rank))
        return wn_set_error(err, WN_TYPE_ERROR, "%s has rank %u, allowed: %s", what, o->desc.rank,
                            rank_range_str(r->min_rank, r->max_rank, buf2, sizeof buf2));
    return 0;
}

/* WebIDL conversion of a number to [EnforceRange] unsigned long / long. */
static int check_integer(const wn_number *n, int64_t lo, int64_t hi, const char *what, wn_error *err)
{
    if (!wn_number_in_range(n, lo, hi))
        return wn_set_error(err, WN_TYPE_ERROR, "%s is %.17g, must be an integer in [%lld, %lld]", what, n->f,
                            (long long)lo, (long long)hi);
    return 0;
}

static int check_enum(const char *s, const char *const *values, const char *what, wn_error *err)
{
    for (const char *const *v = values; v && *v; v++)
        if (strcmp(*v, s) == 0) return 0;
    return wn_set_error(err, WN_TYPE_ERROR, "%s: \"%s\" is not a valid enum value", what, s);
}

static const char *kind_expect(wn_param_kind k)
{
    return wn_param_kind_name(k);
}

static bool kind_matches(wn_param_kind k, wn_value_kind v)
{
    switch (k) {
    case WN_P_OPERAND: return v == WN_V_OPERAND;
    case WN_P_OPERAND_LIST: return v == WN_V_OPERAND_LIST;
    case WN_P_UINT: case WN_P_INT: case WN_P_DOUBLE: case WN_P_NUMBER: return v == WN_V_NUMBER;
    case WN_P_UINT_LIST: case WN_P_DOUBLE_LIST: return v == WN_V_NUMBER_LIST;
    case WN_P_UINT_OR_LIST: return v == WN_V_NUMBER || v == WN_V_NUMBER_LIST;
    case WN_P_BOOL: return v == WN_V_BOOL;
    case WN_P_DTYPE: case WN_P_ENUM: return v == WN_V_STRING;
    case WN_P_ENUM_LIST: return v == WN_V_STRING_LIST;
    default: return false;
    }
}

/* IDL-level checks and the registry's operand rules, for one operation. */
static int check_args(const wn_graph *g, const wn_operation *op, wn_error *err)
{
    const wn_op_spec *spec = op->spec;
    char what[96];
    for (uint32_t i = 0; i < spec->n_params; i++) {
        const wn_param_spec *p = &spec->params[i];
        const wn_value *v = &op->args[i];
        if (v->kind == WN_V_ABSENT) {
            if (!p->optional) return wn_set_error(err, WN_TYPE_ERROR, "required argument %s is missing", p->name);
            continue;
        }
        if (!kind_matches(p->kind, v->kind))
            return wn_set_error(err, WN_TYPE_ERROR, "%s must be a %s", p->name, kind_expect(p->kind));
        switch (p->kind) {
        case WN_P_OPERAND:
            if (check_operand(g, spec, op->args, p, v->u.operand, p->name, err) != 0) return -1;
            break;
        case WN_P_OPERAND_LIST:
            if (v->count < 1 || v->count > MAX_VALID_TENSOR_COUNT)
                return wn_set_error(err, WN_TYPE_ERROR, "%s has %u operands, must be 1 to %d", p->name, v->count,
                                    MAX_VALID_TENSOR_COUNT);
            for (uint32_t k = 0; k < v->count; k++) {
                snprintf(what, sizeof what, "%s[%u]", p->name, k);
                if (check_operand(g, spec, op->args, p, v->u.operands[k], what, err) != 0) return -1;
            }
            break;
        case WN_P_UINT:
            if (check_integer(&v->u.number, 0, UINT32_MAX, p->name, err) != 0) return -1;
            break;
        case WN_P_INT:
            if (check_integer(&v->u.number, INT32_MIN, INT32_MAX, p->name, err) != 0) return -1;
            break;
        case WN_P_UINT_OR_LIST:
        case WN_P_UINT_LIST:
            if (v->kind == WN_V_NUMBER) {
                if (check_integer(&v->u.number, 0, UINT32_MAX, p->name, err) != 0) return -1;
                break;
            }
            for (uint32_t k = 0; k < v->count; k++) {
                snprintf(what, sizeof what, "%s[%u]", p->name, k);
                if (check_integer(&v->u.numbers[k], 0, UINT32_MAX, what, err) != 0) return -1;
            }
            break;
        case WN_P_DOUBLE: /* IDL double / float are restricted: no NaN or infinity */
            if (!isfinite(v->u.number.f))
                return wn_set_error(err, WN_TYPE_ERROR, "%s is %g, must be a finite number", p->name, v->u.number.f);
            break;
        case WN_P_DOUBLE_LIST:
            for (uint32_t k = 0; k < v->count; k++)
                if (!isfinite(v->u.numbers[k].f))
                    return wn_set_error(err, WN_TYPE_ERROR, "%s[%u] is %g, must be a finite number", p->name, k,
                                        v->u.numbers[k].f);
            break;
        case WN_P_DTYPE: {
            wn_dtype t;
            if (!wn_dtype_parse(v->u.string, &t))
                return wn_set_error(err, WN_TYPE_ERROR, "%s: \"%s\" is not an MLOperandDataType", p->name,
                                    v->u.string);
            break;
        }
        case WN_P_ENUM:
            if (check_enum(v->u.string, p->enum_values, p->name, err) != 0) return -1;
            break;
        case WN_P_ENUM_LIST:
            for (uint32_t k = 0; k < v->count; k++) {
                snprintf(what, sizeof what, "%s[%u]", p->name, k);
                if (check_enum(v->u.strings[k], p->enum_values, what, err) != 0) return -1;
            }
            break;
        default: break;
        }
    }
    return 0;
}

static int validate_op(wn_graph *g, uint32_t index, wn_error *err)
{
    wn_operation *op = &g->ops[index];
    const wn_op_impl *impl = wn_registry_impl(op->spec);
    if (check_args(g, op, err) != 0) return -1;
    if (!impl->build)
        return wn_set_error(err, WN_NOT_IMPLEMENTED, "%s is not implemented in the reference", op->spec->name);
    uint32_t cap = op->n_outputs > 3 ? op->n_outputs : 3;
    wn_desc *descs = calloc(cap, sizeof *descs);
    if (!descs) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
    wn_call c = {.graph = g, .op = op, .spec = op->spec, .err = err, .out_descs = descs, .out_cap = cap};
    int rc = impl->build(&c);
    if (rc == 0 && c.n_out != op->n_outputs)
        rc = wn_set_error(err, WN_FORMAT_ERROR, "%s produces %u output(s) but %u output name(s) are given",
                          op->spec->name, c.n_out, op->n_outputs);
    if (rc == 0)
        for (uint32_t k = 0; k < op->n_outputs; k++) {
            g->operands[op->outputs[k]].desc = descs[k];
            g->operands[op->outputs[k]].desc_known = true;
        }
    free(descs);
    return rc;
}

int wn_graph_validate(wn_graph *g, wn_error *err)
{
    for (uint32_t i = 0; i < g->n_ops; i++) {
        if (validate_op(g, i, err) != 0) {
            wn_error_prefix(err, "operators[%u] (%s)", i, g->ops[i].spec->name);
            return -1;
        }
    }
    /* MLGraphBuilder.build(): outputs must be non-empty and produced by operations */
    if (g->n_outputs == 0) return wn_set_error(err, WN_TYPE_ERROR, "build(): the graph has no outputs");
    for (uint32_t i = 0; i < g->n_outputs; i++) {
        const wn_operand *o = &g->operands[g->outputs[i]];
        if (o->kind != WN_OPERAND_RESULT)
            return wn_set_error(err, WN_TYPE_ERROR,
                                "build(): output \"%s\" is a graph %s, not the result of an operation", o->name,
                                o->kind == WN_OPERAND_INPUT ? "input" : "constant");
    }
    g->validated = true;
    return 0;
}
