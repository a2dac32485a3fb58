/* MLOperandDataType: the eight element types of the spec (#api-mloperanddatatype). */
#ifndef WEBNN_DTYPE_H
#define WEBNN_DTYPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* IDL order of the enum; the numeric values are part of the adapter ABI. */
typedef enum wn_dtype {
    WN_FLOAT32 = 0,
    WN_FLOAT16 = 1,
    WN_INT32 = 2,
    WN_UINT32 = 3,
    WN_INT64 = 4,
    WN_UINT64 = 5,
    WN_INT8 = 6,
    WN_UINT8 = 7,
    WN_DTYPE_COUNT = 8
} wn_dtype;

/* A set of data types as a bit mask: bit (1u << dtype). */
typedef uint32_t wn_dtype_set;
#define WN_DTYPE_BIT(t) (1u << (unsigned)(t))
#define WN_DTYPE_ALL ((1u << WN_DTYPE_COUNT) - 1u)
#define WN_DTYPE_FLOATS (WN_DTYPE_BIT(WN_FLOAT32) | WN_DTYPE_BIT(WN_FLOAT16))

const char *wn_dtype_name(wn_dtype t);
/* Returns false when name is not one of the eight spec names. */
bool wn_dtype_parse(const char *name, wn_dtype *out);
size_t wn_dtype_size(wn_dtype t);
bool wn_dtype_is_float(wn_dtype t);
bool wn_dtype_is_signed_int(wn_dtype t);
bool wn_dtype_is_unsigned_int(wn_dtype t);
/* Bits of an integer type (8, 32, 64); 0 for float types. */
unsigned wn_dtype_int_bits(wn_dtype t);
/* Writes "float32, float16" style lists; returns buf. */
const char *wn_dtype_set_str(wn_dtype_set s, char *buf, size_t cap);

#endif
