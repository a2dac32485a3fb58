/* pad (#api-mlgraphbuilder-pad). Every output element is either a copy of one input
 * element (edge, reflection, or the interior) or the constant value, so the kernel copies
 * element bytes and never computes: it is exact for all eight data types. */
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

static int build_pad(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    uint32_t n_begin = wn_arg_count(c, "beginningPadding");
    uint32_t n_end = wn_arg_count(c, "endingPadding");
    if (n_begin != input->rank || n_end != input->rank)
        return wn_fail(c, WN_TYPE_ERROR,
                       "beginningPadding and endingPadding must both have %u items (the input rank), got %u and %u",
                       input->rank, n_begin, n_end);
    bool reflection = strcmp(wn_arg_enum(c, "mode", "constant"), "reflection") == 0;
    wn_desc out = *input;
    for (uint32_t i = 0; i < input->rank; i++) {
        uint32_t begin = wn_arg_uint_at(c, "beginningPadding", i);
        uint32_t end = wn_arg_uint_at(c, "endingPadding", i);
        if (reflection && (begin >= input->dims[i] || end >= input->dims[i]))
            return wn_fail(c, WN_TYPE_ERROR,
                           "reflection padding of dimension %u (%u, %u) must be smaller than its size %u", i, begin,
                           end, input->dims[i]);
        uint64_t size = (uint64_t)begin + input->dims[i] + end;
        if (!wn_is_valid_dimension(size))
            return wn_fail(c, WN_TYPE_ERROR, "output dimension %u would be %llu, not a valid dimension", i,
                           (unsigned long long)size);
        out.dims[i] = (uint32_t)size;
    }
    return wn_add_output(c, &out);
}

typedef enum pad_mode { PAD_CONSTANT, PAD_EDGE, PAD_REFLECTION } pad_mode;

/* Input coordinate for output coordinate o along a dimension of size `size` padded by
 * `begin`; -1 when the element is padding in constant mode. */
static int64_t source_coordinate(pad_mode mode, int64_t o, int64_t begin, int64_t size)
{
    int64_t s = o - begin;
    if (s >= 0 && s < size) return s;
    switch (mode) {
    case PAD_CONSTANT: return -1;
    case PAD_EDGE: return s < 0 ? 0 : size - 1;
    case PAD_REFLECTION: /* mirror about the edge element, which is not repeated; pad < size */
        return s < 0 ? -s : 2 * (size - 1) - s;
    }
    return -1;
}

/* Writes the (already cast) constant value to output element i. */
static void put_number(wn_tensor *out, size_t i, const wn_number *v)
{
    if (wn_dtype_is_float(out->desc.dtype))
        wn_put_f64(out, i, v->f);
    else if (v->kind == WN_NUM_UINT)
        wn_put_u64(out, i, v->u);
    else
        wn_put_i64(out, i, v->i);
}

static int compute_pad(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    const char *mode_name = wn_arg_enum(c, "mode", "constant");
    pad_mode mode = strcmp(mode_name, "edge") == 0         ? PAD_EDGE
                    : strcmp(mode_name, "reflection") == 0 ? PAD_REFLECTION
                                                           : PAD_CONSTANT;
    /* the builder casts options.value to the input's data type */
    wn_number raw = wn_arg_number(c, "value", wn_number_from_int(0));
    wn_number value = wn_number_cast(&raw, x->desc.dtype);
    size_t esize = wn_dtype_size(x->desc.dtype);
    uint32_t oc[WN_MAX_RANK], ic[WN_MAX_RANK];
    size_t n = wn_desc_count(&y->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&y->desc, i, oc);
        bool inside = true;
        for (uint32_t d = 0; d < y->desc.rank && inside; d++) {
            int64_t s = source_coordinate(mode, oc[d], wn_arg_uint_at(c, "beginningPadding", d), x->desc.dims[d]);
            inside = s >= 0;
            ic[d] = (uint32_t)s;
        }
        if (inside)
            memcpy((char *)y->data + i * esize, (const char *)x->data + wn_ravel(&x->desc, ic) * esize, esize);
        else
            put_number(y, i, &value);
    }
    return 0;
}

const wn_op_impl wn_ops_pad[] = {
    {"pad", build_pad, compute_pad},
    {NULL, NULL, NULL},
};
