/* The monotonic clock and the measurement method: warm-up runs, then timed repeats until the
 * repeat count or the cell's time budget is reached, summarised by the median. */
#include <stdlib.h>
#include <time.h>

#include "bench.h"

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define MAX_SAMPLES 64

int bench_measure(const bench_config *cfg, bench_run_fn run, void *ctx, bench_stats *out, char *msg, size_t msg_size)
{
    double samples[MAX_SAMPLES];
    int n = 0;
    double spent = 0;
    for (int w = 0; w < cfg->warmups; w++) {
        double t0 = bench_now();
        if (run(ctx, msg, msg_size) != 0) return -1;
        double t = bench_now() - t0;
        /* a run slower than the whole budget is not repeated: the warm-up is the sample */
        if (t >= cfg->cell_budget_s) {
            samples[n++] = t;
            break;
        }
    }
    int max = cfg->max_repeats < MAX_SAMPLES ? cfg->max_repeats : MAX_SAMPLES;
    while (n < max && (n == 0 || n < cfg->min_repeats || spent < cfg->cell_budget_s)) {
        if (n > 0 && samples[0] >= cfg->cell_budget_s) break;
        double t0 = bench_now();
        if (run(ctx, msg, msg_size) != 0) return -1;
        double t = bench_now() - t0;
        samples[n++] = t;
        spent += t;
    }
    qsort(samples, (size_t)n, sizeof samples[0], cmp_double);
    out->n = n;
    out->min_s = samples[0];
    out->max_s = samples[n - 1];
    out->median_s = n % 2 ? samples[n / 2] : 0.5 * (samples[n / 2 - 1] + samples[n / 2]);
    return 0;
}
