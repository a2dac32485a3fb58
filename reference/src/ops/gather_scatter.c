/* Gather and scatter: gather, gatherElements, gatherND, scatterElements, scatterND.
 * Indices are int32, uint32 or int64; a negative index counts from the end of its
 * dimension. Out-of-range indices are implementation-defined: we clamp to the valid range
 * (the spec's notes say implementations may clamp). Duplicate scatter targets are
 * implementation-defined: updates are applied in row-major order, so the last one wins.
 * Elements are copied as bytes, so every data type moves unchanged. */
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

static void copy_element(wn_tensor *dst, size_t di, const wn_tensor *src, size_t si)
{
    size_t sz = wn_dtype_size(src->desc.dtype);
    memcpy((unsigned char *)dst->data + di * sz, (const unsigned char *)src->data + si * sz, sz);
}

/* Index element i of indices for a dimension of size n: negative counts from the end,
 * then out-of-range values clamp to [0, n-1] (implementation-defined choice). */
static uint32_t resolve_index(const wn_tensor *indices, size_t i, uint32_t n)
{
    int64_t index = wn_get_i64(indices, i); /* int32, uint32 and int64 all fit */
    if (index < 0) index += (int64_t)n;     /* n <= INT32_MAX: no overflow */
    if (index < 0) return 0;
    if (index >= (int64_t)n) return n - 1;
    return (uint32_t)index;
}

/* An output rank must fit our maximum (the spec sets none, issue 456). */
static int check_rank(wn_call *c, uint64_t rank)
{
    if (rank > WN_MAX_RANK)
        return wn_fail(c, WN_TYPE_ERROR, "output rank %llu exceeds the supported maximum %d",
                       (unsigned long long)rank, WN_MAX_RANK);
    return 0;
}

/* The spec's "indicesShapeExpected": the input shape with indices' size along axis. */
static int check_indices_shape_along_axis(wn_call *c, const wn_desc *input, const wn_desc *indices, uint32_t axis)
{
    for (uint32_t d = 0; d < input->rank; d++)
        if (d != axis && indices->dims[d] != input->dims[d])
            return wn_fail(c, WN_TYPE_ERROR, "indices has size %u in dimension %u, input has %u (only axis %u may differ)",
                           indices->dims[d], d, input->dims[d], axis);
    return 0;
}

/* ---- gather (#api-mlgraphbuilder-gather) ---- */

static int build_gather(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    const wn_desc *indices = wn_arg_desc(c, "indices");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    if (axis >= input->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the input rank %u", axis, input->rank);
    if (check_rank(c, (uint64_t)input->rank + indices->rank - 1) != 0) return -1;
    /* input.shape[:axis] + indices.shape + input.shape[axis+1:] */
    wn_desc out = {.dtype = input->dtype, .rank = 0};
    for (uint32_t d = 0; d < axis; d++) out.dims[out.rank++] = input->dims[d];
    for (uint32_t d = 0; d < indices->rank; d++) out.dims[out.rank++] = indices->dims[d];
    for (uint32_t d = axis + 1; d < input->rank; d++) out.dims[out.rank++] = input->dims[d];
    return wn_add_output(c, &out);
}

static int compute_gather(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    const wn_tensor *indices = wn_in(c, "indices");
    wn_tensor *out = wn_out(c, 0);
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    uint32_t k = indices->desc.rank;
    uint32_t oc[WN_MAX_RANK], ic[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, oc);
        /* output coordinates [axis, axis + k) address the indices tensor */
        size_t which = wn_ravel(&indices->desc, oc + axis);
        for (uint32_t d = 0; d < axis; d++) ic[d] = oc[d];
        ic[axis] = resolve_index(indices, which, in->desc.dims[axis]);
        for (uint32_t d = axis + 1; d < in->desc.rank; d++) ic[d] = oc[d + k - 1];
        copy_element(out, i, in, wn_ravel(&in->desc, ic));
    }
    return 0;
}

/* ---- gatherElements (#api-mlgraphbuilder-gatherelements) ---- */

static int build_gather_elements(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    const wn_desc *indices = wn_arg_desc(c, "indices");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    if (axis >= input->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the input rank %u", axis, input->rank);
    if (check_indices_shape_along_axis(c, input, indices, axis) != 0) return -1;
    /* spec defect: the algorithm copies input's shape; the output takes indices' shape */
    wn_desc out = *indices;
    out.dtype = input->dtype;
    return wn_add_output(c, &out);
}

/* output[p] = input[p with p[axis] replaced by indices[p]]. */
static int compute_gather_elements(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    const wn_tensor *indices = wn_in(c, "indices");
    wn_tensor *out = wn_out(c, 0);
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        coords[axis] = resolve_index(indices, i, in->desc.dims[axis]);
        copy_element(out, i, in, wn_ravel(&in->desc, coords));
    }
    return 0;
}

/* ---- gatherND (#api-mlgraphbuilder-gathernd) ---- */

/* indices.shape[:-1] + input.shape[coordinateSize:], shared by gatherND (output) and
 * scatterND (expected updates). */
