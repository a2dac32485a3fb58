/* Data movement: concat, expand, reshape, reverse, slice, split, tile, transpose, triangular.
 * These ops only move elements, so kernels copy element bytes unchanged (every data type,
 * NaN payloads and -0 included); the only arithmetic is on coordinates. */
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

/* Copies element si of src to element di of dst (same data type). */
static void copy_element(wn_tensor *dst, size_t di, const wn_tensor *src, size_t si)
{
    size_t sz = wn_dtype_size(src->desc.dtype);
    memcpy((unsigned char *)dst->data + di * sz, (const unsigned char *)src->data + si * sz, sz);
}

/* Reads a shape-like list argument (newShape) into a descriptor's dims. The spec sets no
 * maximum rank; ours is WN_MAX_RANK, and a longer list could not describe an operand. */
static int shape_from_list(wn_call *c, const char *name, wn_dtype dtype, wn_desc *out)
{
    uint32_t n = wn_arg_count(c, name);
    if (n > WN_MAX_RANK)
        return wn_fail(c, WN_TYPE_ERROR, "%s has %u items, more than the supported maximum rank %d", name, n,
                       WN_MAX_RANK);
    out->dtype = dtype;
    out->rank = n;
    for (uint32_t i = 0; i < n; i++) out->dims[i] = wn_arg_uint_at(c, name, i);
    return 0;
}

/* ---- concat (#api-mlgraphbuilder-concat) ---- */

static int build_concat(wn_call *c)
{
    uint32_t n = wn_arg_list_len(c, "inputs");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    if (n < 1 || n > WN_MAX_TENSOR_COUNT)
        return wn_fail(c, WN_TYPE_ERROR, "inputs has %u operands, must be 1 to %d", n, WN_MAX_TENSOR_COUNT);
    const wn_desc *first = wn_arg_list_desc(c, "inputs", 0);
    if (axis >= first->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the rank %u of inputs[0]", axis, first->rank);
    wn_desc desc = *first;
    uint64_t size = first->dims[axis];
    for (uint32_t index = 1; index < n; index++) {
        const wn_desc *input = wn_arg_list_desc(c, "inputs", index);
        if (input->dtype != first->dtype)
            return wn_fail(c, WN_TYPE_ERROR, "inputs[%u] has data type %s, inputs[0] has %s", index,
                           wn_dtype_name(input->dtype), wn_dtype_name(first->dtype));
        if (input->rank != first->rank)
            return wn_fail(c, WN_TYPE_ERROR, "inputs[%u] has rank %u, inputs[0] has %u", index, input->rank,
                           first->rank);
        for (uint32_t dim = 0; dim < input->rank; dim++) {
            if (dim != axis && input->dims[dim] != first->dims[dim])
                return wn_fail(c, WN_TYPE_ERROR, "inputs[%u] has size %u in dimension %u, inputs[0] has %u", index,
                               input->dims[dim], dim, first->dims[dim]);
            if (dim == axis) {
                size += input->dims[dim];
                if (!wn_is_valid_dimension(size))
                    return wn_fail(c, WN_TYPE_ERROR, "the concatenated size %llu along axis %u is not a valid dimension",
                                   (unsigned long long)size, axis);
            }
        }
    }
    desc.dims[axis] = (uint32_t)size;
    return wn_add_output(c, &desc);
}

/* Each input is copied into the output, shifted along axis by the sizes of the inputs
 * before it. */
static int compute_concat(wn_call *c)
{
    wn_tensor *out = wn_out(c, 0);
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    uint32_t n = wn_arg_list_len(c, "inputs");
    uint32_t coords[WN_MAX_RANK];
    uint32_t offset = 0;
    for (uint32_t k = 0; k < n; k++) {
        const wn_tensor *in = wn_in_list(c, "inputs", k);
        size_t count = wn_desc_count(&in->desc);
        for (size_t i = 0; i < count; i++) {
            wn_unravel(&in->desc, i, coords);
            coords[axis] += offset;
            copy_element(out, wn_ravel(&out->desc, coords), in, i);
        }
        offset += in->desc.dims[axis];
    }
    return 0;
}

/* ---- expand (#api-mlgraphbuilder-expand) ---- */

static int build_expand(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    wn_desc out;
    if (shape_from_list(c, "newShape", input->dtype, &out) != 0) return -1;
    if (!wn_broadcastable_unidirectional(input, &out)) {
        char a[96], b[96];
        return wn_fail(c, WN_TYPE_ERROR, "input shape %s is not unidirectionally broadcastable to newShape %s",
                       wn_shape_str(input, a, sizeof a), wn_shape_str(&out, b, sizeof b));
    }
    /* output ranks: any (N), so no rank check; the descriptor check rejects invalid dims */
    return wn_add_output(c, &out);
}

static int compute_expand(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        copy_element(out, i, in, wn_broadcast_index(&in->desc, &out->desc, coords));
    }
    return 0;
}

