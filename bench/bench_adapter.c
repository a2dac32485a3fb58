/* Adapters through the ABI only: dlopen, webnn_adapter_entry, a context and its
 * opSupportLimits; then per cell build once, compute repeatedly, compare the output. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench_adapter.h"

bench_adapter *bench_adapter_open(const char *build_dir, const char *name, int judged, int is_check)
{
    bench_adapter *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    bench_fmt(a->name, sizeof a->name, "%s", name);
    bench_fmt(a->path, sizeof a->path, "%s/adapters/libwebnn_adapter_%s.so", build_dir, name);
    a->judged = judged;
    a->is_check = is_check;
    if (access(a->path, R_OK) != 0) {
        a->state = CELL_NOT_BUILT;
        bench_fmt(a->note, sizeof a->note, "%s adapter not built (%s missing)", name, a->path);
        return a;
    }
    a->state = CELL_ERROR;
    a->dl = dlopen(a->path, RTLD_NOW | RTLD_LOCAL);
    if (!a->dl) {
        bench_fmt(a->note, sizeof a->note, "dlopen failed: %s", dlerror());
        return a;
    }
    wna_entry_fn entry;
    void *sym = dlsym(a->dl, WEBNN_ADAPTER_ENTRY_SYMBOL);
    /* POSIX: a data pointer from dlsym converts to a function pointer */
    memcpy(&entry, &sym, sizeof entry);
    a->api = entry ? entry() : NULL;
    if (!a->api || a->api->abi_major != WEBNN_ADAPTER_ABI_MAJOR || a->api->struct_size < sizeof(wna_api) / 2) {
        bench_fmt(a->note, sizeof a->note, "%s: no usable webnn_adapter_entry (ABI %u expected)", a->path,
                 WEBNN_ADAPTER_ABI_MAJOR);
        a->api = NULL;
        return a;
    }
    wna_error err = {0};
    if (a->api->create_context(WNA_DEVICE_DEFAULT, &a->ctx, &err) != 0) {
        bench_fmt(a->note, sizeof a->note, "create_context failed: %s", err.message);
        a->ctx = NULL;
        return a;
    }
    if (a->api->op_support_limits(a->ctx, &a->limits, &err) != 0) {
        bench_fmt(a->note, sizeof a->note, "op_support_limits failed: %s", err.message);
        return a;
    }
    a->state = CELL_OK;
    return a;
}

void bench_adapter_close(bench_adapter *a)
{
    if (!a) return;
    if (a->ctx) a->api->release_context(a->ctx);
    /* the library stays loaded: libopenblas threads it started may still be parked in it */
    free(a);
}

/* ---- the graph builder ---- */
void bg_init(bench_graph *g, const char *op)
{
    memset(g, 0, sizeof *g);
    g->op.op = op;
}

static uint32_t add_operand(bench_graph *g, const char *name, int kind, uint32_t rank, const uint32_t *dims)
{
    if (g->n_operands >= BG_MAX_OPERANDS || rank > WNA_MAX_RANK) {
        g->overflow = 1;
        return 0;
    }
    wna_operand *o = &g->operands[g->n_operands];
    o->name = name;
    o->kind = kind;
    o->desc_known = 1;
    o->desc.dtype = WNA_FLOAT32;
    o->desc.rank = rank;
    for (uint32_t i = 0; i < rank; i++) o->desc.dims[i] = dims[i];
    o->producer = -1;
    return g->n_operands++;
}

static size_t desc_count(const wna_desc *d)
{
    size_t n = 1;
    for (uint32_t i = 0; i < d->rank; i++) n *= d->dims[i]; /* shapes here are small: checked by callers */
    return n;
}

uint32_t bg_input(bench_graph *g, const char *name, uint32_t rank, const uint32_t *dims)
{
    uint32_t k = add_operand(g, name, WNA_OPERAND_INPUT, rank, dims);
    if (!g->overflow) g->inputs[g->n_inputs++] = k;
    return k;
}

uint32_t bg_constant(bench_graph *g, const char *name, uint32_t rank, const uint32_t *dims, const float *data)
{
    uint32_t k = add_operand(g, name, WNA_OPERAND_CONSTANT, rank, dims);
    if (!g->overflow) {
        g->operands[k].data = data;
        g->operands[k].nbytes = desc_count(&g->operands[k].desc) * sizeof(float);
    }
    return k;
}

