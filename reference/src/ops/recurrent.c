/* Recurrent networks: gruCell, gru, lstmCell, lstm (#api-mlgraphbuilder-gru and following).
 * The spec gives the math only through its emulation notes; this file follows them: a
 * cell is one time step, and gru/lstm run the cell over the steps of each direction.
 * Floats are read into double, every gate of a step is computed in double, and each
 * step's new state is rounded to the operand type (it is an MLOperand of that type in the
 * emulation) before it feeds the next step or is stored. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

/* ---------------------------------------------------------------- shared helpers ---- */

/* MLRecurrentNetworkActivation */
typedef enum rnn_act { ACT_RELU, ACT_SIGMOID, ACT_TANH } rnn_act;

static double act_apply(rnn_act a, double x)
{
    switch (a) {
    case ACT_RELU: return x > 0 ? x : (x != x ? x : 0.0); /* NaN passes through */
    case ACT_SIGMOID: return 1.0 / (1.0 + exp(-x));
    case ACT_TANH: return tanh(x);
    }
    return x;
}

static rnn_act act_parse(const char *s)
{
    if (strcmp(s, "relu") == 0) return ACT_RELU;
    if (strcmp(s, "sigmoid") == 0) return ACT_SIGMOID;
    return ACT_TANH;
}

/* The operator's activation functions: the given list (its length was checked at build)
 * or the spec's defaults. */
static void read_activations(const wn_call *c, rnn_act *acts, uint32_t n, const rnn_act *defaults)
{
    for (uint32_t k = 0; k < n; k++) {
        const char *s = wn_arg_present(c, "activations") ? wn_arg_enum_at(c, "activations", k) : NULL;
        acts[k] = s ? act_parse(s) : defaults[k];
    }
}

/* The builder step "if hiddenSize * factor is not a valid dimension, throw a TypeError"
 * (factor 6 for gru/gruCell, 8 for lstm/lstmCell). Unreachable: recurrentWeight's element
 * count (factor / 2) * hiddenSize² has already been checked to be a valid dimension. */
static int check_hidden_multiple(wn_call *c, uint64_t hidden, uint64_t factor)
{
    if (!wn_is_valid_dimension(hidden * factor))
        return wn_fail(c, WN_TYPE_ERROR, "hiddenSize * %llu = %llu is not a valid dimension",
                       (unsigned long long)factor, (unsigned long long)(hidden * factor));
    return 0;
}

/* "If its size is not <n>, then throw a TypeError" (only when the option exists). */
static int check_activations(wn_call *c, uint32_t n)
{
    if (wn_arg_present(c, "activations") && wn_arg_count(c, "activations") != n)
        return wn_fail(c, WN_TYPE_ERROR, "activations has %u functions, it needs %u",
                       wn_arg_count(c, "activations"), n);
    return 0;
}

/* "shape is equal to « dims »"; dims are exact (64-bit) products of the spec's math. */
static bool shape_is(const wn_desc *d, uint32_t rank, const uint64_t *dims)
{
    if (d->rank != rank) return false;
    for (uint32_t k = 0; k < rank; k++)
        if ((uint64_t)d->dims[k] != dims[k]) return false;
    return true;
}

/* Throws a TypeError naming the operand when it is present and its shape is not dims. */
static int check_shape(wn_call *c, const char *name, uint32_t rank, const uint64_t *dims)
{
    const wn_desc *d = wn_arg_desc(c, name);
    char have[96];
    if (!d || shape_is(d, rank, dims)) return 0;
    wn_shape_str(d, have, sizeof have);
    if (rank == 1)
        return wn_fail(c, WN_TYPE_ERROR, "%s has shape %s, it must be [%llu]", name, have,
                       (unsigned long long)dims[0]);
    if (rank == 2)
        return wn_fail(c, WN_TYPE_ERROR, "%s has shape %s, it must be [%llu, %llu]", name, have,
                       (unsigned long long)dims[0], (unsigned long long)dims[1]);
    return wn_fail(c, WN_TYPE_ERROR, "%s has shape %s, it must be [%llu, %llu, %llu]", name, have,
                   (unsigned long long)dims[0], (unsigned long long)dims[1], (unsigned long long)dims[2]);
}

