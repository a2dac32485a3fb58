/* The reference adapter: contexts, opSupportLimits from the registry (only operations the
 * interpreter implements), build = rebuild + validate the IR, compute = interpret.
 * Device tensors are host memory here; they exist so the runner's MLTensor path is tested. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference_adapter.h"
#include "webnn/interp.h"

struct wna_context {
    wna_support_limits limits;
    wna_op_limits *ops;
    wna_operand_limits *operands; /* all ops' entries, one array */
    char (*output_names)[24];     /* "output0".. per output rule, one array */
};

struct wna_compiled {
    wn_graph *graph;
};

struct wna_device_tensor {
    wn_tensor t;
};

static int fail_from(wna_error *out, const wn_error *e)
{
    if (!out) return -1;
    switch (e->kind) {
    case WN_TYPE_ERROR: out->kind = WNA_TYPE_ERROR; break;
    case WN_DATA_ERROR: out->kind = WNA_DATA_ERROR; break;
    case WN_INVALID_STATE_ERROR: out->kind = WNA_INVALID_STATE_ERROR; break;
    case WN_NOT_SUPPORTED_ERROR: case WN_NOT_IMPLEMENTED: out->kind = WNA_NOT_SUPPORTED_ERROR; break;
    case WN_OPERATION_ERROR: case WN_RESOURCE_ERROR: out->kind = WNA_OPERATION_ERROR; break;
    default: out->kind = WNA_UNKNOWN_ERROR; break;
    }
    snprintf(out->message, sizeof out->message, "%s", e->message);
    return -1;
}

static int fail_msg(wna_error *out, int kind, const char *msg)
{
    if (out) {
        out->kind = kind;
        snprintf(out->message, sizeof out->message, "%s", msg);
    }
    return -1;
}

/* ---- opSupportLimits ---- */

static bool implemented(const wn_op_spec *op)
{
    const wn_op_impl *impl = wn_registry_impl(op);
    return impl->build && impl->compute;
}

static bool is_operand_param(const wn_param_spec *p)
{
    return p->kind == WN_P_OPERAND || p->kind == WN_P_OPERAND_LIST;
}

/* The allowed set of a rule, following "same type as" to the rule it refers to. */
static uint32_t allowed_types(const wn_op_spec *op, const wn_operand_rule *r)
{
    for (int hops = 0; r->same_type_as >= 0 && hops < 8; hops++) r = &op->params[r->same_type_as].rule;
    return r->allowed;
}

static wna_operand_limits rule_limits(const wn_op_spec *op, const char *name, const wn_operand_rule *r)
{
    wna_operand_limits l = {name, allowed_types(op, r), r->min_rank,
                            r->max_rank == WN_RANK_ANY ? WN_MAX_RANK : r->max_rank};
    return l;
}

static uint32_t count_entries(const wn_op_spec *op)
{
    uint32_t n = op->n_output_rules;
    for (uint32_t p = 0; p < op->n_params; p++) n += is_operand_param(&op->params[p]);
    return n;
}

static const char *output_name(const wn_op_spec *op, uint32_t k, char *buf, size_t cap)
{
    if (op->n_output_rules == 1) return op->multi_output ? "outputs" : "output";
    snprintf(buf, cap, "output%u", k);
    return buf;
}

