/* --report html: one self-contained page (no external assets): run info, totals, an
 * op x data type matrix coloured by result, and every non-passing case with its numbers. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "expectations.h"
#include "run.h"
#include "webnn/dtype.h"

#define NCOL (WN_DTYPE_COUNT + 1) /* the data types, then "other" */

typedef struct cell {
    uint32_t status[RN_STATUS_COUNT];
    uint32_t gaps, total;
} cell;

typedef struct row {
    const char *op, *family;
    cell cells[NCOL];
    uint32_t bad;
} row;

static void esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<') fputs("&lt;", f);
        else if (*s == '>') fputs("&gt;", f);
        else if (*s == '&') fputs("&amp;", f);
        else if (*s == '"') fputs("&quot;", f);
        else fputc(*s, f);
    }
}

static bool is_bad(rn_status s)
{
    return s == RN_FAIL || s == RN_ERROR || s == RN_CRASH || s == RN_TIMEOUT;
}

static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = strcmp(x->family, y->family);
    return c ? c : strcmp(x->op, y->op);
}

static row *build_rows(const rn_run *run, uint32_t *n_rows)
{
    row *rows = calloc(run->n + 1, sizeof *rows);
    if (!rows) return NULL;
    uint32_t n = 0;
    for (uint32_t i = 0; i < run->n; i++) {
        const rn_entry *e = &run->entries[i];
        if (!e->have) continue;
        const char *op = e->r.op[0] ? e->r.op : "?";
        uint32_t k = 0;
        while (k < n && strcmp(rows[k].op, op) != 0) k++;
        if (k == n) {
            rows[n].op = op;
            rows[n].family = e->r.family[0] ? e->r.family : "?";
            n++;
        }
        wn_dtype t;
        cell *c = &rows[k].cells[wn_dtype_parse(e->r.dtype, &t) ? (unsigned)t : WN_DTYPE_COUNT];
        c->status[e->r.status]++;
        c->gaps += e->r.gap;
        c->total++;
        rows[k].bad += is_bad(e->r.status);
    }
    qsort(rows, n, sizeof *rows, cmp_row);
    *n_rows = n;
    return rows;
}

static const char *cell_class(const cell *c)
{
    if (!c->total) return "none";
    if (c->status[RN_FAIL] || c->status[RN_ERROR] || c->status[RN_CRASH] || c->status[RN_TIMEOUT]) return "bad";
    if (c->gaps) return "gap";
    if (c->status[RN_NOTSUPPORTED] == c->total) return "ns";
    return "ok";
}

