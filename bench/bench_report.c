/* The table: rows, the markdown on stdout and results.json. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "bench_adapter.h"

bench_row *bench_add_row(bench_run *r, const char *section, const char *name, const char *unit, double work)
{
    if (r->n_rows >= BENCH_MAX_ROWS) {
        fprintf(stderr, "bench: more than %d rows, %s %s dropped\n", BENCH_MAX_ROWS, section, name);
        return NULL;
    }
    bench_row *row = &r->rows[r->n_rows++];
    memset(row, 0, sizeof *row);
    snprintf(row->section, sizeof row->section, "%s", section);
    snprintf(row->name, sizeof row->name, "%s", name);
    snprintf(row->unit, sizeof row->unit, "%s", unit);
    row->work = work;
    row->baseline.check = -1;
    for (int i = 0; i < BENCH_MAX_ADAPTERS; i++) row->adapters[i].check = -1;
    return row;
}

static void set_rate(bench_cell *c, double work, double unit_scale, const bench_cell *baseline)
{
    c->rate = c->state == CELL_OK && c->stats.median_s > 0 ? work / c->stats.median_s / unit_scale : 0;
    c->ratio = baseline && baseline->state == CELL_OK && baseline->rate > 0 ? c->rate / baseline->rate : 0;
}

void bench_finish_rows(bench_run *r)
{
    for (int i = 0; i < r->n_rows; i++) {
        bench_row *row = &r->rows[i];
        double scale = strcmp(row->unit, "cases/s") == 0 ? 1 : 1e9;
        set_rate(&row->baseline, row->work, scale, NULL);
        for (int a = 0; a < r->n_adapters; a++) set_rate(&row->adapters[a], row->work, scale, &row->baseline);
    }
}

static const char *state_name(int s)
{
    switch (s) {
    case CELL_OK: return "ok";
    case CELL_SKIPPED: return "skipped";
    case CELL_NOT_BUILT: return "not built";
    case CELL_UNSUPPORTED: return "not supported";
    case CELL_ERROR: return "error";
    default: return "empty";
    }
}

/* "met" / "missed" / why it could not be judged */
static const char *verdict(const bench_row *row, const bench_cell *c)
{
    if (c->state != CELL_OK) return state_name(c->state);
    if (row->baseline.state != CELL_OK) return "no baseline";
    return c->ratio >= row->target ? "met" : "missed";
}

/* The reference adapter's own ratio target of a row (issue 14): "met" / "missed" / why not. */
static const char *ref_verdict(const bench_run *r, const bench_row *row, int *adapter)
{
    *adapter = -1;
    for (int a = 0; a < r->n_adapters; a++)
        if (strcmp(r->adapters[a]->name, "reference") == 0) *adapter = a;
    if (*adapter < 0) return "not run";
    const bench_cell *c = &row->adapters[*adapter];
    if (c->state != CELL_OK) return state_name(c->state);
    if (row->baseline.state != CELL_OK) return "no baseline";
    return c->ratio >= row->ref_target ? "met" : "missed";
}

/* Section wpt: wall time and peak RSS against their limits. */
static const char *wpt_verdict(const bench_row *row, const bench_cell *c)
{
    if (c->state != CELL_OK) return state_name(c->state);
    return c->stats.median_s <= row->max_wall_s && c->peak_rss_mb <= row->max_rss_mb ? "met" : "missed";
}

/* ---- markdown ---- */
typedef struct notes {
    char text[24][BENCH_NOTE_MAX + BENCH_NAME_MAX + 48];
    int n;
} notes;

/* The three cells (ms, rate, ratio) of one subject; long reasons go to numbered notes. */
static void print_cell(const bench_row *row, const char *subject, const bench_cell *c, int with_ratio, notes *nt)
{
    if (c->state == CELL_OK) {
        printf(" %.3f | %.2f |", c->stats.median_s * 1e3, c->rate);
        if (with_ratio) printf(c->ratio > 0 ? " %.2f |" : " — |", c->ratio);
        return;
    }
    char label[BENCH_NOTE_MAX + 16];
    if (c->state == CELL_SKIPPED || c->state == CELL_NOT_BUILT || c->state == CELL_EMPTY) {
        snprintf(label, sizeof label, "%s", c->state == CELL_EMPTY ? "—" : c->note);
    } else if (nt->n < 24) {
        snprintf(nt->text[nt->n], sizeof nt->text[0], "[%d] %s, %s: %s", nt->n + 1, subject, row->name, c->note);
        nt->n++;
        snprintf(label, sizeof label, "%s [%d]", state_name(c->state), nt->n);
    } else {
        snprintf(label, sizeof label, "%s", state_name(c->state));
    }
    printf(" %s | — |", label);
    if (with_ratio) printf(" — |");
}