static int build_limits(wna_context *c, wna_error *err)
{
    uint32_t n_ops = 0, n_entries = 0, n_out = 0;
    for (uint32_t i = 0; i < wn_registry_count(); i++) {
        const wn_op_spec *op = wn_registry_at(i);
        if (!implemented(op)) continue;
        n_ops++;
        n_entries += count_entries(op);
        n_out += op->n_output_rules;
    }
    c->ops = calloc(n_ops ? n_ops : 1, sizeof *c->ops);
    c->operands = calloc(n_entries ? n_entries : 1, sizeof *c->operands);
    c->output_names = calloc(n_out ? n_out : 1, sizeof *c->output_names);
    if (!c->ops || !c->operands || !c->output_names) return fail_msg(err, WNA_OPERATION_ERROR, "out of memory");
    uint32_t oi = 0, ei = 0, ni = 0;
    for (uint32_t i = 0; i < wn_registry_count(); i++) {
        const wn_op_spec *op = wn_registry_at(i);
        if (!implemented(op)) continue;
        wna_op_limits *ol = &c->ops[oi++];
        ol->op = op->name;
        ol->operands = &c->operands[ei];
        for (uint32_t p = 0; p < op->n_params; p++)
            if (is_operand_param(&op->params[p]))
                c->operands[ei++] = rule_limits(op, op->params[p].name, &op->params[p].rule);
        for (uint32_t k = 0; k < op->n_output_rules; k++) {
            char *name = c->output_names[ni++], buf[24];
            snprintf(name, sizeof c->output_names[0], "%s", output_name(op, k, buf, sizeof buf));
            /* output rules refer to params for "same type as" */
            wna_operand_limits l = rule_limits(op, name, &op->output_rules[k]);
            if (op->output_rules[k].same_type_as >= 0)
                l.data_types = allowed_types(op, &op->params[op->output_rules[k].same_type_as].rule);
            /* the interpreter runs whatever result rank its builder infers */
            l.min_rank = 0;
            l.max_rank = WN_MAX_RANK;
            c->operands[ei++] = l;
        }
        ol->n_operands = (uint32_t)(&c->operands[ei] - ol->operands);
    }
    const wna_operand_limits any = {NULL, (1u << WNA_DTYPE_COUNT) - 1u, 0, WN_MAX_RANK};
    c->limits.preferred_input_layout = "nchw";
    c->limits.max_tensor_byte_length = wn_tensor_byte_cap();
    c->limits.input = c->limits.constant = c->limits.output = any;
    c->limits.input.name = "input";
    c->limits.constant.name = "constant";
    c->limits.output.name = "output";
    c->limits.ops = c->ops;
    c->limits.n_ops = n_ops;
    return 0;
}

/* ---- context ---- */

static void ref_release_context(wna_context *c)
{
    if (!c) return;
    free(c->ops);
    free(c->operands);
    free(c->output_names);
    free(c);
}

static int ref_create_context(const char *device, wna_context **out, wna_error *err)
{
    if (device && strcmp(device, "cpu") != 0 && strcmp(device, WNA_DEVICE_DEFAULT) != 0)
        return fail_msg(err, WNA_NOT_SUPPORTED_ERROR, "the reference adapter only has a cpu device");
    wna_context *c = calloc(1, sizeof *c);
    if (!c) return fail_msg(err, WNA_OPERATION_ERROR, "out of memory");
    if (build_limits(c, err) != 0) {
        ref_release_context(c);
        return -1;
    }
    *out = c;
    return 0;
}

static int ref_op_support_limits(wna_context *c, wna_support_limits *out, wna_error *err)
{
    (void)err;
    *out = c->limits;
    return 0;
}

/* ---- graphs ---- */

static int ref_validate(wna_context *c, const wna_graph *raw, wna_error *err)
{
    (void)c;
    wn_error e = {0};
    wn_graph *g = ref_graph_from_abi(raw, &e);
    int rc = g ? wn_graph_validate(g, &e) : -1;
    wn_graph_free(g);
    return rc == 0 ? 0 : fail_from(err, &e);
}

static int ref_build(wna_context *c, const wna_graph *ag, wna_compiled **out, wna_error *err)
{
    (void)c;
    wn_error e = {0};
    wn_graph *g = ref_graph_from_abi(ag, &e);
    if (!g || wn_graph_validate(g, &e) != 0) {
        wn_graph_free(g);
        return fail_from(err, &e);
    }
    wna_compiled *cg = calloc(1, sizeof *cg);
    if (!cg) {
        wn_graph_free(g);
        return fail_msg(err, WNA_OPERATION_ERROR, "out of memory");
    }
    cg->graph = g;
    *out = cg;
    return 0;
}

