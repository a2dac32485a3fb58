/* The worker side of webnn-fuzz (worker.c). */
#ifndef FD_WORKER_H
#define FD_WORKER_H

#include "fd.h"
#include "result.h"

typedef struct fd_worker {
    const wna_api *api;
    const fd_tol_table *tol;
    wna_context *ctx;          /* created on the first case, in the worker */
    char fail_msg[RN_MESSAGE_MAX];
    char coverage[RN_MESSAGE_MAX];
} fd_worker;

/* Runs case c on the adapter and judges every operation: r->status PASS, FAIL (r->op: the
 * first operation out of tolerance, *bad_op its index), or ERROR (the adapter refused or
 * failed). A PASS message lists the operations judged ("j<registry index>") and not judged
 * ("o<index>"). When ref_out / act_out are given they receive the per-operand values of
 * the reference and the adapter (free with fd_values_free + free). */
int fd_worker_eval(fd_worker *w, const fd_case *c, rn_result *r, wn_tensor **ref_out, wn_tensor **act_out, int32_t *bad_op);
void fd_worker_fini(fd_worker *w);

#endif