static void print_section(const bench_run *r, const char *section, const char *title, const char *baseline_label)
{
    int first = -1;
    for (int i = 0; i < r->n_rows; i++)
        if (strcmp(r->rows[i].section, section) == 0) {
            first = i;
            break;
        }
    if (first < 0) return;
    const char *unit = r->rows[first].unit;
    printf("\n### %s\n\n| shape | baseline | %s ms | %s %s |", title, baseline_label, baseline_label, unit);
    for (int a = 0; a < r->n_adapters; a++)
        printf(" %s ms | %s %s | %s ratio |", r->adapters[a]->name, r->adapters[a]->name, unit, r->adapters[a]->name);
    printf(" target |\n|---|---|---:|---:|");
    for (int a = 0; a < r->n_adapters; a++) printf("---:|---:|---:|");
    printf("---|\n");
    notes nt = {.n = 0};
    for (int i = first; i < r->n_rows; i++) {
        const bench_row *row = &r->rows[i];
        if (strcmp(row->section, section) != 0) continue;
        printf("| %s | %s |", row->name, row->baseline_name);
        print_cell(row, baseline_label, &row->baseline, 0, &nt);
        for (int a = 0; a < r->n_adapters; a++) print_cell(row, r->adapters[a]->name, &row->adapters[a], 1, &nt);
        if (row->target > 0) {
            printf(" %s:", row->target_text);
            const char *sep = " ";
            for (int a = 0; a < r->n_adapters; a++)
                if (r->adapters[a]->judged) {
                    printf("%s%s %s", sep, r->adapters[a]->name, verdict(row, &row->adapters[a]));
                    sep = "; ";
                }
            if (row->ref_target > 0) {
                int a;
                printf("; reference >= %.2f × %s: %s", row->ref_target, baseline_label, ref_verdict(r, row, &a));
            }
            printf(" |\n");
        } else if (row->ref_target > 0) {
            int a;
            printf(" reference >= %.2f × %s: %s |\n", row->ref_target, baseline_label, ref_verdict(r, row, &a));
        } else {
            printf(" — |\n");
        }
    }
    for (int k = 0; k < nt.n; k++) printf("%s%s\n", k == 0 ? "\n" : "", nt.text[k]);
    int first_flops = 1;
    for (int i = first; i < r->n_rows; i++) {
        const bench_row *row = &r->rows[i];
        if (strcmp(row->section, section) != 0 || row->flops <= 0) continue;
        printf("%s- %s:", first_flops ? "\nGFLOP/s of the same runs (2·Hout·Wout·C·kH·kW / time):\n\n" : "", row->name);
        first_flops = 0;
        for (int a = 0; a < r->n_adapters; a++)
            if (row->adapters[a].state == CELL_OK && row->adapters[a].stats.median_s > 0)
                printf(" %s %.2f", r->adapters[a]->name, row->flops / row->adapters[a].stats.median_s / 1e9);
        printf("\n");
    }
}

static void print_conformance(const bench_run *r)
{
    int any = 0;
    for (int i = 0; i < r->n_rows; i++) any |= strcmp(r->rows[i].section, "conformance") == 0;
    if (!any) return;
    printf("\n### 4. Full conformance run per adapter (run-conformance, wall time)\n\n");
    printf("| adapter | wall s | cases | cases/s | results |\n|---|---:|---:|---:|---|\n");
    for (int i = 0; i < r->n_rows; i++) {
        const bench_row *row = &r->rows[i];
        if (strcmp(row->section, "conformance") != 0) continue;
        for (int a = 0; a < r->n_adapters; a++) {
            const bench_cell *c = &row->adapters[a];
            if (c->state == CELL_EMPTY) continue;
            if (c->state == CELL_OK)
                printf("| %s | %.2f | %.0f | %.0f | %s |\n", r->adapters[a]->name, c->stats.median_s, row->work, c->rate,
                       c->note);
            else
                printf("| %s | — | — | — | %s: %s |\n", r->adapters[a]->name, state_name(c->state), c->note);
        }
    }
}

