/* Graph and limits <-> JSON for the process protocol (adapters/PROCESS.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"

static const char *const dtype_names[WNA_DTYPE_COUNT] = {"float32", "float16", "int32", "uint32",
                                                        "int64",   "uint64",  "int8",  "uint8"};

const char *proto_dtype_name(int32_t dtype)
{
    return dtype >= 0 && dtype < WNA_DTYPE_COUNT ? dtype_names[dtype] : "?";
}

int proto_dtype_from_name(const char *name)
{
    for (int i = 0; name && i < WNA_DTYPE_COUNT; i++)
        if (strcmp(name, dtype_names[i]) == 0) return i;
    return -1;
}

int proto_body_add(proto_body *b, const void *data, size_t n, uint64_t *offset)
{
    static const unsigned char zeros[8];
    if (b->n + 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 16;
        const void **p = realloc(b->piece, cap * sizeof *p);
        if (!p) return -1;
        b->piece = p;
        size_t *l = realloc(b->len, cap * sizeof *l);
        if (!l) return -1;
        b->len = l;
        b->cap = cap;
    }
    size_t pad = (size_t)(-b->total & 7);
    if (pad) {
        b->piece[b->n] = zeros;
        b->len[b->n++] = pad;
        b->total += pad;
    }
    *offset = b->total;
    if (n) {
        b->piece[b->n] = data;
        b->len[b->n++] = n;
        b->total += n;
    }
    return 0;
}

void proto_body_free(proto_body *b)
{
    free(b->piece);
    free(b->len);
    memset(b, 0, sizeof *b);
}

int proto_add_desc(cJSON *obj, const wna_desc *d)
{
    cJSON *shape = cJSON_AddArrayToObject(obj, "shape");
    if (!cJSON_AddStringToObject(obj, "dataType", proto_dtype_name(d->dtype)) || !shape) return -1;
    for (uint32_t i = 0; i < d->rank && i < WNA_MAX_RANK; i++)
        if (!cJSON_AddItemToArray(shape, cJSON_CreateNumber(d->dims[i]))) return -1;
    return 0;
}

int proto_read_desc(const cJSON *obj, wna_desc *d, char *msg, size_t cap)
{
    const cJSON *dt = cJSON_GetObjectItemCaseSensitive(obj, "dataType");
    const cJSON *shape = cJSON_GetObjectItemCaseSensitive(obj, "shape");
    memset(d, 0, sizeof *d);
    d->dtype = cJSON_IsString(dt) ? proto_dtype_from_name(dt->valuestring) : -1;
    if (d->dtype < 0) {
        snprintf(msg, cap, "dataType is missing or not a data type name");
        return -1;
    }
    if (!cJSON_IsArray(shape) || cJSON_GetArraySize(shape) > WNA_MAX_RANK) {
        snprintf(msg, cap, "shape is missing or has more than %d dimensions", WNA_MAX_RANK);
        return -1;
    }
    const cJSON *v;
    cJSON_ArrayForEach(v, shape)
    {
        if (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > 4294967295.0 || v->valuedouble != floor(v->valuedouble)) {
            snprintf(msg, cap, "shape has a dimension that is not an integer in 1..2^32-1");
            return -1;
        }
        d->dims[d->rank++] = (uint32_t)v->valuedouble;
    }
    return 0;
}

/* MLNumber: a JSON number when exact, else a string (decimal integer, "NaN", "Infinity", "-Infinity"). */
static cJSON *number_json(const wna_number *n)
{
    char buf[32];
    const double exact = 9007199254740992.0; /* 2^53 */
    if (n->kind == WNA_NUM_INT) {
        if ((double)n->i <= exact && (double)n->i >= -exact) return cJSON_CreateNumber((double)n->i);
        snprintf(buf, sizeof buf, "%lld", (long long)n->i);
        return cJSON_CreateString(buf);
    }
    if (n->kind == WNA_NUM_UINT) {
        if ((double)n->u <= exact) return cJSON_CreateNumber((double)n->u);
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)n->u);
        return cJSON_CreateString(buf);
    }
    if (isnan(n->f)) return cJSON_CreateString("NaN");
    if (isinf(n->f)) return cJSON_CreateString(n->f > 0 ? "Infinity" : "-Infinity");
    return cJSON_CreateNumber(n->f);
}