static void matrix(FILE *f, const row *rows, uint32_t n)
{
    fputs("<h2>Operations &times; data types</h2>\n<p class=\"legend\"><span class=\"ok\">all pass</span> "
          "<span class=\"bad\">failures</span> <span class=\"gap\">conformance gap</span> "
          "<span class=\"ns\">not supported</span> &mdash; cells show passed/total; click an op for its "
          "failures.</p>\n<table class=\"matrix\"><tr><th>family</th><th>op</th>",
          f);
    for (unsigned t = 0; t < WN_DTYPE_COUNT; t++) fprintf(f, "<th>%s</th>", wn_dtype_name((wn_dtype)t));
    fputs("<th>other</th></tr>\n", f);
    for (uint32_t i = 0; i < n; i++) {
        fputs("<tr><td>", f);
        esc(f, rows[i].family);
        fputs("</td><td>", f);
        if (rows[i].bad) {
            fputs("<a href=\"#op-", f);
            esc(f, rows[i].op);
            fputs("\">", f);
            esc(f, rows[i].op);
            fputs("</a>", f);
        } else {
            esc(f, rows[i].op);
        }
        fputs("</td>", f);
        for (unsigned t = 0; t < NCOL; t++) {
            const cell *c = &rows[i].cells[t];
            fprintf(f, "<td class=\"%s\"", cell_class(c));
            if (c->total) {
                fputs(" title=\"", f);
                for (unsigned s = 0; s < RN_STATUS_COUNT; s++)
                    if (c->status[s]) fprintf(f, "%s %u; ", rn_status_name((rn_status)s), c->status[s]);
                fprintf(f, "\">%u/%u", c->status[RN_PASS], c->total);
            } else {
                fputs(">", f);
            }
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void numbers_table(FILE *f, const rn_result *r)
{
    if (!r->n_outputs) return;
    fputs("<table class=\"nums\"><tr><th>output</th><th>max ULP</th><th>max abs</th><th>out of tolerance</th>"
          "<th>worst index</th><th>expected</th><th>actual</th><th>tolerance</th></tr>\n", f);
    for (uint32_t k = 0; k < r->n_outputs; k++) {
        const rn_output_stats *s = &r->outputs[k];
        fputs("<tr><td>", f);
        esc(f, s->name);
        if (!s->shape_ok) {
            fputs(" (got ", f);
            esc(f, s->actual_desc);
            fputs(")", f);
        }
        fprintf(f, "</td><td>%.17g</td><td>%.9g</td><td>%llu of %llu</td><td>%llu</td><td>%.17g</td><td>%.17g</td>"
                   "<td>%s %.9g",
                s->max_ulp, s->max_abs, (unsigned long long)s->n_bad, (unsigned long long)s->n_elements,
                (unsigned long long)s->worst_index, s->worst_expected, s->worst_actual, s->tol_metric, s->tol_value);
        if (s->tol_floor > 0) fprintf(f, " or abs %.9g", s->tol_floor);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void failures(FILE *f, const rn_run *run, const row *rows, uint32_t n)
{
    fputs("<h2>Failures</h2>\n", f);
    uint32_t shown = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!rows[i].bad) continue;
        fputs("<h3 id=\"op-", f);
        esc(f, rows[i].op);
        fputs("\">", f);
        esc(f, rows[i].op);
        fprintf(f, " (%u)</h3>\n", rows[i].bad);
        for (uint32_t j = 0; j < run->n; j++) {
            const rn_entry *e = &run->entries[j];
            const char *op = e->r.op[0] ? e->r.op : "?";
            if (!e->have || !is_bad(e->r.status) || strcmp(op, rows[i].op) != 0) continue;
            shown++;
            fprintf(f, "<details><summary><span class=\"st %s\">%s</span>%s ", rn_status_name(e->r.status),
                    rn_status_name(e->r.status), e->unexpected ? "" : " <i>(expected)</i>");
            esc(f, e->r.test);
            fputs("</summary>\n<p>", f);
            esc(f, e->r.message);
            fputs("</p>\n", f);
            numbers_table(f, &e->r);
            fputs("</details>\n", f);
        }
    }
    if (!shown) fputs("<p>None.</p>\n", f);
}

/* One list of entries: the test and a text of each entry pick() selects. */
static void entry_list(FILE *f, const rn_run *run, const char *heading, bool (*pick)(const rn_entry *),
                       const char *(*text)(const rn_entry *))
{
    fputs(heading, f);
    fputs("<ul>", f);
    uint32_t n = 0;
    for (uint32_t j = 0; j < run->n; j++) {
        const rn_entry *e = &run->entries[j];
        if (!e->have || !pick(e)) continue;
        n++;
        fputs("<li>", f);
        esc(f, e->r.test);
        fputs(": ", f);
        esc(f, text(e));
        fputs("</li>\n", f);
    }
    fputs(n ? "</ul>\n" : "<li>None.</li></ul>\n", f);
}

static bool is_gap(const rn_entry *e) { return e->r.gap; }
static bool has_warning(const rn_entry *e) { return e->r.warning[0] != 0; }
static const char *message_of(const rn_entry *e) { return e->r.message; }
static const char *warning_of(const rn_entry *e) { return e->r.warning; }

static void warnings(FILE *f, const rn_run *run)
{
    entry_list(f, run, "<h2>Warnings</h2>\n<p>Cases whose vector has something a browser ignores (an option the spec "
               "does not define): computed as the spec says, flagged here.</p>\n", has_warning, warning_of);
}

static void gaps(FILE *f, const rn_run *run)
{
    entry_list(f, run, "<h2>Conformance gaps</h2>\n<p>NOTSUPPORTED cases inside the spec's required data types and "
               "ranks.</p>\n", is_gap, message_of);
}

int rn_report_html(const rn_run *run, FILE *f)
{
    uint32_t n = 0;
    row *rows = build_rows(run, &n);
    if (!rows) return -1;
    rn_counts c;
    rn_count(run, &c);
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>webnn-cts results</title>\n<style>\n"
          "body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;font-size:13px}\n"
          "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}.matrix td:nth-child(n+3){text-align:center}\n"
          ".ok{background:#b8e2b8}.bad{background:#f2a5a5}.gap{background:#f6d38f}.ns{background:#ddd}.none{background:#fff}\n"
          ".legend span{padding:1px 6px;margin-right:4px}details{margin:2px 0}summary{cursor:pointer}\n"
          ".st{font-weight:bold;margin-right:6px}.FAIL,.ERROR,.CRASH,.TIMEOUT{color:#a00}.nums{margin:4px 0 10px 20px}\n"
          "</style></head><body>\n<h1>webnn-cts results</h1>\n<table>",
          f);
    const char *keys[] = {"adapter", "device", "ABI version", "corpus hash"};
    const char *vals[] = {run->adapter, run->device, run->abi_version, run->corpus_hash};
    for (int i = 0; i < 4; i++) {
        fprintf(f, "<tr><th>%s</th><td>", keys[i]);
        esc(f, vals[i] ? vals[i] : "");
        fputs("</td></tr>", f);
    }
    fputs("<tr><th>results</th><td>", f);
    for (unsigned s = 0; s < RN_STATUS_COUNT; s++) fprintf(f, "%s %u &nbsp; ", rn_status_name((rn_status)s), c.status[s]);
    fprintf(f, "(unexpected %u, conformance gaps %u)</td></tr></table>\n", c.unexpected, c.gaps);
    matrix(f, rows, n);
    gaps(f, run);
    warnings(f, run);
    failures(f, run, rows, n);
    fputs("</body></html>\n", f);
    free(rows);
    return ferror(f) ? -1 : 0;
}
