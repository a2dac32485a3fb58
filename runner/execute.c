/* One case, start to end. The order of the checks is the status model:
 *   malformed vector -> ERROR
 *   validation vector: the spec's builder (wn_graph_validate) and the adapter's optional
 *     validate hook must both reject with the expected kind -> PASS, else FAIL
 *   an op missing from opSupportLimits -> NOTSUPPORTED
 *   the spec's builder rejects a valid graph -> ERROR (the vector or the reference is wrong)
 *   an operand outside opSupportLimits -> NOTSUPPORTED (+ gap when inside the required set)
 *   build or compute error -> ERROR
 *   outputs compared under the vector's tolerance -> PASS / FAIL (implementation-defined
 *     cases: PASS with the numbers, not judged) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abi_graph.h"
#include "execute.h"
#include "run.h"
#include "sequence.h"
#include "support.h"
#include "wpt_ids.h"
#include "webnn/compare.h"
#include "webnn/interp.h"

#define GUARD_BYTES 64
#define GUARD_BYTE 0xA5
/* Outputs start as 0xFF bytes (NaN in both float types, -1 or the maximum in the integer
 * types), not zeros: an element a backend never writes then fails instead of passing for an
 * expected 0 (a max-pool that leaves a channel's -Infinity start out, say). */
#define UNWRITTEN_BYTE 0xFF

static const char *const kind_names[] = {"OK", "TypeError", "DataError", "InvalidStateError",
                                         "OperationError", "NotSupportedError", "UnknownError"};

const char *rn_error_kind_str(int kind)
{
    return kind >= 0 && kind <= WNA_UNKNOWN_ERROR ? kind_names[kind] : "UnknownError";
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void rn_exec_init(rn_exec *e, const rn_adapter *adapter, const char *device, bool device_tensors)
{
    memset(e, 0, sizeof *e);
    e->adapter = adapter;
    e->device = device ? device : WNA_DEVICE_DEFAULT;
    e->device_tensors = device_tensors;
}

static void start(rn_exec *e)
{
    if (e->started) return;
    e->started = true;
    const wna_api *api = e->adapter->api;
    if (api->create_context(e->device, &e->ctx, &e->init_error) != 0) {
        if (e->init_error.kind == WNA_OK) e->init_error.kind = WNA_UNKNOWN_ERROR;
        e->ctx = NULL;
        return;
    }
    if (api->op_support_limits(e->ctx, &e->limits, &e->init_error) != 0) {
        if (e->init_error.kind == WNA_OK) e->init_error.kind = WNA_UNKNOWN_ERROR;
        return;
    }
}

void rn_exec_fini(rn_exec *e)
{
    if (e->ctx) e->adapter->api->release_context(e->ctx);
    e->ctx = NULL;
}

/* ---- classification for the reports ---- */

static bool stem_is(const char *file, const char *op)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(op);
    return strncmp(base, op, n) == 0 && (strcmp(base + n, ".json") == 0);
}

void rn_classify(const rn_case *c, rn_result *r)
{
    if (c->vc && c->vc->sequence) { /* tensor sequences: one row of their own */
        snprintf(r->op, sizeof r->op, "MLTensor");
        snprintf(r->family, sizeof r->family, "mltensor");
        return;
    }
    if (!c->vc || !c->vc->graph || c->vc->graph->n_ops == 0) {
        snprintf(r->op, sizeof r->op, "?");
        snprintf(r->family, sizeof r->family, "?");
        return;
    }
    const wn_graph *g = c->vc->graph;
    const wn_operation *op = &g->ops[g->n_ops - 1];
    for (uint32_t i = 0; i < g->n_ops; i++)
        if (stem_is(c->file_name, g->ops[i].spec->name)) op = &g->ops[i];
    snprintf(r->op, sizeof r->op, "%s", op->spec->name);
    snprintf(r->family, sizeof r->family, "%s", op->spec->family);
    for (uint32_t p = 0; p < op->spec->n_params; p++) {
        const wn_value *v = &op->args[p];
        uint32_t k = v->kind == WN_V_OPERAND ? v->u.operand
                     : v->kind == WN_V_OPERAND_LIST && v->count ? v->u.operands[0] : UINT32_MAX;
        if (k == UINT32_MAX) continue;
        if (g->operands[k].desc_known) snprintf(r->dtype, sizeof r->dtype, "%s", wn_dtype_name(g->operands[k].desc.dtype));
        break;
    }
}

