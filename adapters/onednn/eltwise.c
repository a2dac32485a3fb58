/* Element-wise unary ops and activations on oneDNN's eltwise primitive (one algorithm and its
 * alpha/beta per WebNN op), identity as a reorder, hardSigmoid as linear then clip (two
 * eltwise primitives: 2.6 has no hardsigmoid algorithm), prelu on the prelu primitive.
 *
 * oneDNN 2.6 definitions used (dnnl_types.h, the developer guide's eltwise table):
 * relu(alpha) = x > 0 ? x : alpha*x; elu(alpha) = x > 0 ? x : alpha*(e^x - 1);
 * linear(alpha, beta) = alpha*x + beta; clip_v2(alpha, beta) = min(max(x, alpha), beta);
 * pow(alpha, beta) = alpha * x^beta; soft_relu = log(1 + e^x); hardswish = x*relu6(x + 3)/6;
 * gelu_erf = x/2 * (1 + erf(x/sqrt 2)); round = nearest, ties to even. */
#include <math.h>
#include <string.h>

#include "dnn.h"

typedef struct eltwise_map {
    const char *op;
    dnnl_alg_kind_t alg;
    float alpha, beta;            /* fixed parameters, or the defaults of the arguments below */
    const char *alpha_arg, *beta_arg;
} eltwise_map;

static const eltwise_map maps[] = {
    {"abs", dnnl_eltwise_abs, 0, 0, NULL, NULL},
    {"exp", dnnl_eltwise_exp, 0, 0, NULL, NULL},
    {"log", dnnl_eltwise_log, 0, 0, NULL, NULL},
    {"sqrt", dnnl_eltwise_sqrt, 0, 0, NULL, NULL},
    {"neg", dnnl_eltwise_linear, -1, 0, NULL, NULL},
    {"reciprocal", dnnl_eltwise_pow, 1, -1, NULL, NULL},
    {"roundEven", dnnl_eltwise_round, 0, 0, NULL, NULL},
    {"relu", dnnl_eltwise_relu, 0, 0, NULL, NULL},
    {"leakyRelu", dnnl_eltwise_relu, 0.01f, 0, "alpha", NULL},
    {"elu", dnnl_eltwise_elu, 1, 0, "alpha", NULL},
    {"sigmoid", dnnl_eltwise_logistic, 0, 0, NULL, NULL},
    {"tanh", dnnl_eltwise_tanh, 0, 0, NULL, NULL},
    {"gelu", dnnl_eltwise_gelu_erf, 0, 0, NULL, NULL},
    {"softplus", dnnl_eltwise_soft_relu, 0, 0, NULL, NULL},
    {"hardSwish", dnnl_eltwise_hardswish, 0, 0, NULL, NULL},
    {"linear", dnnl_eltwise_linear, 1, 0, "alpha", "beta"},
    {"clamp", dnnl_eltwise_clip_v2, -INFINITY, INFINITY, "minValue", "maxValue"},
};

static const eltwise_map *find_map(const char *op)
{
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
        if (strcmp(maps[i].op, op) == 0) return &maps[i];
    return NULL;
}

/* One eltwise primitive from value x to value y (same memory descriptor). */
static int eltwise_step(dnn_graph *g, dnnl_alg_kind_t alg, float alpha, float beta, uint32_t x, uint32_t y,
                        wna_error *err)
{
    dnnl_eltwise_desc_t d;
    if (dnn_check(dnnl_eltwise_forward_desc_init(&d, dnnl_forward_inference, alg, &g->values[x].md, alpha, beta), err,
                  "eltwise") != 0)
        return -1;
    const dnn_io io[2] = {{DNNL_ARG_SRC, x}, {DNNL_ARG_DST, y}};
    return dnn_step_add(g, &d, NULL, io, 1, 2, err);
}

