/* A run as the reports see it: run info and one entry per selected case, in corpus order. */
#ifndef RUNNER_RUN_H
#define RUNNER_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "result.h"

typedef struct rn_entry {
    rn_result r;
    bool have;          /* a result exists (always true once the run is over) */
    bool resumed;       /* taken from the journal */
    unsigned expected;  /* set of expected statuses */
    bool unexpected;
} rn_entry;

typedef struct rn_run {
    const char *adapter;         /* label: "reference (built-in)" or the .so path */
    const char *adapter_name, *adapter_version;
    const char *device;
    const char *corpus_hash;
    char abi_version[32];
    uint32_t n_files;
    double time_start, time_end; /* seconds since the epoch */
    rn_entry *entries;
    uint32_t n;
    const uint32_t *corpus_index; /* entries[i]'s position in the corpus (NULL: not reported) */
    uint32_t chunk_i, chunk_n;    /* --chunk I/N (chunk_n 0: no chunking) */
    uint32_t n_unchunked;         /* cases the filters select in all chunks together */
} rn_run;

/* Counts per status, and of unexpected results and gaps. */
typedef struct rn_counts {
    uint32_t status[RN_STATUS_COUNT];
    uint32_t unexpected, gaps, impl_defined, total;
} rn_counts;

void rn_count(const rn_run *run, rn_counts *c);

/* The wptreport status of ours (PRECONDITION_FAILED for NOTSUPPORTED, else the same name). */
const char *rn_wpt_status(rn_status s);

/* Reports (report_*.c). Return 0 on success. */
int rn_report_json(const rn_run *run, FILE *f);
int rn_report_junit(const rn_run *run, FILE *f);
int rn_report_html(const rn_run *run, FILE *f);

/* Terminal output (summary.c, progress.c). */
void rn_summary_print(const rn_run *run, FILE *f);
void rn_progress(FILE *f, uint32_t done, uint32_t total, const uint32_t *counts, bool final);

/* Makes text safe for reports: control bytes become spaces, invalid UTF-8 becomes '?'. */
void rn_sanitize(char *s);

#endif
