/* Section 5 (issue 14): web-platform-tests scale on the reference, through run-conformance.
 * A synthetic corpus of WPT's shape is written under BUILD/bench: about 1,900 small graph cases
 * in 100 files, one of them WPT's "add float32 large inputs" (6000x6000, inputs and expected
 * output given as single fill values). Rows:
 *   - the fill-valued 6000x6000 add alone, end to end (1 job), next to memcpy of its three
 *     tensors' bytes;
 *   - the whole corpus with 2 jobs: wall time and peak RSS of the process tree (runner and
 *     workers, sampled from /proc every 2 ms), judged against <= 2 s and <= 600 MB;
 *   - --list of the whole corpus (loading only: fills stay single values).
 * Every case's expected values are exact (small halves), so each run must pass entirely. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_adapter.h"

#define WPT_FILES 100
#define WPT_CASES_PER_FILE 19

typedef struct wpt_ctx {
    char runner[600], vectors[600], log[600];
    const char *jobs;
    int list;              /* --list instead of a run */
    double peak_rss_mb;    /* largest over the repeats */
    double cpu_s;          /* user + system of the last run's process tree */
} wpt_ctx;

/* Resident set of pid and every descendant, in bytes (one /proc scan). */
static double tree_rss(pid_t root)
{
    enum { MAXP = 4096 };
    static pid_t pids[MAXP], parents[MAXP];
    static long rss[MAXP];
    int n = 0;
    DIR *d = opendir("/proc");
    if (!d) return 0;
    struct dirent *e;
    long page = sysconf(_SC_PAGESIZE);
    while ((e = readdir(d)) != NULL && n < MAXP) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        char path[300], buf[512];
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        int fd = open(path, O_RDONLY);
        if (fd < 0) continue;
        ssize_t len = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (len <= 0) continue;
        buf[len] = 0;
        const char *rp = strrchr(buf, ')'); /* the command name may hold spaces */
        long ppid = 0, rsspages = 0;
        /* fields after ")": state ppid ... (rss is field 24 of stat) */
        char state;
        if (!rp || sscanf(rp + 2, "%c %ld", &state, &ppid) != 2) continue;
        const char *q = rp + 2;
        for (int field = 3; field < 24 && q; field++) {
            q = strchr(q, ' ');
            if (q) q++;
        }
        if (!q || sscanf(q, "%ld", &rsspages) != 1) continue;
        pids[n] = (pid_t)atol(e->d_name);
        parents[n] = (pid_t)ppid;
        rss[n] = rsspages;
        n++;
    }
    closedir(d);
    /* descendants of root: repeat until no new member (the tree is shallow) */
    static char in[MAXP];
    memset(in, 0, (size_t)n);
    double total = 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < n; i++) {
            if (in[i]) continue;
            int member = pids[i] == root;
            for (int j = 0; !member && j < n; j++) member = in[j] && pids[j] == parents[i];
            if (member) {
                in[i] = 1;
                changed = 1;
                total += (double)rss[i] * (double)page;
            }
        }
    }
    return total;
}

static int run_wpt(void *p, char *msg, size_t msg_size)
{
    wpt_ctx *c = p;
    const char *argv[16];
    int n = 0;
    argv[n++] = c->runner;
    argv[n++] = "--vectors";
    argv[n++] = c->vectors;
    if (c->list) {
        argv[n++] = "--list";
    } else {
        argv[n++] = "--journal";
        argv[n++] = "none";
        argv[n++] = "--quiet";
        argv[n++] = "--jobs";
        argv[n++] = c->jobs;
    }
    argv[n] = NULL;
    struct rusage before, after;
    getrusage(RUSAGE_CHILDREN, &before);
    pid_t pid = bench_spawn(argv, c->log, msg, msg_size);
    if (pid < 0) return -1;
    int status = 0;
    double peak = 0;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) break;
        if (w < 0 && errno != EINTR) {
            bench_fmt(msg, msg_size, "waitpid failed: %s", strerror(errno));
            return -1;
        }
        double now = tree_rss(pid);
        if (now > peak) peak = now;
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
    }
    getrusage(RUSAGE_CHILDREN, &after);
    c->cpu_s = (double)(after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
               (double)(after.ru_stime.tv_sec - before.ru_stime.tv_sec) +
               1e-6 * (double)(after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec -
                               before.ru_stime.tv_usec);
    if (peak / 1e6 > c->peak_rss_mb) c->peak_rss_mb = peak / 1e6;
    /* every case is exact: exit 0 (all PASS) or it is an error of the bench */
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        bench_fmt(msg, msg_size, "run-conformance %s %d (log: %s)", WIFEXITED(status) ? "exited with" : "killed by signal",
                  WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), c->log);
        return -1;
    }
    return 0;
}

