/* Tensor sequences: the runner plays the spec's MLContext. It keeps each MLTensor's state
 * (descriptor, readable, writable, destroyed) and runs the checks of createTensor, writeTensor,
 * readTensor and dispatch (webnn-index.bs, MLContext) before it calls the adapter:
 *   - a step the spec rejects must carry that expectedError, else FAIL; one it accepts must not;
 *   - a rejection the adapter can see too (a write of the wrong byte length; a dispatch with a
 *     tensor bound twice, a missing or extra name, or a descriptor that differs from the
 *     graph's) is also passed to the adapter, which must refuse it with the same kind: a
 *     backend may not compute on tensors the spec refuses;
 *   - what only the MLContext knows (destroyed tensors, readable/writable) is checked here
 *     alone: a destroyed tensor's handle is already released, so it is never passed on.
 * Reads compare with the test's tolerance. An adapter without device tensors is NOTSUPPORTED. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi_graph.h"
#include "sequence.h"
#include "support.h"
#include "webnn/compare.h"
#include "webnn/interp.h"

typedef struct seq_tensor {
    wna_device_tensor *t; /* NULL before creation and after destroy */
    const wn_seq_step *created;
    bool destroyed;
} seq_tensor;

typedef struct seq_run {
    rn_exec *e;
    const wn_vec_case *vc;
    const wn_vec_sequence *s;
    wna_compiled **graphs;
    seq_tensor *tensors;
    rn_result *r;
} seq_run;

/* The spec's verdict on a step: WN_OK, or the kind it throws, with why. */
typedef struct verdict {
    wn_error_kind kind;
    char why[200];
    bool adapter_sees; /* the adapter gets the call and must refuse it too */
} verdict;

static wn_error_kind from_abi(int k)
{
    switch (k) {
    case WNA_TYPE_ERROR: return WN_TYPE_ERROR;
    case WNA_DATA_ERROR: return WN_DATA_ERROR;
    case WNA_INVALID_STATE_ERROR: return WN_INVALID_STATE_ERROR;
    case WNA_OPERATION_ERROR: return WN_OPERATION_ERROR;
    case WNA_NOT_SUPPORTED_ERROR: return WN_NOT_SUPPORTED_ERROR;
    default: return WN_ERROR_KIND_COUNT; /* matches no expected kind */
    }
}

static size_t desc_bytes(const wn_desc *d) { return wn_desc_count(d) * wn_dtype_size(d->dtype); }

static bool same_desc(const wn_desc *a, const wn_desc *b) { return a->dtype == b->dtype && wn_desc_equal_shape(a, b); }

static void set_verdict(verdict *v, wn_error_kind k, bool adapter_sees, const char *why, const char *name)
{
    v->kind = k;
    v->adapter_sees = adapter_sees;
    snprintf(v->why, sizeof v->why, why, name);
}

/* "validate tensors with descriptors" for one side of a dispatch */
static void check_side(const seq_run *sr, const wn_graph *g, const wn_seq_binding *b, uint32_t n, bool outputs,
                       verdict *v)
{
    uint32_t want = outputs ? g->n_outputs : wn_graph_input_count(g);
    if (n != want) {
        set_verdict(v, WN_TYPE_ERROR, true, "%s: the count differs from the graph's", outputs ? "outputs" : "inputs");
        return;
    }
    for (uint32_t j = 0; j < n; j++) {
        int32_t k = wn_graph_find(g, b[j].name);
        bool is_side = false;
        for (uint32_t i = 0; k >= 0 && i < want; i++)
            is_side |= (uint32_t)k == (outputs ? g->outputs[i] : wn_graph_input_operand(g, i));
        if (!is_side) {
            set_verdict(v, WN_TYPE_ERROR, true, "\"%s\" is not named by the graph", b[j].name);
            return;
        }
        if (!same_desc(&sr->tensors[b[j].tensor].created->desc, &g->operands[k].desc)) {
            set_verdict(v, WN_TYPE_ERROR, true, "the tensor bound to \"%s\" has another descriptor", b[j].name);
            return;
        }
    }
}

