/* Baselines measured on their own buffers: cblas_sgemm at a GEMM shape (conv2d's equivalent)
 * and memcpy (element-wise ops, depthwise conv2d). */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

typedef struct gemm_ctx {
    int m, n, k;
    const float *a, *b;
    float *c;
} gemm_ctx;

static int run_gemm(void *p, char *msg, size_t msg_size)
{
    (void)msg;
    (void)msg_size;
    const gemm_ctx *g = p;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, g->m, g->n, g->k, 1.0f, g->a, g->k, g->b, g->n, 0.0f, g->c,
                g->n);
    return 0;
}

void bench_measure_sgemm(bench_run *r, bench_cell *cell, int m, int n, int k)
{
    size_t na = (size_t)m * (size_t)k, nb = (size_t)k * (size_t)n, nc = (size_t)m * (size_t)n;
    float *a = bench_alloc_floats(na), *b = bench_alloc_floats(nb), *c = bench_alloc_floats(nc);
    if (a && b && c) {
        bench_fill(a, na, 11);
        bench_fill(b, nb, 12);
        gemm_ctx g = {m, n, k, a, b, c};
        int rc = bench_measure(&r->cfg, run_gemm, &g, &cell->stats, cell->note, sizeof cell->note);
        cell->state = rc == 0 ? CELL_OK : CELL_ERROR;
    } else {
        cell->state = CELL_ERROR;
        snprintf(cell->note, sizeof cell->note, "out of memory");
    }
    free(a);
    free(b);
    free(c);
}

typedef struct copy_ctx {
    void *dst;
    const void *src;
    size_t bytes;
} copy_ctx;

static int run_memcpy(void *p, char *msg, size_t msg_size)
{
    (void)msg;
    (void)msg_size;
    const copy_ctx *c = p;
    memcpy(c->dst, c->src, c->bytes);
    return 0;
}

void bench_measure_memcpy(bench_run *r, bench_cell *cell, size_t bytes)
{
    size_t n = bytes / sizeof(float) + 1;
    float *src = bench_alloc_floats(n), *dst = bench_alloc_floats(n);
    if (src && dst) {
        bench_fill(src, n, 13);
        memset(dst, 0, n * sizeof(float)); /* first touch outside the timing */
        copy_ctx c = {dst, src, bytes};
        int rc = bench_measure(&r->cfg, run_memcpy, &c, &cell->stats, cell->note, sizeof cell->note);
        cell->state = rc == 0 ? CELL_OK : CELL_ERROR;
    } else {
        cell->state = CELL_ERROR;
        snprintf(cell->note, sizeof cell->note, "out of memory");
    }
    free(src);
    free(dst);
}
