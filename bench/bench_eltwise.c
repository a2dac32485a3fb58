/* Section 3: element-wise ops and reductions on ~16M floats, in GB/s = (bytes read + bytes
 * written) / time, next to memcpy moving the same number of bytes (half read, half written).
 * Outputs are checked against a plain C loop. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_adapter.h"

typedef enum el_kind { EL_ADD, EL_RELU, EL_MUL_BCAST, EL_SIGMOID, EL_REDUCE_SUM, EL_REDUCE_MEAN, EL_SOFTMAX, EL_LAYER_NORM } el_kind;

typedef struct el_case {
    const char *op;
    el_kind kind;
    int judged; /* the element-wise target applies (not to reductions / softmax) */
} el_case;

static const el_case cases[] = {
    {"add", EL_ADD, 1},
    {"relu", EL_RELU, 1},
    {"mul", EL_MUL_BCAST, 1},
    {"sigmoid", EL_SIGMOID, 1},
    {"reduceSum", EL_REDUCE_SUM, 0},
    {"reduceMean", EL_REDUCE_MEAN, 0},
    {"softmax", EL_SOFTMAX, 0},
    {"layerNormalization", EL_LAYER_NORM, 0},
};

/* expected output of the case on a (rows×cols) and b */
static void expected(el_kind kind, const float *a, const float *b, float *out, size_t rows, size_t cols)
{
    size_t n = rows * cols;
    switch (kind) {
    case EL_ADD:
        for (size_t i = 0; i < n; i++) out[i] = a[i] + b[i];
        break;
    case EL_RELU:
        for (size_t i = 0; i < n; i++) out[i] = a[i] > 0 ? a[i] : 0;
        break;
    case EL_MUL_BCAST:
        for (size_t i = 0; i < n; i++) out[i] = a[i] * b[i % cols];
        break;
    case EL_SIGMOID:
        for (size_t i = 0; i < n; i++) out[i] = (float)(1.0 / (1.0 + exp(-(double)a[i])));
        break;
    case EL_REDUCE_SUM:
    case EL_REDUCE_MEAN:
        for (size_t r = 0; r < rows; r++) {
            double s = 0;
            for (size_t c = 0; c < cols; c++) s += a[r * cols + c];
            out[r] = (float)(kind == EL_REDUCE_MEAN ? s / (double)cols : s);
        }
        break;
    case EL_SOFTMAX:
        for (size_t r = 0; r < rows; r++) {
            const float *x = a + r * cols;
            double mx = x[0], s = 0;
            for (size_t c = 1; c < cols; c++) mx = x[c] > mx ? x[c] : mx;
            for (size_t c = 0; c < cols; c++) s += exp((double)x[c] - mx);
            for (size_t c = 0; c < cols; c++) out[r * cols + c] = (float)(exp((double)x[c] - mx) / s);
        }
        break;
    case EL_LAYER_NORM: /* axes [1], no scale or bias, epsilon 1e-5 */
        for (size_t r = 0; r < rows; r++) {
            const float *x = a + r * cols;
            double mean = 0, var = 0;
            for (size_t c = 0; c < cols; c++) mean += x[c];
            mean /= (double)cols;
            for (size_t c = 0; c < cols; c++) var += (x[c] - mean) * (x[c] - mean);
            var /= (double)cols;
            for (size_t c = 0; c < cols; c++) out[r * cols + c] = (float)((x[c] - mean) / sqrt(var + 1e-5));
        }
        break;
    }
}