static int build_eltwise(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    const eltwise_map *m = find_map(op->op);
    int64_t in = obl_arg_operand(op, "input");
    if (!m || in < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    float alpha = m->alpha, beta = m->beta;
    if ((m->alpha_arg && dnn_param(g, (uint32_t)in, obl_arg_double(op, m->alpha_arg, m->alpha), &alpha, err) != 0) ||
        (m->beta_arg && dnn_param(g, (uint32_t)in, obl_arg_double(op, m->beta_arg, m->beta), &beta, err) != 0))
        return -1;
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, (uint32_t)in);
    uint32_t x, y;
    if (dnn_input(g, (uint32_t)in, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0) return -1;
    if (eltwise_step(g, m->alg, alpha, beta, x, y, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

/* hardSigmoid = max(0, min(1, alpha*x + beta)): linear into a temporary, then clip. */
static int build_hard_sigmoid(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    float alpha, beta;
    if (dnn_param(g, (uint32_t)in, obl_arg_double(op, "alpha", 0.2), &alpha, err) != 0 ||
        dnn_param(g, (uint32_t)in, obl_arg_double(op, "beta", 0.5), &beta, err) != 0)
        return -1;
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, (uint32_t)in);
    uint32_t x, y, t;
    if (dnn_input(g, (uint32_t)in, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0) return -1;
    if (dnn_temp(g, &g->values[y].md, &t, err) != 0) return -1;
    if (eltwise_step(g, dnnl_eltwise_linear, alpha, beta, x, t, err) != 0) return -1;
    if (eltwise_step(g, dnnl_eltwise_clip_v2, 0.0f, 1.0f, t, y, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

/* identity: a reorder between two plain descriptors (a copy done by oneDNN). */
static int build_identity(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    return dnn_reorder(g, (uint32_t)in, NULL, op->outputs[0], NULL, err);
}

/* prelu: oneDNN's prelu primitive broadcasts the slope to the input. */
static int build_prelu(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input"), sl = obl_arg_operand(op, "slope");
    if (in < 0 || sl < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    uint32_t out = op->outputs[0];
    const wna_desc *di = dnn_desc(g, (uint32_t)in), *ds = dnn_desc(g, (uint32_t)sl), *dout = dnn_desc(g, out);
    dnnl_data_type_t dt = dnn_compute_dt(g, (uint32_t)in);
    uint32_t x, s, y;
    if (dnn_input(g, (uint32_t)in, dt, &x, err) != 0 || dnn_input(g, (uint32_t)sl, dt, &s, err) != 0 ||
        dnn_output(g, out, dt, &y, err) != 0)
        return -1;
    if (dout->rank != di->rank || memcmp(dout->dims, di->dims, di->rank * sizeof di->dims[0]) != 0) {
        /* oneDNN broadcasts the slope only: the input expanded first (a reorder from a stride-0 view) */
        dnnl_memory_desc_t bmd;
        uint32_t xe;
        if (dnn_broadcast_md(g, x, dout->rank, dout->dims, 1, &bmd) != 0 ||
            dnn_temp(g, &g->values[y].md, &xe, err) != 0 || dnn_reorder(g, x, &bmd, xe, NULL, err) != 0)
            return dnn_fail(err, WNA_OPERATION_ERROR, "expanding the input");
        x = xe;
        di = dout;
    }
    /* the slope viewed at the input's rank (leading 1s): a descriptor over the same bytes */
    uint32_t sdims[WNA_MAX_RANK];
    uint32_t rank = di->rank;
    for (uint32_t i = 0; i < rank; i++) sdims[i] = i < rank - ds->rank ? 1 : ds->dims[i - (rank - ds->rank)];
    dnnl_memory_desc_t smd;
    if (dnn_md_plain(&smd, rank, sdims, dt) != 0) return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    uint32_t sv;
    if (dnn_view(g, s, &smd, &sv, err) != 0) return -1;
    dnnl_prelu_desc_t d;
    if (dnn_check(dnnl_prelu_forward_desc_init(&d, dnnl_forward_inference, &g->values[x].md, &smd), err, "prelu") != 0)
        return -1;
    const dnn_io io[3] = {{DNNL_ARG_SRC, x}, {DNNL_ARG_WEIGHTS, sv}, {DNNL_ARG_DST, y}};
    if (dnn_step_add(g, &d, NULL, io, 2, 3, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

#define N_ALL 0, WNA_MAX_RANK
static const wna_operand_limits float_unary[] = {{"input", DNN_FLOATS, N_ALL}, {"output", DNN_FLOATS, N_ALL}};
/* identity is a reorder (every type); oneDNN's eltwise refuses integer abs/neg/clip (status 2) */
static const wna_operand_limits any_unary[] = {{"input", DNN_FLOATS | DNN_INTS, N_ALL},
                                               {"output", DNN_FLOATS | DNN_INTS, N_ALL}};
static const wna_operand_limits prelu_limits[] = {
    {"input", DNN_FLOATS, N_ALL}, {"slope", DNN_FLOATS, N_ALL}, {"output", DNN_FLOATS, N_ALL}};

#define FLOAT_OP(name) {name, float_unary, 2, build_eltwise}
static const dnn_op ops[] = {
    FLOAT_OP("abs"),
    FLOAT_OP("exp"),
    FLOAT_OP("log"),
    FLOAT_OP("sqrt"),
    FLOAT_OP("neg"),
    FLOAT_OP("reciprocal"),
    FLOAT_OP("roundEven"),
    FLOAT_OP("relu"),
    FLOAT_OP("leakyRelu"),
    FLOAT_OP("elu"),
    FLOAT_OP("sigmoid"),
    FLOAT_OP("tanh"),
    FLOAT_OP("gelu"),
    FLOAT_OP("softplus"),
    FLOAT_OP("hardSwish"),
    FLOAT_OP("linear"),
    FLOAT_OP("clamp"),
    {"hardSigmoid", float_unary, 2, build_hard_sigmoid},
    {"identity", any_unary, 2, build_identity},
    {"prelu", prelu_limits, 3, build_prelu},
};

const dnn_op_set dnn_set_eltwise = {ops, sizeof ops / sizeof ops[0]};
