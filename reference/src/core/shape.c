/* Descriptors, checked sizes, coordinates, broadcasting (#api-mloperanddescriptor,
 * #algorithms-broadcasting). */
#include "webnn/shape.h"

#include <string.h>

#include "webnn/tensor.h"

bool wn_is_valid_dimension(uint64_t d) { return d > 0 && d <= WN_MAX_DIMENSION; }

bool wn_mul_size(size_t a, size_t b, size_t *out)
{
    if (a != 0 && b > SIZE_MAX / a) return false;
    *out = a * b;
    return true;
}

bool wn_add_size(size_t a, size_t b, size_t *out)
{
    if (b > SIZE_MAX - a) return false;
    *out = a + b;
    return true;
}

int wn_desc_elements(const wn_desc *d, size_t *count, wn_error *err)
{
    char buf[160];
    if (d->rank > WN_MAX_RANK)
        return wn_set_error(err, WN_TYPE_ERROR, "rank %u exceeds the supported maximum %d", d->rank, WN_MAX_RANK);
    /* The product is checked against the valid-dimension bound at every step, so it can
     * never overflow even a 64-bit intermediate. */
    uint64_t n = 1;
    for (uint32_t i = 0; i < d->rank; i++) {
        if (!wn_is_valid_dimension(d->dims[i]))
            return wn_set_error(err, WN_TYPE_ERROR, "shape %s: dimension %u is %u, must be in 1..%u",
                                wn_shape_str(d, buf, sizeof buf), i, d->dims[i], WN_MAX_DIMENSION);
        n *= d->dims[i];
        if (n > WN_MAX_DIMENSION)
            return wn_set_error(err, WN_TYPE_ERROR,
                                "shape %s: element count exceeds %u (the range of long)",
                                wn_shape_str(d, buf, sizeof buf), WN_MAX_DIMENSION);
    }
    *count = (size_t)n;
    return 0;
}

int wn_desc_check(const wn_desc *d, wn_error *err)
{
    size_t n;
    if ((unsigned)d->dtype >= WN_DTYPE_COUNT)
        return wn_set_error(err, WN_TYPE_ERROR, "invalid data type %d", (int)d->dtype);
    return wn_desc_elements(d, &n, err);
}

size_t wn_desc_count(const wn_desc *d)
{
    size_t n = 1;
    for (uint32_t i = 0; i < d->rank; i++) n *= d->dims[i];
    return n;
}

int wn_desc_bytes(const wn_desc *d, size_t *bytes, wn_error *err)
{
    size_t n;
    if (wn_desc_check(d, err) != 0) return -1;
    n = wn_desc_count(d);
    if (!wn_mul_size(n, wn_dtype_size(d->dtype), bytes))
        return wn_set_error(err, WN_TYPE_ERROR, "byte length overflows");
    return 0;
}

bool wn_desc_equal_shape(const wn_desc *a, const wn_desc *b)
{
    if (a->rank != b->rank) return false;
    for (uint32_t i = 0; i < a->rank; i++)
        if (a->dims[i] != b->dims[i]) return false;
    return true;
}

void wn_strides(const wn_desc *d, size_t *strides)
{
    size_t s = 1;
    for (uint32_t i = d->rank; i-- > 0;) {
        strides[i] = s;
        s *= d->dims[i];
    }
}

void wn_unravel(const wn_desc *d, size_t index, uint32_t *coords)
{
    for (uint32_t i = d->rank; i-- > 0;) {
        coords[i] = (uint32_t)(index % d->dims[i]);
        index /= d->dims[i];
    }
}

size_t wn_ravel(const wn_desc *d, const uint32_t *coords)
{
    size_t index = 0;
    for (uint32_t i = 0; i < d->rank; i++) index = index * d->dims[i] + coords[i];
    return index;
}

/* #bidirectionally-broadcasting */
int wn_broadcast_bidirectional(const wn_desc *a, const wn_desc *b, wn_desc *out, wn_error *err)
{
    uint32_t rank = a->rank > b->rank ? a->rank : b->rank;
    uint32_t dims[WN_MAX_RANK];
    for (uint32_t i = 0; i < rank; i++) {
        /* right-aligned: pad the shorter shape with leading 1s */
        uint32_t da = i + a->rank >= rank ? a->dims[i + a->rank - rank] : 1;
        uint32_t db = i + b->rank >= rank ? b->dims[i + b->rank - rank] : 1;
        if (da != db && da != 1 && db != 1) {
            char sa[128], sb[128];
            return wn_set_error(err, WN_TYPE_ERROR, "shapes %s and %s are not bidirectionally broadcastable",
                                wn_shape_str(a, sa, sizeof sa), wn_shape_str(b, sb, sizeof sb));
        }
        dims[i] = da > db ? da : db;
    }
    out->rank = rank;
    memcpy(out->dims, dims, sizeof dims);
    return 0;
}

/* #unidirectionally-broadcasting */
bool wn_broadcastable_unidirectional(const wn_desc *from, const wn_desc *to)
{
    if (from->rank > to->rank) return false;
    for (uint32_t i = 0; i < to->rank; i++) {
        uint32_t df = i + from->rank >= to->rank ? from->dims[i + from->rank - to->rank] : 1;
        if (df != to->dims[i] && df != 1) return false;
    }
    return true;
}

/* #blockwise-broadcasting */
bool wn_broadcastable_blockwise(const wn_desc *from, const wn_desc *to)
{
    if (from->rank != to->rank) return false;
    for (uint32_t i = 0; i < to->rank; i++)
        if (from->dims[i] == 0 || to->dims[i] % from->dims[i] != 0) return false;
    return true;
}

size_t wn_broadcast_index(const wn_desc *src, const wn_desc *out, const uint32_t *out_coords)
{
    size_t index = 0;
    uint32_t offset = out->rank - src->rank;
    for (uint32_t i = 0; i < src->rank; i++) {
        uint32_t c = src->dims[i] == 1 ? 0 : out_coords[i + offset];
        index = index * src->dims[i] + c;
    }
    return index;
}

size_t wn_blockwise_index(const wn_desc *src, const wn_desc *out, const uint32_t *out_coords)
{
    size_t index = 0;
    for (uint32_t i = 0; i < src->rank; i++) {
        uint32_t block = out->dims[i] / src->dims[i];
        index = index * src->dims[i] + out_coords[i] / block;
    }
    return index;
}
