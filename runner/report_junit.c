/* --report junit: JUnit XML, one <testsuite> per vector file, one <testcase> per case.
 * FAIL -> <failure>; ERROR, CRASH, TIMEOUT -> <error type="STATUS">; NOTSUPPORTED ->
 * <skipped>; the numbers go into the element text. */
#include <string.h>

#include "run.h"

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t') fputc(' ', f);
            else fputc(*s, f);
        }
    }
}

/* The vector-file part of a test name ("dir/conv2d.json/some case" -> "dir/conv2d.json"). */
static size_t file_part(const char *test)
{
    const char *j = strstr(test, ".json/");
    return j ? (size_t)(j - test) + 5 : strlen(test);
}

static void numbers(FILE *f, const rn_result *r)
{
    for (uint32_t k = 0; k < r->n_outputs; k++) {
        const rn_output_stats *s = &r->outputs[k];
        char line[600], floor[48] = "";
        if (s->tol_floor > 0) snprintf(floor, sizeof floor, " or abs %.9g", s->tol_floor);
        snprintf(line, sizeof line,
                 "\noutput %s: max_ulp=%.17g max_abs=%.9g n_bad=%llu of %llu worst[%llu] expected=%.17g actual=%.17g "
                 "tolerance=%s %.9g%s%s%s",
                 s->name, s->max_ulp, s->max_abs, (unsigned long long)s->n_bad, (unsigned long long)s->n_elements,
                 (unsigned long long)s->worst_index, s->worst_expected, s->worst_actual, s->tol_metric, s->tol_value,
                 floor, s->shape_ok ? "" : " actual descriptor ", s->shape_ok ? "" : s->actual_desc);
        xml_text(f, line);
    }
}

static void testcase(FILE *f, const rn_entry *e, size_t fp)
{
    const rn_result *r = &e->r;
    fputs("    <testcase classname=\"", f);
    char cls[512];
    snprintf(cls, sizeof cls, "%.*s", (int)fp, r->test);
    xml_text(f, cls);
    fputs("\" name=\"", f);
    xml_text(f, r->test[fp] ? r->test + fp + 1 : r->test);
    fprintf(f, "\" time=\"%.6f\">", r->duration);
    const char *tag = r->status == RN_FAIL ? "failure"
                      : r->status == RN_NOTSUPPORTED ? "skipped"
                      : r->status == RN_PASS ? NULL : "error";
    if (tag) {
        fprintf(f, "\n      <%s type=\"%s\" message=\"", tag, rn_status_name(r->status));
        xml_text(f, r->message);
        fputs("\">", f);
        xml_text(f, r->message);
        numbers(f, r);
        fprintf(f, "</%s>\n    ", tag);
    }
    fputs("</testcase>\n", f);
}

int rn_report_junit(const rn_run *run, FILE *f)
{
    rn_counts c;
    rn_count(run, &c);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
    fprintf(f, "<testsuites name=\"webnn-cts\" tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"%u\">\n", c.total,
            c.status[RN_FAIL], c.status[RN_ERROR] + c.status[RN_CRASH] + c.status[RN_TIMEOUT],
            c.status[RN_NOTSUPPORTED]);
    uint32_t i = 0;
    while (i < run->n) {
        if (!run->entries[i].have) {
            i++;
            continue;
        }
        const char *first = run->entries[i].r.test;
        size_t fp = file_part(first);
        uint32_t j = i, tests = 0, fail = 0, err = 0, skip = 0;
        double time = 0;
        for (; j < run->n; j++) {
            const rn_entry *e = &run->entries[j];
            if (!e->have) continue;
            if (file_part(e->r.test) != fp || strncmp(e->r.test, first, fp) != 0) break;
            tests++;
            time += e->r.duration;
            fail += e->r.status == RN_FAIL;
            skip += e->r.status == RN_NOTSUPPORTED;
            err += e->r.status == RN_ERROR || e->r.status == RN_CRASH || e->r.status == RN_TIMEOUT;
        }
        char name[512];
        snprintf(name, sizeof name, "%.*s", (int)fp, first);
        fputs("  <testsuite name=\"", f);
        xml_text(f, name);
        fprintf(f, "\" tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"%u\" time=\"%.6f\">\n", tests, fail, err,
                skip, time);
        for (uint32_t k = i; k < j; k++)
            if (run->entries[k].have) testcase(f, &run->entries[k], fp);
        fputs("  </testsuite>\n", f);
        i = j;
    }
    fputs("</testsuites>\n", f);
    return ferror(f) ? -1 : 0;
}
