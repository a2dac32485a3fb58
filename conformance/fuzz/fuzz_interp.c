#define _POSIX_C_SOURCE 200809L
/* libFuzzer target: the reference interpreter on random VALID small graphs. The bytes choose
 * 1-4 operations from the op registry, chained (later operations may read earlier results),
 * with operand data types, ranks and shapes drawn from each parameter's registry rule so that
 * builder validation passes often; then random input data. Each operation is kept only when
 * the graph still validates after it, so the graph that runs is always valid. Whatever the
 * bytes, nothing may crash, leak or trip a sanitizer. Operations whose shapes are coupled to
 * their arguments (recurrent networks, convolutions, ...) mostly take a shape-aware generator
 * (fuzz_interp_shapes.c) instead of the per-parameter rules.
 * FUZZ_INTERP_STATS=1 prints, at exit, how many inputs gave a valid graph and ran, and the
 * operations that never ran or rarely validated; =2 every operation's counts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/graph.h"
#include "webnn/interp.h"
#include "webnn/registry.h"
#include "webnn/tensor.h"

#include "fuzz_interp_shapes.h"

#define MAX_OPS 4
#define MAX_REGISTRY 128
#define TENSOR_BYTE_CAP ((size_t)1 << 16) /* keeps every case fast */


/* Per operation (registry index): how often it was drawn, how often the graph still
 * validated after it (first build of an input only), and in how many graphs that ran. */
static struct {
    unsigned long inputs, valid, ran, ops[MAX_OPS + 1];
    unsigned long tried[MAX_REGISTRY], kept[MAX_REGISTRY], ran_op[MAX_REGISTRY];
    unsigned long tried_shaped[MAX_REGISTRY], kept_shaped[MAX_REGISTRY];
} stats;

static uint32_t registry_index(const wn_op_spec *spec)
{
    uint32_t i = 0;
    while (i < wn_registry_count() && wn_registry_at(i) != spec) i++;
    return i < MAX_REGISTRY ? i : 0;
}

static void note_ops(const wn_graph *g)
{
    for (uint32_t i = 0; i < g->n_ops; i++) stats.ran_op[registry_index(g->ops[i].spec)]++;
}

/* FUZZ_INTERP_STATS=1: the totals, the operations that never ran and those whose graph
 * validated in under 1% of their draws; =2: every operation's counts. */
static void print_stats(void)
{
    uint32_t n_ran = 0, n = wn_registry_count() < MAX_REGISTRY ? wn_registry_count() : MAX_REGISTRY;
    bool all = strcmp(getenv("FUZZ_INTERP_STATS"), "2") == 0;
    for (uint32_t i = 0; i < n; i++) n_ran += stats.ran_op[i] > 0;
    fprintf(stderr, "fuzz_interp: %lu inputs, %lu valid graphs (1..4 ops: %lu %lu %lu %lu), %lu ran to the end; "
            "%u of %u operations ran\n",
            stats.inputs, stats.valid, stats.ops[1], stats.ops[2], stats.ops[3], stats.ops[4], stats.ran, n_ran,
            wn_registry_count());
    for (uint32_t i = 0; i < n; i++) {
        const char *why = stats.ran_op[i] == 0 ? "never ran" : stats.kept[i] * 100 < stats.tried[i] ? "under 1% valid" : NULL;
        if (!why && !all) continue;
        fprintf(stderr, "  %-22s drawn %8lu, valid %8lu (%5.1f%%; shape-aware %lu of %lu), in graphs that ran %8lu%s%s\n",
                wn_registry_at(i)->name, stats.tried[i], stats.kept[i],
                stats.tried[i] ? 100.0 * (double)stats.kept[i] / (double)stats.tried[i] : 0.0, stats.kept_shaped[i],
                stats.tried_shaped[i], stats.ran_op[i], why ? ": " : "", why ? why : "");
    }
}

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