uint32_t bg_result(bench_graph *g, const char *name, uint32_t rank, const uint32_t *dims)
{
    uint32_t k = add_operand(g, name, WNA_OPERAND_RESULT, rank, dims);
    if (!g->overflow) {
        g->operands[k].producer = 0;
        g->op_output = k;
        g->outputs[0] = k;
    }
    return k;
}

static wna_arg *new_arg(bench_graph *g, const char *name, int kind)
{
    if (g->n_args >= BG_MAX_ARGS) {
        g->overflow = 1;
        return NULL;
    }
    wna_arg *a = &g->args[g->n_args++];
    memset(a, 0, sizeof *a);
    a->name = name;
    a->kind = kind;
    return a;
}

static wna_number int_number(int64_t v)
{
    wna_number n = {.kind = WNA_NUM_INT, .f = (double)v, .i = v};
    return n;
}

void bg_arg_operand(bench_graph *g, const char *name, uint32_t operand)
{
    wna_arg *a = new_arg(g, name, WNA_ARG_OPERAND);
    if (a) a->u.operand = operand;
}

void bg_arg_int(bench_graph *g, const char *name, int64_t v)
{
    wna_arg *a = new_arg(g, name, WNA_ARG_NUMBER);
    if (a) a->u.number = int_number(v);
}

void bg_arg_ints(bench_graph *g, const char *name, const int64_t *v, uint32_t n)
{
    if (g->n_numbers + n > BG_MAX_NUMBERS) {
        g->overflow = 1;
        return;
    }
    wna_arg *a = new_arg(g, name, WNA_ARG_NUMBER_LIST);
    if (!a) return;
    wna_number *dst = &g->numbers[g->n_numbers];
    for (uint32_t i = 0; i < n; i++) dst[i] = int_number(v[i]);
    g->n_numbers += n;
    a->count = n;
    a->u.numbers = dst;
}

void bg_arg_string(bench_graph *g, const char *name, const char *s)
{
    wna_arg *a = new_arg(g, name, WNA_ARG_STRING);
    if (a) a->u.string = s;
}

void bg_arg_bool(bench_graph *g, const char *name, int b)
{
    wna_arg *a = new_arg(g, name, WNA_ARG_BOOL);
    if (a) a->u.boolean = b != 0;
}

wna_graph bg_graph(bench_graph *g)
{
    g->op.args = g->args;
    g->op.n_args = g->n_args;
    g->op.outputs = &g->op_output;
    g->op.n_outputs = 1;
    wna_graph out = {
        .operands = g->operands,
        .n_operands = g->n_operands,
        .operations = &g->op,
        .n_operations = 1,
        .inputs = g->inputs,
        .n_inputs = g->n_inputs,
        .outputs = g->outputs,
        .n_outputs = 1,
    };
    return out;
}

wna_tensor bg_tensor(const bench_graph *g, uint32_t operand, float *data)
{
    const wna_operand *o = &g->operands[operand];
    wna_tensor t = {.name = o->name, .desc = o->desc, .data = data, .nbytes = desc_count(&o->desc) * sizeof(float)};
    return t;
}

/* ---- opSupportLimits: the runner's rule, reduced to float32 one-op graphs ---- */
static const wna_operand_limits *find_position(const wna_op_limits *ol, const char *name)
{
    for (uint32_t i = 0; i < ol->n_operands; i++)
        if (ol->operands[i].name && strcmp(ol->operands[i].name, name) == 0) return &ol->operands[i];
    return NULL;
}

static int position_ok(const wna_operand_limits *l, const wna_desc *d)
{
    return l && (l->data_types & (1u << WNA_FLOAT32)) && d->rank >= l->min_rank && d->rank <= l->max_rank;
}

