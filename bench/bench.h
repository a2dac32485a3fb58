/* bench.h — the benchmark harness of webnn-cts (`make bench`): what every part shares.
 *
 * A run measures "subjects" (an adapter through the ABI, or a baseline such as direct
 * cblas_sgemm or memcpy) on "cases" (a shape of one op). Each case becomes one row of the
 * table: the baseline's cell, then one cell per adapter, each with the median time of its
 * repeats, the rate (GFLOP/s or GB/s) and the ratio of its rate to the baseline's. */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "webnn_adapter.h"

#define BENCH_MAX_ADAPTERS 10
#define BENCH_MAX_ROWS 96
#define BENCH_NAME_MAX 96
#define BENCH_NOTE_MAX 240

/* ---- settings of one run ---- */
typedef struct bench_config {
    int smoke;              /* tiny sizes, one repeat: checks that the harness runs */
    int warmups;            /* untimed runs before the repeats */
    int max_repeats;        /* timed runs (fewer when a cell exceeds its time budget) */
    int min_repeats;
    double cell_budget_s;   /* stop repeating a cell once its repeats took this long */
    double skip_above_s;    /* skip a cell whose single run is estimated above this */
    const char *build_dir;  /* where run-conformance and the adapters are */
    const char *json_path;  /* results.json to write */
    int run_conformance;    /* section 4 on/off */
} bench_config;

/* ---- monotonic clock and repeated measurement (bench_time.c) ---- */
double bench_now(void); /* seconds, CLOCK_MONOTONIC */

typedef struct bench_stats {
    int n;                 /* timed samples */
    double median_s, min_s, max_s;
} bench_stats;

/* One timed run; returns 0, or -1 with msg set (the measurement then stops). */
typedef int (*bench_run_fn)(void *ctx, char *msg, size_t msg_size);

/* Warm-up, then repeats until max_repeats or the cell budget (at least min_repeats).
 * A warm-up longer than the budget counts as the only sample (too slow to repeat). */
typedef struct bench_job {
    bench_run_fn run;
    void *ctx;
    bench_stats *out;
    char *msg; /* why it failed */
    size_t msg_size;
} bench_job;
/* Several jobs in interleaved rounds (1 to 4); 0, or -1 - (index of the job that failed). */
int bench_measure_jobs(const bench_config *cfg, bench_job *jobs, int n_jobs);
int bench_measure(const bench_config *cfg, bench_run_fn run, void *ctx, bench_stats *out, char *msg,
                  size_t msg_size);