static void print_wpt(const bench_run *r)
{
    int any = 0;
    for (int i = 0; i < r->n_rows; i++) any |= strcmp(r->rows[i].section, "wpt") == 0;
    if (!any) return;
    printf("\n### 5. WPT scale on the reference (issue 14; run-conformance end to end, wall time and peak RSS of the "
           "process tree)\n\n| run | wall s (median) | baseline | ratio | peak RSS MB | target | verdict | notes |\n"
           "|---|---:|---|---:|---:|---|---|---|\n");
    for (int i = 0; i < r->n_rows; i++) {
        const bench_row *row = &r->rows[i];
        if (strcmp(row->section, "wpt") != 0) continue;
        for (int a = 0; a < r->n_adapters; a++) {
            const bench_cell *c = &row->adapters[a];
            if (c->state == CELL_EMPTY) continue;
            char base[96] = "—", ratio[32] = "—";
            if (row->baseline.state == CELL_OK) {
                bench_fmt(base, sizeof base, "%s: %.3f s", row->baseline_name, row->baseline.stats.median_s);
                if (c->ratio > 0) bench_fmt(ratio, sizeof ratio, "%.2f", c->ratio);
            }
            if (c->state == CELL_OK)
                printf("| %s | %.3f | %s | %s | %.0f | %s | %s | %s |\n", row->name, c->stats.median_s, base, ratio,
                       c->peak_rss_mb, row->max_wall_s > 0 ? row->target_text : "—",
                       row->max_wall_s > 0 ? wpt_verdict(row, c) : "—", c->note);
            else
                printf("| %s | — | %s | — | — | %s | %s | %s |\n", row->name, base,
                       row->max_wall_s > 0 ? row->target_text : "—", state_name(c->state), c->note);
        }
    }
}

static void print_targets(const bench_run *r)
{
    printf("\n### Targets (issue 8), ratios from this run\n\n| target | row | adapter | ratio | verdict |\n|---|---|---|---:|---|\n");
    for (int i = 0; i < r->n_rows; i++) {
        const bench_row *row = &r->rows[i];
        for (int a = 0; row->target > 0 && a < r->n_adapters; a++) {
            if (!r->adapters[a]->judged) continue;
            const bench_cell *c = &row->adapters[a];
            if (c->state == CELL_OK && row->baseline.state == CELL_OK)
                printf("| %s | %s %s | %s | %.2f | %s |\n", row->target_text, row->section, row->name,
                       r->adapters[a]->name, c->ratio, verdict(row, c));
            else
                printf("| %s | %s %s | %s | — | %s |\n", row->target_text, row->section, row->name, r->adapters[a]->name,
                       verdict(row, c));
        }
        if (row->ref_target > 0) { /* issue 14: the reference's own floor */
            int a;
            const char *v = ref_verdict(r, row, &a);
            if (a >= 0 && row->adapters[a].state == CELL_OK && row->baseline.state == CELL_OK)
                printf("| >= %.2f × memcpy (issue 14) | %s %s | reference | %.2f | %s |\n", row->ref_target,
                       row->section, row->name, row->adapters[a].ratio, v);
            else
                printf("| >= %.2f × memcpy (issue 14) | %s %s | reference | — | %s |\n", row->ref_target, row->section,
                       row->name, v);
        }
    }
    for (int i = 0; i < r->n_rows; i++) {
        const bench_row *row = &r->rows[i];
        if (strcmp(row->section, "wpt") != 0 || row->max_wall_s <= 0) continue;
        for (int a = 0; a < r->n_adapters; a++) {
            const bench_cell *c = &row->adapters[a];
            if (c->state == CELL_EMPTY) continue;
            if (c->state == CELL_OK)
                printf("| %s (issue 14) | wpt %s | %s | %.3f s, %.0f MB | %s |\n", row->target_text, row->name,
                       r->adapters[a]->name, c->stats.median_s, c->peak_rss_mb, wpt_verdict(row, c));
            else
                printf("| %s (issue 14) | wpt %s | %s | — | %s |\n", row->target_text, row->name, r->adapters[a]->name,
                       wpt_verdict(row, c));
        }
    }
}