/* Copies n elements of t starting at offset into dst as doubles; zeros when t is absent. */
static void load(const wn_tensor *t, size_t offset, size_t n, double *dst)
{
    for (size_t k = 0; k < n; k++) dst[k] = t ? wn_get_f64(t, offset + k) : 0.0;
}

static void round_all(double *v, size_t n, wn_dtype t)
{
    for (size_t k = 0; k < n; k++) v[k] = wn_round_to_dtype(v[k], t);
}

static void store(wn_tensor *t, size_t offset, const double *src, size_t n)
{
    for (size_t k = 0; k < n; k++) wn_put_f64(t, offset + k, src[k]);
}

/* sum_k a[k] * w[k] over one row: the matmul(x, transpose(slice(W))) of the emulation. */
static double dot(const double *a, const double *w, size_t n)
{
    double s = 0.0;
    for (size_t k = 0; k < n; k++) s += a[k] * w[k];
    return s;
}

/* One cell's parameters, as doubles, for one direction. Gate g's rows start at row
 * gate_row[g] * hidden of weight/recurrentWeight and the same offset of the biases. */
typedef struct cell_params {
    size_t batch, input_size, hidden;
    double *w;      /* [gates * hidden, input_size] */
    double *r;      /* [gates * hidden, hidden] */
    double *b;      /* [gates * hidden], zeros when absent */
    double *rb;     /* [gates * hidden], zeros when absent */
    double *p;      /* lstm peepholes [3 * hidden] (i, o, f), NULL when absent */
    size_t gate_row[4];
    rnn_act act[3];
} cell_params;

static void cell_free(cell_params *p)
{
    free(p->w);
    free(p->r);
    free(p->b);
    free(p->rb);
    free(p->p);
    memset(p, 0, sizeof *p);
}

/* Allocates the parameter arrays of a cell with `gates` gates (peepholes when asked). */
static int cell_alloc(wn_call *c, cell_params *p, size_t gates, bool peephole)
{
    size_t rows = gates * p->hidden;
    p->w = calloc(rows * p->input_size, sizeof(double));
    p->r = calloc(rows * p->hidden, sizeof(double));
    p->b = calloc(rows, sizeof(double));
    p->rb = calloc(rows, sizeof(double));
    p->p = peephole ? calloc(3 * p->hidden, sizeof(double)) : NULL;
    if (!p->w || !p->r || !p->b || !p->rb || (peephole && !p->p)) {
        cell_free(p);
        return wn_set_error(c->err, WN_RESOURCE_ERROR, "%s: out of memory", c->spec->name);
    }
    return 0;
}

/* Loads direction dir's slices of the weights and biases (dir 0 for the cells). */
static void cell_load(const wn_call *c, cell_params *p, size_t gates, size_t dir)
{
    size_t rows = gates * p->hidden;
    load(wn_in(c, "weight"), dir * rows * p->input_size, rows * p->input_size, p->w);
    load(wn_in(c, "recurrentWeight"), dir * rows * p->hidden, rows * p->hidden, p->r);
    load(wn_in(c, "bias"), dir * rows, rows, p->b);
    load(wn_in(c, "recurrentBias"), dir * rows, rows, p->rb);
    if (p->p) load(wn_in(c, "peepholeWeight"), dir * 3 * p->hidden, 3 * p->hidden, p->p);
}

/* Row index (into the stacked weights) of unit j of gate g. */
static size_t row_of(const cell_params *p, int g, size_t j) { return p->gate_row[g] * p->hidden + j; }

/* x·W[row]ᵀ and h·R[row]ᵀ for one batch row. */
static double x_dot(const cell_params *p, const double *x, size_t row)
{
    return dot(x, p->w + row * p->input_size, p->input_size);
}
static double h_dot(const cell_params *p, const double *h, size_t row)
{
    return dot(h, p->r + row * p->hidden, p->hidden);
}

/* ---------------------------------------------------------------- GRU ---- */

enum { GRU_Z, GRU_R, GRU_N };

