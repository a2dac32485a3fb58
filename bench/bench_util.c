/* Deterministic inputs, size arithmetic, the output check and starting a logged child. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int bench_spawn(const char *const *argv, const char *log, char *msg, size_t msg_size)
{
    pid_t pid = fork();
    if (pid < 0) {
        bench_fmt(msg, msg_size, "fork failed: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    return (int)pid;
}