/* ---- the synthetic corpus ---- */

static const char *const small_ops[] = {"add", "sub", "mul", "relu", "neg"};

/* One small float32 case (WPT's typical size: 24 elements), expected values exact. */
static void small_case(FILE *f, int file, int k, int last)
{
    const char *op = small_ops[(file + k) % 5];
    int binary = strcmp(op, "relu") != 0 && strcmp(op, "neg") != 0;
    double a[24], b[24];
    fprintf(f, "{\"name\":\"%s float32 [2,3,4] #%d\",\"graph\":{\"inputs\":{\"a\":{\"descriptor\":{\"dataType\":\"float32\","
               "\"shape\":[2,3,4]},\"data\":[", op, k);
    for (int i = 0; i < 24; i++) {
        a[i] = 0.5 * (double)((i * 7 + file + k) % 17) - 4.0;
        b[i] = 0.25 * (double)((i * 5 + k) % 11) - 1.0;
        fprintf(f, "%s%.17g", i ? "," : "", a[i]);
    }
    fprintf(f, "]}");
    if (binary) {
        fprintf(f, ",\"b\":{\"descriptor\":{\"dataType\":\"float32\",\"shape\":[2,3,4]},\"data\":[");
        for (int i = 0; i < 24; i++) fprintf(f, "%s%.17g", i ? "," : "", b[i]);
        fprintf(f, "]}");
    }
    fprintf(f, "},\"operators\":[{\"name\":\"%s\",\"arguments\":[", op);
    if (binary) fprintf(f, "{\"a\":\"a\"},{\"b\":\"b\"}");
    else fprintf(f, "{\"input\":\"a\"}");
    fprintf(f, "],\"outputs\":\"y\"}],\"expectedOutputs\":{\"y\":{\"descriptor\":{\"dataType\":\"float32\",\"shape\":[2,3,4]},"
               "\"data\":[");
    for (int i = 0; i < 24; i++) {
        double y = !strcmp(op, "add") ? a[i] + b[i] : !strcmp(op, "sub") ? a[i] - b[i] : !strcmp(op, "mul") ? a[i] * b[i]
                   : !strcmp(op, "relu") ? (a[i] > 0 ? a[i] : 0) : -a[i];
        fprintf(f, "%s%.17g", i ? "," : "", y == 0 ? 0.0 : y);
    }
    fprintf(f, "]}}},\"tolerance\":{\"metricType\":\"ULP\",\"value\":1}}%s\n", last ? "" : ",");
}

/* WPT's "add float32 large inputs": a constant and an input, each one fill value, and a
 * filled expected output (89.33 + 77.25 in float32). */
static void big_case(FILE *f, unsigned side, int last)
{
    fprintf(f, "{\"name\":\"add float32 large inputs\",\"graph\":{\"inputs\":{"
               "\"inputA\":{\"data\":89.32998657226562,\"descriptor\":{\"shape\":[%u,%u],\"dataType\":\"float32\"},\"constant\":true},"
               "\"inputB\":{\"data\":77.24720764160156,\"descriptor\":{\"shape\":[%u,%u],\"dataType\":\"float32\"}}},"
               "\"operators\":[{\"name\":\"add\",\"arguments\":[{\"a\":\"inputA\"},{\"b\":\"inputB\"}],\"outputs\":\"output\"}],"
               "\"expectedOutputs\":{\"output\":{\"data\":166.5771942138672,\"descriptor\":{\"shape\":[%u,%u],\"dataType\":\"float32\"}}}},"
               "\"tolerance\":{\"metricType\":\"ULP\",\"value\":1}}%s\n",
            side, side, side, side, side, side, last ? "" : ",");
}

static int write_corpus(const char *dir, int files, int per_file, unsigned side, int only_big)
{
    mkdir(dir, 0755);
    for (int i = 0; i < files; i++) {
        char path[700];
        bench_fmt(path, sizeof path, "%s/file%03d.json", dir, i);
        FILE *f = fopen(path, "w");
        if (!f) return -1;
        fprintf(f, "{\"format\":\"webnn-cts-vectors/1\",\"provenance\":{\"generator\":\"bench/bench_wpt.c\"},\"tests\":[\n");
        if (only_big) {
            big_case(f, side, 1);
        } else {
            for (int k = 0; k < per_file; k++) {
                if (i == 0 && k == 0) big_case(f, side, per_file == 1);
                else small_case(f, i, k, k == per_file - 1);
            }
        }
        fprintf(f, "]}\n");
        if (fclose(f) != 0) return -1;
    }
    return 0;
}