void bench_print_markdown(const bench_run *r)
{
    printf("## webnn-cts benchmark%s\n\n%s", r->cfg.smoke ? " (smoke: tiny sizes, numbers meaningless)" : "",
           r->sysinfo_md);
    printf("\nMethod: %d warm-up run(s), then up to %d timed runs (at least %d, stopping after %.1f s), median "
           "reported; ms = median wall time of one compute (adapters) or call (baselines); "
           "ratio = rate / baseline rate in the same row. Details: bench/README.md.\n",
           r->cfg.warmups, r->cfg.max_repeats, r->cfg.min_repeats, r->cfg.cell_budget_s);
    printf("Load average (1 min) at the end: %.2f. The machine may be shared: each judged adapter's runs "
           "alternate with its baseline's so both see the same load.\n", r->load_end);
    printf("\nAdapters:");
    for (int a = 0; a < r->n_adapters; a++)
        printf(" %s (%s%s%s)%s", r->adapters[a]->name, state_name(r->adapters[a]->state),
               r->adapters[a]->note[0] ? ": " : "", r->adapters[a]->note, a + 1 < r->n_adapters ? "," : "\n");
    print_section(r, "matmul", "1. matmul (GFLOP/s = 2·M·N·K / time; baseline: cblas_sgemm on the same buffers)",
                  "sgemm");
    print_section(r, "conv2d", "2. conv2d (GFLOP/s = 2·N·Hout·Wout·Cout·Cin/g·kH·kW / time; baseline: sgemm at the "
                  "equivalent GEMM shape M×N×K)", "sgemm");
    print_section(r, "depthwise", "2b. depthwise conv2d (GB/s = (input + filter + output bytes) / time; "
                  "baseline: memcpy of the same bytes; no sensible GEMM equivalent)", "memcpy");
    print_section(r, "elementwise", "3. element-wise and reductions (GB/s = (bytes read + written) / time; "
                  "baseline: memcpy moving the same bytes)", "memcpy");
    print_conformance(r);
    print_wpt(r);
    print_targets(r);
    bench_print_openblas_vs_onednn(r);
}

/* ---- JSON ---- */
static cJSON *cell_json(const bench_cell *c, int with_ratio, const bench_cell *baseline, double flops)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    cJSON_AddStringToObject(o, "state", state_name(c->state));
    if (c->state == CELL_OK) {
        cJSON_AddNumberToObject(o, "median_ms", c->stats.median_s * 1e3);
        cJSON_AddNumberToObject(o, "min_ms", c->stats.min_s * 1e3);
        cJSON_AddNumberToObject(o, "max_ms", c->stats.max_s * 1e3);
        cJSON_AddNumberToObject(o, "repeats", c->stats.n);
        cJSON_AddNumberToObject(o, "rate", c->rate);
        if (with_ratio) {
            if (c->ratio > 0) cJSON_AddNumberToObject(o, "ratio", c->ratio);
            else cJSON_AddNullToObject(o, "ratio");
            /* the same ratio from the fastest runs: less sensitive to a busy machine */
            if (baseline && baseline->state == CELL_OK && c->stats.min_s > 0)
                cJSON_AddNumberToObject(o, "ratio_of_fastest", baseline->stats.min_s / c->stats.min_s);
        }
        if (c->build_s > 0) cJSON_AddNumberToObject(o, "build_ms", c->build_s * 1e3);
        if (flops > 0 && c->stats.median_s > 0) cJSON_AddNumberToObject(o, "gflops", flops / c->stats.median_s / 1e9);
    }
    if (c->check >= 0 || isnan(c->check)) {
        if (isnan(c->check)) cJSON_AddStringToObject(o, "check_max_rel_diff", "nan");
        else cJSON_AddNumberToObject(o, "check_max_rel_diff", c->check);
    }
    if (c->peak_rss_mb > 0) cJSON_AddNumberToObject(o, "peak_rss_mb", c->peak_rss_mb);
    if (c->note[0]) cJSON_AddStringToObject(o, "note", c->note);
    return o;
}