/* MLGruWeightLayout: where z, r and n sit in the 3 * hiddenSize dimension. */
static void gru_layout(const wn_call *c, cell_params *p)
{
    bool rzn = strcmp(wn_arg_enum(c, "layout", "zrn"), "rzn") == 0;
    p->gate_row[GRU_Z] = rzn ? 1 : 0;
    p->gate_row[GRU_R] = rzn ? 0 : 1;
    p->gate_row[GRU_N] = 2;
}

/* One GRU step (the gruCell emulation) for every batch row; writes the new hidden state
 * in double. x: [batch, input_size], h: [batch, hidden], out: [batch, hidden]; rh is
 * scratch of hidden doubles. act[0] is for z and r, act[1] for n. */
static void gru_step(const cell_params *p, bool reset_after, const double *x, const double *h,
                     double *out, double *rh)
{
    size_t H = p->hidden;
    for (size_t b = 0; b < p->batch; b++) {
        const double *xb = x + b * p->input_size, *hb = h + b * H;
        /* r for every unit first: without resetAfter, n needs all of r ⊙ h */
        for (size_t j = 0; j < H; j++) {
            size_t rr = row_of(p, GRU_R, j);
            double r = act_apply(p->act[0], (p->b[rr] + p->rb[rr]) + (x_dot(p, xb, rr) + h_dot(p, hb, rr)));
            rh[j] = r;
        }
        for (size_t j = 0; j < H; j++) {
            size_t rz = row_of(p, GRU_Z, j), rn = row_of(p, GRU_N, j);
            double z = act_apply(p->act[0], (p->b[rz] + p->rb[rz]) + (x_dot(p, xb, rz) + h_dot(p, hb, rz)));
            double r = rh[j], n;
            if (reset_after) {
                n = act_apply(p->act[1], p->b[rn] + (x_dot(p, xb, rn) + r * (p->rb[rn] + h_dot(p, hb, rn))));
            } else {
                double rh_dot = 0.0; /* (r ⊙ h)·Rnᵀ */
                for (size_t k = 0; k < H; k++) rh_dot += (rh[k] * hb[k]) * p->r[rn * H + k];
                n = act_apply(p->act[1], (p->b[rn] + p->rb[rn]) + (x_dot(p, xb, rn) + rh_dot));
            }
            out[b * H + j] = z * hb[j] + n * (1.0 - z);
        }
    }
}

static const rnn_act gru_default_acts[2] = {ACT_SIGMOID, ACT_TANH};

/* gruCell (#api-mlgraphbuilder-grucell): builder steps after the generic type/rank checks. */
static int build_gruCell(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint64_t hidden = wn_arg_uint(c, "hiddenSize", 0);
    uint64_t batch = input->dims[0], input_size = input->dims[1];
    if (check_shape(c, "weight", 2, (uint64_t[]){3 * hidden, input_size}) != 0) return -1;
    if (check_shape(c, "recurrentWeight", 2, (uint64_t[]){3 * hidden, hidden}) != 0) return -1;
    if (check_shape(c, "hiddenState", 2, (uint64_t[]){batch, hidden}) != 0) return -1;
    if (check_hidden_multiple(c, hidden, 6) != 0) return -1;
    if (check_shape(c, "bias", 1, (uint64_t[]){3 * hidden}) != 0) return -1;
    if (check_shape(c, "recurrentBias", 1, (uint64_t[]){3 * hidden}) != 0) return -1;
    if (check_activations(c, 2) != 0) return -1;
    wn_desc out = {.dtype = input->dtype, .rank = 2, .dims = {(uint32_t)batch, (uint32_t)hidden}};
    return wn_add_output(c, &out);
}