static int supported(const bench_adapter *a, const wna_graph *g, char *msg, size_t msg_size)
{
    const wna_operation *op = &g->operations[0];
    const wna_op_limits *ol = NULL;
    for (uint32_t i = 0; i < a->limits.n_ops; i++)
        if (a->limits.ops[i].op && strcmp(a->limits.ops[i].op, op->op) == 0) ol = &a->limits.ops[i];
    if (!ol) {
        bench_fmt(msg, msg_size, "%s not in opSupportLimits", op->op);
        return 0;
    }
    for (uint32_t i = 0; i < op->n_args; i++) {
        if (op->args[i].kind != WNA_ARG_OPERAND) continue;
        if (!position_ok(find_position(ol, op->args[i].name), &g->operands[op->args[i].u.operand].desc)) {
            bench_fmt(msg, msg_size, "%s.%s: float32 of this rank not in opSupportLimits", op->op, op->args[i].name);
            return 0;
        }
    }
    if (!position_ok(find_position(ol, "output"), &g->operands[op->outputs[0]].desc)) {
        bench_fmt(msg, msg_size, "%s.output: float32 of this rank not in opSupportLimits", op->op);
        return 0;
    }
    return 1;
}

/* ---- one cell ---- */
typedef struct compute_ctx {
    const wna_api *api;
    wna_compiled *cg;
    const wna_tensor *inputs;
    uint32_t n_inputs;
    wna_tensor *outputs;
    uint32_t n_outputs;
    wna_desc out_desc[4];
} compute_ctx;

static int run_compute(void *p, char *msg, size_t msg_size)
{
    compute_ctx *c = p;
    /* compute() overwrites each output's desc with what it produced: start from the inferred one */
    for (uint32_t i = 0; i < c->n_outputs && i < 4; i++) c->outputs[i].desc = c->out_desc[i];
    wna_error err = {0};
    if (c->api->compute(c->cg, c->inputs, c->n_inputs, c->outputs, c->n_outputs, &err) != 0) {
        bench_fmt(msg, msg_size, "compute failed: %s", err.message);
        return -1;
    }
    return 0;
}

static const char *expect_label(const bench_run *r)
{
    return r->expect_is_reference ? "reference adapter's output" : "baseline's output";
}

static double *rate_slot(bench_adapter *a, const bench_row *row, int create)
{
    char key[40];
    bench_fmt(key, sizeof key, "%s/%s", row->section, row->unit);
    for (int i = 0; i < a->n_rates; i++)
        if (strcmp(a->rate_key[i], key) == 0) return &a->rate_per_s[i];
    if (!create || a->n_rates >= 8) return NULL;
    bench_fmt(a->rate_key[a->n_rates], sizeof a->rate_key[0], "%s", key);
    a->rate_per_s[a->n_rates] = 0;
    return &a->rate_per_s[a->n_rates++];
}

int bench_check_adapter(const bench_run *r)
{
    for (int i = 0; i < r->n_adapters; i++)
        if (r->adapters[i]->is_check && r->adapters[i]->state == CELL_OK) return i;
    return -1;
}

int bench_adapter_cell(bench_run *r, bench_row *row, int adapter_index, const wna_graph *graph,
                       const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs, uint32_t n_outputs,
                       const float *expect, size_t expect_count, const bench_job *baseline)
{
    bench_adapter *a = r->adapters[adapter_index];
    bench_cell *cell = &row->adapters[adapter_index];
    cell->check = -1;
    if (a->state != CELL_OK) {
        cell->state = a->state;
        bench_fmt(cell->note, sizeof cell->note, "%s", a->state == CELL_NOT_BUILT ? "not built" : a->note);
        return 0;
    }
    if (!supported(a, graph, cell->note, sizeof cell->note)) {
        cell->state = CELL_UNSUPPORTED;
        return 0;
    }
    double *rate = rate_slot(a, row, 1);
    if (rate && *rate > 0 && row->work / *rate > r->cfg.skip_above_s) {
        cell->state = CELL_SKIPPED;
        bench_fmt(cell->note, sizeof cell->note, "skipped (%s too slow, est. %.0f s per run)", a->name,
                  row->work / *rate);
        return 0;
    }
    wna_error err = {0};
    wna_compiled *cg = NULL;
    double t0 = bench_now();
    if (a->api->build(a->ctx, graph, &cg, &err) != 0) {
        cell->state = err.kind == WNA_NOT_SUPPORTED_ERROR ? CELL_UNSUPPORTED : CELL_ERROR;
        bench_fmt(cell->note, sizeof cell->note, "build failed: %s", err.message);
        return 0;
    }
    cell->build_s = bench_now() - t0;
    compute_ctx c = {a->api, cg, inputs, n_inputs, outputs, n_outputs, {{0}}};
    for (uint32_t i = 0; i < n_outputs && i < 4; i++) c.out_desc[i] = outputs[i].desc;
    bench_job jobs[2] = {{run_compute, &c, &cell->stats, cell->note, sizeof cell->note}};
    int n_jobs = 1;
    if (baseline) jobs[n_jobs++] = *baseline;
    int rc = bench_measure_jobs(&r->cfg, jobs, n_jobs);
    a->api->release_graph(cg);
    if (rc != 0) {
        cell->state = CELL_ERROR;
        if (rc == -2) bench_fmt(cell->note, sizeof cell->note, "the baseline failed");
        return 0;
    }
    if (baseline) row->baseline.state = CELL_OK;
    cell->state = CELL_OK;
    if (rate && cell->stats.median_s > 0) *rate = row->work / cell->stats.median_s;
    if (expect && n_outputs > 0) {
        cell->check = bench_max_rel_diff(outputs[0].data, expect, expect_count);
        if (!(cell->check <= 1e-3)) {
            cell->state = CELL_ERROR;
            bench_fmt(cell->note, sizeof cell->note, "wrong output: max relative difference %.3g to the %s",
                      cell->check, expect_label(r));
        }
    }
    return 1;
}

