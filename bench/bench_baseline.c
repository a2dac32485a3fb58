/* Baselines on their own buffers: cblas_sgemm at a GEMM shape (conv2d's equivalent) and
 * memcpy (element-wise ops, depthwise conv2d). */
#include <cblas.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

int bench_sgemm_init(bench_sgemm *s, int m, int n, int k)
{
    size_t na = (size_t)m * (size_t)k, nb = (size_t)k * (size_t)n, nc = (size_t)m * (size_t)n;
    *s = (bench_sgemm){m, n, k, bench_alloc_floats(na), bench_alloc_floats(nb), bench_alloc_floats(nc)};
    if (!s->a || !s->b || !s->c) {
        bench_sgemm_free(s);
        return -1;
    }
    bench_fill(s->a, na, 11);
    bench_fill(s->b, nb, 12);
    memset(s->c, 0, nc * sizeof(float)); /* first touch outside the timing */
    return 0;
}

int bench_sgemm_run(void *p, char *msg, size_t msg_size)
{
    (void)msg;
    (void)msg_size;
    const bench_sgemm *s = p;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, s->m, s->n, s->k, 1.0f, s->a, s->k, s->b, s->n, 0.0f, s->c,
                s->n);
    return 0;
}

void bench_sgemm_free(bench_sgemm *s)
{
    free(s->a);
    free(s->b);
    free(s->c);
    s->a = s->b = s->c = NULL;
}

int bench_memcpy_init(bench_memcpy *m, size_t bytes)
{
    size_t n = bytes / sizeof(float) + 1;
    *m = (bench_memcpy){bytes, bench_alloc_floats(n), bench_alloc_floats(n)};
    if (!m->src || !m->dst) {
        bench_memcpy_free(m);
        return -1;
    }
    bench_fill(m->src, n, 13);
    memset(m->dst, 0, n * sizeof(float));
    return 0;
}

int bench_memcpy_run(void *p, char *msg, size_t msg_size)
{
    (void)msg;
    (void)msg_size;
    const bench_memcpy *m = p;
    memcpy(m->dst, m->src, m->bytes);
    return 0;
}

void bench_memcpy_free(bench_memcpy *m)
{
    free(m->src);
    free(m->dst);
    m->src = m->dst = NULL;
}