static void ref_release_graph(wna_compiled *cg)
{
    if (!cg) return;
    wn_graph_free(cg->graph);
    free(cg);
}

static wna_desc desc_to_abi(const wn_desc *d)
{
    wna_desc out = {0};
    out.dtype = (int32_t)d->dtype;
    out.rank = d->rank;
    for (uint32_t i = 0; i < d->rank && i < WNA_MAX_RANK; i++) out.dims[i] = d->dims[i];
    return out;
}

/* Inputs in the interpreter's order, found by name among the given host buffers. */
static int gather_inputs(const wn_graph *g, const char *const *names, void *const *data, const size_t *nbytes,
                         uint32_t n, wn_tensor *ins, wna_error *err)
{
    uint32_t want = wn_graph_input_count(g);
    for (uint32_t k = 0; k < want; k++) {
        const wn_operand *o = &g->operands[wn_graph_input_operand(g, k)];
        uint32_t j = 0;
        while (j < n && strcmp(names[j], o->name) != 0) j++;
        if (j == n) {
            char msg[160];
            snprintf(msg, sizeof msg, "no value given for input \"%s\"", o->name);
            return fail_msg(err, WNA_TYPE_ERROR, msg);
        }
        if (nbytes[j] != wn_desc_count(&o->desc) * wn_dtype_size(o->desc.dtype))
            return fail_msg(err, WNA_TYPE_ERROR, "input byte length does not match its descriptor");
        ins[k].desc = o->desc;
        ins[k].data = data[j];
        ins[k].nbytes = nbytes[j];
    }
    return 0;
}

/* Runs the graph; outs[k] receive graph output k (caller frees); into: outs[k] are the
 * caller's buffers, computed in place (wn_interp_run_into). */
static int run(const wn_graph *g, const char *const *names, void *const *data, const size_t *nbytes, uint32_t n,
               wn_tensor *outs, bool into, wna_error *err)
{
    uint32_t n_in = wn_graph_input_count(g);
    wn_tensor *ins = calloc(n_in ? n_in : 1, sizeof *ins);
    if (!ins) return fail_msg(err, WNA_OPERATION_ERROR, "out of memory");
    int rc = gather_inputs(g, names, data, nbytes, n, ins, err);
    wn_error e = {0};
    if (rc == 0 && (into ? wn_interp_run_into(g, ins, n_in, outs, &e) : wn_interp_run(g, ins, n_in, outs, &e)) != 0)
        rc = fail_from(err, &e);
    free(ins);
    return rc;
}

static int find_output(const wn_graph *g, const char *name, uint32_t *k, wna_error *err)
{
    for (uint32_t i = 0; i < g->n_outputs; i++)
        if (strcmp(g->operands[g->outputs[i]].name, name) == 0) {
            *k = i;
            return 0;
        }
    char msg[160];
    snprintf(msg, sizeof msg, "\"%s\" is not an output of the graph", name);
    return fail_msg(err, WNA_TYPE_ERROR, msg);
}