static cJSON *row_json(const bench_run *r, const bench_row *row)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    cJSON_AddStringToObject(o, "section", row->section);
    cJSON_AddStringToObject(o, "name", row->name);
    cJSON_AddStringToObject(o, "unit", row->unit);
    cJSON_AddNumberToObject(o, "work", row->work);
    if (row->flops > 0) cJSON_AddNumberToObject(o, "flops", row->flops);
    if (row->baseline.state != CELL_EMPTY) {
        cJSON *b = cell_json(&row->baseline, 0, NULL, 0);
        if (b) cJSON_AddStringToObject(b, "name", row->baseline_name);
        cJSON_AddItemToObject(o, "baseline", b);
    }
    if (row->vs_ok) {
        cJSON *v = cJSON_AddObjectToObject(o, "openblas_vs_onednn_paired");
        const char *names[2] = {"openblas", "onednn"};
        for (int i = 0; v && i < 2; i++) {
            cJSON *c = cJSON_AddObjectToObject(v, names[i]);
            if (!c) continue;
            cJSON_AddNumberToObject(c, "median_ms", row->vs[i].median_s * 1e3);
            cJSON_AddNumberToObject(c, "min_ms", row->vs[i].min_s * 1e3);
            cJSON_AddNumberToObject(c, "max_ms", row->vs[i].max_s * 1e3);
            cJSON_AddNumberToObject(c, "repeats", row->vs[i].n);
        }
    }
    cJSON *ads = cJSON_AddObjectToObject(o, "adapters");
    for (int a = 0; a < r->n_adapters && ads; a++)
        if (row->adapters[a].state != CELL_EMPTY)
            cJSON_AddItemToObject(ads, r->adapters[a]->name, cell_json(&row->adapters[a], 1, &row->baseline, row->flops));
    if (row->target > 0) {
        cJSON *t = cJSON_AddObjectToObject(o, "target");
        if (t) {
            cJSON_AddNumberToObject(t, "min_ratio", row->target);
            cJSON_AddStringToObject(t, "text", row->target_text);
            for (int a = 0; a < r->n_adapters; a++)
                if (r->adapters[a]->judged) cJSON_AddStringToObject(t, r->adapters[a]->name, verdict(row, &row->adapters[a]));
        }
    }
    if (row->ref_target > 0) {
        int a;
        const char *v = ref_verdict(r, row, &a);
        cJSON *t = cJSON_AddObjectToObject(o, "reference_target");
        if (t) {
            cJSON_AddNumberToObject(t, "min_ratio", row->ref_target);
            cJSON_AddStringToObject(t, "verdict", v);
        }
    }
    if (row->max_wall_s > 0) {
        cJSON *t = cJSON_AddObjectToObject(o, "wpt_target");
        if (t) {
            cJSON_AddNumberToObject(t, "max_wall_s", row->max_wall_s);
            cJSON_AddNumberToObject(t, "max_peak_rss_mb", row->max_rss_mb);
            for (int a = 0; a < r->n_adapters; a++)
                if (row->adapters[a].state != CELL_EMPTY)
                    cJSON_AddStringToObject(t, r->adapters[a]->name, wpt_verdict(row, &row->adapters[a]));
        }
    }
    return o;
}

int bench_write_json(const bench_run *r, const char *path)
{
    cJSON *root = cJSON_CreateObject();
    if (!root) return -1;
    cJSON_AddStringToObject(root, "generated_by", "webnn-cts make bench (bench/)");
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm) && strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
        cJSON_AddStringToObject(root, "time_utc", stamp);
    cJSON *cfg = cJSON_AddObjectToObject(root, "method");
    if (cfg) {
        cJSON_AddBoolToObject(cfg, "smoke", r->cfg.smoke);
        cJSON_AddNumberToObject(cfg, "warmups", r->cfg.warmups);
        cJSON_AddNumberToObject(cfg, "max_repeats", r->cfg.max_repeats);
        cJSON_AddNumberToObject(cfg, "min_repeats", r->cfg.min_repeats);
        cJSON_AddNumberToObject(cfg, "cell_budget_s", r->cfg.cell_budget_s);
        cJSON_AddNumberToObject(cfg, "skip_above_s", r->cfg.skip_above_s);
        cJSON_AddStringToObject(cfg, "statistic", "median");
        cJSON_AddStringToObject(cfg, "clock", "CLOCK_MONOTONIC");
    }
    if (r->sysinfo_json) {
        cJSON_AddItemReferenceToObject(root, "system", (cJSON *)r->sysinfo_json);
        cJSON_AddNumberToObject(root, "loadavg_1min_end", r->load_end);
    }
    cJSON *ads = cJSON_AddArrayToObject(root, "adapters");
    for (int a = 0; a < r->n_adapters && ads; a++) {
        cJSON *o = cJSON_CreateObject();
        if (!o) continue;
        cJSON_AddStringToObject(o, "name", r->adapters[a]->name);
        cJSON_AddStringToObject(o, "path", r->adapters[a]->path);
        cJSON_AddStringToObject(o, "state", state_name(r->adapters[a]->state));
        if (r->adapters[a]->api) cJSON_AddStringToObject(o, "version", r->adapters[a]->api->version ? r->adapters[a]->api->version : "");
        if (r->adapters[a]->note[0]) cJSON_AddStringToObject(o, "note", r->adapters[a]->note);
        cJSON_AddBoolToObject(o, "targets_apply", r->adapters[a]->judged);
        cJSON_AddItemToArray(ads, o);
    }
    cJSON *rows = cJSON_AddArrayToObject(root, "rows");
    for (int i = 0; i < r->n_rows && rows; i++) cJSON_AddItemToArray(rows, row_json(r, &r->rows[i]));
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) return -1;
    FILE *f = fopen(path, "w");
    int rc = -1;
    if (f) {
        rc = fputs(text, f) < 0 || fputc('\n', f) == EOF ? -1 : 0;
        if (fclose(f) != 0) rc = -1;
    }
    cJSON_free(text);
    return rc;
}
