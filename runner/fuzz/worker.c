/* The worker side of webnn-fuzz: one case through the adapter (build, compute with every
 * result a graph output) and every operation judged (judge.c). Runs inside a pool worker,
 * so whatever the adapter does costs this case only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi_graph.h"
#include "fd_worker.h"
#include "webnn/interp.h"

#define GUARD_BYTES 64
#define GUARD_BYTE 0xA5

static const char *kind_name(int kind)
{
    static const char *const names[] = {"OK", "TypeError", "DataError", "InvalidStateError",
                                        "OperationError", "NotSupportedError", "UnknownError"};
    return kind >= 0 && kind <= WNA_UNKNOWN_ERROR ? names[kind] : "UnknownError";
}

static int start(fd_worker *w, rn_result *r)
{
    if (w->ctx) return 0;
    wna_error err = {0};
    if (w->api->create_context("default", &w->ctx, &err) != 0) {
        w->ctx = NULL;
        r->status = RN_ERROR;
        rn_result_msg(r, "create_context failed with %s: %s", kind_name(err.kind), err.message);
        return -1;
    }
    return 0;
}

void fd_worker_fini(fd_worker *w)
{
    if (w->ctx) w->api->release_context(w->ctx);
    w->ctx = NULL;
}

/* The adapter's value of every operand into act[] (inputs and constants: the case's own). */
static int run_adapter(fd_worker *w, const fd_case *c, const wn_tensor *ref, wn_tensor *act, rn_result *r)
{
    const wn_graph *g = c->g;
    rn_abi_graph ag;
    wn_error werr = {0};
    wna_error err = {0};
    wna_compiled *cg = NULL;
    int rc = -1;
    wna_tensor *ins = calloc(c->n_in + 1, sizeof *ins), *outs = calloc(g->n_outputs + 1, sizeof *outs);
    if (!ins || !outs || rn_abi_graph_build(g, &ag, &werr) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "cannot pass the graph: %s", werr.message[0] ? werr.message : "out of memory");
        free(ins);
        free(outs);
        return -1;
    }
    if (w->api->build(w->ctx, &ag.g, &cg, &err) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "build() failed with %s: %s", kind_name(err.kind), err.message);
        goto done;
    }
    for (uint32_t k = 0; k < c->n_in; k++) {
        ins[k].name = g->operands[wn_graph_input_operand(g, k)].name;
        ins[k].desc = rn_desc_to_abi(&c->in[k].desc);
        ins[k].data = c->in[k].data;
        ins[k].nbytes = c->in[k].nbytes;
    }
    for (uint32_t k = 0; k < g->n_outputs; k++) {
        const wn_operand *o = &g->operands[g->outputs[k]];
        size_t bytes = ref[g->outputs[k]].nbytes;
        outs[k].name = o->name;
        outs[k].desc = rn_desc_to_abi(&o->desc);
        outs[k].nbytes = bytes;
        outs[k].data = malloc(bytes + GUARD_BYTES);
        if (!outs[k].data) goto done;
        memset(outs[k].data, 0, bytes);
        memset((char *)outs[k].data + bytes, GUARD_BYTE, GUARD_BYTES);
    }
    if (w->api->compute(cg, ins, c->n_in, outs, g->n_outputs, &err) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "compute() failed with %s: %s", kind_name(err.kind), err.message);
        goto done;
    }
    for (uint32_t k = 0; k < g->n_outputs; k++) {
        const unsigned char *guard = (const unsigned char *)outs[k].data + ref[g->outputs[k]].nbytes;
        for (int i = 0; i < GUARD_BYTES; i++)
            if (guard[i] != GUARD_BYTE) {
                r->status = RN_ERROR;
                rn_result_msg(r, "the adapter wrote past the end of output \"%s\"", outs[k].name);
                goto done;
            }
    }
    for (uint32_t i = 0; i < g->n_operands; i++)
        if (g->operands[i].kind != WN_OPERAND_RESULT && wn_tensor_copy(&act[i], &ref[i], &werr) != 0) goto done;
    for (uint32_t k = 0; k < g->n_outputs; k++) {
        wn_desc d = rn_desc_from_abi(&outs[k].desc);
        size_t bytes = 0;
        bool ok = outs[k].desc.dtype >= 0 && outs[k].desc.dtype < WNA_DTYPE_COUNT && outs[k].desc.rank <= WNA_MAX_RANK &&
                  wn_desc_bytes(&d, &bytes, &werr) == 0 && bytes == ref[g->outputs[k]].nbytes;
        if (!ok) { /* a wrong descriptor that does not fit the buffer: judged as the expected shape is not there */
            r->status = RN_FAIL;
            snprintf(r->op, sizeof r->op, "%s", g->ops[g->operands[g->outputs[k]].producer].spec->name);
            rn_result_msg(r, "operators[%d] (%s) %s: the adapter reports a descriptor that does not fit the output buffer",
                          g->operands[g->outputs[k]].producer, r->op, outs[k].name);
            goto done;
        }
        act[g->outputs[k]] = (wn_tensor){d, outs[k].data, bytes};
        outs[k].data = NULL;
    }
    rc = 0;