static void check_dispatch(const seq_run *sr, const wn_seq_step *st, verdict *v)
{
    const wn_graph *g = sr->s->graphs[st->graph];
    uint32_t n = st->n_inputs + st->n_outputs;
    for (uint32_t a = 0; a < n; a++)
        for (uint32_t b = a + 1; b < n; b++) {
            uint32_t ta = a < st->n_inputs ? st->inputs[a].tensor : st->outputs[a - st->n_inputs].tensor;
            uint32_t tb = b < st->n_inputs ? st->inputs[b].tensor : st->outputs[b - st->n_inputs].tensor;
            if (ta == tb) {
                set_verdict(v, WN_TYPE_ERROR, true, "tensor \"%s\" is bound twice", sr->s->tensors[ta]);
                return;
            }
        }
    for (uint32_t a = 0; a < n; a++) {
        uint32_t t = a < st->n_inputs ? st->inputs[a].tensor : st->outputs[a - st->n_inputs].tensor;
        if (sr->tensors[t].destroyed) {
            set_verdict(v, WN_TYPE_ERROR, false, "tensor \"%s\" is destroyed", sr->s->tensors[t]);
            return;
        }
    }
    check_side(sr, g, st->inputs, st->n_inputs, false, v);
    if (v->kind == WN_OK) check_side(sr, g, st->outputs, st->n_outputs, true, v);
}

static void check_step(const seq_run *sr, const wn_seq_step *st, verdict *v)
{
    memset(v, 0, sizeof *v);
    const seq_tensor *t = &sr->tensors[st->tensor];
    switch (st->kind) {
    case WN_SEQ_WRITE:
        if (t->destroyed) set_verdict(v, WN_TYPE_ERROR, false, "writeTensor: \"%s\" is destroyed", sr->s->tensors[st->tensor]);
        else if (!t->created->writable)
            set_verdict(v, WN_TYPE_ERROR, false, "writeTensor: \"%s\" is not writable", sr->s->tensors[st->tensor]);
        else if (st->data.nbytes != desc_bytes(&t->created->desc))
            set_verdict(v, WN_TYPE_ERROR, true, "writeTensor: the data's byte length differs from \"%s\"",
                        sr->s->tensors[st->tensor]);
        break;
    case WN_SEQ_READ:
        if (t->destroyed) set_verdict(v, WN_TYPE_ERROR, false, "readTensor: \"%s\" is destroyed", sr->s->tensors[st->tensor]);
        else if (!t->created->readable)
            set_verdict(v, WN_TYPE_ERROR, false, "readTensor: \"%s\" is not readable", sr->s->tensors[st->tensor]);
        break;
    case WN_SEQ_DISPATCH: check_dispatch(sr, st, v); break;
    default: break;
    }
}

static int fail_step(seq_run *sr, uint32_t i, rn_status status, const char *fmt, const char *a, const char *b)
{
    char msg[600];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    sr->r->status = status;
    rn_result_msg(sr->r, "steps[%u]: %s", i, msg);
    return -1;
}

/* Runs the adapter call of a step; returns its rc and error. */
static int call_adapter(seq_run *sr, const wn_seq_step *st, wna_error *err)
{
    const wna_api *api = sr->e->adapter->api;
    seq_tensor *t = &sr->tensors[st->tensor];
    switch (st->kind) {
    case WN_SEQ_WRITE: return api->write_tensor(t->t, st->data.data, st->data.nbytes, err);
    case WN_SEQ_DISPATCH: {
        uint32_t n = st->n_inputs + st->n_outputs;
        const char **names = calloc(n + 1, sizeof *names);
        wna_device_tensor **ts = calloc(n + 1, sizeof *ts);
        int rc = -1;
        if (names && ts) {
            for (uint32_t j = 0; j < n; j++) {
                const wn_seq_binding *b = j < st->n_inputs ? &st->inputs[j] : &st->outputs[j - st->n_inputs];
                names[j] = b->name;
                ts[j] = sr->tensors[b->tensor].t;
            }
            rc = api->dispatch(sr->graphs[st->graph], names, ts, st->n_inputs, names + st->n_inputs,
                               ts + st->n_inputs, st->n_outputs, err);
        } else {
            snprintf(err->message, sizeof err->message, "out of memory");
        }
        free(names);
        free(ts);
        return rc;
    }
    default: return 0;
    }
}