/* ---- validation vectors ---- */

static void run_validation(rn_exec *e, const wn_vec_case *vc, int hook_rc, const wna_error *hook_err, rn_result *r)
{
    wn_error err = {0};
    const char *want = wn_error_kind_name(vc->expected_error);
    if (wn_graph_validate(vc->graph, &err) == 0) {
        r->status = RN_FAIL;
        rn_result_msg(r, "the graph was accepted, expected %s", want);
    } else if (err.kind == WN_NOT_IMPLEMENTED) {
        r->status = RN_ERROR;
        rn_result_msg(r, "the reference builder cannot validate this graph: %s", err.message);
    } else if (err.kind != vc->expected_error) {
        r->status = RN_FAIL;
        rn_result_msg(r, "rejected with %s, expected %s: %s", wn_error_kind_name(err.kind), want, err.message);
    } else if (e->adapter->api->validate && hook_rc == 0) {
        r->status = RN_FAIL;
        rn_result_msg(r, "the adapter's validate() accepted the graph, expected %s", want);
    } else if (e->adapter->api->validate && strcmp(rn_error_kind_str(hook_err->kind), want) != 0) {
        r->status = RN_FAIL;
        rn_result_msg(r, "the adapter's validate() rejected with %s, expected %s: %s",
                      rn_error_kind_str(hook_err->kind), want, hook_err->message);
    } else {
        r->status = RN_PASS;
        rn_result_msg(r, "rejected with %s: %s", want, err.message);
    }
}

/* ---- compute and compare ---- */

typedef struct outputs {
    wna_tensor *t;
    uint32_t n;
    size_t *capacity;
} outputs;

static void outputs_free(outputs *o)
{
    for (uint32_t k = 0; o->t && k < o->n; k++) free(o->t[k].data);
    free(o->t);
    free(o->capacity);
    memset(o, 0, sizeof *o);
}

static int outputs_alloc(const wn_graph *g, outputs *o)
{
    o->n = g->n_outputs;
    o->t = calloc(o->n + 1, sizeof *o->t);
    o->capacity = calloc(o->n + 1, sizeof *o->capacity);
    if (!o->t || !o->capacity) return -1;
    for (uint32_t k = 0; k < o->n; k++) {
        const wn_operand *op = &g->operands[g->outputs[k]];
        size_t bytes = wn_desc_count(&op->desc) * wn_dtype_size(op->desc.dtype);
        o->t[k].name = op->name;
        o->t[k].desc = rn_desc_to_abi(&op->desc);
        o->t[k].nbytes = o->capacity[k] = bytes;
        o->t[k].data = malloc(bytes + GUARD_BYTES);
        if (!o->t[k].data) return -1;
        wn_alloc_advise_large(o->t[k].data, bytes);
        memset(o->t[k].data, UNWRITTEN_BYTE, bytes);
        memset((char *)o->t[k].data + bytes, GUARD_BYTE, GUARD_BYTES);
    }
    return 0;
}

static bool guard_intact(const outputs *o, uint32_t k)
{
    const unsigned char *g = (const unsigned char *)o->t[k].data + o->capacity[k];
    for (int i = 0; i < GUARD_BYTES; i++)
        if (g[i] != GUARD_BYTE) return false;
    return true;
}

/* compute() through host buffers. */
static int compute_host(rn_exec *e, wna_compiled *cg, const wn_vec_case *vc, outputs *o, wna_error *err)
{
    wna_tensor *ins = calloc(vc->n_inputs + 1, sizeof *ins);
    if (!ins) {
        snprintf(err->message, sizeof err->message, "out of memory");
        return -1;
    }
    for (uint32_t k = 0; k < vc->n_inputs; k++) {
        ins[k].name = vc->inputs[k].name;
        ins[k].desc = rn_desc_to_abi(&vc->inputs[k].tensor.desc);
        ins[k].data = vc->inputs[k].tensor.data;
        ins[k].nbytes = vc->inputs[k].tensor.nbytes;
    }
    int rc = e->adapter->api->compute(cg, ins, vc->n_inputs, o->t, o->n, err);
    free(ins);
    return rc;
}

