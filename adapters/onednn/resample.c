/* resample2d on oneDNN's resampling primitive (nearest, linear). oneDNN resamples the
 * dimensions after the first two, so input and output are viewed with the two resampled axes
 * last (a permuted descriptor over the same bytes: nchw needs none). The scales, when given, are
 * oneDNN's factors (they map output to input coordinates); with sizes oneDNN derives them from
 * the shapes. */
#include <string.h>

#include "dnn.h"

static int spatial_last(const dnn_graph *g, uint32_t k, const int64_t *perm, dnnl_memory_desc_t *md)
{
    const dnnl_memory_desc_t *v = &g->values[k].md;
    dnnl_dims_t dims, st;
    for (int i = 0; i < 4; i++) {
        dims[i] = v->dims[perm[i]];
        st[i] = v->format_desc.blocking.strides[perm[i]];
    }
    return dnnl_memory_desc_init_by_strides(md, 4, dims, v->data_type, st) == dnnl_success ? 0 : -1;
}

static int build_resample(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t ii = obl_arg_operand(op, "input");
    if (ii < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    int64_t axes[2] = {2, 3}, perm[4];
    if (obl_arg(op, "axes") && obl_arg_ints(op, "axes", axes, 2) != 2)
        return dnn_fail(err, WNA_OPERATION_ERROR, "bad axes");
    for (int i = 0, n = 0; i < 4; i++)
        if (i != axes[0] && i != axes[1]) perm[n++] = i;
    perm[2] = axes[0];
    perm[3] = axes[1];
    float factors[2];
    const wna_arg *sc = obl_arg(op, "scales");
    int has_scales = sc && sc->kind == WNA_ARG_NUMBER_LIST && sc->count == 2 && !obl_arg(op, "sizes");
    for (int i = 0; has_scales && i < 2; i++) factors[i] = (float)sc->u.numbers[i].f;
    dnnl_alg_kind_t alg = strcmp(obl_arg_string(op, "mode", "nearest-neighbor"), "linear") == 0
                              ? dnnl_resampling_linear
                              : dnnl_resampling_nearest;
    uint32_t out = op->outputs[0];
    dnnl_data_type_t dt = dnn_compute_dt(g, out);
    uint32_t x, y, xv, yv;
    if (dnn_input(g, (uint32_t)ii, dt, &x, err) != 0 || dnn_output(g, out, dt, &y, err) != 0) return -1;
    dnnl_memory_desc_t xmd, ymd;
    if (spatial_last(g, x, perm, &xmd) != 0 || spatial_last(g, y, perm, &ymd) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    if (dnn_view(g, x, &xmd, &xv, err) != 0 || dnn_view(g, y, &ymd, &yv, err) != 0) return -1;
    dnnl_resampling_desc_t d;
    if (dnn_check(dnnl_resampling_forward_desc_init(&d, dnnl_forward_inference, alg, has_scales ? factors : NULL,
                                                    &xmd, &ymd),
                  err, "resampling") != 0)
        return -1;
    const dnn_io io[2] = {{DNNL_ARG_SRC, xv}, {DNNL_ARG_DST, yv}};
    if (dnn_step_add(g, &d, NULL, io, 1, 2, err) != 0) return -1;
    return dnn_output_done(g, out, y, err);
}

static const wna_operand_limits resample_limits[] = {{"input", DNN_FLOATS, 4, 4}, {"output", DNN_FLOATS, 4, 4}};

static const dnn_op ops[] = {
    {"resample2d", resample_limits, 2, build_resample},
};

const dnn_op_set dnn_set_resample = {ops, sizeof ops / sizeof ops[0]};
