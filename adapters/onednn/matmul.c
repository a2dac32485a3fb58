/* matmul and gemm on oneDNN's matmul primitive. matmul: both operands viewed at the output's
 * rank (leading 1s), oneDNN broadcasts the batch dimensions. gemm: a transposed operand is a
 * strided view of the same bytes, alpha the primitive's output scale, c a binary add post-op
 * (beta*c first computed by an eltwise linear primitive when beta != 1). */
#include <string.h>

#include "dnn.h"

static int view_at_rank(dnn_graph *g, uint32_t k, uint32_t rank, uint32_t *out, wna_error *err)
{
    dnnl_memory_desc_t md;
    if (dnn_broadcast_md(g, k, rank, NULL, 0, &md) != 0) return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    return dnn_view(g, k, &md, out, err);
}

static int build_matmul(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t ia = obl_arg_operand(op, "a"), ib = obl_arg_operand(op, "b");
    if (ia < 0 || ib < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    uint32_t out = op->outputs[0];
    uint32_t rank = dnn_desc(g, out)->rank;
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t a, b, y, av, bv;
    if (dnn_input(g, (uint32_t)ia, dt, &a, err) != 0 || dnn_input(g, (uint32_t)ib, dt, &b, err) != 0 ||
        dnn_output(g, out, dt, &y, err) != 0 || view_at_rank(g, a, rank, &av, err) != 0 ||
        view_at_rank(g, b, rank, &bv, err) != 0)
        return -1;
    dnnl_matmul_desc_t d;
    if (dnn_check(dnnl_matmul_desc_init(&d, &g->values[av].md, &g->values[bv].md, NULL, &g->values[y].md), err,
                  "matmul") != 0)
        return -1;
    const dnn_io io[3] = {{DNNL_ARG_SRC, av}, {DNNL_ARG_WEIGHTS, bv}, {DNNL_ARG_DST, y}};
    if (dnn_step_add(g, &d, NULL, io, 2, 3, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

/* A 2-D operand, transposed by its strides when asked. */
static int view_2d(dnn_graph *g, uint32_t k, int transpose, uint32_t *out, wna_error *err)
{
    const dnnl_memory_desc_t *md = &g->values[k].md;
    if (!transpose) {
        *out = k;
        return 0;
    }
    dnnl_dims_t dims = {md->dims[1], md->dims[0]}, strides = {1, md->dims[1]};
    dnnl_memory_desc_t t;
    if (dnnl_memory_desc_init_by_strides(&t, 2, dims, md->data_type, strides) != dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    return dnn_view(g, k, &t, out, err);
}

static int build_gemm(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t ia = obl_arg_operand(op, "a"), ib = obl_arg_operand(op, "b"), ic = obl_arg_operand(op, "c");
    if (ia < 0 || ib < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    float alpha = (float)obl_arg_double(op, "alpha", 1.0), beta = (float)obl_arg_double(op, "beta", 1.0);
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t a, b, y, av, bv, cv = DNN_NONE;
    if (dnn_input(g, (uint32_t)ia, dt, &a, err) != 0 || dnn_input(g, (uint32_t)ib, dt, &b, err) != 0 ||
        dnn_output(g, out, dt, &y, err) != 0 || view_2d(g, a, obl_arg_bool(op, "aTranspose", 0), &av, err) != 0 ||
        view_2d(g, b, obl_arg_bool(op, "bTranspose", 0), &bv, err) != 0)
        return -1;
    if (ic >= 0 && beta != 0.0f) {
        uint32_t c;
        if (dnn_input(g, (uint32_t)ic, dt, &c, err) != 0 || view_at_rank(g, c, 2, &cv, err) != 0) return -1;
        if (beta != 1.0f) { /* beta * c by oneDNN, into a temporary */
            uint32_t t;
            dnnl_eltwise_desc_t e;
            if (dnn_temp(g, &g->values[cv].md, &t, err) != 0 ||
                dnn_check(dnnl_eltwise_forward_desc_init(&e, dnnl_forward_inference, dnnl_eltwise_linear,
                                                         &g->values[cv].md, beta, 0.0f),
                          err, "eltwise") != 0)
                return -1;
            const dnn_io eio[2] = {{DNNL_ARG_SRC, cv}, {DNNL_ARG_DST, t}};
            if (dnn_step_add(g, &e, NULL, eio, 1, 2, err) != 0) return -1;
            cv = t;
        }
    }
    dnnl_primitive_attr_t attr = NULL;
    dnnl_post_ops_t po = NULL;
    int rc = -1;
    if (dnn_check(dnnl_primitive_attr_create(&attr), err, "attributes") != 0) goto done;
    if (alpha != 1.0f && dnn_check(dnnl_primitive_attr_set_output_scales(attr, 1, 0, &alpha), err, "alpha") != 0)
        goto done;
    if (cv != DNN_NONE) {
        if (dnn_check(dnnl_post_ops_create(&po), err, "post-ops") != 0 ||
            dnn_check(dnnl_post_ops_append_binary(po, dnnl_binary_add, &g->values[cv].md), err, "post-op") != 0 ||
            dnn_check(dnnl_primitive_attr_set_post_ops(attr, po), err, "post-ops") != 0)
            goto done;
    }
    dnnl_matmul_desc_t d;
    if (dnn_check(dnnl_matmul_desc_init(&d, &g->values[av].md, &g->values[bv].md, NULL, &g->values[y].md), err,
                  "matmul") != 0)
        goto done;
    const dnn_io io[4] = {{DNNL_ARG_SRC, av},
                          {DNNL_ARG_WEIGHTS, bv},
                          {DNNL_ARG_ATTR_MULTIPLE_POST_OP(0) | DNNL_ARG_SRC_1, cv},
                          {DNNL_ARG_DST, y}};
    const dnn_io io_noc[3] = {io[0], io[1], io[3]};
    rc = cv != DNN_NONE ? dnn_step_add(g, &d, attr, io, 3, 4, err) : dnn_step_add(g, &d, attr, io_noc, 2, 3, err);
done:
    if (po) dnnl_post_ops_destroy(po);
    if (attr) dnnl_primitive_attr_destroy(attr);
    return rc != 0 ? -1 : dnn_output_done(g, out, y, err);
}

#define N_ALL 0, WNA_MAX_RANK
static const wna_operand_limits matmul_limits[] = {
    {"a", DNN_FLOATS, 2, WNA_MAX_RANK}, {"b", DNN_FLOATS, 2, WNA_MAX_RANK}, {"output", DNN_FLOATS, 2, WNA_MAX_RANK}};
static const wna_operand_limits gemm_limits[] = {
    {"a", DNN_FLOATS, 2, 2}, {"b", DNN_FLOATS, 2, 2}, {"c", DNN_FLOATS, 0, 2}, {"output", DNN_FLOATS, 2, 2}};

static const dnn_op ops[] = {
    {"matmul", matmul_limits, 3, build_matmul},
    {"gemm", gemm_limits, 4, build_gemm},
};

const dnn_op_set dnn_set_matmul = {ops, sizeof ops / sizeof ops[0]};
