/* lstm, lstmCell, gru, gruCell on oneDNN's RNN primitives (vanilla LSTM, vanilla GRU, LBR GRU).
 *
 * How WebNN's cells match oneDNN's (oneDNN developer guide, "RNN"; the spec's emulations):
 * - LSTM: oneDNN's gates are i, f, c~, o; WebNN stacks them iofg (default) or ifgo, so each
 *   gate's block of weight / recurrentWeight / bias is reordered into oneDNN's ldigo / ldgo
 *   layout (layout glue; constants once at build). The gate bias is bias + recurrentBias (one
 *   oneDNN binary add). Peepholes are not claimed: WebNN's output gate reads the previous cell
 *   state (the spec's emulation), oneDNN's peephole reads the new one.
 * - GRU: oneDNN's gates u, r, o are WebNN's z, r, n (zrn; rzn reordered). resetAfter = true is
 *   oneDNN's linear-before-reset GRU: o = tanh(W_o x + b_o + r * (U_o h + b_o')), with
 *   b_u = b_z + rb_z, b_r = b_r + rb_r, b_o = b_n, b_o' = rb_n. resetAfter = false is the
 *   vanilla GRU, o = tanh(W_o x + U_o (r * h) + b_o) with b_o = b_n + rb_n. Both compute
 *   h = u * h_prev + (1 - u) * o, WebNN's z * h + (1 - z) * n.
 * - Only the default activations (sigmoid for the gates, tanh for the rest): oneDNN's cells
 *   have no others; other activations are declined at build.
 * - direction forward / backward / both = left2right / right2left / bidirectional_concat; a
 *   backward result sits at the time index it read, in both. The sequence output [steps, D, N,
 *   H] is a reorder of oneDNN's dst_layer [steps, N, D*H]. */
#include <string.h>

#include "dnn.h"

typedef struct rnn_desc {
    int lstm, cell, lbr;  /* lstm or gru; a single-step cell op; GRU with resetAfter */
    dnnl_dim_t T, N, I, H, D, G; /* steps, batch, input size, hidden size, directions, gates */
    int block[4];         /* WebNN block of each oneDNN gate */
    dnnl_data_type_t dt;
} rnn_desc;

static int md_strided(dnnl_memory_desc_t *md, int nd, const dnnl_dim_t *dims, const dnnl_dim_t *strides,
                      dnnl_dim_t offset, dnnl_data_type_t dt)
{
    dnnl_dims_t d, s;
    for (int i = 0; i < nd; i++) {
        d[i] = dims[i];
        s[i] = dims[i] == 1 ? 0 : strides[i];
    }
    if (dnnl_memory_desc_init_by_strides(md, nd, d, dt, s) != dnnl_success) return -1;
    md->offset0 = offset;
    return 0;
}

/* Weights [D, G*H, X] (a cell's [G*H, X]) into oneDNN's plain ldigo [1, D, X, G, H]: one reorder
 * per gate from its block. */
