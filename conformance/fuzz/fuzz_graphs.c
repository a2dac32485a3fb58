#define _POSIX_C_SOURCE 200809L
/* libFuzzer target: random single-operation graphs drawn from the op registry -- any op, any
 * data types, ranks 0..4, small dimensions, arbitrary argument values -- through builder
 * validation and, when valid, the reference interpreter. Invalid graphs must be rejected
 * cleanly; valid ones must run without a sanitizer report. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/graph.h"
#include "webnn/interp.h"
#include "webnn/registry.h"
#include "webnn/tensor.h"

typedef struct bytes {
    const uint8_t *p;
    size_t n;
} bytes;

static uint8_t take(bytes *b)
{
    if (b->n == 0) return 0;
    b->n--;
    return *b->p++;
}

/* Small integers, sometimes a large or negative one, as option values. */
static wn_number take_number(bytes *b)
{
    uint8_t k = take(b);
    switch (k % 8) {
    case 0: return wn_number_from_int(-(int64_t)(take(b) % 4));
    case 1: return wn_number_from_double((take(b) - 128) / 16.0);
    case 2: return wn_number_from_int((int64_t)take(b) << 24);
    default: return wn_number_from_int(take(b) % 6);
    }
}

static int add_operand(wn_graph *g, bytes *b, uint32_t *index, uint32_t *counter)
{
    wn_desc d = {.dtype = (wn_dtype)(take(b) % WN_DTYPE_COUNT), .rank = take(b) % 5};
    for (uint32_t i = 0; i < d.rank; i++) d.dims[i] = 1 + take(b) % 4;
    char name[32];
    snprintf(name, sizeof name, "in%u", (*counter)++);
    wn_tensor t;
    wn_error err;
    if (wn_tensor_alloc(&t, &d, &err) != 0) return -1;
    for (size_t i = 0; i < t.nbytes; i++) ((uint8_t *)t.data)[i] = take(b);
    /* operands are constants so that their (fuzzed) bytes are the values */
    int rc = wn_graph_add_constant(g, name, &d, t.data, t.nbytes, &err);
    wn_tensor_free(&t);
    if (rc != 0) return -1;
    *index = (uint32_t)wn_graph_find(g, name);
    return 0;
}

static int fill_arg(wn_graph *g, const wn_param_spec *p, bytes *b, wn_value *v, uint32_t *counter)
{
    if (p->optional && (take(b) & 1)) return 0; /* absent */
    uint32_t n;
    switch (p->kind) {
    case WN_P_OPERAND:
        v->kind = WN_V_OPERAND;
        return add_operand(g, b, &v->u.operand, counter);
    case WN_P_OPERAND_LIST:
        n = 1 + take(b) % 3;
        v->kind = WN_V_OPERAND_LIST;
        v->u.operands = calloc(n, sizeof(uint32_t));
        if (!v->u.operands) return -1;
        for (v->count = 0; v->count < n; v->count++)
            if (add_operand(g, b, &v->u.operands[v->count], counter) != 0) return -1;
        return 0;
    case WN_P_UINT: case WN_P_INT: case WN_P_DOUBLE: case WN_P_NUMBER:
        v->kind = WN_V_NUMBER;
        v->u.number = take_number(b);
        return 0;
    case WN_P_UINT_OR_LIST:
        if (take(b) & 1) {
            v->kind = WN_V_NUMBER;
            v->u.number = take_number(b);
            return 0;
        }
        /* fall through */
    case WN_P_UINT_LIST: case WN_P_DOUBLE_LIST:
        n = take(b) % 6;
        v->kind = WN_V_NUMBER_LIST;
        v->u.numbers = calloc(n ? n : 1, sizeof(wn_number));
        if (!v->u.numbers) return -1;
        for (v->count = 0; v->count < n; v->count++) v->u.numbers[v->count] = take_number(b);
        return 0;
    case WN_P_BOOL:
        v->kind = WN_V_BOOL;
        v->u.boolean = take(b) & 1;
        return 0;
    case WN_P_DTYPE: case WN_P_ENUM: {
        const char *s = "bogus";
        if (p->kind == WN_P_DTYPE) s = wn_dtype_name((wn_dtype)(take(b) % WN_DTYPE_COUNT));
        else {
            uint32_t count = 0;
            while (p->enum_values[count]) count++;
            uint8_t k = take(b);
            if (k % (count + 1) < count) s = p->enum_values[k % (count + 1)];
        }
        v->kind = WN_V_STRING;
        v->u.string = strdup(s);
        return v->u.string ? 0 : -1;
    }
    case WN_P_ENUM_LIST:
        n = take(b) % 4;
        v->kind = WN_V_STRING_LIST;
        v->u.strings = calloc(n ? n : 1, sizeof(char *));
        if (!v->u.strings) return -1;
        for (v->count = 0; v->count < n; v->count++) {
            uint32_t count = 0;
            while (p->enum_values[count]) count++;
            v->u.strings[v->count] = strdup(p->enum_values[take(b) % count]);
            if (!v->u.strings[v->count]) return -1;
        }
        return 0;
    default:
        return -1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bytes b = {data, size};
    wn_error err;
    wn_set_tensor_byte_cap((size_t)1 << 20);
    const wn_op_spec *spec = wn_registry_at(take(&b) % wn_registry_count());
    uint32_t n_outputs = 1 + take(&b) % 3;
    wn_graph *g = wn_graph_new();
    wn_value *args = wn_values_new(spec->n_params);
    if (!g || !args) goto done;
    uint32_t counter = 0;
    for (uint32_t i = 0; i < spec->n_params; i++)
        if (fill_arg(g, &spec->params[i], &b, &args[i], &counter) != 0) goto done;
    const char *names[3] = {"out0", "out1", "out2"};
    int rc = wn_graph_add_op(g, spec, args, names, n_outputs, NULL, &err);
    args = NULL; /* taken over */
    if (rc != 0) goto done;
    uint32_t outs[3];
    for (uint32_t k = 0; k < n_outputs; k++) outs[k] = (uint32_t)wn_graph_find(g, names[k]);
    if (wn_graph_set_outputs(g, outs, n_outputs, &err) != 0) goto done;
    if (wn_graph_validate(g, &err) != 0) goto done;
    wn_tensor results[3];
    if (wn_interp_run(g, NULL, 0, results, &err) == 0)
        for (uint32_t k = 0; k < n_outputs; k++) wn_tensor_free(&results[k]);
done:
    if (args) wn_values_free(args, spec->n_params);
    wn_graph_free(g);
    return 0;
}