static int ref_compute(wna_compiled *cg, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs,
                       uint32_t n_outputs, wna_error *err)
{
    const wn_graph *g = cg->graph;
    const char **names = calloc(n_inputs ? n_inputs : 1, sizeof *names);
    void **data = calloc(n_inputs ? n_inputs : 1, sizeof *data);
    size_t *nbytes = calloc(n_inputs ? n_inputs : 1, sizeof *nbytes);
    wn_tensor *outs = calloc(g->n_outputs ? g->n_outputs : 1, sizeof *outs);
    uint32_t *slot = calloc(g->n_outputs ? g->n_outputs : 1, sizeof *slot);
    /* every graph output has a buffer: compute in them (no copy, one tensor less per output) */
    bool into = n_outputs == g->n_outputs;
    int rc = -1;
    if (!names || !data || !nbytes || !outs || !slot) {
        into = false;
        fail_msg(err, WNA_OPERATION_ERROR, "out of memory");
        goto done;
    }
    for (uint32_t j = 0; j < n_inputs; j++) {
        names[j] = inputs[j].name;
        data[j] = inputs[j].data;
        nbytes[j] = inputs[j].nbytes;
    }
    for (uint32_t k = 0; k < g->n_outputs; k++) slot[k] = UINT32_MAX;
    for (uint32_t j = 0; into && j < n_outputs; j++) {
        uint32_t k;
        if (find_output(g, outputs[j].name, &k, err) != 0) goto done;
        if (slot[k] != UINT32_MAX) into = false;
        slot[k] = j;
        outs[k].data = outputs[j].data;
        outs[k].nbytes = outputs[j].nbytes;
    }
    if (!into) memset(outs, 0, g->n_outputs * sizeof *outs);
    if (run(g, names, data, nbytes, n_inputs, outs, into, err) != 0) goto done;
    for (uint32_t j = 0; j < n_outputs; j++) {
        uint32_t k;
        if (find_output(g, outputs[j].name, &k, err) != 0) goto done;
        if (!into) {
            if (outs[k].nbytes > outputs[j].nbytes) {
                fail_msg(err, WNA_TYPE_ERROR, "output buffer too small");
                goto done;
            }
            memcpy(outputs[j].data, outs[k].data, outs[k].nbytes);
        }
        outputs[j].desc = desc_to_abi(&outs[k].desc);
    }
    rc = 0;
done:
    for (uint32_t k = 0; !into && outs && k < g->n_outputs; k++) wn_tensor_free(&outs[k]);
    free(slot);
    free(outs);
    free(names);
    free(data);
    free(nbytes);
    return rc;
}

/* ---- device tensors (host memory in the reference) ---- */

static int ref_create_tensor(wna_context *c, const wna_desc *desc, wna_device_tensor **out, wna_error *err)
{
    (void)c;
    wna_device_tensor *t = calloc(1, sizeof *t);
    if (!t) return fail_msg(err, WNA_OPERATION_ERROR, "out of memory");
    wn_desc d = {0};
    d.dtype = (wn_dtype)desc->dtype;
    d.rank = desc->rank <= WN_MAX_RANK ? desc->rank : WN_MAX_RANK;
    for (uint32_t i = 0; i < d.rank; i++) d.dims[i] = desc->dims[i];
    wn_error e = {0};
    if (desc->dtype < 0 || desc->dtype >= WNA_DTYPE_COUNT || wn_tensor_alloc(&t->t, &d, &e) != 0) {
        free(t);
        return e.kind ? fail_from(err, &e) : fail_msg(err, WNA_TYPE_ERROR, "bad data type");
    }
    *out = t;
    return 0;
}

static int ref_write_tensor(wna_device_tensor *t, const void *data, size_t nbytes, wna_error *err)
{
    if (nbytes != t->t.nbytes) return fail_msg(err, WNA_TYPE_ERROR, "byte length does not match the tensor");
    memcpy(t->t.data, data, nbytes);
    return 0;
}

static int ref_read_tensor(wna_device_tensor *t, void *data, size_t nbytes, wna_error *err)
{
    if (nbytes != t->t.nbytes) return fail_msg(err, WNA_TYPE_ERROR, "byte length does not match the tensor");
    memcpy(data, t->t.data, nbytes);
    return 0;
}

/* The spec's dispatch checks the adapter can see: no tensor bound twice, one tensor per graph
 * input and output, each input's descriptor equal to the graph's (outputs: below). */