static void run_case(bench_run *r, const el_case *c, uint32_t rows, uint32_t cols)
{
    size_t n = (size_t)rows * cols;
    int reduce = c->kind == EL_REDUCE_SUM || c->kind == EL_REDUCE_MEAN;
    size_t n_b = c->kind == EL_ADD ? n : c->kind == EL_MUL_BCAST ? cols : 0;
    size_t n_out = reduce ? rows : n;
    double bytes = 4.0 * (double)(n + n_b + n_out);

    char name[BENCH_NAME_MAX];
    switch (c->kind) {
    case EL_ADD: snprintf(name, sizeof name, "add [%u,%u] + [%u,%u]", rows, cols, rows, cols); break;
    case EL_MUL_BCAST: snprintf(name, sizeof name, "mul [%u,%u] × [%u] (broadcast)", rows, cols, cols); break;
    case EL_REDUCE_SUM:
    case EL_REDUCE_MEAN: snprintf(name, sizeof name, "%s [%u,%u] axes [1]", c->op, rows, cols); break;
    case EL_SOFTMAX: snprintf(name, sizeof name, "softmax [%u,%u] axis 1", rows, cols); break;
    case EL_LAYER_NORM: snprintf(name, sizeof name, "layerNormalization [%u,%u] axes [1]", rows, cols); break;
    default: snprintf(name, sizeof name, "%s [%u,%u]", c->op, rows, cols); break;
    }
    bench_row *row = bench_add_row(r, "elementwise", name, "GB/s", bytes);
    if (!row) return;
    if (c->judged) {
        row->target = 0.5;
        snprintf(row->target_text, sizeof row->target_text, ">= 0.50 × memcpy");
    }
    /* issue 14: the reference's float32 fast paths */
    if (c->kind == EL_ADD || c->kind == EL_RELU || c->kind == EL_REDUCE_SUM) row->ref_target = 0.1;
    snprintf(row->baseline_name, sizeof row->baseline_name, "memcpy %.1f MB", bytes / 2 / 1e6);

    bench_memcpy copy = {0};
    float *a = bench_alloc_floats(n), *b = n_b ? bench_alloc_floats(n_b) : NULL;
    float *expect = bench_alloc_floats(n_out), *out = bench_alloc_floats(n_out);
    if (!a || (n_b && !b) || !expect || !out || bench_memcpy_init(&copy, (size_t)(bytes / 2)) != 0) {
        for (int i = 0; i < r->n_adapters; i++) {
            row->adapters[i].state = CELL_ERROR;
            bench_fmt(row->adapters[i].note, sizeof row->adapters[i].note, "out of memory");
        }
        goto done;
    }
    bench_fill(a, n, 31);
    if (b) bench_fill(b, n_b, 32);
    expected(c->kind, a, b, expect, rows, cols);
    memset(out, 0, n_out * sizeof *out); /* first touch outside the timing */

    bench_graph g;
    bg_init(&g, c->op);
    uint32_t dims[2] = {rows, cols}, bdims[1] = {cols};
    uint32_t ia = bg_input(&g, c->kind == EL_ADD || c->kind == EL_MUL_BCAST ? "a" : "input", 2, dims);
    uint32_t ib = 0;
    if (c->kind == EL_ADD) ib = bg_input(&g, "b", 2, dims);
    if (c->kind == EL_MUL_BCAST) ib = bg_input(&g, "b", 1, bdims);
    uint32_t io = reduce ? bg_result(&g, "output", 1, dims) : bg_result(&g, "output", 2, dims);
    if (c->kind == EL_ADD || c->kind == EL_MUL_BCAST) {
        bg_arg_operand(&g, "a", ia);
        bg_arg_operand(&g, "b", ib);
    } else {
        bg_arg_operand(&g, "input", ia);
    }
    if (reduce) {
        int64_t axes[1] = {1};
        bg_arg_ints(&g, "axes", axes, 1);
    }
    if (c->kind == EL_SOFTMAX) bg_arg_int(&g, "axis", 1);
    wna_graph graph = bg_graph(&g);
    wna_tensor tin[2] = {bg_tensor(&g, ia, a), b ? bg_tensor(&g, ib, b) : bg_tensor(&g, ia, a)};
    bench_row_measure(r, row, &graph, tin, b ? 2 : 1, bg_tensor(&g, io, out), expect, NULL, n_out, bench_memcpy_run,
                      &copy);
done:
    free(a);
    free(b);
    free(expect);
    free(out);
    bench_memcpy_free(&copy);
}

void bench_eltwise(bench_run *r)
{
    /* 4096×4096 = 16M floats (64 MB per tensor); smoke: 64×64 */
    uint32_t side = r->cfg.smoke ? 64 : 4096;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) run_case(r, &cases[i], side, side);
}
