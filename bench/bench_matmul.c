/* Section 1: matmul through each adapter next to direct cblas_sgemm on the same buffers. */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_adapter.h"

typedef struct mm_case {
    const char *name;
    uint32_t batch, m, k, n; /* a: [batch,]m×k, b: k×n (shared) or [batch,]k×n */
    int a_rank, b_rank;
    int b_constant;          /* b is a weight: a constant the adapter may pre-pack at build */
    double target;           /* the ratio target for this row, 0 = none */
} mm_case;

static const mm_case full_cases[] = {
    {"256×256×256", 1, 256, 256, 256, 2, 2, 0, 0},
    {"1024×1024×1024", 1, 1024, 1024, 1024, 2, 2, 0, 0.90},
    {"2048×2048×2048", 1, 2048, 2048, 2048, 2, 2, 0, 0},
    {"[1,128,768]×[768,3072] (b constant)", 1, 128, 768, 3072, 3, 2, 1, 0},
    /* the square product again with b a weight: the only matmul a fully-connected library (XNNPACK) has */
    {"1024×1024×1024 (b constant)", 1, 1024, 1024, 1024, 2, 2, 1, 0},
    {"[8,128,64]×[8,64,128]", 8, 128, 64, 128, 3, 3, 0, 0},
};
static const mm_case smoke_cases[] = {
    {"32×32×32", 1, 32, 32, 32, 2, 2, 0, 0},
    {"64×64×64", 1, 64, 64, 64, 2, 2, 0, 0.90},
    {"[1,8,16]×[16,24] (b constant)", 1, 8, 16, 24, 3, 2, 1, 0},
    {"[2,8,4]×[2,4,8]", 2, 8, 4, 8, 3, 3, 0, 0},
};

typedef struct sgemm_ctx {
    const mm_case *c;
    const float *a, *b;
    float *out;
} sgemm_ctx;

static int run_sgemm(void *p, char *msg, size_t msg_size)
{
    (void)msg;
    (void)msg_size;
    const sgemm_ctx *s = p;
    const mm_case *c = s->c;
    size_t a_step = (size_t)c->m * c->k, b_step = c->b_rank == 3 ? (size_t)c->k * c->n : 0, o_step = (size_t)c->m * c->n;
    for (uint32_t i = 0; i < c->batch; i++)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)c->m, (int)c->n, (int)c->k, 1.0f, s->a + i * a_step,
                    (int)c->k, s->b + i * b_step, (int)c->n, 0.0f, s->out + i * o_step, (int)c->n);
    return 0;
}

/* dims of a [batch,]rows×cols operand */
static uint32_t dims_of(int rank, uint32_t batch, uint32_t rows, uint32_t cols, uint32_t *dims)
{
    if (rank == 3) {
        dims[0] = batch;
        dims[1] = rows;
        dims[2] = cols;
        return 3;
    }
    dims[0] = rows;
    dims[1] = cols;
    return 2;
}

static void run_case(bench_run *r, const mm_case *c)
{
    char name[BENCH_NAME_MAX];
    snprintf(name, sizeof name, "%s", c->name);
    double flops = 2.0 * c->batch * c->m * c->n * c->k;
    bench_row *row = bench_add_row(r, "matmul", name, "GFLOP/s", flops);
    if (!row) return;
    row->target = c->target;
    if (c->target > 0) snprintf(row->target_text, sizeof row->target_text, ">= %.2f × sgemm", c->target);
    snprintf(row->baseline_name, sizeof row->baseline_name, "%s%u×%u×%u", c->batch > 1 ? "batch loop " : "", c->m,
             c->n, c->k);

    size_t na = (size_t)c->batch * c->m * c->k;
    size_t nb = (size_t)(c->b_rank == 3 ? c->batch : 1) * c->k * c->n;
    size_t no = (size_t)c->batch * c->m * c->n;
    float *a = bench_alloc_floats(na), *b = bench_alloc_floats(nb);
    float *expect = bench_alloc_floats(no), *out = bench_alloc_floats(no), *sg_out = bench_alloc_floats(no);
    if (!a || !b || !expect || !out || !sg_out) {
        row->baseline.state = CELL_ERROR;
        bench_fmt(row->baseline.note, sizeof row->baseline.note, "out of memory");
        goto done;
    }
    bench_fill(a, na, 1);
    bench_fill(b, nb, 2);
    memset(out, 0, no * sizeof *out); /* first touch outside the timing */
    memset(sg_out, 0, no * sizeof *sg_out);
    /* sgemm's result is what every adapter must produce */
    sgemm_ctx s = {c, a, b, expect};
    run_sgemm(&s, NULL, 0);
    s.out = sg_out;

    bench_graph g;
    bg_init(&g, "matmul");
    uint32_t da[3], db[3], dout[3];
    uint32_t ra = dims_of(c->a_rank, c->batch, c->m, c->k, da);
    uint32_t rb = dims_of(c->b_rank, c->batch, c->k, c->n, db);
    uint32_t ro = dims_of(c->a_rank > c->b_rank ? c->a_rank : c->b_rank, c->batch, c->m, c->n, dout);
    uint32_t ia = bg_input(&g, "a", ra, da);
    uint32_t ib = c->b_constant ? bg_constant(&g, "b", rb, db, b) : bg_input(&g, "b", rb, db);
    uint32_t io = bg_result(&g, "output", ro, dout);
    bg_arg_operand(&g, "a", ia);
    bg_arg_operand(&g, "b", ib);
    wna_graph graph = bg_graph(&g);
    wna_tensor in[2] = {bg_tensor(&g, ia, a), bg_tensor(&g, ib, b)};
    bench_row_measure(r, row, &graph, in, c->b_constant ? 1 : 2, bg_tensor(&g, io, out), expect, NULL, no, run_sgemm, &s);
done:
    free(a);
    free(b);
    free(expect);
    free(out);
    free(sg_out);
}

void bench_matmul(bench_run *r)
{
    const mm_case *cases = r->cfg.smoke ? smoke_cases : full_cases;
    size_t n = r->cfg.smoke ? sizeof smoke_cases / sizeof smoke_cases[0] : sizeof full_cases / sizeof full_cases[0];
    for (size_t i = 0; i < n; i++) run_case(r, &cases[i]);
}
