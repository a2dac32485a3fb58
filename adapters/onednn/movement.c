/* Data movement on oneDNN's reorder and concat primitives. Each op is a reorder from a view of
 * its input (a memory descriptor over the input's bytes) to the plain output: reshape (the
 * output's shape), transpose (permuted strides), expand (stride 0 along broadcast dimensions),
 * slice and split (an offset and multiplied strides); cast is a reorder between data types
 * (oneDNN rounds to nearest even and saturates). concat is the concat primitive. */
#include <string.h>

#include "dnn.h"

/* The input's strides (plain row-major, rank 0 as [1]). */
static void input_strides(const dnn_graph *g, uint32_t k, dnnl_dim_t *s)
{
    const dnnl_memory_desc_t *md = &g->values[k].md;
    for (int i = 0; i < md->ndims; i++) s[i] = md->format_desc.blocking.strides[i];
}

static int view_reorder(dnn_graph *g, uint32_t in, int nd, const dnnl_dim_t *dims, const dnnl_dim_t *strides,
                        dnnl_dim_t offset, uint32_t out, wna_error *err)
{
    dnnl_memory_desc_t md;
    if (dnnl_memory_desc_init_by_strides(&md, nd, dims, g->values[in].md.data_type, strides) != dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    md.offset0 = offset;
    return dnn_reorder(g, in, &md, out, NULL, err);
}

static int single_io(const wna_operation *op, uint32_t *in, wna_error *err)
{
    int64_t k = obl_arg_operand(op, "input");
    if (k < 0 || op->n_outputs != 1) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    *in = (uint32_t)k;
    return 0;
}

static int build_reshape(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    uint32_t in = 0;
    if (single_io(op, &in, err) != 0) return -1;
    dnnl_memory_desc_t md = g->values[op->outputs[0]].md;
    md.data_type = g->values[in].md.data_type;
    return dnn_reorder(g, in, &md, op->outputs[0], NULL, err);
}

/* oneDNN 2.6 has no float16 <-> integer reorder: those go through float32 (two reorders; the
 * first is exact, and an int32 that float32 rounds is beyond float16's range either way). */
static int build_cast(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    uint32_t in = 0, out = op->outputs[0], mid;
    if (single_io(op, &in, err) != 0) return -1;
    dnnl_data_type_t a = g->values[in].md.data_type, b = g->values[out].md.data_type;
    int is_int_a = a == dnnl_s32 || a == dnnl_s8 || a == dnnl_u8, is_int_b = b == dnnl_s32 || b == dnnl_s8 || b == dnnl_u8;
    if (!((a == dnnl_f16 && is_int_b) || (is_int_a && b == dnnl_f16))) return dnn_reorder(g, in, NULL, out, NULL, err);
    if (dnn_input(g, in, dnnl_f32, &mid, err) != 0) return -1;
    return dnn_reorder(g, mid, NULL, out, NULL, err);
}

static int build_expand(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    uint32_t in = 0;
    if (single_io(op, &in, err) != 0) return -1;
    const wna_desc *d = dnn_desc(g, op->outputs[0]);
    dnnl_memory_desc_t md;
    if (dnn_broadcast_md(g, in, d->rank, d->dims, 1, &md) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    return dnn_reorder(g, in, &md, op->outputs[0], NULL, err);
}

static int build_transpose(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    uint32_t in = 0;
    if (single_io(op, &in, err) != 0) return -1;
    const wna_desc *d = dnn_desc(g, in);
    int64_t perm[WNA_MAX_RANK];
    int n = obl_arg_ints(op, "permutation", perm, WNA_MAX_RANK);
    if (n < 0)
        for (uint32_t i = 0; i < d->rank; i++) perm[i] = d->rank - 1 - i; /* the spec's default: reversed */
    else if ((uint32_t)n != d->rank)
        return dnn_fail(err, WNA_OPERATION_ERROR, "bad permutation");
    if (d->rank == 0) return dnn_reorder(g, in, NULL, op->outputs[0], NULL, err);
    dnnl_dim_t s[DNNL_MAX_NDIMS], dims[DNNL_MAX_NDIMS], strides[DNNL_MAX_NDIMS];
    input_strides(g, in, s);
    for (uint32_t i = 0; i < d->rank; i++) {
        dims[i] = d->dims[perm[i]];
        strides[i] = s[perm[i]];
    }
    return view_reorder(g, in, (int)d->rank, dims, strides, 0, op->outputs[0], err);
}

/* One window of the input: starts, sizes and steps per dimension. oneDNN 2.6 accepts strides
 * only when they nest (each at least the next one times its size, memory_desc_strides_check), so
 * a step over a dimension whose size is not a multiple of it (3 with step 2: strides 6, 4, 1 for
 * dims 2, 2, 2) cannot be one view: then the window is first reordered into a temporary whose
 * stepped dimensions are padded to a multiple of their step, and the stepped view is taken there. */
static int slice_to(dnn_graph *g, uint32_t in, const int64_t *starts, const int64_t *sizes, const int64_t *steps,
                    uint32_t out, wna_error *err)
{
    const wna_desc *d = dnn_desc(g, in);
    if (d->rank == 0) return dnn_reorder(g, in, NULL, out, NULL, err);
    int nd = (int)d->rank;
    dnnl_dim_t s[DNNL_MAX_NDIMS], dims[DNNL_MAX_NDIMS], strides[DNNL_MAX_NDIMS], offset = 0;
    input_strides(g, in, s);
    for (int i = 0; i < nd; i++) {
        dims[i] = (sizes[i] + steps[i] - 1) / steps[i];
        strides[i] = dims[i] == 1 ? 0 : s[i] * steps[i]; /* oneDNN may refuse other strides of a size-1 dim */
        offset += starts[i] * s[i];
    }
    dnnl_data_type_t dt = g->values[in].md.data_type;
    dnnl_memory_desc_t probe;
    if (dnnl_memory_desc_init_by_strides(&probe, nd, dims, dt, strides) == dnnl_success)
        return view_reorder(g, in, nd, dims, strides, offset, out, err);
    /* the window, unstepped, into a temporary laid out over padded extents */
    dnnl_dim_t win[DNNL_MAX_NDIMS], padded_strides[DNNL_MAX_NDIMS], step_strides[DNNL_MAX_NDIMS];
    dnnl_dim_t next = 1;
    for (int i = nd; i-- > 0;) {
        win[i] = sizes[i];
        padded_strides[i] = next;
        next *= steps[i] > 1 ? dims[i] * steps[i] : sizes[i];
        step_strides[i] = dims[i] == 1 ? 0 : padded_strides[i] * steps[i];
    }
    dnnl_memory_desc_t window, padded;
    if (dnnl_memory_desc_init_by_strides(&window, nd, win, dt, s) != dnnl_success ||
        dnnl_memory_desc_init_by_strides(&padded, nd, win, dt, padded_strides) != dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    window.offset0 = offset;
    uint32_t tmp;
    if (dnn_temp(g, &padded, &tmp, err) != 0 || dnn_reorder(g, in, &window, tmp, &padded, err) != 0) return -1;
    return view_reorder(g, tmp, nd, dims, step_strides, 0, out, err);
}

static int build_slice(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    uint32_t in = 0;
    if (single_io(op, &in, err) != 0) return -1;
    uint32_t rank = dnn_desc(g, in)->rank;
    int64_t starts[WNA_MAX_RANK], sizes[WNA_MAX_RANK], steps[WNA_MAX_RANK];
    if (obl_arg_ints(op, "starts", starts, WNA_MAX_RANK) != (int)rank ||
        obl_arg_ints(op, "sizes", sizes, WNA_MAX_RANK) != (int)rank)
        return dnn_fail(err, WNA_OPERATION_ERROR, "bad starts or sizes");
    int n = obl_arg_ints(op, "strides", steps, WNA_MAX_RANK);
    if (n < 0)
        for (uint32_t i = 0; i < rank; i++) steps[i] = 1;
    else if ((uint32_t)n != rank)
        return dnn_fail(err, WNA_OPERATION_ERROR, "bad strides");
    return slice_to(g, in, starts, sizes, steps, op->outputs[0], err);
}

static int build_split(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    int64_t k = obl_arg_operand(op, "input");
    if (k < 0) return dnn_fail(err, WNA_OPERATION_ERROR, "bad arguments");
    uint32_t in = (uint32_t)k;
    const wna_desc *d = dnn_desc(g, in);
    uint32_t axis = (uint32_t)obl_arg_int(op, "axis", 0);
    if (axis >= d->rank) return dnn_fail(err, WNA_OPERATION_ERROR, "bad axis");
    int64_t starts[WNA_MAX_RANK] = {0}, sizes[WNA_MAX_RANK], steps[WNA_MAX_RANK];
    for (uint32_t i = 0; i < d->rank; i++) {
        sizes[i] = d->dims[i];
        steps[i] = 1;
    }
    for (uint32_t o = 0; o < op->n_outputs; o++) {
        sizes[axis] = dnn_desc(g, op->outputs[o])->dims[axis];
        if (slice_to(g, in, starts, sizes, steps, op->outputs[o], err) != 0) return -1;
        starts[axis] += sizes[axis];
    }
    return 0;
}

static int build_concat(dnn_graph *g, const wna_operation *op, wna_error *err)
{
    const wna_arg *a = obl_arg(op, "inputs");
    if (!a || a->kind != WNA_ARG_OPERAND_LIST || a->count == 0 || op->n_outputs != 1 || a->count > 16)
        return dnn_fail(err, WNA_NOT_SUPPORTED_ERROR, "concat of 1 to 16 inputs");
    int axis = (int)obl_arg_int(op, "axis", 0);
    dnnl_memory_desc_t mds[16];
    dnn_io io[17];
    for (uint32_t i = 0; i < a->count; i++) {
        mds[i] = g->values[a->u.operands[i]].md;
        io[i] = (dnn_io){DNNL_ARG_MULTIPLE_SRC + (int)i, a->u.operands[i]};
    }
    io[a->count] = (dnn_io){DNNL_ARG_DST, op->outputs[0]};
    dnnl_primitive_desc_t pd;
    if (dnn_check(dnnl_concat_primitive_desc_create(&pd, &g->values[op->outputs[0]].md, (int)a->count, axis, mds,
                                                    NULL, g->engine),
                  err, "concat") != 0)
        return -1;
    return dnn_step_add_pd(g, pd, io, (int)a->count, (int)a->count + 1, err);
}

#define TYPES (DNN_FLOATS | DNN_INTS)
static const wna_operand_limits single[] = {{"input", TYPES, 0, WNA_MAX_RANK}, {"output", TYPES, 0, WNA_MAX_RANK}};
static const wna_operand_limits split_limits[] = {{"input", TYPES, 1, WNA_MAX_RANK},
                                                  {"outputs", TYPES, 1, WNA_MAX_RANK}};
static const wna_operand_limits concat_limits[] = {{"inputs", TYPES, 1, WNA_MAX_RANK},
                                                   {"output", TYPES, 1, WNA_MAX_RANK}};

static const dnn_op ops[] = {
    {"reshape", single, 2, build_reshape}, {"cast", single, 2, build_cast},
    {"expand", single, 2, build_expand},   {"transpose", single, 2, build_transpose},
    {"slice", single, 2, build_slice},     {"split", split_limits, 2, build_split},
    {"concat", concat_limits, 2, build_concat},
};

const dnn_op_set dnn_set_movement = {ops, sizeof ops / sizeof ops[0]};