static int compute_gruCell(wn_call *c)
{
    const wn_tensor *input = wn_in(c, "input");
    wn_tensor *out = wn_out(c, 0);
    cell_params p = {.batch = input->desc.dims[0], .input_size = input->desc.dims[1],
                     .hidden = wn_arg_uint(c, "hiddenSize", 0)};
    size_t nx = p.batch * p.input_size, nh = p.batch * p.hidden;
    int rc = -1;
    gru_layout(c, &p);
    read_activations(c, p.act, 2, gru_default_acts);
    if (cell_alloc(c, &p, 3, false) != 0) return -1;
    double *x = calloc(nx, sizeof *x), *h = calloc(nh, sizeof *h), *hn = calloc(nh, sizeof *hn);
    double *scratch = calloc(p.hidden, sizeof *scratch);
    if (!x || !h || !hn || !scratch) {
        wn_set_error(c->err, WN_RESOURCE_ERROR, "gruCell: out of memory");
        goto done;
    }
    cell_load(c, &p, 3, 0);
    load(input, 0, nx, x);
    load(wn_in(c, "hiddenState"), 0, nh, h);
    gru_step(&p, wn_arg_bool(c, "resetAfter", true), x, h, hn, scratch);
    store(out, 0, hn, nh);
    rc = 0;
done:
    free(x);
    free(h);
    free(hn);
    free(scratch);
    cell_free(&p);
    return rc;
}

static uint64_t num_directions(const wn_call *c)
{
    return strcmp(wn_arg_enum(c, "direction", "forward"), "both") == 0 ? 2 : 1;
}

/* gru (#api-mlgraphbuilder-gru): builder steps after the generic type/rank checks. */
static int build_gru(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint64_t steps = wn_arg_uint(c, "steps", 0), hidden = wn_arg_uint(c, "hiddenSize", 0);
    /* the spec has no steps == 0 check here (lstm has); shape[0] >= 1 rejects it anyway */
    if (input->dims[0] != steps)
        return wn_fail(c, WN_TYPE_ERROR, "input.shape[0] is %u, steps is %llu", input->dims[0],
                       (unsigned long long)steps);
    uint64_t batch = input->dims[1], input_size = input->dims[2], nd = num_directions(c);
    if (check_shape(c, "weight", 3, (uint64_t[]){nd, 3 * hidden, input_size}) != 0) return -1;
    if (check_shape(c, "recurrentWeight", 3, (uint64_t[]){nd, 3 * hidden, hidden}) != 0) return -1;
    if (check_hidden_multiple(c, hidden, 6) != 0) return -1;
    if (check_shape(c, "bias", 2, (uint64_t[]){nd, 3 * hidden}) != 0) return -1;
    if (check_shape(c, "recurrentBias", 2, (uint64_t[]){nd, 3 * hidden}) != 0) return -1;
    if (check_shape(c, "initialHiddenState", 3, (uint64_t[]){nd, batch, hidden}) != 0) return -1;
    if (check_activations(c, 2) != 0) return -1;
    wn_desc out0 = {.dtype = input->dtype, .rank = 3, .dims = {(uint32_t)nd, (uint32_t)batch, (uint32_t)hidden}};
    if (wn_add_output(c, &out0) != 0) return -1;
    if (!wn_arg_bool(c, "returnSequence", false)) return 0;
    wn_desc out1 = {.dtype = input->dtype, .rank = 4,
                    .dims = {(uint32_t)steps, (uint32_t)nd, (uint32_t)batch, (uint32_t)hidden}};
    return wn_add_output(c, &out1);
}

/* The input time index a direction reads at step `step` (the emulation's `slice`). */
static size_t time_index(const wn_call *c, size_t dir, size_t step, size_t steps)
{
    bool backward = dir == 1 || strcmp(wn_arg_enum(c, "direction", "forward"), "backward") == 0;
    return backward ? steps - step - 1 : step;
}

