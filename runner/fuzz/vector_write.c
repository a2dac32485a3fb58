/* A minimized case as an ordinary vector file (vectors/FORMAT.md): it runs as it is with
 * run-conformance --vectors. Numbers are written so that they read back to the same
 * element: %.17g of the exact double (floats), decimal integers, special values as the
 * format's strings, 64-bit integers beyond 2^53 as strings. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fd.h"
#include "sha256.h"
#include "webnn/dtype.h"
#include "webnn/interp.h"

static cJSON *number_json(const wn_number *n)
{
    char buf[40];
    if (n->kind == WN_NUM_INT) snprintf(buf, sizeof buf, "%lld", (long long)n->i);
    else if (n->kind == WN_NUM_UINT) snprintf(buf, sizeof buf, "%llu", (unsigned long long)n->u);
    else if (isnan(n->f)) return cJSON_CreateString("NaN");
    else if (isinf(n->f)) return cJSON_CreateString(n->f > 0 ? "Infinity" : "-Infinity");
    else snprintf(buf, sizeof buf, "%.17g", n->f);
    return cJSON_CreateRaw(buf);
}

static cJSON *data_json(const wn_tensor *t)
{
    cJSON *a = cJSON_CreateArray();
    size_t n = wn_desc_count(&t->desc);
    char buf[40];
    for (size_t i = 0; a && i < n; i++) {
        cJSON *e;
        if (wn_dtype_is_float(t->desc.dtype)) {
            double v = wn_get_f64(t, i);
            if (isnan(v)) e = cJSON_CreateString("NaN");
            else if (isinf(v)) e = cJSON_CreateString(v > 0 ? "Infinity" : "-Infinity");
            else if (v == 0 && signbit(v)) e = cJSON_CreateString("-0");
            else {
                snprintf(buf, sizeof buf, "%.17g", v);
                e = cJSON_CreateRaw(buf);
            }
        } else if (wn_dtype_is_signed_int(t->desc.dtype)) {
            long long v = (long long)wn_get_i64(t, i);
            snprintf(buf, sizeof buf, "%lld", v);
            e = v > (1ll << 53) || v < -(1ll << 53) ? cJSON_CreateString(buf) : cJSON_CreateRaw(buf);
        } else {
            unsigned long long v = (unsigned long long)wn_get_u64(t, i);
            snprintf(buf, sizeof buf, "%llu", v);
            e = v > (1ull << 53) ? cJSON_CreateString(buf) : cJSON_CreateRaw(buf);
        }
        cJSON_AddItemToArray(a, e);
    }
    return a;
}

static cJSON *desc_json(const wn_desc *d)
{
    cJSON *o = cJSON_CreateObject(), *shape = cJSON_CreateArray();
    cJSON_AddStringToObject(o, "dataType", wn_dtype_name(d->dtype));
    for (uint32_t i = 0; i < d->rank; i++) cJSON_AddItemToArray(shape, cJSON_CreateNumber(d->dims[i]));
    cJSON_AddItemToObject(o, "shape", shape);
    return o;
}

static cJSON *tensor_json(const wn_tensor *t, bool constant)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "descriptor", desc_json(&t->desc));
    cJSON_AddItemToObject(o, "data", data_json(t));
    if (constant) cJSON_AddTrueToObject(o, "constant");
    return o;
}

/* {"descriptor", "data"} of an output */
static cJSON *output_json(const wn_tensor *t)
{
    cJSON *e = cJSON_CreateObject();
    cJSON_AddItemToObject(e, "descriptor", desc_json(&t->desc));
    cJSON_AddItemToObject(e, "data", data_json(t));
    return e;
}

static cJSON *value_json(const wn_graph *g, const wn_value *v)
{
    cJSON *a;
    switch (v->kind) {
    case WN_V_OPERAND: return cJSON_CreateString(g->operands[v->u.operand].name);
    case WN_V_OPERAND_LIST:
        a = cJSON_CreateArray();
        for (uint32_t i = 0; i < v->count; i++) cJSON_AddItemToArray(a, cJSON_CreateString(g->operands[v->u.operands[i]].name));
        return a;
    case WN_V_NUMBER: return number_json(&v->u.number);
    case WN_V_NUMBER_LIST:
        a = cJSON_CreateArray();
        for (uint32_t i = 0; i < v->count; i++) cJSON_AddItemToArray(a, number_json(&v->u.numbers[i]));
        return a;
    case WN_V_BOOL: return cJSON_CreateBool(v->u.boolean);
    case WN_V_STRING: return cJSON_CreateString(v->u.string);
    case WN_V_STRING_LIST:
        a = cJSON_CreateArray();
        for (uint32_t i = 0; i < v->count; i++) cJSON_AddItemToArray(a, cJSON_CreateString(v->u.strings[i]));
        return a;
    default: return NULL;
    }
}

