/* webnn-bench-models (issue 20): whole-graph latency of each adapter on model vectors.
 * For every (case, adapter) a forked child loads the adapter through the ABI, builds the
 * graph (timed once), computes once to warm up, then times compute() at least MIN_RUNS times
 * (up to MAX_RUNS or until TIME_BUDGET_S), and judges the last output against the vector's
 * expected values under its tolerance. The parent reads the child's line from a pipe and its
 * peak RSS from wait4(). One line of JSON per measurement goes to --json; the markdown table
 * (and the ratios to PyTorch) is bench/models/report.py's job. */
#define _DEFAULT_SOURCE /* wait4(): the peak RSS of one child */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "abi_graph.h"
#include "adapter.h"
#include "support.h"
#include "webnn/compare.h"
#include "webnn/vector_file.h"

#define MIN_RUNS 5
#define MAX_RUNS 25
#define TIME_BUDGET_S 3.0

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct outputs {
    wna_tensor *t;
    uint32_t n;
} outputs;

static void outputs_free(outputs *o)
{
    for (uint32_t k = 0; o->t && k < o->n; k++) free(o->t[k].data);
    free(o->t);
}

static int outputs_alloc(const wn_graph *g, outputs *o)
{
    o->n = g->n_outputs;
    o->t = calloc(o->n + 1, sizeof *o->t);
    if (!o->t) return -1;
    for (uint32_t k = 0; k < o->n; k++) {
        const wn_operand *op = &g->operands[g->outputs[k]];
        size_t bytes = wn_desc_count(&op->desc) * wn_dtype_size(op->desc.dtype);
        o->t[k] = (wna_tensor){.name = op->name, .desc = rn_desc_to_abi(&op->desc), .nbytes = bytes};
        if (!(o->t[k].data = calloc(bytes ? bytes : 1, 1))) return -1;
    }
    return 0;
}

/* The child's whole job; writes one line "STATUS<TAB>..." to fd. */
static void measure(const rn_adapter *ad, wn_vec_case *vc, FILE *out)
{
    const wna_api *api = ad->api;
    wn_error werr = {0};
    wna_error err = {0};
    wna_context *ctx = NULL;
    wna_support_limits limits;
    char msg[512];
    if (wn_vec_case_expand(vc, &werr) != 0 || wn_graph_validate(vc->graph, &werr) != 0) {
        fprintf(out, "error\t%s\n", werr.message);
        return;
    }
    if (api->create_context(WNA_DEVICE_DEFAULT, &ctx, &err) != 0 || api->op_support_limits(ctx, &limits, &err) != 0) {
        fprintf(out, "error\tcontext: %s\n", err.message);
        return;
    }
    if (rn_support_check(vc->graph, &limits, msg, sizeof msg) != 0) {
        fprintf(out, "unsupported\t%s\n", msg);
        return;
    }
    rn_abi_graph ag;
    if (rn_abi_graph_build(vc->graph, &ag, &werr) != 0) {
        fprintf(out, "error\t%s\n", werr.message);
        return;
    }
    wna_compiled *cg = NULL;
    double t0 = now();
    if (api->build(ctx, &ag.g, &cg, &err) != 0) {
        fprintf(out, "error\tbuild(): %s\n", err.message);
        return;
    }
    double build_ms = (now() - t0) * 1e3;
    outputs o = {0};
    wna_tensor *ins = calloc(vc->n_inputs + 1, sizeof *ins);
    if (!ins || outputs_alloc(vc->graph, &o) != 0) {
        fprintf(out, "error\tout of memory\n");
        return;
    }
    for (uint32_t k = 0; k < vc->n_inputs; k++)
        ins[k] = (wna_tensor){.name = vc->inputs[k].name, .desc = rn_desc_to_abi(&vc->inputs[k].tensor.desc),
                              .data = vc->inputs[k].tensor.data, .nbytes = vc->inputs[k].tensor.nbytes};
    double ms[MAX_RUNS];
    int runs = 0;
    double start = now();
    for (int r = -1; r < MAX_RUNS; r++) { /* r = -1: the warm-up */
        double t = now();
        if (api->compute(cg, ins, vc->n_inputs, o.t, o.n, &err) != 0) {
            fprintf(out, "error\tcompute(): %s\n", err.message);
            return;
        }
        if (r >= 0) ms[runs++] = (now() - t) * 1e3;
        if (runs >= MIN_RUNS && now() - start > TIME_BUDGET_S) break;
    }
    qsort(ms, (size_t)runs, sizeof ms[0], cmp_double);
    bool pass = true;
    double max_abs = 0;
    for (uint32_t k = 0; k < vc->n_expected && k < o.n; k++) {
        wn_tensor act = {rn_desc_from_abi(&o.t[k].desc), o.t[k].data, o.t[k].nbytes};
        wn_compare_result cr = {0};
        wn_compare(&vc->expected[k].tensor, &act, vc->has_tolerance ? &vc->tolerance : NULL, &cr);
        pass = pass && cr.shape_ok && cr.pass;
        if (cr.max_abs > max_abs) max_abs = cr.max_abs;
    }
    fprintf(out, "ok\t%.3f\t%.3f\t%d\t%s\t%.3g\n", build_ms, ms[runs / 2], runs, pass ? "PASS" : "FAIL", max_abs);
    outputs_free(&o);
    free(ins);
    api->release_graph(cg);
    rn_abi_graph_free(&ag);
    api->release_context(ctx);
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fprintf(f, "\\%c", *s);
        else if ((unsigned char)*s < 0x20) fprintf(f, "\\u%04x", *s);
        else fputc(*s, f);
    }
    fputc('"', f);
}

