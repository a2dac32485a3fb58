/* Reductions on oneDNN's reduction primitive (the destination keeps the reduced dimensions as
 * 1s: a view of the output when keepDimensions is false) and softmax on softmax_v2 (accurate:
 * the maximum is subtracted first). reduceL1/L2 are norm_lp_sum with p = 1/2,
 * reduceSumSquare norm_lp_power_p_sum with p = 2 (eps 0). */
#include <string.h>

#include "dnn.h"

static const struct {
    const char *op;
    dnnl_alg_kind_t alg;
    float p;
} algs[] = {
    {"reduceSum", dnnl_reduction_sum, 0},
    {"reduceMean", dnnl_reduction_mean, 0},
    {"reduceMax", dnnl_reduction_max, 0},
    {"reduceMin", dnnl_reduction_min, 0},
    {"reduceProduct", dnnl_reduction_mul, 0},
    {"reduceL1", dnnl_reduction_norm_lp_sum, 1},
    {"reduceL2", dnnl_reduction_norm_lp_sum, 2},
    {"reduceSumSquare", dnnl_reduction_norm_lp_power_p_sum, 2},
};

/* The reduction of one element: itself (a copy), |x| for L1/L2, x^2 for sumSquare. */
static int dnn_elementwise_alone(dnn_graph *g, dnnl_alg_kind_t alg, uint32_t x, uint32_t y, wna_error *err)
{
    if (alg != dnnl_reduction_norm_lp_sum && alg != dnnl_reduction_norm_lp_power_p_sum)
        return dnn_reorder(g, x, NULL, y, NULL, err);
    dnnl_eltwise_desc_t d;
    dnnl_alg_kind_t e = alg == dnnl_reduction_norm_lp_sum ? dnnl_eltwise_abs : dnnl_eltwise_square;
    if (dnn_check(dnnl_eltwise_forward_desc_init(&d, dnnl_forward_inference, e, &g->values[x].md, 0, 0), err,
                  "eltwise") != 0)
        return -1;
    const dnn_io io[2] = {{DNNL_ARG_SRC, x}, {DNNL_ARG_DST, y}};
    return dnn_step_add(g, &d, NULL, io, 1, 2, err);
}

static int build_reduce(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    size_t a = 0;
    while (a < sizeof algs / sizeof algs[0] && strcmp(algs[a].op, op->op) != 0) a++;
    int64_t ii = obl_arg_operand(op, "input");
    if (a == sizeof algs / sizeof algs[0] || ii < 0 || op->n_outputs != 1)
        return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    const wna_desc *di = dnn_desc(g, (uint32_t)ii);
    int64_t axes[WNA_MAX_RANK];
    int n = obl_arg_ints(op, "axes", axes, WNA_MAX_RANK);
    uint32_t kept[WNA_MAX_RANK];
    memcpy(kept, di->dims, sizeof kept);
    if (n < 0)
        for (uint32_t i = 0; i < di->rank; i++) kept[i] = 1; /* the spec's default: every axis */
    for (int i = 0; i < n; i++) kept[axes[i]] = 1;
    int reduces = 0;
    for (uint32_t i = 0; i < di->rank; i++) reduces |= kept[i] != di->dims[i];
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t x, y, yv;
    if (dnn_input(g, (uint32_t)ii, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0) return -1;
    if (!reduces) { /* nothing to reduce (oneDNN's reduction refuses it): each element alone */
        if (dnn_elementwise_alone(g, algs[a].alg, x, y, err) != 0) return -1;
        return dnn_output_done(g, out, y, err);
    }
    dnnl_memory_desc_t ymd;
    if (dnn_md_plain(&ymd, di->rank, kept, dt) != 0) return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    if (dnn_view(g, y, &ymd, &yv, err) != 0) return -1;
    dnnl_reduction_desc_t d;
    if (dnn_check(dnnl_reduction_desc_init(&d, algs[a].alg, &g->values[x].md, &ymd, algs[a].p, 0.0f), err,
                  "reduction") != 0)
        return -1;
    const dnn_io io[2] = {{DNNL_ARG_SRC, x}, {DNNL_ARG_DST, yv}};
    if (dnn_step_add(g, &d, NULL, io, 1, 2, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

static int build_softmax(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t ii = obl_arg_operand(op, "input");
    if (ii < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    int axis = (int)obl_arg_int(op, "axis", 0);
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t x, y;
    if (dnn_input(g, (uint32_t)ii, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0) return -1;
    dnnl_softmax_v2_desc_t d;
    if (dnn_check(dnnl_softmax_v2_forward_desc_init(&d, dnnl_forward_inference, dnnl_softmax_accurate,
                                                    &g->values[x].md, &g->values[y].md, axis),
                  err, "softmax") != 0)
        return -1;
    const dnn_io io[2] = {{DNNL_ARG_SRC, x}, {DNNL_ARG_DST, y}};
    if (dnn_step_add(g, &d, NULL, io, 1, 2, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

/* int32 is not claimed: oneDNN 2.6's s32 reduction is unimplemented over leading axes and its
 * max/min round through float32 (reduceMax of int32 near 1.6e9 off by 55) */
static const wna_operand_limits float_reduce[] = {{"input", DNN_FLOATS, 0, WNA_MAX_RANK},
                                                  {"output", DNN_FLOATS, 0, WNA_MAX_RANK}};
static const wna_operand_limits softmax_limits[] = {{"input", DNN_FLOATS, 1, WNA_MAX_RANK},
                                                    {"output", DNN_FLOATS, 1, WNA_MAX_RANK}};

static const dnn_op ops[] = {
    {"reduceSum", float_reduce, 2, build_reduce},      {"reduceMean", float_reduce, 2, build_reduce},
    {"reduceMax", float_reduce, 2, build_reduce},      {"reduceMin", float_reduce, 2, build_reduce},
    {"reduceProduct", float_reduce, 2, build_reduce},  {"reduceL1", float_reduce, 2, build_reduce},
    {"reduceL2", float_reduce, 2, build_reduce},        {"reduceSumSquare", float_reduce, 2, build_reduce},
    {"softmax", softmax_limits, 2, build_softmax},
};

const dnn_op_set dnn_set_reduce = {ops, sizeof ops / sizeof ops[0]};
