/* Element-wise binary ops and comparisons on oneDNN's binary primitive. oneDNN broadcasts
 * src1 only (src0 has the destination's shape), so a broadcast `a` is first expanded by a
 * reorder from a stride-0 view of it; both operands are viewed at the output's rank. The
 * comparisons write uint8 0/1, as WebNN's do. */
#include <string.h>

#include "dnn.h"

static const struct {
    const char *op;
    dnnl_alg_kind_t alg;
} algs[] = {
    {"add", dnnl_binary_add},
    {"sub", dnnl_binary_sub},
    {"mul", dnnl_binary_mul},
    {"div", dnnl_binary_div},
    {"max", dnnl_binary_max},
    {"min", dnnl_binary_min},
    {"equal", dnnl_binary_eq},
    {"notEqual", dnnl_binary_ne},
    {"greater", dnnl_binary_gt},
    {"greaterOrEqual", dnnl_binary_ge},
    {"lesser", dnnl_binary_lt},
    {"lesserOrEqual", dnnl_binary_le},
};

static int build_binary(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    dnnl_alg_kind_t alg = dnnl_alg_kind_undef;
    for (size_t i = 0; i < sizeof algs / sizeof algs[0]; i++)
        if (strcmp(algs[i].op, op->op) == 0) alg = algs[i].alg;
    int64_t ia = obl_arg_operand(op, "a"), ib = obl_arg_operand(op, "b");
    if (alg == dnnl_alg_kind_undef || ia < 0 || ib < 0 || op->n_outputs != 1)
        return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    uint32_t out = op->outputs[0];
    const wna_desc *dout = dnn_desc(g, out);
    dnnl_data_type_t dt = dnn_compute_dt(g, (uint32_t)ia);
    uint32_t a, b, y;
    if (dnn_input(g, (uint32_t)ia, dt, &a, err) != 0 || dnn_input(g, (uint32_t)ib, dt, &b, err) != 0 ||
        dnn_output(g, out, dnn_compute_dt(g, out), &y, err) != 0)
        return -1;
    /* the operands' descriptors at the output's rank; a broadcast `a` expanded into a temporary */
    dnnl_memory_desc_t amd, bmd;
    const wna_desc *da = dnn_desc(g, (uint32_t)ia);
    int a_full = da->rank == dout->rank && memcmp(da->dims, dout->dims, da->rank * sizeof da->dims[0]) == 0;
    if (dnn_broadcast_md(g, a, dout->rank, dout->dims, !a_full, &amd) != 0 ||
        dnn_broadcast_md(g, b, dout->rank, dout->dims, 0, &bmd) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    uint32_t av, bv;
    if (a_full) {
        if (dnn_view(g, a, &amd, &av, err) != 0) return -1;
    } else {
        dnnl_memory_desc_t full;
        if (dnn_md_plain(&full, dout->rank, dout->dims, dt) != 0)
            return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
        if (dnn_temp(g, &full, &av, err) != 0 || dnn_reorder(g, a, &amd, av, NULL, err) != 0) return -1;
    }
    if (dnn_view(g, b, &bmd, &bv, err) != 0) return -1;
    dnnl_binary_desc_t d;
    if (dnn_check(dnnl_binary_desc_init(&d, alg, &g->values[av].md, &g->values[bv].md, &g->values[y].md), err,
                  "binary") != 0)
        return -1;
    const dnn_io io[3] = {{DNNL_ARG_SRC_0, av}, {DNNL_ARG_SRC_1, bv}, {DNNL_ARG_DST, y}};
    if (dnn_step_add(g, &d, NULL, io, 2, 3, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

/* oneDNN's binary computes integers in float32: int32 is not claimed (exact only below 2^24;
 * measured: add of int32 near 1e9 off by up to 104); int8/uint8 are exact in float32. */
#define N_ALL 0, WNA_MAX_RANK
#define TYPES (DNN_FLOATS | DNN_I8 | DNN_U8)
static const wna_operand_limits arith[] = {{"a", TYPES, N_ALL}, {"b", TYPES, N_ALL}, {"output", TYPES, N_ALL}};
/* div of integers rounds the float32 quotient to nearest (measured: int8 -17/... gave -18 where
 * WebNN truncates toward zero): floats only */
static const wna_operand_limits float_arith[] = {
    {"a", DNN_FLOATS, N_ALL}, {"b", DNN_FLOATS, N_ALL}, {"output", DNN_FLOATS, N_ALL}};
static const wna_operand_limits compare[] = {{"a", TYPES, N_ALL}, {"b", TYPES, N_ALL}, {"output", DNN_U8, N_ALL}};

static const dnn_op ops[] = {
    {"add", arith, 3, build_binary},           {"sub", arith, 3, build_binary},
    {"mul", arith, 3, build_binary},           {"div", float_arith, 3, build_binary},
    {"max", arith, 3, build_binary},           {"min", arith, 3, build_binary},
    {"equal", compare, 3, build_binary},       {"notEqual", compare, 3, build_binary},
    {"greater", compare, 3, build_binary},     {"greaterOrEqual", compare, 3, build_binary},
    {"lesser", compare, 3, build_binary},      {"lesserOrEqual", compare, 3, build_binary},
};

const dnn_op_set dnn_set_binary = {ops, sizeof ops / sizeof ops[0]};