/* Forks the measurement of one (case, adapter); prints and records its result. */
static void run_one(const char *adapter, const char *self_dir, const char *file, wn_vec_case *vc, FILE *json)
{
    int fds[2];
    if (pipe(fds) != 0) {
        perror("webnn-bench-models: pipe");
        return;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        FILE *out = fdopen(fds[1], "w");
        rn_adapter ad;
        char err[512];
        if (!out) _exit(1);
        if (rn_adapter_load(&ad, adapter, self_dir, err, sizeof err) != 0) fprintf(out, "error\t%s\n", err);
        else measure(&ad, vc, out);
        fclose(out);
        _exit(0);
    }
    close(fds[1]);
    char line[1024] = "";
    FILE *in = pid > 0 ? fdopen(fds[0], "r") : NULL;
    if (!in || !fgets(line, sizeof line, in)) snprintf(line, sizeof line, "error\tno result (the child died)\n");
    if (in) fclose(in);
    else close(fds[0]);
    int status = 0;
    struct rusage ru = {0};
    if (pid > 0) wait4(pid, &status, 0, &ru);
    if (pid > 0 && WIFSIGNALED(status)) snprintf(line, sizeof line, "error\tkilled by signal %d\n", WTERMSIG(status));
    line[strcspn(line, "\n")] = 0;
    double rss_mb = (double)ru.ru_maxrss / 1024.0;
    char *tab = strchr(line, '\t');
    const char *status_s = line, *rest = tab ? tab + 1 : "";
    if (tab) *tab = 0;
    printf("%-40s %-12s %-11s %s  (peak RSS %.0f MB)\n", vc->name, adapter, status_s, rest, rss_mb);
    if (!json) return;
    fprintf(json, "{\"file\": ");
    json_str(json, file);
    fprintf(json, ", \"case\": ");
    json_str(json, vc->name);
    fprintf(json, ", \"adapter\": ");
    json_str(json, adapter);
    fprintf(json, ", \"status\": ");
    json_str(json, status_s);
    double build_ms, median_ms, max_abs;
    int runs;
    char verdict[16];
    if (strcmp(status_s, "ok") == 0 && sscanf(rest, "%lf\t%lf\t%d\t%15s\t%lf", &build_ms, &median_ms, &runs, verdict, &max_abs) == 5)
        fprintf(json, ", \"build_ms\": %.3f, \"median_ms\": %.3f, \"runs\": %d, \"verdict\": \"%s\", \"max_abs\": %.6g",
                build_ms, median_ms, runs, verdict, max_abs);
    else {
        fprintf(json, ", \"message\": ");
        json_str(json, rest);
    }
    fprintf(json, ", \"peak_rss_mb\": %.1f}\n", rss_mb);
}

int main(int argc, char **argv)
{
    const char *adapters = "reference", *json_path = NULL;
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "--adapters") == 0 && first + 1 < argc) adapters = argv[++first];
        else if (strcmp(argv[first], "--json") == 0 && first + 1 < argc) json_path = argv[++first];
        else {
            fprintf(stderr, "usage: webnn-bench-models [--adapters A,B,...] [--json FILE] VECTORS.json...\n");
            return 2;
        }
    }
    if (first >= argc) {
        fprintf(stderr, "webnn-bench-models: no vector files given\n");
        return 2;
    }
    FILE *json = json_path ? fopen(json_path, "w") : NULL;
    if (json_path && !json) {
        fprintf(stderr, "webnn-bench-models: %s: %s\n", json_path, strerror(errno));
        return 2;
    }
    char self_dir[1024];
    rn_self_dir(self_dir, sizeof self_dir);
    int rc = 0;
    for (int i = first; i < argc; i++) {
        wn_vec_file f;
        if (wn_vec_load_file(argv[i], &f) != 0) {
            fprintf(stderr, "webnn-bench-models: %s: %s\n", argv[i], f.error.message);
            rc = 1;
            wn_vec_file_free(&f);
            continue;
        }
        for (uint32_t c = 0; c < f.n_cases; c++) {
            wn_vec_case *vc = &f.cases[c];
            if (vc->format_error.kind != WN_OK || !vc->graph || vc->expected_error != WN_OK) continue;
            char list[1024];
            snprintf(list, sizeof list, "%s", adapters);
            for (char *save = NULL, *a = strtok_r(list, ",", &save); a; a = strtok_r(NULL, ",", &save))
                run_one(a, self_dir, argv[i], vc, json);
        }
        wn_vec_file_free(&f);
    }
    if (json) fclose(json);
    return rc;
}
