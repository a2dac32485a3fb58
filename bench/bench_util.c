/* Deterministic inputs, size arithmetic and the output check. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

int bench_mul_size(size_t a, size_t b, size_t *out)
{
    if (a != 0 && b > SIZE_MAX / a) return -1;
    *out = a * b;
    return 0;
}

float *bench_alloc_floats(size_t n)
{
    size_t bytes;
    if (n == 0 || bench_mul_size(n, sizeof(float), &bytes) != 0) return NULL;
    /* 64-byte alignment: what BLAS kernels and a fair memcpy baseline expect */
    void *p = NULL;
    size_t rounded = (bytes + 63) / 64 * 64;
    if (rounded < bytes || posix_memalign(&p, 64, rounded) != 0) return NULL;
    return p;
}

void bench_fill(float *p, size_t n, uint32_t seed)
{
    uint32_t s = seed * 2654435761u + 1u;
    for (size_t i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u; /* LCG (Numerical Recipes constants) */
        p[i] = (float)((double)(s >> 8) / (double)(1u << 24) * 2.0 - 1.0);
    }
}

double bench_max_rel_diff(const float *a, const float *b, size_t n)
{
    double scale = 1, diff = 0;
    for (size_t i = 0; i < n; i++) {
        double mb = fabs((double)b[i]);
        if (mb > scale) scale = mb;
    }
    for (size_t i = 0; i < n; i++) {
        double d = fabs((double)a[i] - (double)b[i]);
        if (!(d <= diff)) diff = d; /* NaN propagates as a failure */
        if (isnan(d)) return NAN;
    }
    return diff / scale;
}

void bench_fmt(char *dst, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, size, fmt, ap);
    va_end(ap);
}