static int compute_gru(wn_call *c)
{
    const wn_tensor *input = wn_in(c, "input"), *h0 = wn_in(c, "initialHiddenState");
    wn_tensor *out_hidden = wn_out(c, 0);
    wn_tensor *out_seq = wn_arg_bool(c, "returnSequence", false) ? wn_out(c, 1) : NULL;
    wn_dtype dt = input->desc.dtype;
    size_t steps = input->desc.dims[0], nd = num_directions(c);
    cell_params p = {.batch = input->desc.dims[1], .input_size = input->desc.dims[2],
                     .hidden = wn_arg_uint(c, "hiddenSize", 0)};
    size_t nx = p.batch * p.input_size, nh = p.batch * p.hidden;
    bool reset_after = wn_arg_bool(c, "resetAfter", true);
    int rc = -1;
    gru_layout(c, &p);
    read_activations(c, p.act, 2, gru_default_acts);
    if (cell_alloc(c, &p, 3, false) != 0) return -1;
    double *x = calloc(nx, sizeof *x), *h = calloc(nh, sizeof *h), *hn = calloc(nh, sizeof *hn);
    double *scratch = calloc(p.hidden, sizeof *scratch);
    if (!x || !h || !hn || !scratch) {
        wn_set_error(c->err, WN_RESOURCE_ERROR, "gru: out of memory");
        goto done;
    }
    for (size_t dir = 0; dir < nd; dir++) {
        cell_load(c, &p, 3, dir);
        load(h0, dir * nh, nh, h); /* zeros when absent */
        for (size_t step = 0; step < steps; step++) {
            size_t t = time_index(c, dir, step, steps);
            load(input, t * nx, nx, x);
            gru_step(&p, reset_after, x, h, hn, scratch);
            round_all(hn, nh, dt); /* the state is an MLOperand of the input's type */
            memcpy(h, hn, nh * sizeof *h);
            /* sequence[t][dir]: backward results land at the time index they read */
            if (out_seq) store(out_seq, (t * nd + dir) * nh, h, nh);
        }
        store(out_hidden, dir * nh, h, nh);
    }
    rc = 0;
done:
    free(x);
    free(h);
    free(hn);
    free(scratch);
    cell_free(&p);
    return rc;
}

/* ---------------------------------------------------------------- LSTM ---- */

enum { LSTM_I, LSTM_O, LSTM_F, LSTM_G };
/* peepholeWeight is packed i, o, f whatever the layout */
enum { PEEP_I = 0, PEEP_O = 1, PEEP_F = 2 };

/* MLLstmWeightLayout: where i, o, f and g sit in the 4 * hiddenSize dimension. */
static void lstm_layout(const wn_call *c, cell_params *p)
{
    bool ifgo = strcmp(wn_arg_enum(c, "layout", "iofg"), "ifgo") == 0;
    p->gate_row[LSTM_I] = 0;
    p->gate_row[LSTM_O] = ifgo ? 3 : 1;
    p->gate_row[LSTM_F] = ifgo ? 1 : 2;
    p->gate_row[LSTM_G] = ifgo ? 2 : 3;
}

/* (b + rb) + (x·Wᵀ + h·Rᵀ) for unit j of gate g: the emulation's gate sum. */
static double gate_sum(const cell_params *p, int g, size_t j, const double *x, const double *h)
{
    size_t row = row_of(p, g, j);
    return (p->b[row] + p->rb[row]) + (x_dot(p, x, row) + h_dot(p, h, row));
}

/* The peephole term c ⊙ P for unit j; an absent peephole contributes nothing. */
static double peep(const cell_params *p, int which, size_t j, double cell)
{
    return p->p ? cell * p->p[which * p->hidden + j] : 0.0;
}

/* One LSTM step (the lstmCell emulation) for every batch row, in double. act[0] is for
 * i, f and o, act[1] for g, act[2] filters the new cell state into the hidden state. */
static void lstm_step(const cell_params *p, const double *x, const double *h, const double *cell,
                      double *h_out, double *c_out)
{
    size_t H = p->hidden;
    for (size_t b = 0; b < p->batch; b++) {
        const double *xb = x + b * p->input_size, *hb = h + b * H, *cb = cell + b * H;
        for (size_t j = 0; j < H; j++) {
            double i = act_apply(p->act[0], peep(p, PEEP_I, j, cb[j]) + gate_sum(p, LSTM_I, j, xb, hb));
            double f = act_apply(p->act[0], peep(p, PEEP_F, j, cb[j]) + gate_sum(p, LSTM_F, j, xb, hb));
            double g = act_apply(p->act[1], gate_sum(p, LSTM_G, j, xb, hb));
            /* the emulation's output-gate peephole reads the previous cell state */
            double o = act_apply(p->act[0], peep(p, PEEP_O, j, cb[j]) + gate_sum(p, LSTM_O, j, xb, hb));
            double ct = f * cb[j] + i * g;
            c_out[b * H + j] = ct;
            h_out[b * H + j] = o * act_apply(p->act[2], ct); /* ct unrounded: same step */
        }
    }
}

