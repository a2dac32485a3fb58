/* MLOperandDataType names and sizes (#api-mloperanddatatype). */
#include "webnn/dtype.h"

#include <stdio.h>
#include <string.h>

static const char *const names[WN_DTYPE_COUNT] = {
    "float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8",
};
static const size_t sizes[WN_DTYPE_COUNT] = {4, 2, 4, 4, 8, 8, 1, 1};

const char *wn_dtype_name(wn_dtype t)
{
    return (unsigned)t < WN_DTYPE_COUNT ? names[t] : "(invalid data type)";
}

bool wn_dtype_parse(const char *name, wn_dtype *out)
{
    for (unsigned i = 0; i < WN_DTYPE_COUNT; i++) {
        if (name && strcmp(name, names[i]) == 0) {
            *out = (wn_dtype)i;
            return true;
        }
    }
    return false;
}

size_t wn_dtype_size(wn_dtype t) { return (unsigned)t < WN_DTYPE_COUNT ? sizes[t] : 0; }

bool wn_dtype_is_float(wn_dtype t) { return t == WN_FLOAT32 || t == WN_FLOAT16; }

bool wn_dtype_is_signed_int(wn_dtype t) { return t == WN_INT32 || t == WN_INT64 || t == WN_INT8; }

bool wn_dtype_is_unsigned_int(wn_dtype t) { return t == WN_UINT32 || t == WN_UINT64 || t == WN_UINT8; }

unsigned wn_dtype_int_bits(wn_dtype t)
{
    switch (t) {
    case WN_INT8: case WN_UINT8: return 8;
    case WN_INT32: case WN_UINT32: return 32;
    case WN_INT64: case WN_UINT64: return 64;
    default: return 0;
    }
}