done:
    for (uint32_t k = 0; k < g->n_outputs; k++) free(outs[k].data);
    free(ins);
    free(outs);
    if (cg) w->api->release_graph(cg);
    rn_abi_graph_free(&ag);
    return rc;
}

int fd_worker_eval(fd_worker *w, const fd_case *c, rn_result *r, wn_tensor **ref_out, wn_tensor **act_out, int32_t *bad_op)
{
    const wn_graph *g = c->g;
    wn_error err;
    *bad_op = -1;
    r->status = RN_PASS;
    wn_tensor *ref = calloc(g->n_operands + 1, sizeof *ref), *act = calloc(g->n_operands + 1, sizeof *act);
    if (!ref || !act || fd_values_reference(c, ref, &err) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "the reference cannot run the case: %s", ref && act ? err.message : "out of memory");
        free(ref);
        free(act);
        return -1;
    }
    if (start(w, r) == 0 && run_adapter(w, c, ref, act, r) == 0) {
        size_t used = 0;
        for (uint32_t k = 0; k < g->n_ops; k++) {
            fd_op_verdict v;
            fd_judge_op(w->tol, g, k, act, &v);
            uint32_t idx = 0;
            while (idx < wn_registry_count() && wn_registry_at(idx) != g->ops[k].spec) idx++;
            if (v.j == FD_MISMATCH && r->status == RN_PASS) {
                r->status = RN_FAIL;
                *bad_op = (int32_t)k;
                snprintf(r->op, sizeof r->op, "%s", g->ops[k].spec->name);
                snprintf(r->dtype, sizeof r->dtype, "%s", wn_dtype_name(g->operands[g->ops[k].outputs[0]].desc.dtype));
                w->fail_msg[0] = 0;
                snprintf(w->fail_msg, sizeof w->fail_msg, "%s", v.msg);
            }
            /* which operations were judged, for the coverage count: "j<registry index>" / "o<index>" */
            if (used + 8 < sizeof w->coverage)
                used += (size_t)snprintf(w->coverage + used, sizeof w->coverage - used, "%c%u ", v.j == FD_NOT_JUDGED ? 'o' : 'j', idx);
        }
        if (r->status == RN_FAIL) rn_result_msg(r, "%s", w->fail_msg);
        else rn_result_msg(r, "%s", w->coverage);
        w->coverage[0] = 0;
    }
    if (ref_out) *ref_out = ref;
    else {
        fd_values_free(ref, g->n_operands);
        free(ref);
    }
    if (act_out) *act_out = act;
    else {
        fd_values_free(act, g->n_operands);
        free(act);
    }
    return 0;
}