/* A read: the adapter's bytes against the expected contents. */
static int read_and_compare(seq_run *sr, uint32_t i, const wn_seq_step *st)
{
    seq_tensor *t = &sr->tensors[st->tensor];
    const char *name = sr->s->tensors[st->tensor];
    wn_tensor got = {t->created->desc, NULL, desc_bytes(&t->created->desc)};
    got.data = calloc(1, got.nbytes ? got.nbytes : 1);
    wna_error err = {0};
    if (!got.data) return fail_step(sr, i, RN_ERROR, "out of memory reading \"%s\"%s", name, NULL);
    int rc = 0;
    if (sr->e->adapter->api->read_tensor(t->t, got.data, got.nbytes, &err) != 0) {
        rc = fail_step(sr, i, RN_ERROR, "readTensor(\"%s\") failed: %s", name, err.message);
    } else {
        wn_compare_result cr = {0};
        wn_compare(&st->data, &got, sr->vc->has_tolerance ? &sr->vc->tolerance : NULL, &cr);
        if (sr->r->n_outputs < RN_MAX_OUTPUT_STATS) {
            rn_output_stats *s = &sr->r->outputs[sr->r->n_outputs++];
            snprintf(s->name, sizeof s->name, "steps[%u] %s", i, name);
            s->shape_ok = cr.shape_ok;
            s->n_elements = cr.n_elements;
            s->n_bad = cr.n_bad;
            s->max_ulp = cr.max_ulp;
            s->max_abs = cr.max_abs;
            s->worst_index = cr.worst_index;
            s->worst_expected = cr.worst_expected;
            s->worst_actual = cr.worst_actual;
            snprintf(s->tol_metric, sizeof s->tol_metric, "%s",
                     cr.applied.metric == WN_TOL_ULP ? "ULP" : cr.applied.metric == WN_TOL_ATOL ? "ATOL" : "exact");
            s->tol_value = cr.applied.value;
            s->tol_floor = cr.applied.absolute_floor;
        }
        if (!cr.pass) {
            char buf[300];
            rc = fail_step(sr, i, RN_FAIL, "readTensor(\"%s\"): %s", name, wn_compare_str(&cr, buf, sizeof buf));
        }
    }
    free(got.data);
    return rc;
}

static int run_step(seq_run *sr, uint32_t i)
{
    const wn_seq_step *st = &sr->s->steps[i];
    const wna_api *api = sr->e->adapter->api;
    seq_tensor *t = &sr->tensors[st->tensor];
    wna_error err = {0};
    if (st->kind == WN_SEQ_CREATE) {
        wna_desc d = rn_desc_to_abi(&st->desc);
        t->created = st;
        if (api->create_tensor(sr->e->ctx, &d, &t->t, &err) != 0) {
            t->t = NULL;
            return fail_step(sr, i, RN_ERROR, "createTensor(\"%s\") failed: %s", sr->s->tensors[st->tensor], err.message);
        }
        return 0;
    }
    if (st->kind == WN_SEQ_DESTROY) { /* idempotent */
        if (t->t) api->release_tensor(t->t);
        t->t = NULL;
        t->destroyed = true;
        return 0;
    }
    verdict v;
    check_step(sr, st, &v);
    const char *want = wn_error_kind_name(st->expected_error);
    if (v.kind != st->expected_error) {
        if (v.kind == WN_OK) return fail_step(sr, i, RN_FAIL, "the spec accepts this step, the vector expects %s%s", want, NULL);
        char k[48];
        snprintf(k, sizeof k, "%s", wn_error_kind_name(v.kind));
        return fail_step(sr, i, RN_FAIL, "the spec throws %s (%s), the vector expects otherwise", k, v.why);
    }
    if (v.kind != WN_OK && !v.adapter_sees) return 0;
    int rc = call_adapter(sr, st, &err);
    if (v.kind != WN_OK) {
        if (rc == 0) return fail_step(sr, i, RN_FAIL, "the adapter accepted a call the spec rejects (%s): %s", v.why, want);
        if (from_abi(err.kind) != v.kind)
            return fail_step(sr, i, RN_FAIL, "the adapter refused with another kind than %s: %s", want, err.message);
        return 0;
    }
    if (rc != 0) return fail_step(sr, i, RN_ERROR, "the adapter failed a valid step: %s%s", err.message, NULL);
    return st->kind == WN_SEQ_READ ? read_and_compare(sr, i, st) : 0;
}