static cJSON *operation_json(const wn_graph *g, const wn_operation *op)
{
    cJSON *o = cJSON_CreateObject(), *args = cJSON_CreateArray(), *opts = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", op->spec->name);
    for (uint32_t p = 0; p < op->spec->n_params; p++) {
        cJSON *v = value_json(g, &op->args[p]);
        if (!v) continue;
        if (op->spec->params[p].in_options) {
            cJSON_AddItemToObject(opts, op->spec->params[p].name, v);
        } else {
            cJSON *one = cJSON_CreateObject();
            cJSON_AddItemToObject(one, op->spec->params[p].name, v);
            cJSON_AddItemToArray(args, one);
        }
    }
    if (cJSON_GetArraySize(opts) > 0) {
        cJSON *one = cJSON_CreateObject();
        cJSON_AddItemToObject(one, "options", opts);
        cJSON_AddItemToArray(args, one);
    } else {
        cJSON_Delete(opts);
    }
    cJSON_AddItemToObject(o, "arguments", args);
    if (op->spec->multi_output) {
        cJSON *outs = cJSON_CreateArray();
        for (uint32_t j = 0; j < op->n_outputs; j++) cJSON_AddItemToArray(outs, cJSON_CreateString(g->operands[op->outputs[j]].name));
        cJSON_AddItemToObject(o, "outputs", outs);
    } else {
        cJSON_AddStringToObject(o, "outputs", g->operands[op->outputs[0]].name);
    }
    return o;
}

int fd_write_vector(const char *dir, const fd_case *c, uint32_t k, const wn_tensor *ref, const wn_tensor *act,
                    const wn_tolerance *tol, const char *provenance_json, char *path_out, size_t cap)
{
    const wn_graph *g = c->g;
    const wn_operation *target = &g->ops[k];
    cJSON *test = cJSON_CreateObject(), *graph = cJSON_CreateObject(), *inputs = cJSON_CreateObject();
    cJSON *ops = cJSON_CreateArray(), *expected = cJSON_CreateObject();
    for (uint32_t i = 0; i < g->n_operands; i++) {
        const wn_operand *o = &g->operands[i];
        if (o->kind == WN_OPERAND_RESULT) continue;
        cJSON_AddItemToObject(inputs, o->name, tensor_json(&ref[i], o->kind == WN_OPERAND_CONSTANT));
    }
    for (uint32_t j = 0; j < g->n_ops; j++) cJSON_AddItemToArray(ops, operation_json(g, &g->ops[j]));
    for (uint32_t j = 0; j < target->n_outputs; j++)
        cJSON_AddItemToObject(expected, g->operands[target->outputs[j]].name, output_json(&ref[target->outputs[j]]));
    cJSON_AddItemToObject(graph, "inputs", inputs);
    cJSON_AddItemToObject(graph, "operators", ops);
    cJSON_AddItemToObject(graph, "expectedOutputs", expected);
    cJSON_AddItemToObject(test, "graph", graph);
    if (tol->metric != WN_TOL_EXACT) {
        cJSON *t = cJSON_CreateObject();
        cJSON_AddStringToObject(t, "metricType", tol->metric == WN_TOL_ULP ? "ULP" : "ATOL");
        cJSON_AddItemToObject(t, "value", number_json(&(wn_number){.kind = WN_NUM_FLOAT, .f = tol->value}));
        if (tol->absolute_floor > 0)
            cJSON_AddItemToObject(t, "absoluteFloor", number_json(&(wn_number){.kind = WN_NUM_FLOAT, .f = tol->absolute_floor}));
        cJSON_AddItemToObject(test, "tolerance", t);
    }
    /* the name: op and a hash of the test's content */
    char *body = cJSON_PrintUnformatted(test);
    char hex[65] = "0";
    if (body) {
        rn_sha256 h;
        rn_sha256_init(&h);
        rn_sha256_update(&h, body, strlen(body));
        rn_sha256_final_hex(&h, hex);
        free(body);
    }
    char name[160];
    snprintf(name, sizeof name, "%s %u ops, %s", target->spec->name, g->n_ops, hex);
    cJSON_AddItemToObject(test, "name", cJSON_CreateString(name));
    cJSON *file = cJSON_CreateObject(), *tests = cJSON_CreateArray();
    cJSON_AddStringToObject(file, "format", "webnn-cts-vectors/1");
    cJSON *prov = provenance_json ? cJSON_Parse(provenance_json) : NULL;
    if (!prov) prov = cJSON_CreateObject();
    cJSON *ro = cJSON_CreateObject();
    for (uint32_t j = 0; j < target->n_outputs; j++)
        cJSON_AddItemToObject(ro, g->operands[target->outputs[j]].name, data_json(&ref[target->outputs[j]]));
    cJSON_AddItemToObject(prov, "referenceOutputs", ro);
    if (act) {
        cJSON *ao = cJSON_CreateObject();
        for (uint32_t j = 0; j < target->n_outputs; j++)
            cJSON_AddItemToObject(ao, g->operands[target->outputs[j]].name, output_json(&act[target->outputs[j]]));
        cJSON_AddItemToObject(prov, "adapterOutputs", ao);
    }
    cJSON_AddItemToObject(file, "provenance", prov);
    cJSON_AddItemToArray(tests, test);
    cJSON_AddItemToObject(file, "tests", tests);
    snprintf(path_out, cap, "%s/%s-%.12s.json", dir, target->spec->name, hex);
    char *text = cJSON_Print(file);
    cJSON_Delete(file);
    FILE *f = text ? fopen(path_out, "w") : NULL;
    int rc = f && fputs(text, f) >= 0 && fputc('\n', f) != EOF ? 0 : -1;
    if (f && fclose(f) != 0) rc = -1;
    free(text);
    return rc;
}