/* ---- reshape (#api-mlgraphbuilder-reshape-method) ---- */

static int build_reshape(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    wn_desc out;
    if (shape_from_list(c, "newShape", input->dtype, &out) != 0) return -1;
    size_t product = 1;
    bool overflow = false;
    for (uint32_t i = 0; i < out.rank; i++) {
        if (!wn_is_valid_dimension(out.dims[i]))
            return wn_fail(c, WN_TYPE_ERROR, "newShape[%u] is %u, not a valid dimension", i, out.dims[i]);
        if (!wn_mul_size(product, out.dims[i], &product)) overflow = true;
    }
    size_t input_count = wn_desc_count(input); /* rank 0 gives 1 */
    if (overflow || product != input_count)
        return wn_fail(c, WN_TYPE_ERROR, "newShape holds %s%zu elements, input holds %zu", overflow ? "more than " : "",
                       product, input_count);
    return wn_add_output(c, &out);
}

/* Row-major order is kept, so the bytes are copied as they are. */
static int compute_reshape(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    wn_tensor *out = wn_out(c, 0);
    memcpy(out->data, in->data, out->nbytes);
    return 0;
}

/* ---- reverse (#api-mlgraphbuilder-reverse-method) ---- */

/* Which axes to reverse: all when axes is absent, none for an explicit []. */
static int reverse_axes(wn_call *c, uint32_t rank, bool *reversed)
{
    for (uint32_t i = 0; i < WN_MAX_RANK; i++) reversed[i] = !wn_arg_present(c, "axes") && i < rank;
    if (!wn_arg_present(c, "axes")) return 0;
    uint32_t n = wn_arg_count(c, "axes");
    uint32_t axes[WN_MAX_RANK];
    /* spec defect: "return failure" here means throw a TypeError like every other step */
    if (n > rank)
        return wn_fail(c, WN_TYPE_ERROR, "axes has %u items, the input rank is %u (duplicates or out of range)", n,
                       rank);
    for (uint32_t i = 0; i < n; i++) axes[i] = wn_arg_uint_at(c, "axes", i);
    if (wn_check_axes(c, "axes", axes, n, rank) != 0) return -1;
    for (uint32_t i = 0; i < n; i++) reversed[axes[i]] = true;
    return 0;
}

static int build_reverse(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    bool reversed[WN_MAX_RANK];
    if (reverse_axes(c, input->rank, reversed) != 0) return -1;
    return wn_add_output(c, input);
}

static int compute_reverse(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    wn_tensor *out = wn_out(c, 0);
    bool reversed[WN_MAX_RANK];
    uint32_t coords[WN_MAX_RANK];
    if (reverse_axes(c, in->desc.rank, reversed) != 0) return -1;
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        for (uint32_t d = 0; d < in->desc.rank; d++)
            if (reversed[d]) coords[d] = in->desc.dims[d] - 1 - coords[d];
        copy_element(out, i, in, wn_ravel(&in->desc, coords));
    }
    return 0;
}

/* ---- slice (#api-mlgraphbuilder-slice) ---- */

static uint32_t slice_stride(const wn_call *c, uint32_t index)
{
    return wn_arg_present(c, "strides") ? wn_arg_uint_at(c, "strides", index) : 1;
}

