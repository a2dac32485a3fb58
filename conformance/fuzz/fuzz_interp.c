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

#include "fuzz_interp_ops.h"
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

/* Adds operation number op_no; 0 when the graph, with its results as outputs, validates. */
static int add_op(fz_builder *B, uint32_t op_no)
{
    uint32_t op = fz_take(&B->b) % wn_registry_count();
    const wn_op_spec *spec = wn_registry_at(op);
    bool shaped = false;
    uint32_t n_outputs = 0;
    int rc = fz_add_op(B, spec, op_no, &shaped, &n_outputs);
    if (B->counting && op < MAX_REGISTRY) {
        stats.tried[op]++;
        stats.tried_shaped[op] += shaped;
    }
    if (rc != 0) return -1;
    char name[16];
    uint32_t outs[3];
    wn_error err;
    for (uint32_t k = 0; k < n_outputs; k++) {
        snprintf(name, sizeof name, "op%u_%u", op_no, k);
        outs[k] = (uint32_t)wn_graph_find(B->g, name);
    }
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