static void measure_row(bench_run *r, bench_row *row, int ref, wpt_ctx *c)
{
    bench_cell *cell = &row->adapters[ref];
    if (bench_measure(&r->cfg, run_wpt, c, &cell->stats, cell->note, sizeof cell->note) != 0) {
        cell->state = CELL_ERROR;
        return;
    }
    cell->state = CELL_OK;
    cell->peak_rss_mb = c->peak_rss_mb;
    bench_fmt(cell->note, sizeof cell->note, "peak RSS %.0f MB (process tree), CPU %.2f s (last run)", c->peak_rss_mb,
              c->cpu_s);
}

void bench_wpt(bench_run *r)
{
    int ref = -1;
    for (int i = 0; i < r->n_adapters; i++)
        if (strcmp(r->adapters[i]->name, "reference") == 0) ref = i;
    if (ref < 0) return;
    unsigned side = r->cfg.smoke ? 600 : 6000;
    int files = r->cfg.smoke ? 4 : WPT_FILES;
    char dir[600], big[620], corpus[620];
    bench_fmt(dir, sizeof dir, "%s/bench", r->cfg.build_dir);
    mkdir(dir, 0755);
    bench_fmt(big, sizeof big, "%s/wpt-fill", dir);
    bench_fmt(corpus, sizeof corpus, "%s/wpt-synthetic", dir);
    if (write_corpus(big, 1, 1, side, 1) != 0 || write_corpus(corpus, files, WPT_CASES_PER_FILE, side, 0) != 0) {
        fprintf(stderr, "webnn-bench: cannot write the synthetic WPT corpus under %s\n", dir);
        return;
    }
    wpt_ctx c = {.jobs = "1"};
    bench_fmt(c.runner, sizeof c.runner, "%s/run-conformance", r->cfg.build_dir);

    /* 1: the fill-valued add alone, next to memcpy of its three tensors (a, b, output) */
    char name[BENCH_NAME_MAX];
    double bytes = 3.0 * 4.0 * side * side;
    bench_fmt(name, sizeof name, "fill-valued add [%u,%u], end to end (run-conformance, 1 job)", side, side);
    bench_row *row = bench_add_row(r, "wpt", name, "GB/s", 2 * bytes);
    if (!row) return;
    bench_fmt(row->baseline_name, sizeof row->baseline_name, "memcpy %.0f MB", bytes / 1e6);
    bench_memcpy copy = {0};
    if (bench_memcpy_init(&copy, (size_t)bytes) == 0)
        row->baseline.state = bench_measure(&r->cfg, bench_memcpy_run, &copy, &row->baseline.stats, row->baseline.note,
                                            sizeof row->baseline.note) == 0 ? CELL_OK : CELL_ERROR;
    bench_memcpy_free(&copy);
    bench_fmt(c.vectors, sizeof c.vectors, "%s", big);
    bench_fmt(c.log, sizeof c.log, "%s/wpt-fill.log", dir);
    measure_row(r, row, ref, &c);

    /* 2: the WPT-sized corpus, 2 jobs */
    bench_fmt(name, sizeof name, "WPT-sized synthetic import: %d cases in %d files, one fill add [%u,%u]; 2 jobs",
              files * WPT_CASES_PER_FILE, files, side, side);
    row = bench_add_row(r, "wpt", name, "cases/s", (double)(files * WPT_CASES_PER_FILE));
    if (!row) return;
    row->max_wall_s = 2.0;
    row->max_rss_mb = 600;
    bench_fmt(row->target_text, sizeof row->target_text, "<= 2 s wall, <= 600 MB peak RSS");
    c = (wpt_ctx){.jobs = "2"};
    bench_fmt(c.runner, sizeof c.runner, "%s/run-conformance", r->cfg.build_dir);
    bench_fmt(c.vectors, sizeof c.vectors, "%s", corpus);
    bench_fmt(c.log, sizeof c.log, "%s/wpt-synthetic.log", dir);
    measure_row(r, row, ref, &c);

    /* 3: --list of it: loading only */
    bench_fmt(name, sizeof name, "--list of the same corpus (loading only)");
    row = bench_add_row(r, "wpt", name, "cases/s", (double)(files * WPT_CASES_PER_FILE));
    if (!row) return;
    c = (wpt_ctx){.jobs = "1", .list = 1};
    bench_fmt(c.runner, sizeof c.runner, "%s/run-conformance", r->cfg.build_dir);
    bench_fmt(c.vectors, sizeof c.vectors, "%s", corpus);
    bench_fmt(c.log, sizeof c.log, "%s/wpt-list.log", dir);
    measure_row(r, row, ref, &c);
}
