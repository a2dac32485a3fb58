/* The end-of-run summary on the terminal: counts per op family and status, conformance
 * gaps, unexpected results, and the closing "N passed, N failed, ..." line. */
#include <string.h>

#include "expectations.h"
#include "run.h"

#define MAX_FAMILIES 64
#define MAX_LISTED 25

static const char *const short_names[RN_STATUS_COUNT] = {"PASS", "FAIL", "NOTSUP", "ERROR", "CRASH", "TIMEOUT"};

static void family_table(const rn_run *run, FILE *f)
{
    const char *fam[MAX_FAMILIES];
    uint32_t counts[MAX_FAMILIES][RN_STATUS_COUNT] = {{0}};
    uint32_t n = 0;
    for (uint32_t i = 0; i < run->n; i++) {
        const rn_entry *e = &run->entries[i];
        if (!e->have) continue;
        const char *name = e->r.family[0] ? e->r.family : "?";
        uint32_t k = 0;
        while (k < n && strcmp(fam[k], name) != 0) k++;
        if (k == n) {
            if (n == MAX_FAMILIES) k = n - 1; /* lump the rest together */
            else fam[n++] = name;
        }
        counts[k][e->r.status]++;
    }
    /* sort family names (insertion sort; few of them) */
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t j = i; j > 0 && strcmp(fam[j - 1], fam[j]) > 0; j--) {
            const char *t = fam[j];
            fam[j] = fam[j - 1];
            fam[j - 1] = t;
            uint32_t tmp[RN_STATUS_COUNT];
            memcpy(tmp, counts[j], sizeof tmp);
            memcpy(counts[j], counts[j - 1], sizeof tmp);
            memcpy(counts[j - 1], tmp, sizeof tmp);
        }
    fprintf(f, "%-22s", "op family");
    for (unsigned s = 0; s < RN_STATUS_COUNT; s++) fprintf(f, " %7s", short_names[s]);
    fputc('\n', f);
    uint32_t total[RN_STATUS_COUNT] = {0};
    for (uint32_t k = 0; k < n; k++) {
        fprintf(f, "%-22.22s", fam[k]);
        for (unsigned s = 0; s < RN_STATUS_COUNT; s++) {
            fprintf(f, " %7u", counts[k][s]);
            total[s] += counts[k][s];
        }
        fputc('\n', f);
    }
    fprintf(f, "%-22s", "total");
    for (unsigned s = 0; s < RN_STATUS_COUNT; s++) fprintf(f, " %7u", total[s]);
    fputc('\n', f);
}

void rn_summary_print(const rn_run *run, FILE *f)
{
    rn_counts c;
    rn_count(run, &c);
    fputc('\n', f);
    family_table(run, f);
    if (c.gaps) {
        fprintf(f, "\nConformance gaps (NOTSUPPORTED inside the spec's required data types and ranks): %u\n", c.gaps);
        uint32_t listed = 0;
        for (uint32_t i = 0; i < run->n && listed < MAX_LISTED; i++)
            if (run->entries[i].have && run->entries[i].r.gap) {
                fprintf(f, "  %s\n", run->entries[i].r.test);
                listed++;
            }
        if (c.gaps > listed) fprintf(f, "  ... and %u more (see the reports)\n", c.gaps - listed);
    }
    uint32_t warned = 0;
    for (uint32_t i = 0; i < run->n; i++) warned += run->entries[i].have && run->entries[i].r.warning[0];
    if (warned) {
        fprintf(f, "\nWarnings (cases whose vector has something a browser ignores): %u\n", warned);
        uint32_t listed = 0;
        for (uint32_t i = 0; i < run->n && listed < MAX_LISTED; i++)
            if (run->entries[i].have && run->entries[i].r.warning[0]) {
                fprintf(f, "  %s: %.300s\n", run->entries[i].r.test, run->entries[i].r.warning);
                listed++;
            }
        if (warned > listed) fprintf(f, "  ... and %u more (see the reports)\n", warned - listed);
    }
    if (c.unexpected) {
        fprintf(f, "\nUnexpected results: %u\n", c.unexpected);
        uint32_t listed = 0;
        for (uint32_t i = 0; i < run->n && listed < MAX_LISTED; i++) {
            const rn_entry *e = &run->entries[i];
            if (!e->have || !e->unexpected) continue;
            char exp[96];
            fprintf(f, "  %s (expected %s) %s: %.300s\n", rn_status_name(e->r.status),
                    rn_status_set_str(e->expected, exp, sizeof exp), e->r.test, e->r.message);
            listed++;
        }
        if (c.unexpected > listed) fprintf(f, "  ... and %u more (see the reports)\n", c.unexpected - listed);
    }
    fprintf(f, "\n%u passed, %u failed, %u not supported, %u errors, %u crashed, %u timed out", c.status[RN_PASS],
            c.status[RN_FAIL], c.status[RN_NOTSUPPORTED], c.status[RN_ERROR], c.status[RN_CRASH],
            c.status[RN_TIMEOUT]);
    fprintf(f, " (%u unexpected, %u conformance gaps", c.unexpected, c.gaps);
    if (c.impl_defined) fprintf(f, ", %u implementation-defined passes not judged", c.impl_defined);
    fprintf(f, ")\n");
}
