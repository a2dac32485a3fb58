/* Minimizing a finding: fewer operations, smaller dimensions, simpler values, each step kept
 * only while the finding persists (the caller's repro() runs the candidate in isolation). */
#ifndef FD_MINIMIZE_H
#define FD_MINIMIZE_H

#include "fd.h"

typedef bool (*fd_repro_fn)(const fd_case *c, void *ctx);

typedef struct fd_min_stats {
    uint32_t tries;
} fd_min_stats;

/* Replaces *c by the smallest case found. bad_op: the operation the finding is about (-1:
 * unknown, a crash or an error). */
void fd_minimize(fd_case *c, int32_t bad_op, fd_repro_fn repro, void *ctx, fd_min_stats *st);

#endif