/* The same through device tensors: create, write, dispatch, read. */
static int compute_tensors(rn_exec *e, wna_compiled *cg, const wn_vec_case *vc, outputs *o, wna_error *err)
{
    const wna_api *api = e->adapter->api;
    uint32_t n = vc->n_inputs + o->n;
    wna_device_tensor **t = calloc(n + 1, sizeof *t);
    const char **names = calloc(n + 1, sizeof *names);
    int rc = -1;
    if (!t || !names) goto done;
    for (uint32_t k = 0; k < vc->n_inputs; k++) {
        wna_desc d = rn_desc_to_abi(&vc->inputs[k].tensor.desc);
        names[k] = vc->inputs[k].name;
        if (api->create_tensor(e->ctx, &d, &t[k], err) != 0 ||
            api->write_tensor(t[k], vc->inputs[k].tensor.data, vc->inputs[k].tensor.nbytes, err) != 0)
            goto done;
    }
    for (uint32_t k = 0; k < o->n; k++) {
        names[vc->n_inputs + k] = o->t[k].name;
        if (api->create_tensor(e->ctx, &o->t[k].desc, &t[vc->n_inputs + k], err) != 0) goto done;
    }
    if (api->dispatch(cg, names, t, vc->n_inputs, names + vc->n_inputs, t + vc->n_inputs, o->n, err) != 0) goto done;
    for (uint32_t k = 0; k < o->n; k++)
        if (api->read_tensor(t[vc->n_inputs + k], o->t[k].data, o->capacity[k], err) != 0) goto done;
    rc = 0;
done:
    for (uint32_t k = 0; t && k < n; k++)
        if (t[k]) api->release_tensor(t[k]);
    free(t);
    free(names);
    return rc;
}

_Static_assert(RN_ULP_BUCKETS == WN_ULP_BUCKETS, "the result carries the comparison's histogram");

static void stats_from(const wn_compare_result *cr, const char *name, rn_output_stats *s)
{
    snprintf(s->name, sizeof s->name, "%s", name);
    s->shape_ok = cr->shape_ok;
    s->n_elements = cr->n_elements;
    s->n_bad = cr->n_bad;
    s->max_ulp = cr->max_ulp;
    s->max_abs = cr->max_abs;
    s->worst_index = cr->worst_index;
    s->worst_expected = cr->worst_expected;
    s->worst_actual = cr->worst_actual;
    snprintf(s->tol_metric, sizeof s->tol_metric, "%s",
             cr->applied.metric == WN_TOL_ULP ? "ULP" : cr->applied.metric == WN_TOL_ATOL ? "ATOL" : "exact");
    s->tol_value = cr->applied.value;
    s->tol_floor = cr->applied.absolute_floor;
    memcpy(s->ulp_hist, cr->ulp_hist, sizeof s->ulp_hist);
}

/* Compares every expected output; sets status and message. */
static void judge(const wn_vec_case *vc, const wn_graph *g, const outputs *o, rn_result *r)
{
    char buf[400];
    size_t used = 0;
    bool pass = true;
    r->status = RN_PASS;
    r->message[0] = 0;
    for (uint32_t k = 0; k < vc->n_expected && k < o->n; k++) {
        const wn_tensor *exp = &vc->expected[k].tensor;
        rn_output_stats *s = k < RN_MAX_OUTPUT_STATS ? &r->outputs[r->n_outputs++] : NULL;
        wn_tensor act = {rn_desc_from_abi(&o->t[k].desc), o->t[k].data, o->capacity[k]};
        bool desc_ok = o->t[k].desc.dtype >= 0 && o->t[k].desc.dtype < WNA_DTYPE_COUNT &&
                       o->t[k].desc.rank <= WNA_MAX_RANK &&
                       wn_desc_count(&act.desc) * wn_dtype_size(act.desc.dtype) == o->capacity[k];
        wn_compare_result cr = {0};
        if (desc_ok) wn_compare(exp, &act, vc->has_tolerance ? &vc->tolerance : NULL, &cr);
        else cr.applied = vc->has_tolerance ? vc->tolerance : (wn_tolerance){WN_TOL_EXACT, 0, 0};
        const char *name = g->operands[g->outputs[k]].name;
        if (s) stats_from(&cr, name, s);
        if (!cr.shape_ok) {
            if (s) snprintf(s->actual_desc, sizeof s->actual_desc, "%s", wn_desc_str(&act.desc, buf, sizeof buf));
            used += (size_t)snprintf(r->message + used, sizeof r->message - used, "%s%s: got %s, expected %s",
                                     used ? "; " : "", name, wn_desc_str(&act.desc, buf, sizeof buf),
                                     wn_desc_str(&exp->desc, buf + 200, 200));
            pass = false;
        } else if (!cr.pass && !vc->implementation_defined) {
            pass = false;
            used += (size_t)snprintf(r->message + used, sizeof r->message - used, "%s%s: %s", used ? "; " : "",
                                     name, wn_compare_str(&cr, buf, sizeof buf));
        }
        if (used >= sizeof r->message) used = sizeof r->message - 1;
    }
    if (vc->implementation_defined && pass) rn_result_msg(r, "implementation-defined: values reported, not judged");
    if (!pass) r->status = RN_FAIL;
}