static int gate_weights(dnn_graph *g, const rnn_desc *r, uint32_t w, dnnl_dim_t X, uint32_t *out, wna_error *err)
{
    dnnl_dims_t dims = {1, r->D, X, r->G, r->H};
    dnnl_memory_desc_t plain;
    if (dnnl_memory_desc_init_by_tag(&plain, 5, dims, r->dt, dnnl_abcde) != dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    if (dnn_temp(g, &plain, out, err) != 0) return -1;
    for (int k = 0; k < r->G; k++) {
        dnnl_dims_t gd = {1, r->D, X, 1, r->H};
        dnnl_dims_t ss = {0, r->G * r->H * X, 1, 0, X}, ds = {0, X * r->G * r->H, r->G * r->H, 0, 1};
        dnnl_memory_desc_t smd, dmd;
        if (md_strided(&smd, 5, gd, ss, r->block[k] * r->H * X, r->dt) != 0 ||
            md_strided(&dmd, 5, gd, ds, k * r->H, r->dt) != 0)
            return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
        if (dnn_reorder(g, w, &smd, *out, &dmd, err) != 0) return -1;
    }
    return 0;
}

/* Gate k of oneDNN's bias [1, D, G', H] from block `blk` of a WebNN bias [D, G*H]. */
static int gate_bias(dnn_graph *g, const rnn_desc *r, uint32_t src, int blk, uint32_t bias, int k, int gates,
                     wna_error *err)
{
    dnnl_dims_t gd = {1, r->D, 1, r->H};
    dnnl_dims_t ss = {0, r->G * r->H, 0, 1}, ds = {0, gates * r->H, 0, 1};
    dnnl_memory_desc_t smd, dmd;
    if (md_strided(&smd, 4, gd, ss, blk * r->H, r->dt) != 0 || md_strided(&dmd, 4, gd, ds, k * r->H, r->dt) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    return dnn_reorder(g, src, &smd, bias, &dmd, err);
}

/* An optional operand in the compute type, or DNN_NONE. */
static int opt_input(dnn_graph *g, const wna_operation *op, const char *name, dnnl_data_type_t dt, uint32_t *out,
                     wna_error *err)
{
    int64_t k = obl_arg_operand(op, name);
    *out = DNN_NONE;
    return k < 0 ? 0 : dnn_input(g, (uint32_t)k, dt, out, err);
}

/* bias + recurrentBias by a oneDNN binary add (or whichever is present). */
static int bias_sum(dnn_graph *g, uint32_t b, uint32_t rb, uint32_t *out, wna_error *err)
{
    if (b == DNN_NONE || rb == DNN_NONE) {
        *out = b != DNN_NONE ? b : rb;
        return 0;
    }
    dnnl_binary_desc_t d;
    if (dnn_temp(g, &g->values[b].md, out, err) != 0 ||
        dnn_check(dnnl_binary_desc_init(&d, dnnl_binary_add, &g->values[b].md, &g->values[rb].md, &g->values[*out].md),
                  err, "binary") != 0)
        return -1;
    const dnn_io io[3] = {{DNNL_ARG_SRC_0, b}, {DNNL_ARG_SRC_1, rb}, {DNNL_ARG_DST, *out}};
    return dnn_step_add(g, &d, NULL, io, 2, 3, err);
}

/* oneDNN's bias [1, D, G', H] (zeros where WebNN has no bias). */
static int make_bias(dnn_graph *g, const rnn_desc *r, const wna_operation *op, uint32_t *out, wna_error *err)
{
    uint32_t b, rb, s;
    if (opt_input(g, op, "bias", r->dt, &b, err) != 0 || opt_input(g, op, "recurrentBias", r->dt, &rb, err) != 0 ||
        bias_sum(g, b, rb, &s, err) != 0)
        return -1;
    int gates = (int)r->G + (r->lbr ? 1 : 0);
    dnnl_dims_t dims = {1, r->D, gates, r->H};
    dnnl_memory_desc_t plain;
    if (dnnl_memory_desc_init_by_tag(&plain, 4, dims, r->dt, dnnl_abcd) != dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    if (dnn_temp(g, &plain, out, err) != 0) return -1; /* zero-filled */
    if (s == DNN_NONE) return 0;
    for (int k = 0; k < r->G; k++) {
        /* LBR GRU: the new gate's input bias alone; its recurrent bias is the extra gate */
        uint32_t src = r->lbr && k == 2 && b != DNN_NONE ? b : s;
        if (r->lbr && k == 2 && b == DNN_NONE) continue;
        if (gate_bias(g, r, src, r->block[k], *out, k, gates, err) != 0) return -1;
    }
    if (r->lbr && rb != DNN_NONE && gate_bias(g, r, rb, r->block[2], *out, 3, gates, err) != 0) return -1;
    return 0;
}

/* A view of operand-derived value k with the given dims (same bytes). */
static int view(dnn_graph *g, uint32_t k, int nd, const dnnl_dim_t *dims, uint32_t *out, wna_error *err)
{
    dnnl_memory_desc_t md;
    if (dnnl_memory_desc_init_by_tag(&md, nd, dims, g->values[k].md.data_type, nd == 3 ? dnnl_abc : dnnl_abcd) !=
        dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    return dnn_view(g, k, &md, out, err);
}

static int default_activations(const wna_operation *op, int lstm)
{
    const wna_arg *a = obl_arg(op, "activations");
    if (!a) return 1;
    static const char *const want[3] = {"sigmoid", "tanh", "tanh"};
    if (a->kind != WNA_ARG_STRING_LIST || a->count != (lstm ? 3u : 2u)) return 0;
    for (uint32_t i = 0; i < a->count; i++)
        if (!a->u.strings[i] || strcmp(a->u.strings[i], want[i]) != 0) return 0;
    return 1;
}

static int build_rnn(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    rnn_desc r = {0};
    r.lstm = strncmp(op->op, "lstm", 4) == 0;
    r.cell = strstr(op->op, "Cell") != NULL;
    r.lbr = !r.lstm && obl_arg_bool(op, "resetAfter", 1);
    r.G = r.lstm ? 4 : 3;
    int64_t ii = obl_arg_operand(op, "input"), iw = obl_arg_operand(op, "weight"),
            ir = obl_arg_operand(op, "recurrentWeight");
    if (ii < 0 || iw < 0 || ir < 0 || op->n_outputs < 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    if (!default_activations(op, r.lstm))
        return dnn_fail(err, WNA_NOT_SUPPORTED_ERROR, "oneDNN's cells have only the default activations");
    const wna_desc *din = dnn_desc(g, (uint32_t)ii);
    r.T = r.cell ? 1 : din->dims[0];
    r.N = din->dims[r.cell ? 0 : 1];
    r.I = din->dims[r.cell ? 1 : 2];
    r.H = obl_arg_int(op, "hiddenSize", 0);
    const char *dir = r.cell ? "forward" : obl_arg_string(op, "direction", "forward");
    r.D = strcmp(dir, "both") == 0 ? 2 : 1;
    const char *layout = obl_arg_string(op, "layout", r.lstm ? "iofg" : "zrn");
    static const int iofg[4] = {0, 2, 3, 1}, ifgo[4] = {0, 1, 2, 3}, zrn[3] = {0, 1, 2}, rzn[3] = {1, 0, 2};
    const int *blocks = r.lstm ? (strcmp(layout, "ifgo") == 0 ? ifgo : iofg) : (strcmp(layout, "rzn") == 0 ? rzn : zrn);
    memcpy(r.block, blocks, (size_t)r.G * sizeof r.block[0]);
    dnnl_rnn_direction_t direction = r.D == 2                        ? dnnl_bidirectional_concat
                                     : strcmp(dir, "backward") == 0 ? dnnl_unidirectional_right2left
                                                                     : dnnl_unidirectional_left2right;
    uint32_t out_h = op->outputs[0];
    r.dt = dnn_compute_dt(g, out_h);

    uint32_t x, w, rw, wl, wi, bias;
    if (dnn_input(g, (uint32_t)ii, r.dt, &x, err) != 0 || dnn_input(g, (uint32_t)iw, r.dt, &w, err) != 0 ||
        dnn_input(g, (uint32_t)ir, r.dt, &rw, err) != 0 || gate_weights(g, &r, w, r.I, &wl, err) != 0 ||
        gate_weights(g, &r, rw, r.H, &wi, err) != 0 || make_bias(g, &r, op, &bias, err) != 0)
        return -1;
    /* initial states: views [1, D, N, H] of the WebNN [D, N, H] (cells: [N, H]) */
    const dnnl_dims_t tnc = {r.T, r.N, r.I}, ldnc = {1, r.D, r.N, r.H}, seq = {r.T, r.N, r.D * r.H};
    uint32_t xl, h0 = DNN_NONE, c0 = DNN_NONE, h0v = DNN_NONE, c0v = DNN_NONE;
    if (view(g, x, 3, tnc, &xl, err) != 0 ||
        opt_input(g, op, r.cell ? "hiddenState" : "initialHiddenState", r.dt, &h0, err) != 0 ||
        (r.lstm && opt_input(g, op, r.cell ? "cellState" : "initialCellState", r.dt, &c0, err) != 0) ||
        (h0 != DNN_NONE && view(g, h0, 4, ldnc, &h0v, err) != 0) ||
        (c0 != DNN_NONE && view(g, c0, 4, ldnc, &c0v, err) != 0))
        return -1;
    /* outputs: hidden [D, N, H], lstm cell [D, N, H], then the optional sequence [T, D, N, H] */
    int n_state = r.lstm ? 2 : 1;
    uint32_t yh, yhv, yc = DNN_NONE, ycv = DNN_NONE, ylayer;
    if (dnn_output(g, out_h, r.dt, &yh, err) != 0 || view(g, yh, 4, ldnc, &yhv, err) != 0) return -1;
    if (r.lstm && (op->n_outputs < 2 || dnn_output(g, op->outputs[1], r.dt, &yc, err) != 0 ||
                   view(g, yc, 4, ldnc, &ycv, err) != 0))
        return -1;
    dnnl_memory_desc_t lmd;
    if (dnnl_memory_desc_init_by_tag(&lmd, 3, seq, r.dt, dnnl_abc) != dnnl_success ||
        dnn_temp(g, &lmd, &ylayer, err) != 0)
        return -1;

    dnnl_memory_desc_t wl_any, wi_any;
    if (dnnl_memory_desc_init_by_tag(&wl_any, 5, g->values[wl].md.dims, r.dt, dnnl_format_tag_any) != dnnl_success ||
        dnnl_memory_desc_init_by_tag(&wi_any, 5, g->values[wi].md.dims, r.dt, dnnl_format_tag_any) != dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    const dnnl_memory_desc_t *h0md = h0v != DNN_NONE ? &g->values[h0v].md : NULL;
    dnnl_rnn_desc_t d;
    dnnl_status_t st;
    if (r.lstm)
        st = dnnl_lstm_forward_desc_init(&d, dnnl_forward_inference, direction, &g->values[xl].md, h0md,
                                         c0v != DNN_NONE ? &g->values[c0v].md : NULL, &wl_any, &wi_any,
                                         &g->values[bias].md, &g->values[ylayer].md, &g->values[yhv].md,
                                         &g->values[ycv].md, 0);
    else if (r.lbr)
        st = dnnl_lbr_gru_forward_desc_init(&d, dnnl_forward_inference, direction, &g->values[xl].md, h0md, &wl_any,
                                            &wi_any, &g->values[bias].md, &g->values[ylayer].md, &g->values[yhv].md, 0);
    else
        st = dnnl_gru_forward_desc_init(&d, dnnl_forward_inference, direction, &g->values[xl].md, h0md, &wl_any,
                                        &wi_any, &g->values[bias].md, &g->values[ylayer].md, &g->values[yhv].md, 0);
    if (dnn_check(st, err, r.lstm ? "lstm" : "gru") != 0) return -1;
    dnn_io io[9];
    int n = 0;
    io[n++] = (dnn_io){DNNL_ARG_SRC_LAYER, xl};
    if (h0v != DNN_NONE) io[n++] = (dnn_io){DNNL_ARG_SRC_ITER, h0v};
    if (c0v != DNN_NONE) io[n++] = (dnn_io){DNNL_ARG_SRC_ITER_C, c0v};
    io[n++] = (dnn_io){DNNL_ARG_WEIGHTS_LAYER, wl};
    io[n++] = (dnn_io){DNNL_ARG_WEIGHTS_ITER, wi};
    io[n++] = (dnn_io){DNNL_ARG_BIAS, bias};
    int n_in = n;
    io[n++] = (dnn_io){DNNL_ARG_DST_LAYER, ylayer};
    io[n++] = (dnn_io){DNNL_ARG_DST_ITER, yhv};
    if (r.lstm) io[n++] = (dnn_io){DNNL_ARG_DST_ITER_C, ycv};
    if (dnn_step_add(g, &d, NULL, io, n_in, n, err) != 0) return -1;
    if (dnn_output_done(g, out_h, yh, err) != 0 || (r.lstm && dnn_output_done(g, op->outputs[1], yc, err) != 0))
        return -1;
    if ((int)op->n_outputs <= n_state) return 0;
    /* the sequence: dst_layer [T, N, D, H] reordered into WebNN's [T, D, N, H] */
    uint32_t out_s = op->outputs[n_state], ys;
    if (dnn_output(g, out_s, r.dt, &ys, err) != 0) return -1;
    const dnnl_dims_t tndh = {r.T, r.N, r.D, r.H}, sst = {r.D * r.N * r.H, r.H, r.N * r.H, 1};
    dnnl_memory_desc_t from, to;
    if (dnnl_memory_desc_init_by_tag(&from, 4, tndh, r.dt, dnnl_abcd) != dnnl_success ||
        md_strided(&to, 4, tndh, sst, 0, r.dt) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    if (dnn_reorder(g, ylayer, &from, ys, &to, err) != 0) return -1;
    return dnn_output_done(g, out_s, ys, err);
}

#define F DNN_FLOATS
static const wna_operand_limits lstm_limits[] = {
    {"input", F, 3, 3},  {"weight", F, 3, 3},        {"recurrentWeight", F, 3, 3},
    {"bias", F, 2, 2},   {"recurrentBias", F, 2, 2}, {"initialHiddenState", F, 3, 3},
    {"initialCellState", F, 3, 3}, {"output0", F, 3, 3}, {"output1", F, 3, 3}, {"output2", F, 4, 4}};
static const wna_operand_limits lstm_cell_limits[] = {
    {"input", F, 2, 2},     {"weight", F, 2, 2},    {"recurrentWeight", F, 2, 2}, {"hiddenState", F, 2, 2},
    {"cellState", F, 2, 2}, {"bias", F, 1, 1},      {"recurrentBias", F, 1, 1},   {"output0", F, 2, 2},
    {"output1", F, 2, 2}};
static const wna_operand_limits gru_limits[] = {
    {"input", F, 3, 3}, {"weight", F, 3, 3},        {"recurrentWeight", F, 3, 3}, {"bias", F, 2, 2},
    {"recurrentBias", F, 2, 2}, {"initialHiddenState", F, 3, 3}, {"output0", F, 3, 3}, {"output1", F, 4, 4}};
static const wna_operand_limits gru_cell_limits[] = {
    {"input", F, 2, 2}, {"weight", F, 2, 2}, {"recurrentWeight", F, 2, 2}, {"hiddenState", F, 2, 2},
    {"bias", F, 1, 1},  {"recurrentBias", F, 1, 1}, {"output", F, 2, 2}};

static const dnn_op ops[] = {
    {"lstm", lstm_limits, sizeof lstm_limits / sizeof lstm_limits[0], build_rnn},
    {"lstmCell", lstm_cell_limits, sizeof lstm_cell_limits / sizeof lstm_cell_limits[0], build_rnn},
    {"gru", gru_limits, sizeof gru_limits / sizeof gru_limits[0], build_rnn},
    {"gruCell", gru_cell_limits, sizeof gru_cell_limits / sizeof gru_cell_limits[0], build_rnn},
};

const dnn_op_set dnn_set_rnn = {ops, sizeof ops / sizeof ops[0]};
