/* The worker pool: cases run in forked worker processes, so an adapter that crashes, aborts,
 * exits or hangs costs that case only. Results come back as JSON lines over a pipe; a worker
 * that dies mid-case yields a CRASH result naming the signal, one that exceeds the timeout is
 * killed (SIGKILL) and yields TIMEOUT; either way the worker is replaced and no case is lost. */
#ifndef RUNNER_POOL_H
#define RUNNER_POOL_H

#include <stdint.h>

#include "result.h"

typedef struct rn_pool_cfg {
    uint32_t jobs;           /* worker processes (>= 1) */
    double timeout;          /* seconds per case */
    void *ctx;
    /* in the worker: run item, fill *out */
    void (*work)(uint32_t item, void *ctx, rn_result *out);
    /* in the worker, before it exits normally (may be NULL) */
    void (*worker_exit)(void *ctx);
    /* in the runner, once per item, in completion order */
    void (*done)(uint32_t item, const rn_result *r, void *ctx);
    /* the test name of an item (for CRASH/TIMEOUT results made by the runner) */
    const char *(*name_of)(uint32_t item, void *ctx);
    /* RLIMIT_DATA of each worker in bytes (0: none): an adapter allocating without bound
     * gets NULL from malloc (or dies) instead of taking the machine's memory */
    uint64_t max_memory_bytes;
    /* in the runner, before each hand-out (may be NULL): true = hand out nothing more; the
     * items never handed out get no result (--fail-fast) */
    int (*stop)(void *ctx);
} rn_pool_cfg;

/* Runs every item exactly once (unless stop() says to end early). Returns 0, or -1 when no worker could be started at all
 * (the remaining items are then reported as ERROR). */
int rn_pool_run(const rn_pool_cfg *cfg, const uint32_t *items, uint32_t n);

/* "SIGSEGV", "SIGABRT", ... or "signal N". */
const char *rn_signal_name(int sig, char *buf, size_t cap);

#endif
