/* Section 4: the wall time of a full conformance run per adapter, and cases per second.
 * Runs `run-conformance --adapter PATH --journal none --quiet --report json:FILE` in a child
 * process and reads the case count and statuses from its wptreport JSON. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "bench_adapter.h"

typedef struct conf_ctx {
    char runner[600], adapter[600], report[600], log[600], expectations[600];
    int smoke;
    int last_exit; /* exit status of the last run */
} conf_ctx;

static int run_runner(void *p, char *msg, size_t msg_size)
{
    conf_ctx *c = p;
    char report_arg[640];
    bench_fmt(report_arg, sizeof report_arg, "json:%s", c->report);
    const char *argv[16];
    int n = 0;
    argv[n++] = c->runner;
    argv[n++] = "--adapter";
    argv[n++] = c->adapter;
    argv[n++] = "--journal";
    argv[n++] = "none";
    argv[n++] = "--quiet";
    argv[n++] = "--report";
    argv[n++] = report_arg;
    if (c->expectations[0]) {
        argv[n++] = "--expectations";
        argv[n++] = c->expectations;
    }
    if (c->smoke) { /* a few files only: checks the plumbing in seconds */
        argv[n++] = "--filter";
        argv[n++] = "examples/*";
    }
    argv[n] = NULL;
    pid_t pid = bench_spawn(argv, c->log, msg, msg_size);
    if (pid < 0) return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            bench_fmt(msg, msg_size, "waitpid failed: %s", strerror(errno));
            return -1;
        }
    /* 0: as expected; 1: some result unexpected (a conformance gap, say) — still a full run */
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
        bench_fmt(msg, msg_size, "run-conformance %s %d (log: %s)", WIFEXITED(status) ? "exited with" : "killed by signal",
                 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), c->log);
        return -1;
    }
    c->last_exit = WEXITSTATUS(status);
    return 0;
}

/* Case count and "N PASS, N FAIL, ..." from the wptreport; returns the count or -1. */
static long read_report(const char *path, char *summary, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char *text = NULL;
    long len = -1;
    if (fseek(f, 0, SEEK_END) == 0) len = ftell(f);
    if (len > 0 && fseek(f, 0, SEEK_SET) == 0 && (text = malloc((size_t)len + 1)) != NULL) {
        if (fread(text, 1, (size_t)len, f) != (size_t)len) len = -1;
        else text[len] = 0;
    }
    fclose(f);
    if (!text || len <= 0) {
        free(text);
        return -1;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(root, "results");
    if (!cJSON_IsArray(results)) {
        cJSON_Delete(root);
        return -1;
    }
    static const char *names[] = {"PASS", "FAIL", "NOTSUPPORTED", "ERROR", "CRASH", "TIMEOUT"};
    long counts[6] = {0}, total = 0;
    const cJSON *res;
    cJSON_ArrayForEach(res, results)
    {
        total++;
        const cJSON *extra = cJSON_GetObjectItemCaseSensitive(res, "extra");
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(extra, "webnn_status");
        if (!cJSON_IsString(st)) st = cJSON_GetObjectItemCaseSensitive(res, "status");
        for (int k = 0; k < 6 && cJSON_IsString(st); k++)
            if (strcmp(st->valuestring, names[k]) == 0) counts[k]++;
    }
    cJSON_Delete(root);
    size_t used = 0;
    summary[0] = 0;
    for (int k = 0; k < 6 && used < size; k++) {
        int w = snprintf(summary + used, size - used, "%s%ld %s", k ? ", " : "", counts[k], names[k]);
        if (w < 0) break;
        used += (size_t)w;
    }
    return total;
}

void bench_conformance(bench_run *r)
{
    char dir[600];
    bench_fmt(dir, sizeof dir, "%s/bench", r->cfg.build_dir);
    mkdir(dir, 0755);
    for (int i = 0; i < r->n_adapters; i++) {
        bench_adapter *a = r->adapters[i];
        char name[BENCH_NAME_MAX];
        bench_fmt(name, sizeof name, "%s%s", a->name, r->cfg.smoke ? " (examples/* only)" : "");
        bench_row *row = bench_add_row(r, "conformance", name, "cases/s", 0);
        if (!row) return;
        bench_cell *cell = &row->adapters[i];
        if (a->state == CELL_NOT_BUILT) {
            cell->state = CELL_NOT_BUILT;
            bench_fmt(cell->note, sizeof cell->note, "%s", a->note);
            continue;
        }
        conf_ctx c = {.smoke = r->cfg.smoke};
        bench_fmt(c.runner, sizeof c.runner, "%s/run-conformance", r->cfg.build_dir);
        bench_fmt(c.adapter, sizeof c.adapter, "%s", a->path);
        bench_fmt(c.report, sizeof c.report, "%s/conformance-%s.json", dir, a->name);
        bench_fmt(c.log, sizeof c.log, "%s/conformance-%s.log", dir, a->name);
        /* the adapter's own expectations (its known gaps), so the exit status means something */
        bench_fmt(c.expectations, sizeof c.expectations, "adapters/%s/expectations.txt", a->name);
        if (access(c.expectations, R_OK) != 0) c.expectations[0] = 0;
        if (access(c.runner, X_OK) != 0) {
            cell->state = CELL_NOT_BUILT;
            bench_fmt(cell->note, sizeof cell->note, "%s not built", c.runner);
            continue;
        }
        /* one run, or the median of a few when a run is short: same method as every cell */
        if (bench_measure(&r->cfg, run_runner, &c, &cell->stats, cell->note, sizeof cell->note) != 0) {
            cell->state = CELL_ERROR;
            continue;
        }
        char summary[200];
        long cases = read_report(c.report, summary, sizeof summary);
        if (cases < 0) {
            cell->state = CELL_ERROR;
            bench_fmt(cell->note, sizeof cell->note, "cannot read the report %s", c.report);
            continue;
        }
        row->work = (double)cases;
        cell->state = CELL_OK;
        /* exit 1 = some result differs from the expectations (without a file: any non-PASS) */
        bench_fmt(cell->note, sizeof cell->note, "%s; exit %d: %s %s", summary, c.last_exit,
                  c.last_exit ? "results differ from" : "results match",
                  c.expectations[0] ? c.expectations : "the runner's default expectations");
    }
}
