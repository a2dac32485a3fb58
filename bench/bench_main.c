/* webnn-bench: the benchmark harness behind `make bench` and `make bench-smoke`.
 * Prints a markdown table on stdout and writes results.json; see bench/README.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bench_adapter.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: webnn-bench [--smoke] [--build DIR] [--json FILE] [--adapters A,B,...] [--no-conformance]\n"
            "  --smoke           tiny sizes, one run per cell: checks the harness, numbers mean nothing\n"
            "  --build DIR       where run-conformance and adapters/libwebnn_adapter_NAME.so are (default build)\n"
            "  --json FILE       results file (default DIR/bench/results.json)\n"
            "  --adapters LIST   adapter columns (default openblas,onednn,reference); targets apply to all but reference,\n"
            "                    example, process-example and onnxruntime\n"
            "  --only LIST       sections to run: matmul,conv,eltwise,conformance,wpt (default all)\n"
            "  --no-conformance  skip section 4 (full conformance run per adapter)\n");
}

/* Is `section` in the comma-separated list (NULL: every section)? */
static int wanted(const char *list, const char *section)
{
    if (!list) return 1;
    size_t n = strlen(section);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, section, n) == 0) return 1;
        if (!end) break;
        p = end + 1;
    }
    return 0;
}

static bench_run run; /* large (the table): static storage */

int main(int argc, char **argv)
{
    bench_run *r = &run;
    const char *adapters = "openblas,onednn,reference";
    const char *only = NULL;
    static char json_default[600];
    r->cfg.build_dir = "build";
    r->cfg.run_conformance = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--smoke") == 0) r->cfg.smoke = 1;
        else if (strcmp(argv[i], "--no-conformance") == 0) r->cfg.run_conformance = 0;
        else if (strcmp(argv[i], "--build") == 0 && i + 1 < argc) r->cfg.build_dir = argv[++i];
        else if (strcmp(argv[i], "--json") == 0 && i + 1 < argc) r->cfg.json_path = argv[++i];
        else if (strcmp(argv[i], "--adapters") == 0 && i + 1 < argc) adapters = argv[++i];
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
        else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (!r->cfg.json_path) {
        snprintf(json_default, sizeof json_default, "%s/bench/results.json", r->cfg.build_dir);
        r->cfg.json_path = json_default;
    }
    if (r->cfg.smoke) {
        r->cfg.warmups = 0;
        r->cfg.max_repeats = 1;
        r->cfg.min_repeats = 1;
        r->cfg.cell_budget_s = 0.5;
        r->cfg.skip_above_s = 2;
    } else {
        r->cfg.warmups = 1;
        r->cfg.max_repeats = 25;
        r->cfg.min_repeats = 5;
        r->cfg.cell_budget_s = 1.5;
        r->cfg.skip_above_s = 10;
    }

    char list[256];
    snprintf(list, sizeof list, "%s", adapters);
    char *save = NULL;
    for (char *name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        if (r->n_adapters >= BENCH_MAX_ADAPTERS) break;
        int is_ref = strcmp(name, "reference") == 0;
        /* the issue-8 targets are for the native CPU backends, not for the examples (protocol
         * overhead: in-process vs process) or ONNX Runtime behind the process protocol */
        int unjudged = is_ref || strcmp(name, "example") == 0 || strcmp(name, "process-example") == 0 ||
                       strcmp(name, "onnxruntime") == 0;
        bench_adapter *a = bench_adapter_open(r->cfg.build_dir, name, !unjudged, is_ref);
        if (!a) {
            fprintf(stderr, "webnn-bench: out of memory\n");
            return 1;
        }
        if (a->state != CELL_OK) fprintf(stderr, "webnn-bench: %s: %s\n", name, a->note);
        r->adapters[r->n_adapters++] = a;
    }

    bench_sysinfo(r); /* after the adapters: lists every libopenblas they pulled in */
    fprintf(stderr, "%s", r->sysinfo_md);
    if (wanted(only, "matmul")) {
        fprintf(stderr, "webnn-bench: 1/4 matmul\n");
        bench_matmul(r);
    }
    if (wanted(only, "conv")) {
        fprintf(stderr, "webnn-bench: 2/4 conv2d\n");
        bench_conv(r);
    }
    if (wanted(only, "eltwise")) {
        fprintf(stderr, "webnn-bench: 3/4 element-wise and reductions\n");
        bench_eltwise(r);
    }
    if (r->cfg.run_conformance && wanted(only, "conformance")) {
        fprintf(stderr, "webnn-bench: 4/4 conformance runs\n");
        bench_conformance(r);
    }
    if (r->cfg.run_conformance && wanted(only, "wpt")) {
        fprintf(stderr, "webnn-bench: 5 WPT scale on the reference\n");
        bench_wpt(r);
    }

    r->load_end = bench_loadavg();
    bench_finish_rows(r);
    bench_print_markdown(r);
    int rc = 0;
    if (bench_write_json(r, r->cfg.json_path) != 0) {
        fprintf(stderr, "webnn-bench: cannot write %s\n", r->cfg.json_path);
        rc = 1;
    } else {
        printf("\nResults: %s\n", r->cfg.json_path);
    }
    for (int i = 0; i < r->n_adapters; i++) bench_adapter_close(r->adapters[i]);
    cJSON_Delete(r->sysinfo_json);
    return rc;
}
