/* run-conformance's command line. */
#ifndef RUNNER_CLI_H
#define RUNNER_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define RN_MAX_ARGS 64
#define RN_MAX_VECTORS 4096 /* --vectors: files can be listed one by one */

typedef struct rn_report_req {
    const char *format; /* "json", "junit", "html" */
    const char *path;
} rn_report_req;

typedef struct rn_options {
    const char *adapter;         /* NULL: built-in reference */
    const char *device;
    const char *vectors[RN_MAX_VECTORS];
    uint32_t n_vectors;
    const char *filters[RN_MAX_ARGS];
    uint32_t n_filters;
    uint32_t jobs;               /* 0: number of CPUs */
    double timeout;
    const char *expectations;
    rn_report_req reports[RN_MAX_ARGS];
    uint32_t n_reports;
    uint32_t chunk_i, chunk_n;   /* chunk_n == 0: all */
    const char *resume;
    const char *journal;         /* NULL: default; "" or "none": no journal */
    uint64_t max_tensor_bytes;   /* 0: the reference library's default cap */
    uint64_t max_memory_mb;      /* per worker; 0: no cap */
    bool max_memory_set;         /* false: the default (rn_default_max_memory_mb) */
    bool device_tensors;
    bool list;
    bool help;
    bool quiet;
    bool fail_fast;
} rn_options;

/* Returns 0, or -1 with a message in err (a usage error: exit status 2). */
int rn_parse_args(int argc, char **argv, rn_options *o, char *err, size_t cap);
void rn_usage(FILE *f);

/* The default --max-memory: half the physical memory, or 0 (no cap) in sanitizer builds,
 * whose shadow memory a data-size limit would break. */
uint64_t rn_default_max_memory_mb(void);
bool rn_sanitized_build(void);

#endif