static int nd_slices_shape(wn_call *c, const wn_desc *input, const wn_desc *indices, wn_desc *out)
{
    uint32_t indexable_size = indices->rank - 1;
    uint32_t coordinate_size = indices->dims[indexable_size];
    if (coordinate_size > input->rank)
        return wn_fail(c, WN_TYPE_ERROR, "indices' last dimension %u exceeds the input rank %u", coordinate_size,
                       input->rank);
    if (check_rank(c, (uint64_t)indexable_size + input->rank - coordinate_size) != 0) return -1;
    out->dtype = input->dtype;
    out->rank = 0;
    for (uint32_t d = 0; d < indexable_size; d++) out->dims[out->rank++] = indices->dims[d];
    for (uint32_t d = coordinate_size; d < input->rank; d++) out->dims[out->rank++] = input->dims[d];
    return 0;
}

static int build_gather_nd(wn_call *c)
{
    wn_desc out;
    if (nd_slices_shape(c, wn_arg_desc(c, "input"), wn_arg_desc(c, "indices"), &out) != 0) return -1;
    return wn_add_output(c, &out);
}

/* Maps element i of a "slices" tensor (shape indices.shape[:-1] + input.shape[q:], q the
 * coordinate size) to the input (or output) tensor `data`: the leading coordinates pick an
 * index tuple in indices, the trailing ones run over the addressed slice. */
static size_t nd_target(const wn_tensor *data, const wn_tensor *indices, const wn_desc *slices, size_t i)
{
    uint32_t sc[WN_MAX_RANK], dc[WN_MAX_RANK];
    uint32_t lead = indices->desc.rank - 1;
    uint32_t q = indices->desc.dims[lead];
    wn_unravel(slices, i, sc);
    size_t tuple = 0;
    for (uint32_t d = 0; d < lead; d++) tuple = tuple * indices->desc.dims[d] + sc[d];
    for (uint32_t d = 0; d < q; d++) dc[d] = resolve_index(indices, tuple * q + d, data->desc.dims[d]);
    for (uint32_t d = q; d < data->desc.rank; d++) dc[d] = sc[lead + d - q];
    return wn_ravel(&data->desc, dc);
}

static int compute_gather_nd(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    const wn_tensor *indices = wn_in(c, "indices");
    wn_tensor *out = wn_out(c, 0);
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) copy_element(out, i, in, nd_target(in, indices, &out->desc, i));
    return 0;
}

/* ---- scatterElements (#api-mlgraphbuilder-scatterelements) ---- */

static int build_scatter_elements(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    const wn_desc *indices = wn_arg_desc(c, "indices");
    const wn_desc *updates = wn_arg_desc(c, "updates");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    if (axis >= input->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the input rank %u", axis, input->rank);
    if (check_indices_shape_along_axis(c, input, indices, axis) != 0) return -1;
    if (!wn_desc_equal_shape(updates, indices)) {
        char a[96], b[96];
        return wn_fail(c, WN_TYPE_ERROR, "updates has shape %s, must equal the indices shape %s",
                       wn_shape_str(updates, a, sizeof a), wn_shape_str(indices, b, sizeof b));
    }
    return wn_add_output(c, input);
}

/* output = input, then for each update p in row-major order (the last duplicate wins):
 * output[p with p[axis] replaced by indices[p]] = updates[p]. */
static int compute_scatter_elements(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    const wn_tensor *indices = wn_in(c, "indices");
    const wn_tensor *updates = wn_in(c, "updates");
    wn_tensor *out = wn_out(c, 0);
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    uint32_t coords[WN_MAX_RANK];
    memcpy(out->data, in->data, out->nbytes);
    size_t n = wn_desc_count(&updates->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&updates->desc, i, coords);
        coords[axis] = resolve_index(indices, i, out->desc.dims[axis]);
        copy_element(out, wn_ravel(&out->desc, coords), updates, i);
    }
    return 0;
}

/* ---- scatterND (#api-mlgraphbuilder-scatternd) ---- */

static int build_scatter_nd(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    const wn_desc *updates = wn_arg_desc(c, "updates");
    wn_desc expected;
    if (nd_slices_shape(c, input, wn_arg_desc(c, "indices"), &expected) != 0) return -1;
    if (!wn_desc_equal_shape(updates, &expected)) {
        char a[96], b[96];
        return wn_fail(c, WN_TYPE_ERROR, "updates has shape %s, must be %s (indices.shape[:-1] + input.shape[q:])",
                       wn_shape_str(updates, a, sizeof a), wn_shape_str(&expected, b, sizeof b));
    }
    /* spec defect: the Returns text gives gatherND's rank; the algorithm keeps input's shape */
    return wn_add_output(c, input);
}

/* output = input, then each update slice is written at its index tuple, in row-major order
 * of updates (the last duplicate wins). */
static int compute_scatter_nd(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    const wn_tensor *indices = wn_in(c, "indices");
    const wn_tensor *updates = wn_in(c, "updates");
    wn_tensor *out = wn_out(c, 0);
    memcpy(out->data, in->data, out->nbytes);
    size_t n = wn_desc_count(&updates->desc);
    for (size_t i = 0; i < n; i++) copy_element(out, nd_target(out, indices, &updates->desc, i), updates, i);
    return 0;
}

const wn_op_impl wn_ops_gather_scatter[] = {
    {"gather", build_gather, compute_gather},
    {"gatherElements", build_gather_elements, compute_gather_elements},
    {"gatherND", build_gather_nd, compute_gather_nd},
    {"scatterElements", build_scatter_elements, compute_scatter_elements},
    {"scatterND", build_scatter_nd, compute_scatter_nd},
    {NULL, NULL, NULL},
};