static int check_dispatch(const wn_graph *g, const char *const *in_names, wna_device_tensor *const *ins, uint32_t n_in,
                          wna_device_tensor *const *outs, uint32_t n_out, wna_error *err)
{
    for (uint32_t a = 0; a < n_in + n_out; a++)
        for (uint32_t b = a + 1; b < n_in + n_out; b++)
            if ((a < n_in ? ins[a] : outs[a - n_in]) == (b < n_in ? ins[b] : outs[b - n_in]))
                return fail_msg(err, WNA_TYPE_ERROR, "dispatch: one tensor is bound twice");
    if (n_in != wn_graph_input_count(g) || n_out != g->n_outputs)
        return fail_msg(err, WNA_TYPE_ERROR, "dispatch: the tensors do not match the graph's inputs and outputs");
    for (uint32_t j = 0; j < n_in; j++) {
        int32_t k = wn_graph_find(g, in_names[j]);
        if (k < 0 || g->operands[k].kind != WN_OPERAND_INPUT || ins[j]->t.desc.dtype != g->operands[k].desc.dtype ||
            !wn_desc_equal_shape(&ins[j]->t.desc, &g->operands[k].desc))
            return fail_msg(err, WNA_TYPE_ERROR, "dispatch: an input tensor does not match the graph's descriptor");
    }
    return 0;
}

static int ref_dispatch(wna_compiled *cg, const char *const *in_names, wna_device_tensor *const *ins,
                        uint32_t n_in, const char *const *out_names, wna_device_tensor *const *outs_t,
                        uint32_t n_out, wna_error *err)
{
    const wn_graph *g = cg->graph;
    void **data = calloc(n_in ? n_in : 1, sizeof *data);
    size_t *nbytes = calloc(n_in ? n_in : 1, sizeof *nbytes);
    wn_tensor *outs = calloc(g->n_outputs ? g->n_outputs : 1, sizeof *outs);
    int rc = -1;
    if (!data || !nbytes || !outs) {
        fail_msg(err, WNA_OPERATION_ERROR, "out of memory");
        goto done;
    }
    if (check_dispatch(g, in_names, ins, n_in, outs_t, n_out, err) != 0) goto done;
    for (uint32_t j = 0; j < n_in; j++) {
        data[j] = ins[j]->t.data;
        nbytes[j] = ins[j]->t.nbytes;
    }
    if (run(g, in_names, data, nbytes, n_in, outs, false, err) != 0) goto done;
    for (uint32_t j = 0; j < n_out; j++) {
        uint32_t k;
        if (find_output(g, out_names[j], &k, err) != 0) goto done;
        if (!wn_desc_equal_shape(&outs[k].desc, &outs_t[j]->t.desc) || outs[k].desc.dtype != outs_t[j]->t.desc.dtype) {
            fail_msg(err, WNA_TYPE_ERROR, "output tensor descriptor does not match the graph output");
            goto done;
        }
        memcpy(outs_t[j]->t.data, outs[k].data, outs[k].nbytes);
    }
    rc = 0;
done:
    for (uint32_t k = 0; outs && k < g->n_outputs; k++) wn_tensor_free(&outs[k]);
    free(outs);
    free(data);
    free(nbytes);
    return rc;
}

static void ref_release_tensor(wna_device_tensor *t)
{
    if (!t) return;
    wn_tensor_free(&t->t);
    free(t);
}

static const wna_api reference_api = {
    .abi_major = WEBNN_ADAPTER_ABI_MAJOR,
    .abi_minor = WEBNN_ADAPTER_ABI_MINOR,
    .struct_size = sizeof(wna_api),
    .name = "reference",
    .version = "webnn-cts reference interpreter",
    .create_context = ref_create_context,
    .release_context = ref_release_context,
    .op_support_limits = ref_op_support_limits,
    .build = ref_build,
    .compute = ref_compute,
    .release_graph = ref_release_graph,
    .validate = ref_validate,
    .create_tensor = ref_create_tensor,
    .write_tensor = ref_write_tensor,
    .read_tensor = ref_read_tensor,
    .dispatch = ref_dispatch,
    .release_tensor = ref_release_tensor,
};

const wna_api *wna_reference_api(void) { return &reference_api; }