static cJSON *arg_json(const wna_arg *a)
{
    cJSON *o = cJSON_CreateObject(), *list = NULL;
    if (!o) return NULL;
    int ok = 1;
    switch (a->kind) {
    case WNA_ARG_OPERAND: ok = cJSON_AddNumberToObject(o, "operand", a->u.operand) != NULL; break;
    case WNA_ARG_OPERAND_LIST:
        ok = (list = cJSON_AddArrayToObject(o, "operands")) != NULL;
        for (uint32_t i = 0; ok && i < a->count; i++) ok = cJSON_AddItemToArray(list, cJSON_CreateNumber(a->u.operands[i]));
        break;
    case WNA_ARG_NUMBER: ok = cJSON_AddItemToObject(o, "number", number_json(&a->u.number)); break;
    case WNA_ARG_NUMBER_LIST:
        ok = (list = cJSON_AddArrayToObject(o, "numbers")) != NULL;
        for (uint32_t i = 0; ok && i < a->count; i++) ok = cJSON_AddItemToArray(list, number_json(&a->u.numbers[i]));
        break;
    case WNA_ARG_BOOL: ok = cJSON_AddBoolToObject(o, "bool", a->u.boolean) != NULL; break;
    case WNA_ARG_STRING: ok = cJSON_AddStringToObject(o, "string", a->u.string) != NULL; break;
    case WNA_ARG_STRING_LIST:
        ok = (list = cJSON_AddArrayToObject(o, "strings")) != NULL;
        for (uint32_t i = 0; ok && i < a->count; i++) ok = cJSON_AddItemToArray(list, cJSON_CreateString(a->u.strings[i]));
        break;
    default: ok = 0;
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static const char *const kind_names[] = {"input", "constant", "result"};

static cJSON *operand_json(const wna_operand *op, proto_body *body)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o && cJSON_AddStringToObject(o, "name", op->name) &&
             cJSON_AddStringToObject(o, "kind", op->kind >= 0 && op->kind <= 2 ? kind_names[op->kind] : "?");
    if (ok && op->desc_known) ok = proto_add_desc(o, &op->desc) == 0;
    if (ok && op->kind == WNA_OPERAND_CONSTANT) {
        uint64_t off;
        ok = proto_body_add(body, op->data, op->nbytes, &off) == 0 && cJSON_AddNumberToObject(o, "offset", (double)off) &&
             cJSON_AddNumberToObject(o, "byteLength", (double)op->nbytes);
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *operation_json(const wna_operation *op)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *args = o ? cJSON_AddObjectToObject(o, "arguments") : NULL;
    cJSON *outs = o ? cJSON_AddArrayToObject(o, "outputs") : NULL;
    int ok = args && outs && cJSON_AddStringToObject(o, "op", op->op);
    if (ok && op->label) ok = cJSON_AddStringToObject(o, "label", op->label) != NULL;
    for (uint32_t i = 0; ok && i < op->n_args; i++) ok = cJSON_AddItemToObject(args, op->args[i].name, arg_json(&op->args[i]));
    for (uint32_t i = 0; ok && i < op->n_outputs; i++) ok = cJSON_AddItemToArray(outs, cJSON_CreateNumber(op->outputs[i]));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static int add_indices(cJSON *obj, const char *name, const uint32_t *idx, uint32_t n)
{
    cJSON *a = cJSON_AddArrayToObject(obj, name);
    for (uint32_t i = 0; a && i < n; i++)
        if (!cJSON_AddItemToArray(a, cJSON_CreateNumber(idx[i]))) return -1;
    return a ? 0 : -1;
}

cJSON *proto_graph_json(const wna_graph *g, proto_body *body)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *operands = o ? cJSON_AddArrayToObject(o, "operands") : NULL;
    cJSON *operations = o ? cJSON_AddArrayToObject(o, "operations") : NULL;
    int ok = operands && operations;
    for (uint32_t i = 0; ok && i < g->n_operands; i++) ok = cJSON_AddItemToArray(operands, operand_json(&g->operands[i], body));
    for (uint32_t i = 0; ok && i < g->n_operations; i++) ok = cJSON_AddItemToArray(operations, operation_json(&g->operations[i]));
    if (ok) ok = add_indices(o, "inputs", g->inputs, g->n_inputs) == 0 && add_indices(o, "outputs", g->outputs, g->n_outputs) == 0;
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* ---- opSupportLimits ---- */

/* {"dataTypes": [...], "rankRange": {"min": a, "max": b}} (rankRange optional: 0..8). */
static int read_tensor_limits(const cJSON *o, const char *name, wna_operand_limits *l, const char *where, char *msg, size_t cap)
{
    l->name = name;
    l->data_types = 0;
    l->min_rank = 0;
    l->max_rank = WNA_MAX_RANK;
    const cJSON *types = cJSON_GetObjectItemCaseSensitive(o, "dataTypes");
    if (!cJSON_IsObject(o) || !cJSON_IsArray(types)) {
        snprintf(msg, cap, "limits.%s: expected {\"dataTypes\": [...], \"rankRange\": {...}}", where);
        return -1;
    }
    const cJSON *t;
    cJSON_ArrayForEach(t, types)
    {
        int d = cJSON_IsString(t) ? proto_dtype_from_name(t->valuestring) : -1;
        if (d < 0) {
            snprintf(msg, cap, "limits.%s.dataTypes: an entry is not a data type name", where);
            return -1;
        }
        l->data_types |= 1u << d;
    }
    const cJSON *range = cJSON_GetObjectItemCaseSensitive(o, "rankRange");
    if (range) {
        const cJSON *mn = cJSON_GetObjectItemCaseSensitive(range, "min"), *mx = cJSON_GetObjectItemCaseSensitive(range, "max");
        if (!cJSON_IsNumber(mn) || !cJSON_IsNumber(mx) || mn->valuedouble < 0 || mx->valuedouble < mn->valuedouble ||
            mx->valuedouble > 4294967295.0) {
            snprintf(msg, cap, "limits.%s.rankRange: expected {\"min\": a, \"max\": b}, 0 <= a <= b", where);
            return -1;
        }
        l->min_rank = (uint32_t)mn->valuedouble;
        l->max_rank = (uint32_t)mx->valuedouble;
    }
    return 0;
}

int proto_limits_read(const cJSON *limits, proto_limits *pl, char *msg, size_t cap)
{
    memset(pl, 0, sizeof *pl);
    wna_support_limits *out = &pl->out;
    const cJSON *ops = cJSON_GetObjectItemCaseSensitive(limits, "ops");
    if (!cJSON_IsObject(limits) || !cJSON_IsObject(ops)) {
        snprintf(msg, cap, "limits: expected an object with an \"ops\" object");
        return -1;
    }
    const cJSON *layout = cJSON_GetObjectItemCaseSensitive(limits, "preferredInputLayout");
    out->preferred_input_layout = cJSON_IsString(layout) ? layout->valuestring : "nchw";
    const cJSON *maxb = cJSON_GetObjectItemCaseSensitive(limits, "maxTensorByteLength");
    out->max_tensor_byte_length = cJSON_IsNumber(maxb) && maxb->valuedouble > 0 ? (uint64_t)maxb->valuedouble : UINT64_MAX;
    static const char *const graph_parts[] = {"input", "constant", "output"};
    wna_operand_limits *parts[] = {&out->input, &out->constant, &out->output};
    for (int i = 0; i < 3; i++)
        if (read_tensor_limits(cJSON_GetObjectItemCaseSensitive(limits, graph_parts[i]), graph_parts[i], parts[i],
                               graph_parts[i], msg, cap) != 0)
            return -1;
    size_t n_ops = (size_t)cJSON_GetArraySize(ops), n_operands = 0;
    const cJSON *op, *pos;
    cJSON_ArrayForEach(op, ops) n_operands += cJSON_IsObject(op) ? (size_t)cJSON_GetArraySize(op) : 0;
    pl->ops = calloc(n_ops + 1, sizeof *pl->ops);
    pl->operands = calloc(n_operands + 1, sizeof *pl->operands);
    if (!pl->ops || !pl->operands) {
        proto_limits_free(pl);
        snprintf(msg, cap, "out of memory reading the limits");
        return -1;
    }
    size_t k = 0, j = 0;
    cJSON_ArrayForEach(op, ops)
    {
        if (!cJSON_IsObject(op)) {
            snprintf(msg, cap, "limits.ops.%s: expected an object of operand positions", op->string);
            proto_limits_free(pl);
            return -1;
        }
        wna_op_limits *ol = &pl->ops[k++];
        ol->op = op->string;
        ol->operands = &pl->operands[j];
        cJSON_ArrayForEach(pos, op)
        {
            char where[160];
            snprintf(where, sizeof where, "ops.%s.%s", op->string, pos->string);
            if (read_tensor_limits(pos, pos->string, &pl->operands[j++], where, msg, cap) != 0) {
                proto_limits_free(pl);
                return -1;
            }
            ol->n_operands++;
        }
    }
    out->ops = pl->ops;
    out->n_ops = (uint32_t)n_ops;
    return 0;
}

void proto_limits_free(proto_limits *pl)
{
    free(pl->ops);
    free(pl->operands);
    memset(pl, 0, sizeof *pl);
}