static int build_slice(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint32_t n_starts = wn_arg_count(c, "starts"), n_sizes = wn_arg_count(c, "sizes");
    for (uint32_t i = 0; i < n_sizes; i++)
        if (wn_arg_uint_at(c, "sizes", i) == 0) return wn_fail(c, WN_TYPE_ERROR, "sizes[%u] is 0", i);
    if (n_starts != input->rank || n_sizes != input->rank)
        return wn_fail(c, WN_TYPE_ERROR, "starts has %u items and sizes %u, both must equal the input rank %u",
                       n_starts, n_sizes, input->rank);
    if (wn_arg_present(c, "strides") && wn_arg_count(c, "strides") != input->rank)
        return wn_fail(c, WN_TYPE_ERROR, "strides has %u items, must equal the input rank %u",
                       wn_arg_count(c, "strides"), input->rank);
    wn_desc out = *input;
    for (uint32_t index = 0; index < input->rank; index++) {
        uint64_t input_size = input->dims[index];
        uint64_t start = wn_arg_uint_at(c, "starts", index);
        uint64_t slice_size = wn_arg_uint_at(c, "sizes", index);
        uint32_t stride = slice_stride(c, index);
        if (stride < 1) return wn_fail(c, WN_TYPE_ERROR, "strides[%u] is 0, must be at least 1", index);
        if (start > input_size)
            return wn_fail(c, WN_TYPE_ERROR, "starts[%u] is %llu, beyond the input size %llu", index,
                           (unsigned long long)start, (unsigned long long)input_size);
        if (start + slice_size > input_size)
            return wn_fail(c, WN_TYPE_ERROR, "starts[%u] + sizes[%u] = %llu exceeds the input size %llu", index, index,
                           (unsigned long long)(start + slice_size), (unsigned long long)input_size);
        out.dims[index] = (uint32_t)(slice_size / stride + (slice_size % stride != 0 ? 1 : 0));
    }
    return wn_add_output(c, &out);
}

/* Output coordinate o maps to input coordinate starts + o * stride on every axis. */
static int compute_slice(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        for (uint32_t d = 0; d < in->desc.rank; d++)
            coords[d] = wn_arg_uint_at(c, "starts", d) + coords[d] * slice_stride(c, d);
        copy_element(out, i, in, wn_ravel(&in->desc, coords));
    }
    return 0;
}

/* ---- split (#api-mlgraphbuilder-split) ---- */

/* Size along axis of output `index`: splits[index], or the dimension / splits. */
static uint32_t split_size(const wn_call *c, uint32_t dim, uint32_t index)
{
    if (wn_arg_is_list(c, "splits")) return wn_arg_uint_at(c, "splits", index);
    return dim / wn_arg_uint(c, "splits", 1);
}

static uint32_t split_count(const wn_call *c)
{
    return wn_arg_is_list(c, "splits") ? wn_arg_count(c, "splits") : wn_arg_uint(c, "splits", 1);
}

static int build_split(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    if (axis >= input->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the input rank %u", axis, input->rank);
    uint32_t count = split_count(c);
    if (count < 1 || count > WN_MAX_TENSOR_COUNT)
        return wn_fail(c, WN_TYPE_ERROR, "splits gives %u outputs, must be 1 to %d", count, WN_MAX_TENSOR_COUNT);
    if (!wn_arg_is_list(c, "splits")) {
        if (input->dims[axis] % count != 0)
            return wn_fail(c, WN_TYPE_ERROR, "splits %u does not divide the input size %u along axis %u", count,
                           input->dims[axis], axis);
    } else {
        uint64_t sum = 0;
        for (uint32_t i = 0; i < count; i++) {
            uint32_t s = wn_arg_uint_at(c, "splits", i);
            if (s == 0) return wn_fail(c, WN_TYPE_ERROR, "splits[%u] is 0", i);
            sum += s;
        }
        if (sum != input->dims[axis])
            return wn_fail(c, WN_TYPE_ERROR, "splits sum to %llu, the input size along axis %u is %u",
                           (unsigned long long)sum, axis, input->dims[axis]);
    }
    for (uint32_t index = 0; index < count; index++) {
        wn_desc operand = *input;
        operand.dims[axis] = split_size(c, input->dims[axis], index);
        if (wn_add_output(c, &operand) != 0) return -1;
    }
    return 0;
}

/* Output k takes the input rows along axis from the end of output k-1 on. */
static int compute_split(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    uint32_t coords[WN_MAX_RANK];
    uint32_t offset = 0;
    for (uint32_t k = 0; k < c->n_out; k++) {
        wn_tensor *out = wn_out(c, k);
        size_t n = wn_desc_count(&out->desc);
        for (size_t i = 0; i < n; i++) {
            wn_unravel(&out->desc, i, coords);
            coords[axis] += offset;
            copy_element(out, i, in, wn_ravel(&in->desc, coords));
        }
        offset += out->desc.dims[axis];
    }
    return 0;
}

/* ---- tile (#api-mlgraphbuilder-tile) ---- */

static int build_tile(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint32_t n = wn_arg_count(c, "repetitions");
    if (n != input->rank)
        return wn_fail(c, WN_TYPE_ERROR, "repetitions has %u items, must equal the input rank %u", n, input->rank);
    for (uint32_t i = 0; i < n; i++)
        if (wn_arg_uint_at(c, "repetitions", i) == 0) return wn_fail(c, WN_TYPE_ERROR, "repetitions[%u] is 0", i);
    wn_desc out = *input;
    for (uint32_t index = 0; index < n; index++) {
        uint64_t size = (uint64_t)input->dims[index] * wn_arg_uint_at(c, "repetitions", index);
        /* spec silent: the product is not checked; an invalid dimension cannot form a descriptor */
        if (!wn_is_valid_dimension(size))
            return wn_fail(c, WN_TYPE_ERROR, "output size %llu along axis %u is not a valid dimension",
                           (unsigned long long)size, index);
        out.dims[index] = (uint32_t)size;
    }
    return wn_add_output(c, &out);
}

/* Output coordinate o reads input coordinate o mod the input size on every axis. */
static int compute_tile(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        for (uint32_t d = 0; d < in->desc.rank; d++) coords[d] %= in->desc.dims[d];
        copy_element(out, i, in, wn_ravel(&in->desc, coords));
    }
    return 0;
}