/* A process adapter whose process died during the call: CRASH, like an in-process crash. */
static void adapter_lost(const rn_exec *e, rn_result *r)
{
    char msg[WNA_ERROR_MESSAGE_MAX];
    if (!e->adapter->take_crash || !e->adapter->take_crash(msg, sizeof msg)) return;
    r->status = RN_CRASH;
    rn_result_msg(r, "%s", msg);
}

static void run_graph(rn_exec *e, const rn_case *c, rn_result *r)
{
    const wn_vec_case *vc = c->vc;
    const wna_api *api = e->adapter->api;
    rn_abi_graph ag;
    wn_error werr = {0};
    wna_error err = {0};
    wna_compiled *cg = NULL;
    outputs o = {0};
    if (rn_abi_graph_build(vc->graph, &ag, &werr) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "%s", werr.message);
        return;
    }
    if (api->build(e->ctx, &ag.g, &cg, &err) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "build() failed with %s: %s", rn_error_kind_str(err.kind), err.message);
        adapter_lost(e, r);
        goto done;
    }
    wn_vec_case_shrink_constants(c->vc); /* build() has copied them (ABI) */
    if (outputs_alloc(vc->graph, &o) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "out of memory allocating the outputs");
        goto done;
    }
    int rc = e->device_tensors && e->adapter->has_tensors ? compute_tensors(e, cg, vc, &o, &err)
                                                          : compute_host(e, cg, vc, &o, &err);
    if (rc != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "%s failed with %s: %s", e->device_tensors ? "dispatch()" : "compute()",
                      rn_error_kind_str(err.kind), err.message);
        adapter_lost(e, r);
        goto done;
    }
    for (uint32_t k = 0; k < o.n; k++)
        if (!guard_intact(&o, k)) {
            r->status = RN_ERROR;
            rn_result_msg(r, "the adapter wrote past the end of output \"%s\"", o.t[k].name);
            goto done;
        }
    judge(vc, vc->graph, &o, r);
done:
    outputs_free(&o);
    if (cg) api->release_graph(cg);
    rn_abi_graph_free(&ag);
}

/* --max-tensor-bytes for the tensors known only after validation (intermediate results and
 * outputs; inputs and constants were checked when loading): before any buffer is made. */
static bool over_tensor_cap(const wn_graph *g, char *msg, size_t cap)
{
    size_t limit = wn_tensor_byte_cap();
    for (uint32_t k = 0; limit && k < g->n_operands; k++) {
        const wn_operand *o = &g->operands[k];
        size_t bytes;
        wn_error err;
        bool over = wn_desc_bytes(&o->desc, &bytes, &err) != 0 || bytes > limit;
        if (!over) continue;
        bool is_output = false;
        for (uint32_t i = 0; i < g->n_outputs; i++) is_output |= g->outputs[i] == k;
        char role[96], d[160];
        if (o->kind == WN_OPERAND_RESULT)
            snprintf(role, sizeof role, "%s of operators[%d] (%s)", is_output ? "output" : "intermediate result",
                     o->producer, g->ops[o->producer].spec->name);
        else
            snprintf(role, sizeof role, "%s", o->kind == WN_OPERAND_INPUT ? "input" : "constant");
        snprintf(msg, cap, "tensor \"%s\" (%s) %s has %zu bytes, over the cap of %zu bytes (--max-tensor-bytes)",
                 o->name, role, wn_desc_str(&o->desc, d, sizeof d), bytes, limit);
        return true;
    }
    return false;
}