int bench_adapters_paired(bench_run *r, const int *which, int n, const wna_graph *graph, const wna_tensor *inputs,
                          uint32_t n_inputs, wna_tensor output, bench_stats *out)
{
    if (n < 1 || n > 4) return -1;
    wna_compiled *cg[4] = {NULL, NULL, NULL, NULL};
    compute_ctx c[4];
    bench_job jobs[4];
    char note[4][BENCH_NOTE_MAX];
    int rc = 0, built = 0;
    for (; built < n; built++) {
        bench_adapter *a = r->adapters[which[built]];
        wna_error err = {0};
        if (a->state != CELL_OK || a->api->build(a->ctx, graph, &cg[built], &err) != 0) {
            rc = -1;
            break;
        }
        c[built] = (compute_ctx){a->api, cg[built], inputs, n_inputs, &output, 1, {output.desc}};
        jobs[built] = (bench_job){run_compute, &c[built], &out[built], note[built], sizeof note[built]};
    }
    if (rc == 0 && bench_measure_jobs(&r->cfg, jobs, n) != 0) rc = -1;
    for (int i = 0; i < built; i++) r->adapters[which[i]]->api->release_graph(cg[i]);
    return rc;
}

void bench_row_measure(bench_run *r, bench_row *row, const wna_graph *graph, const wna_tensor *inputs,
                       uint32_t n_inputs, wna_tensor output, const float *expect, float *check_out, size_t out_count,
                       bench_run_fn baseline_run, void *baseline_ctx)
{
    bench_job baseline = {baseline_run, baseline_ctx, &row->baseline.stats, row->baseline.note,
                          sizeof row->baseline.note};
    int check = check_out ? bench_check_adapter(r) : -1;
    if (check >= 0) {
        /* the check adapter (the reference) runs first: its output checks the others */
        wna_tensor t = output;
        t.data = check_out;
        int judged = r->adapters[check]->judged;
        if (bench_adapter_cell(r, row, check, graph, inputs, n_inputs, &t, 1, NULL, 0, judged ? &baseline : NULL))
            expect = check_out;
        r->expect_is_reference = 1;
    } else {
        r->expect_is_reference = 0;
    }
    for (int i = 0; i < r->n_adapters; i++) {
        if (i == check) continue;
        /* pair the baseline with the first judged adapter that runs */
        int pair = r->adapters[i]->judged && row->baseline.state == CELL_EMPTY;
        bench_adapter_cell(r, row, i, graph, inputs, n_inputs, &output, 1, expect, out_count, pair ? &baseline : NULL);
    }
    if (row->baseline.state == CELL_EMPTY && baseline_run)
        row->baseline.state = bench_measure(&r->cfg, baseline_run, baseline_ctx, &row->baseline.stats,
                                            row->baseline.note, sizeof row->baseline.note) == 0
                                  ? CELL_OK
                                  : CELL_ERROR;
}