/* ---- transpose (#api-mlgraphbuilder-transpose) ---- */

/* The permutation, defaulting to [rank-1, ..., 0]. */
static int transpose_permutation(wn_call *c, uint32_t rank, uint32_t *perm)
{
    if (!wn_arg_present(c, "permutation")) {
        for (uint32_t i = 0; i < rank; i++) perm[i] = rank - 1 - i;
        return 0;
    }
    uint32_t n = wn_arg_count(c, "permutation");
    if (n != rank)
        return wn_fail(c, WN_TYPE_ERROR, "permutation has %u items, must equal the input rank %u", n, rank);
    for (uint32_t i = 0; i < n; i++) perm[i] = wn_arg_uint_at(c, "permutation", i);
    for (uint32_t i = 0; i < n; i++)
        if (perm[i] >= rank)
            return wn_fail(c, WN_TYPE_ERROR, "permutation[%u] is %u, must be less than the input rank %u", i, perm[i],
                           rank);
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = 0; j < i; j++)
            if (perm[i] == perm[j]) return wn_fail(c, WN_TYPE_ERROR, "permutation contains %u twice", perm[i]);
    return 0;
}

static int build_transpose(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint32_t perm[WN_MAX_RANK];
    if (transpose_permutation(c, input->rank, perm) != 0) return -1;
    wn_desc out = *input;
    /* spec defect: the algorithm copies the input shape; the evident intent permutes it */
    for (uint32_t i = 0; i < input->rank; i++) out.dims[i] = input->dims[perm[i]];
    return wn_add_output(c, &out);
}

/* Output axis i is input axis permutation[i]. */
static int compute_transpose(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    wn_tensor *out = wn_out(c, 0);
    uint32_t perm[WN_MAX_RANK], oc[WN_MAX_RANK], ic[WN_MAX_RANK];
    if (transpose_permutation(c, in->desc.rank, perm) != 0) return -1;
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, oc);
        for (uint32_t d = 0; d < in->desc.rank; d++) ic[perm[d]] = oc[d];
        copy_element(out, i, in, wn_ravel(&in->desc, ic));
    }
    return 0;
}

/* ---- triangular (#api-mlgraphbuilder-triangular) ---- */

/* Rank 2..N was checked by the generic validation; the output copies the input. */
static int build_triangular(wn_call *c) { return wn_add_output(c, wn_arg_desc(c, "input")); }

/* In the last two dimensions (row i, column j), upper keeps j - i >= diagonal and lower
 * keeps j - i <= diagonal; everything else becomes 0. */
static int compute_triangular(wn_call *c)
{
    const wn_tensor *in = wn_in(c, "input");
    wn_tensor *out = wn_out(c, 0);
    bool upper = wn_arg_bool(c, "upper", true);
    int64_t diagonal = wn_arg_int(c, "diagonal", 0);
    uint32_t rank = in->desc.rank;
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        int64_t offset = (int64_t)coords[rank - 1] - (int64_t)coords[rank - 2];
        bool keep = upper ? offset >= diagonal : offset <= diagonal;
        if (keep) copy_element(out, i, in, i);
        else wn_put_i64(out, i, 0);
    }
    return 0;
}

const wn_op_impl wn_ops_data_movement[] = {
    {"concat", build_concat, compute_concat},
    {"expand", build_expand, compute_expand},
    {"reshape", build_reshape, compute_reshape},
    {"reverse", build_reverse, compute_reverse},
    {"slice", build_slice, compute_slice},
    {"split", build_split, compute_split},
    {"tile", build_tile, compute_tile},
    {"transpose", build_transpose, compute_transpose},
    {"triangular", build_triangular, compute_triangular},
    {NULL, NULL, NULL},
};