/* Adds operation number op_no; 0 when the graph, with its results as outputs, validates. */
static int add_op(fz_builder *B, uint32_t op_no)
{
    uint32_t op = fz_take(&B->b) % wn_registry_count();
    const wn_op_spec *spec = wn_registry_at(op);
    uint32_t n_outputs = spec->multi_output ? 1 + fz_take(&B->b) % 3 : 1;
    /* three times in four, operations with coupled shapes take the shape-aware generator */
    bool shaped = fz_has_shaped(spec) && fz_take(&B->b) % 4 != 0;
    if (B->counting && op < MAX_REGISTRY) {
        stats.tried[op]++;
        stats.tried_shaped[op] += shaped;
    }
    wn_value *args = wn_values_new(spec->n_params);
    if (!args) return -1;
    int rc = shaped ? fz_shaped_args(B, spec, args, &n_outputs) : 0;
    for (uint32_t i = 0; i < spec->n_params && !shaped && rc == 0; i++) rc = fill_arg(B, &spec->params[i], args, i);
    if (rc != 0) {
        wn_values_free(args, spec->n_params);
        return -1;
    }
    char names[3][16];
    const char *name_ptrs[3];
    for (uint32_t k = 0; k < n_outputs; k++) {
        snprintf(names[k], sizeof names[k], "op%u_%u", op_no, k);
        name_ptrs[k] = names[k];
    }
    wn_error err;
    if (wn_graph_add_op(B->g, spec, args, name_ptrs, n_outputs, NULL, &err) != 0) return -1; /* args taken over */
    uint32_t outs[3];
    for (uint32_t k = 0; k < n_outputs; k++) outs[k] = (uint32_t)wn_graph_find(B->g, names[k]);
    if (wn_graph_set_outputs(B->g, outs, n_outputs, &err) != 0 || wn_graph_validate(B->g, &err) != 0) return -1;
    if (B->counting && op < MAX_REGISTRY) {
        stats.kept[op]++;
        stats.kept_shaped[op] += shaped;
    }
    return 0;
}

/* Builds from the bytes at most limit operations, stopping at the first that makes the
 * graph invalid. Returns the graph (NULL on allocation failure), how many operations
 * validated in *n_valid, and where the bytes stopped in *rest. */
static wn_graph *build(fz_bytes in, uint32_t limit, bool counting, uint32_t *n_valid, fz_bytes *rest)
{
    fz_builder B = {.b = in, .counting = counting};
    B.g = wn_graph_new();
    *n_valid = 0;
    if (!B.g) return NULL;
    for (uint32_t i = 0; i < FZ_MAX_RANK; i++) B.base[i] = 1u + fz_take(&B.b) % 3u;
    for (uint32_t i = 0; i < limit; i++) {
        if (add_op(&B, i) != 0) break;
        (*n_valid)++;
    }
    *rest = B.b;
    return B.g;
}

/* Graph outputs: every result no operation reads; then the builder's validation. */
static int set_final_outputs(wn_graph *g)
{
    wn_error err;
    return wn_graph_set_unread_outputs(g, &err) == 0 ? wn_graph_validate(g, &err) : -1;
}

/* Input data: raw fuzzer bytes (any bit pattern, NaN and Inf included) or small values. */
static void fill_input(wn_tensor *t, fz_bytes *b)
{
    uint8_t mode = fz_take(b);
    uint8_t *p = t->data;
    for (size_t i = 0; i < t->nbytes; i++) {
        if (mode & 1) p[i] = fz_take(b);
        else p[i] = (i % wn_dtype_size(t->desc.dtype)) == 0 ? (uint8_t)(fz_take(b) % 5) : 0;
    }
    if (!(mode & 1) && t->desc.dtype == WN_FLOAT32) /* small integers as floats */
        for (size_t i = 0; i + 4 <= t->nbytes; i += 4) {
            float f = (float)p[i] - 2.0f;
            memcpy(p + i, &f, 4);
        }
}

static void run(const wn_graph *g, fz_bytes *b)
{
    uint32_t n_in = wn_graph_input_count(g);
    wn_tensor *ins = calloc(n_in + 1, sizeof *ins);
    wn_tensor *outs = calloc(g->n_outputs + 1, sizeof *outs);
    wn_error err;
    uint32_t made = 0;
    if (!ins || !outs) goto done;
    for (; made < n_in; made++) {
        if (wn_tensor_alloc(&ins[made], &g->operands[wn_graph_input_operand(g, made)].desc, &err) != 0) goto done;
        fill_input(&ins[made], b);
    }
    if (wn_interp_run(g, ins, n_in, outs, &err) == 0) {
        stats.ran++;
        note_ops(g);
        for (uint32_t k = 0; k < g->n_outputs; k++) wn_tensor_free(&outs[k]);
    }
done:
    for (uint32_t k = 0; k < made; k++) wn_tensor_free(&ins[k]);
    free(ins);
    free(outs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool init;
    if (!init) {
        init = true;
        if (getenv("FUZZ_INTERP_STATS")) atexit(print_stats);
    }
    wn_set_tensor_byte_cap(TENSOR_BYTE_CAP);
    stats.inputs++;
    fz_bytes in = {data, size}, rest;
    uint32_t limit = 1 + fz_take(&in) % MAX_OPS, n_valid;
    wn_graph *g = build(in, limit, true, &n_valid, &rest);
    if (g && n_valid > 0 && n_valid < limit) { /* the same bytes again, up to the last valid operation */
        wn_graph_free(g);
        g = build(in, n_valid, false, &n_valid, &rest);
    }
    if (g && n_valid > 0 && set_final_outputs(g) == 0) {
        stats.valid++;
        stats.ops[n_valid]++;
        run(g, &rest);
    }
    wn_graph_free(g);
    return 0;
}