/* Validates, checks the limits of, and builds every graph; 0 when all built. */
static int build_graphs(seq_run *sr)
{
    char msg[512];
    for (uint32_t k = 0; k < sr->s->n_graphs; k++) {
        wn_graph *g = sr->s->graphs[k];
        wn_error werr = {0};
        if (wn_graph_validate(g, &werr) != 0) {
            sr->r->status = RN_ERROR;
            rn_result_msg(sr->r, "graphs[%u]: the spec's builder rejects it: %s", k, werr.message);
            return -1;
        }
        if (rn_support_ops_present(g, &sr->e->limits, msg, sizeof msg) != 0 ||
            rn_support_check(g, &sr->e->limits, msg, sizeof msg) != 0) {
            sr->r->status = RN_NOTSUPPORTED;
            rn_result_msg(sr->r, "graphs[%u]: %s", k, msg);
            return -1;
        }
        rn_abi_graph ag;
        wna_error err = {0};
        if (rn_abi_graph_build(g, &ag, &werr) != 0) {
            sr->r->status = RN_ERROR;
            rn_result_msg(sr->r, "graphs[%u]: %s", k, werr.message);
            return -1;
        }
        int rc = sr->e->adapter->api->build(sr->e->ctx, &ag.g, &sr->graphs[k], &err);
        rn_abi_graph_free(&ag);
        if (rc != 0) {
            sr->graphs[k] = NULL;
            sr->r->status = RN_ERROR;
            rn_result_msg(sr->r, "graphs[%u]: build() failed: %s", k, err.message);
            return -1;
        }
    }
    return 0;
}

void rn_exec_sequence(rn_exec *e, const rn_case *c, rn_result *r)
{
    const wn_vec_sequence *s = c->vc->sequence;
    if (!e->adapter->has_tensors) {
        r->status = RN_NOTSUPPORTED;
        rn_result_msg(r, "the adapter has no device tensors (MLTensor)");
        return;
    }
    seq_run sr = {e, c->vc, s, calloc(s->n_graphs + 1, sizeof(wna_compiled *)),
                  calloc(s->n_tensors + 1, sizeof(seq_tensor)), r};
    if (!sr.graphs || !sr.tensors) {
        r->status = RN_ERROR;
        rn_result_msg(r, "out of memory");
    } else if (build_graphs(&sr) == 0) {
        uint32_t i = 0;
        while (i < s->n_steps && run_step(&sr, i) == 0) i++;
        if (i == s->n_steps) {
            r->status = RN_PASS;
            rn_result_msg(r, "%u steps on %u graphs and %u tensors", s->n_steps, s->n_graphs, s->n_tensors);
        }
    }
    for (uint32_t k = 0; sr.tensors && k < s->n_tensors; k++)
        if (sr.tensors[k].t) e->adapter->api->release_tensor(sr.tensors[k].t);
    for (uint32_t k = 0; sr.graphs && k < s->n_graphs; k++)
        if (sr.graphs[k]) e->adapter->api->release_graph(sr.graphs[k]);
    free(sr.graphs);
    free(sr.tensors);
}