static const rnn_act lstm_default_acts[3] = {ACT_SIGMOID, ACT_TANH, ACT_TANH};

/* lstmCell (#api-mlgraphbuilder-lstmcell): builder steps after the generic type/rank checks. */
static int build_lstmCell(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint64_t hidden = wn_arg_uint(c, "hiddenSize", 0);
    uint64_t batch = input->dims[0], input_size = input->dims[1];
    if (check_shape(c, "weight", 2, (uint64_t[]){4 * hidden, input_size}) != 0) return -1;
    if (check_shape(c, "recurrentWeight", 2, (uint64_t[]){4 * hidden, hidden}) != 0) return -1;
    if (check_shape(c, "hiddenState", 2, (uint64_t[]){batch, hidden}) != 0) return -1;
    if (check_shape(c, "cellState", 2, (uint64_t[]){batch, hidden}) != 0) return -1;
    if (check_hidden_multiple(c, hidden, 8) != 0) return -1;
    if (check_shape(c, "bias", 1, (uint64_t[]){4 * hidden}) != 0) return -1;
    if (check_shape(c, "recurrentBias", 1, (uint64_t[]){4 * hidden}) != 0) return -1;
    if (check_shape(c, "peepholeWeight", 1, (uint64_t[]){3 * hidden}) != 0) return -1;
    if (check_activations(c, 3) != 0) return -1;
    wn_desc out = {.dtype = input->dtype, .rank = 2, .dims = {(uint32_t)batch, (uint32_t)hidden}};
    if (wn_add_output(c, &out) != 0) return -1;
    return wn_add_output(c, &out);
}

static int compute_lstmCell(wn_call *c)
{
    const wn_tensor *input = wn_in(c, "input");
    cell_params p = {.batch = input->desc.dims[0], .input_size = input->desc.dims[1],
                     .hidden = wn_arg_uint(c, "hiddenSize", 0)};
    size_t nx = p.batch * p.input_size, nh = p.batch * p.hidden;
    int rc = -1;
    lstm_layout(c, &p);
    read_activations(c, p.act, 3, lstm_default_acts);
    if (cell_alloc(c, &p, 4, wn_in(c, "peepholeWeight") != NULL) != 0) return -1;
    double *x = calloc(nx, sizeof *x), *h = calloc(nh, sizeof *h), *cs = calloc(nh, sizeof *cs);
    double *hn = calloc(nh, sizeof *hn), *cn = calloc(nh, sizeof *cn);
    if (!x || !h || !cs || !hn || !cn) {
        wn_set_error(c->err, WN_RESOURCE_ERROR, "lstmCell: out of memory");
        goto done;
    }
    cell_load(c, &p, 4, 0);
    load(input, 0, nx, x);
    load(wn_in(c, "hiddenState"), 0, nh, h);
    load(wn_in(c, "cellState"), 0, nh, cs);
    lstm_step(&p, x, h, cs, hn, cn);
    store(wn_out(c, 0), 0, hn, nh);
    store(wn_out(c, 1), 0, cn, nh);
    rc = 0;
done:
    free(x);
    free(h);
    free(cs);
    free(hn);
    free(cn);
    cell_free(&p);
    return rc;
}