static void run_case(rn_exec *e, const rn_case *c, rn_result *r)
{
    const wn_vec_case *vc = c->vc;
    if (!vc) {
        r->status = RN_ERROR;
        rn_result_msg(r, "the vector file cannot be read: %s", c->file_error);
        return;
    }
    if (vc->format_error.kind == WN_RESOURCE_ERROR) { /* over the tensor byte cap, or out of memory */
        r->status = RN_ERROR;
        rn_result_msg(r, "cannot load this case: %s", vc->format_error.message);
        return;
    }
    if (vc->format_error.kind != WN_OK) {
        r->status = RN_ERROR;
        rn_result_msg(r, "malformed vector: %s", vc->format_error.message);
        return;
    }
    r->validation = vc->expected_error != WN_OK;
    r->implementation_defined = vc->implementation_defined;
    start(e);
    if (e->init_error.kind != WNA_OK) {
        r->status = RN_ERROR;
        rn_result_msg(r, "the adapter cannot create a %s context: %s: %s", e->device,
                      rn_error_kind_str(e->init_error.kind), e->init_error.message);
        return;
    }
    if (vc->sequence) {
        rn_exec_sequence(e, c, r);
        return;
    }
    /* the adapter's own validation sees the raw graph, before ours fills in descriptors */
    int hook_rc = 0;
    wna_error hook_err = {0};
    if (e->adapter->api->validate) {
        rn_abi_graph raw;
        wn_error werr = {0};
        if (rn_abi_graph_build(vc->graph, &raw, &werr) != 0) {
            r->status = RN_ERROR;
            rn_result_msg(r, "%s", werr.message);
            return;
        }
        hook_rc = e->adapter->api->validate(e->ctx, &raw.g, &hook_err);
        rn_abi_graph_free(&raw);
    }
    if (r->validation) {
        run_validation(e, vc, hook_rc, &hook_err, r);
        return;
    }
    char msg[512];
    if (rn_support_ops_present(vc->graph, &e->limits, msg, sizeof msg) != 0) {
        r->status = RN_NOTSUPPORTED;
        rn_result_msg(r, "%s", msg);
        /* descriptors are unknown without validation; validate only to decide the gap */
        wn_error ignored = {0};
        r->gap = vc->required && wn_graph_validate(vc->graph, &ignored) == 0 && rn_support_required(vc->graph);
        return;
    }
    wn_error err = {0};
    if (wn_graph_validate(vc->graph, &err) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "the spec's builder rejects this graph (%s): %s", wn_error_kind_name(err.kind), err.message);
        return;
    }
    if (over_tensor_cap(vc->graph, msg, sizeof msg)) {
        r->status = RN_ERROR;
        rn_result_msg(r, "%s", msg);
        return;
    }
    if (hook_rc != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "the adapter's validate() rejected a valid graph with %s: %s",
                      rn_error_kind_str(hook_err.kind), hook_err.message);
        return;
    }
    if (rn_support_check(vc->graph, &e->limits, msg, sizeof msg) != 0) {
        r->status = RN_NOTSUPPORTED;
        rn_result_msg(r, "%s", msg);
        r->gap = vc->required && rn_support_required(vc->graph);
        return;
    }
    run_graph(e, c, r);
}

void rn_exec_case(rn_exec *e, const rn_case *c, rn_result *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->test, sizeof r->test, "%s", c->name);
    double t0 = now();
    wn_error ferr = {0};
    /* filled inputs and constants get their bytes only now, in the worker, for this case */
    if (c->vc && c->vc->format_error.kind == WN_OK && wn_vec_case_expand(c->vc, &ferr) != 0) {
        r->status = RN_ERROR;
        rn_result_msg(r, "cannot load this case: %s", ferr.message);
    } else {
        run_case(e, c, r);
    }
    if (c->vc) wn_vec_case_shrink(c->vc);
    r->duration = now() - t0;
    rn_classify(c, r);
    rn_sanitize(r->message);
    if (c->wpt_path) rn_wpt_ids(c, e->device, r);
    if (c->vc && c->vc->warnings) {
        snprintf(r->warning, sizeof r->warning, "%s", c->vc->warnings);
        rn_sanitize(r->warning);
    }
    if (r->gap) {
        size_t n = strlen(r->message);
        snprintf(r->message + n, sizeof r->message - n, " [conformance gap: inside the spec's required types and ranks]");
    }
}