/* ---- deterministic data and small helpers (bench_util.c) ---- */
float *bench_alloc_floats(size_t n);           /* NULL on overflow or failure */
void bench_fill(float *p, size_t n, uint32_t seed); /* uniform values in [-1, 1) */
double bench_max_rel_diff(const float *a, const float *b, size_t n); /* max |a-b| / max(1, max |b|) */
int bench_mul_size(size_t a, size_t b, size_t *out); /* 0, or -1 on overflow */
/* Starts argv[0] (a path) with stdout and stderr into the file log: its pid, or -1 with msg set. */
int bench_spawn(const char *const *argv, const char *log, char *msg, size_t msg_size);
/* snprintf for notes and paths, where cutting a long text short is acceptable */
void bench_fmt(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- the table (bench_report.c) ---- */
typedef enum bench_cell_state {
    CELL_EMPTY = 0,   /* subject not part of this row */
    CELL_OK,          /* measured */
    CELL_SKIPPED,     /* not run on purpose (note says why: too slow, estimate) */
    CELL_NOT_BUILT,   /* the adapter's shared library is missing */
    CELL_UNSUPPORTED, /* the adapter refused the graph (opSupportLimits or NotSupportedError) */
    CELL_ERROR        /* build/compute failed, or the output disagrees (note says) */
} bench_cell_state;

typedef struct bench_cell {
    int state;            /* bench_cell_state */
    bench_stats stats;
    double rate;          /* GFLOP/s or GB/s from the median */
    double ratio;         /* rate / baseline rate (0 when there is none) */
    double build_s;       /* adapters: time of build() */
    double check;         /* max relative difference to the check output, < 0 when not checked */
    double peak_rss_mb;   /* section wpt: peak RSS of the run's process tree (0: not measured) */
    char note[BENCH_NOTE_MAX];
} bench_cell;

typedef struct bench_row {
    char section[24];        /* "matmul", "conv2d", "elementwise", "conformance" */
    char name[BENCH_NAME_MAX];
    char unit[12];           /* "GFLOP/s", "GB/s", "cases/s" */
    double work;             /* flops or bytes of one run */
    double flops;            /* also shown for GB/s rows that compute (depthwise conv2d), else 0 */
    char baseline_name[BENCH_NAME_MAX];
    bench_cell baseline;
    bench_cell adapters[BENCH_MAX_ADAPTERS];
    double target;           /* minimum ratio for judged adapters, 0 = none */
    char target_text[48];    /* e.g. ">= 0.90 x sgemm" */
    double ref_target;       /* the reference adapter's own minimum ratio (issue 14), 0 = none */
    double max_wall_s, max_rss_mb; /* section wpt: limits on the reference's run, 0 = none */
    /* section 6 (bench_vs.c): openblas [0] and onednn [1] measured again in the same rounds,
     * A B A B ..., for a ratio both see the same load in (vs_ok: both ran) */
    bench_stats vs[2];
    int vs_ok;
} bench_row;

typedef struct bench_adapter bench_adapter;

typedef struct bench_run {
    bench_config cfg;
    bench_adapter *adapters[BENCH_MAX_ADAPTERS];
    int n_adapters;
    bench_row rows[BENCH_MAX_ROWS];
    int n_rows;
    char sysinfo_md[4096];  /* the configuration block printed at the top */
    void *sysinfo_json;     /* cJSON object */
    double load_start, load_end; /* 1-minute load average before and after */
    int expect_is_reference; /* the current row is checked against the reference adapter */
} bench_run;

/* A new row (NULL when the table is full: the caller stops adding). */
bench_row *bench_add_row(bench_run *r, const char *section, const char *name, const char *unit, double work);
/* Rates from the medians and ratios to each row's baseline, once everything is measured. */
void bench_finish_rows(bench_run *r);
void bench_print_markdown(const bench_run *r);
/* bench_vs.c: the openblas adapter's times over the onednn adapter's (when both are columns) */
void bench_print_openblas_vs_onednn(const bench_run *r);
/* Section 6's paired measurement of one row's graph (bench_vs.c); nothing unless both the
 * openblas and onednn columns ran the row. */
void bench_vs_measure(bench_run *r, bench_row *row, const wna_graph *graph, const wna_tensor *inputs,
                      uint32_t n_inputs, wna_tensor output);
int bench_write_json(const bench_run *r, const char *path);

/* ---- baselines on their own buffers (bench_baseline.c): a job's run function and context ---- */
typedef struct bench_sgemm {
    int m, n, k;
    float *a, *b, *c;
} bench_sgemm;
int bench_sgemm_init(bench_sgemm *s, int m, int n, int k); /* row-major M×K · K×N; -1 when out of memory */
int bench_sgemm_run(void *s, char *msg, size_t msg_size);
void bench_sgemm_free(bench_sgemm *s);

typedef struct bench_memcpy {
    size_t bytes; /* copied per run: read + written = 2·bytes */
    float *src, *dst;
} bench_memcpy;
int bench_memcpy_init(bench_memcpy *m, size_t bytes);
int bench_memcpy_run(void *m, char *msg, size_t msg_size);
void bench_memcpy_free(bench_memcpy *m);

/* ---- sections ---- */
void bench_sysinfo(bench_run *r);     /* bench_sysinfo.c: BLAS config, CPU, threads */
double bench_loadavg(void);           /* 1-minute load average, -1 when unknown */
void bench_matmul(bench_run *r);      /* bench_matmul.c */
void bench_conv(bench_run *r);        /* bench_conv.c */
void bench_eltwise(bench_run *r);     /* bench_eltwise.c */
void bench_wpt(bench_run *r);         /* bench_wpt.c */
void bench_conformance(bench_run *r); /* bench_conformance.c */

#endif
