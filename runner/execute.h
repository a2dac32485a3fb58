/* Running one case against an adapter, inside a worker process: validation (the spec's
 * builder), opSupportLimits, build, compute, comparison -> an rn_result. */
#ifndef RUNNER_EXECUTE_H
#define RUNNER_EXECUTE_H

#include <stdbool.h>

#include "adapter.h"
#include "corpus.h"
#include "result.h"

typedef struct rn_exec {
    const rn_adapter *adapter;
    const char *device;       /* "cpu", "gpu", "npu", "default" */
    bool device_tensors;      /* compute through the adapter's device tensors */
    /* created on the first case, in the worker */
    bool started;
    wna_context *ctx;
    wna_support_limits limits;
    wna_error init_error;     /* kind != 0: context creation failed; every case is ERROR */
} rn_exec;

void rn_exec_init(rn_exec *e, const rn_adapter *adapter, const char *device, bool device_tensors);
void rn_exec_case(rn_exec *e, const rn_case *c, rn_result *r);
void rn_exec_fini(rn_exec *e);

/* The op under test for the report matrix: the graph's op named like the vector file, else
 * its last op. Fills r->op, r->family, r->dtype (from the op's first operand when known). */
void rn_classify(const rn_case *c, rn_result *r);

const char *rn_error_kind_str(int wna_kind);

#endif
