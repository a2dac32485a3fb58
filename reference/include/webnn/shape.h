/* Operand descriptors, overflow-checked sizes, coordinates and broadcasting
 * (spec: #api-mloperanddescriptor, Algorithms > Broadcasting). */
#ifndef WEBNN_SHAPE_H
#define WEBNN_SHAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn/dtype.h"
#include "webnn/error.h"

/* The spec sets no maximum rank (issue 456); we support this many. */
#define WN_MAX_RANK 8
/* A valid dimension is > 0 and within the range of IDL long. */
#define WN_MAX_DIMENSION 2147483647u

typedef struct wn_desc {
    wn_dtype dtype;
    uint32_t rank;
    uint32_t dims[WN_MAX_RANK];
} wn_desc;

bool wn_is_valid_dimension(uint64_t d);
/* The spec's "check dimensions": rank <= WN_MAX_RANK, every dimension valid, element
 * count a valid dimension. On failure sets a TypeError naming what is wrong. */
int wn_desc_check(const wn_desc *d, wn_error *err);
/* Element count with overflow checking (rank 0 -> 1). Fails with TypeError when the
 * product is not a valid dimension. */
int wn_desc_elements(const wn_desc *d, size_t *count, wn_error *err);
/* Element count for a descriptor already checked: never fails. */
size_t wn_desc_count(const wn_desc *d);
int wn_desc_bytes(const wn_desc *d, size_t *bytes, wn_error *err);
bool wn_desc_equal_shape(const wn_desc *a, const wn_desc *b);
/* "[2, 3, 4]" */
const char *wn_shape_str(const wn_desc *d, char *buf, size_t cap);
/* "float32[2, 3, 4]" */
const char *wn_desc_str(const wn_desc *d, char *buf, size_t cap);

/* Overflow-checked size_t arithmetic: returns false on overflow. */
bool wn_mul_size(size_t a, size_t b, size_t *out);
bool wn_add_size(size_t a, size_t b, size_t *out);

/* Row-major coordinates <-> linear index. */
void wn_unravel(const wn_desc *d, size_t index, uint32_t *coords);
size_t wn_ravel(const wn_desc *d, const uint32_t *coords);
/* strides[i] = product of dims after i. */
void wn_strides(const wn_desc *d, size_t *strides);

/* Bidirectional broadcasting (numpy rules): writes the broadcast shape into out->rank/dims
 * (out->dtype untouched). Fails with TypeError when the shapes are incompatible. */
int wn_broadcast_bidirectional(const wn_desc *a, const wn_desc *b, wn_desc *out, wn_error *err);
/* Unidirectional: can `from` be broadcast to `to` (only `from` stretches)? */
bool wn_broadcastable_unidirectional(const wn_desc *from, const wn_desc *to);
/* Blockwise: same rank and every to-dim a multiple of the from-dim. */
bool wn_broadcastable_blockwise(const wn_desc *from, const wn_desc *to);

/* Linear index into a source broadcast (right-aligned, size-1 dims repeat) to the output
 * shape, given the output coordinates. Works for both bidirectional and unidirectional. */
size_t wn_broadcast_index(const wn_desc *src, const wn_desc *out, const uint32_t *out_coords);
/* Linear index into a blockwise-broadcast source: coordinate c maps to c / (out/src). */
size_t wn_blockwise_index(const wn_desc *src, const wn_desc *out, const uint32_t *out_coords);

#endif
