/* The monotonic clock and the measurement method: warm-up runs, then timed rounds until the
 * repeat count or the time budget is reached, summarised by the median. Several jobs (an
 * adapter and its baseline) are measured in interleaved rounds — A B A B ... — so that both
 * see the same machine load: on a shared 2-core machine the load changes within seconds,
 * and a ratio of two medians taken minutes apart would measure the load, not the code. */
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
#define MAX_JOBS 4

static void summarise(double *samples, int n, bench_stats *out)
{
    qsort(samples, (size_t)n, sizeof samples[0], cmp_double);
    out->n = n;
    out->min_s = samples[0];
    out->max_s = samples[n - 1];
    out->median_s = n % 2 ? samples[n / 2] : 0.5 * (samples[n / 2 - 1] + samples[n / 2]);
}

static int timed(const bench_job *j, double *t)
{
    double t0 = bench_now();
    if (j->run(j->ctx, j->msg, j->msg_size) != 0) return -1;
    *t = bench_now() - t0;
    return 0;
}

int bench_measure_jobs(const bench_config *cfg, bench_job *jobs, int n_jobs)
{
    if (n_jobs < 1 || n_jobs > MAX_JOBS) return -1;
    double samples[MAX_JOBS][MAX_SAMPLES];
    int n[MAX_JOBS] = {0}, slow[MAX_JOBS] = {0};
    double spent[MAX_JOBS] = {0};
    for (int w = 0; w < cfg->warmups; w++)
        for (int j = 0; j < n_jobs; j++) {
            if (slow[j]) continue;
            double t;
            if (timed(&jobs[j], &t) != 0) return -1 - j;
            /* a run slower than the whole budget is not repeated: the warm-up is the sample */
            if (t >= cfg->cell_budget_s) {
                samples[j][n[j]++] = t;
                slow[j] = 1;
            }
        }
    int max = cfg->max_repeats < MAX_SAMPLES ? cfg->max_repeats : MAX_SAMPLES;
    for (;;) {
        int more = 0;
        for (int j = 0; j < n_jobs; j++)
            if (!slow[j] && n[j] < max && (n[j] < cfg->min_repeats || spent[j] < cfg->cell_budget_s)) more = 1;
        if (!more) break;
        for (int j = 0; j < n_jobs; j++) {
            if (slow[j] || n[j] >= max) continue;
            /* a job may run past its own budget while its partner still needs rounds */
            double t;
            if (timed(&jobs[j], &t) != 0) return -1 - j;
            samples[j][n[j]++] = t;
            spent[j] += t;
            if (t >= cfg->cell_budget_s) slow[j] = 1;
        }
    }
    for (int j = 0; j < n_jobs; j++) summarise(samples[j], n[j], jobs[j].out);
    return 0;
}

int bench_measure(const bench_config *cfg, bench_run_fn run, void *ctx, bench_stats *out, char *msg, size_t msg_size)
{
    bench_job job = {run, ctx, out, msg, msg_size};
    return bench_measure_jobs(cfg, &job, 1);
}