/* lstm (#api-mlgraphbuilder-lstm): builder steps after the generic type/rank checks. */
static int build_lstm(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint64_t steps = wn_arg_uint(c, "steps", 0), hidden = wn_arg_uint(c, "hiddenSize", 0);
    uint64_t nd = num_directions(c);
    if (steps == 0) return wn_fail(c, WN_TYPE_ERROR, "steps is 0");
    if (input->dims[0] != steps)
        return wn_fail(c, WN_TYPE_ERROR, "input.shape[0] is %u, steps is %llu", input->dims[0],
                       (unsigned long long)steps);
    uint64_t batch = input->dims[1], input_size = input->dims[2];
    if (check_shape(c, "weight", 3, (uint64_t[]){nd, 4 * hidden, input_size}) != 0) return -1;
    if (check_shape(c, "recurrentWeight", 3, (uint64_t[]){nd, 4 * hidden, hidden}) != 0) return -1;
    if (check_hidden_multiple(c, hidden, 8) != 0) return -1;
    if (check_shape(c, "bias", 2, (uint64_t[]){nd, 4 * hidden}) != 0) return -1;
    if (check_shape(c, "recurrentBias", 2, (uint64_t[]){nd, 4 * hidden}) != 0) return -1;
    if (check_shape(c, "peepholeWeight", 2, (uint64_t[]){nd, 3 * hidden}) != 0) return -1;
    if (check_shape(c, "initialHiddenState", 3, (uint64_t[]){nd, batch, hidden}) != 0) return -1;
    if (check_shape(c, "initialCellState", 3, (uint64_t[]){nd, batch, hidden}) != 0) return -1;
    if (check_activations(c, 3) != 0) return -1;
    wn_desc desc = {.dtype = input->dtype, .rank = 3, .dims = {(uint32_t)nd, (uint32_t)batch, (uint32_t)hidden}};
    if (wn_add_output(c, &desc) != 0 || wn_add_output(c, &desc) != 0) return -1;
    if (!wn_arg_bool(c, "returnSequence", false)) return 0;
    wn_desc desc2 = {.dtype = input->dtype, .rank = 4,
                     .dims = {(uint32_t)steps, (uint32_t)nd, (uint32_t)batch, (uint32_t)hidden}};
    return wn_add_output(c, &desc2);
}

static int compute_lstm(wn_call *c)
{
    const wn_tensor *input = wn_in(c, "input");
    const wn_tensor *h0 = wn_in(c, "initialHiddenState"), *c0 = wn_in(c, "initialCellState");
    wn_tensor *out_seq = wn_arg_bool(c, "returnSequence", false) ? wn_out(c, 2) : NULL;
    wn_dtype dt = input->desc.dtype;
    size_t steps = input->desc.dims[0], nd = num_directions(c);
    cell_params p = {.batch = input->desc.dims[1], .input_size = input->desc.dims[2],
                     .hidden = wn_arg_uint(c, "hiddenSize", 0)};
    size_t nx = p.batch * p.input_size, nh = p.batch * p.hidden;
    int rc = -1;
    lstm_layout(c, &p);
    read_activations(c, p.act, 3, lstm_default_acts);
    if (cell_alloc(c, &p, 4, wn_in(c, "peepholeWeight") != NULL) != 0) return -1;
    double *x = calloc(nx, sizeof *x), *h = calloc(nh, sizeof *h), *cs = calloc(nh, sizeof *cs);
    double *hn = calloc(nh, sizeof *hn), *cn = calloc(nh, sizeof *cn);
    if (!x || !h || !cs || !hn || !cn) {
        wn_set_error(c->err, WN_RESOURCE_ERROR, "lstm: out of memory");
        goto done;
    }
    for (size_t dir = 0; dir < nd; dir++) {
        cell_load(c, &p, 4, dir);
        load(h0, dir * nh, nh, h); /* zeros when absent */
        load(c0, dir * nh, nh, cs);
        for (size_t step = 0; step < steps; step++) {
            size_t t = time_index(c, dir, step, steps);
            load(input, t * nx, nx, x);
            lstm_step(&p, x, h, cs, hn, cn);
            round_all(hn, nh, dt); /* both states are MLOperands of the input's type */
            round_all(cn, nh, dt);
            memcpy(h, hn, nh * sizeof *h);
            memcpy(cs, cn, nh * sizeof *cs);
            if (out_seq) store(out_seq, (t * nd + dir) * nh, h, nh);
        }
        store(wn_out(c, 0), dir * nh, h, nh);
        store(wn_out(c, 1), dir * nh, cs, nh);
    }
    rc = 0;
done:
    free(x);
    free(h);
    free(cs);
    free(hn);
    free(cn);
    cell_free(&p);
    return rc;
}

const wn_op_impl wn_ops_recurrent[] = {
    {"gru", build_gru, compute_gru},
    {"gruCell", build_gruCell, compute_gruCell},
    {"lstm", build_lstm, compute_lstm},
    {"lstmCell", build_lstmCell, compute_lstmCell},
    {NULL, NULL, NULL},
};
