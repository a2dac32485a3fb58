/* Tensor storage and element access in the double / int64 / uint64 domains. */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE (Linux) */
#include "webnn/tensor.h"

#include <sys/mman.h>
#include <unistd.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/float16.h"

static size_t byte_cap = (size_t)2 << 30; /* 2 GiB unless configured */

void wn_set_tensor_byte_cap(size_t cap) { byte_cap = cap; }
size_t wn_tensor_byte_cap(void) { return byte_cap; }

void wn_alloc_advise_large(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    if (!p || n < ((size_t)8 << 20)) return;
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0) return;
    uintptr_t start = ((uintptr_t)p + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
    uintptr_t end = ((uintptr_t)p + n) & ~((uintptr_t)page - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_HUGEPAGE); /* a hint: failure is fine */
#else
    (void)p;
    (void)n;
#endif
}

bool wn_tensor_is_fill(const wn_tensor *t)
{
    return t->data && t->nbytes == wn_dtype_size(t->desc.dtype) && wn_desc_count(&t->desc) > 1;
}

int wn_tensor_check_cap(const wn_desc *desc, wn_error *err)
{
    size_t bytes;
    char buf[160];
    if (wn_desc_bytes(desc, &bytes, err) != 0) return -1;
    if (byte_cap && bytes > byte_cap)
        return wn_set_error(err, WN_RESOURCE_ERROR, "tensor %s needs %zu bytes, over the cap of %zu bytes",
                            wn_desc_str(desc, buf, sizeof buf), bytes, byte_cap);
    return 0;
}

/* Storage for desc after the size and cap checks; zeroed when asked. */
static int alloc_storage(wn_tensor *t, const wn_desc *desc, bool zeroed, wn_error *err)
{
    size_t bytes;
    char buf[160];
    memset(t, 0, sizeof *t);
    if (wn_tensor_check_cap(desc, err) != 0) return -1;
    if (wn_desc_bytes(desc, &bytes, err) != 0) return -1;
    t->data = zeroed ? calloc(1, bytes ? bytes : 1) : malloc(bytes ? bytes : 1);
    if (!t->data)
        return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory allocating %zu bytes for %s", bytes,
                            wn_desc_str(desc, buf, sizeof buf));
    wn_alloc_advise_large(t->data, bytes);
    t->desc = *desc;
    t->nbytes = bytes;
    return 0;
}

int wn_tensor_alloc_filled(wn_tensor *t, const wn_desc *desc, const void *elem, wn_error *err)
{
    size_t size = wn_dtype_size(desc->dtype);
    if (alloc_storage(t, desc, false, err) != 0) return -1;
    size_t bytes = t->nbytes;
    /* stores only (no reads of what was just written), typed so the loop vectorizes */
    size_t n = bytes / size;
    switch (size) {
    case 1: memset(t->data, *(const unsigned char *)elem, n); break;
    case 2: { uint16_t v, *p = t->data; memcpy(&v, elem, 2); for (size_t i = 0; i < n; i++) p[i] = v; break; }
    case 4: { uint32_t v, *p = t->data; memcpy(&v, elem, 4); for (size_t i = 0; i < n; i++) p[i] = v; break; }
    default: { uint64_t v, *p = t->data; memcpy(&v, elem, 8); for (size_t i = 0; i < n; i++) p[i] = v; break; }
    }
    return 0;
}

int wn_tensor_alloc(wn_tensor *t, const wn_desc *desc, wn_error *err) { return alloc_storage(t, desc, true, err); }

void wn_tensor_free(wn_tensor *t)
{
    if (!t) return;
    free(t->data);
    t->data = NULL;
    t->nbytes = 0;
}

int wn_tensor_copy(wn_tensor *dst, const wn_tensor *src, wn_error *err)
{
    if (wn_tensor_alloc(dst, &src->desc, err) != 0) return -1;
    if (src->nbytes) memcpy(dst->data, src->data, src->nbytes);
    return 0;
}

/* Typed loads and stores through memcpy: no alignment or aliasing assumptions. */
#define DEFINE_ACCESS(type, suffix) \
    static type load_##suffix(const wn_tensor *t, size_t i) \
    { \
        type v; \
        memcpy(&v, (const char *)t->data + i * sizeof v, sizeof v); \
        return v; \
    } \
    static void store_##suffix(wn_tensor *t, size_t i, type v) \
    { \
        memcpy((char *)t->data + i * sizeof v, &v, sizeof v); \
    }
DEFINE_ACCESS(float, float)
DEFINE_ACCESS(uint16_t, uint16_t)
DEFINE_ACCESS(int32_t, int32_t)
DEFINE_ACCESS(uint32_t, uint32_t)
DEFINE_ACCESS(int64_t, int64_t)
DEFINE_ACCESS(uint64_t, uint64_t)
DEFINE_ACCESS(int8_t, int8_t)
DEFINE_ACCESS(uint8_t, uint8_t)
#define LOAD(type, t, i) load_##type(t, i)
#define STORE(type, t, i, val) store_##type(t, i, val)

double wn_get_f64(const wn_tensor *t, size_t i)
{
    switch (t->desc.dtype) {
    case WN_FLOAT32: return (double)LOAD(float, t, i);
    case WN_FLOAT16: return wn_f16_to_double(LOAD(uint16_t, t, i));
    case WN_INT32: return (double)LOAD(int32_t, t, i);
    case WN_UINT32: return (double)LOAD(uint32_t, t, i);
    case WN_INT64: return (double)LOAD(int64_t, t, i);
    case WN_UINT64: return (double)LOAD(uint64_t, t, i);
    case WN_INT8: return (double)LOAD(int8_t, t, i);
    case WN_UINT8: return (double)LOAD(uint8_t, t, i);
    default: return NAN;
    }
}

/* double -> int64 truncating toward zero, saturating, NaN -> 0 (no UB on any input). */
static int64_t f64_to_i64_sat(double v)
{
    if (isnan(v)) return 0;
    if (v >= 0x1p63) return INT64_MAX;
    if (v < -0x1p63) return INT64_MIN;
    return (int64_t)v;
}

static uint64_t f64_to_u64_sat(double v)
{
    if (isnan(v) || v <= 0) return 0;
    if (v >= 0x1p64) return UINT64_MAX;
    return (uint64_t)v;
}

/* The same saturation, to a narrower integer type's range [lo, hi]. */
static int64_t f64_to_int_range_sat(double v, int64_t lo, int64_t hi)
{
    int64_t x = f64_to_i64_sat(v);
    return x > hi ? hi : x < lo ? lo : x;
}

static uint64_t f64_to_uint_range_sat(double v, uint64_t hi)
{
    uint64_t x = f64_to_u64_sat(v);
    return x > hi ? hi : x;
}

int64_t wn_get_i64(const wn_tensor *t, size_t i)
{
    switch (t->desc.dtype) {
    case WN_INT32: return LOAD(int32_t, t, i);
    case WN_UINT32: return LOAD(uint32_t, t, i);
    case WN_INT64: return LOAD(int64_t, t, i);
    case WN_UINT64: return (int64_t)LOAD(uint64_t, t, i); /* two's complement reinterpretation */
    case WN_INT8: return LOAD(int8_t, t, i);
    case WN_UINT8: return LOAD(uint8_t, t, i);
    default: return f64_to_i64_sat(wn_get_f64(t, i));
    }
}

uint64_t wn_get_u64(const wn_tensor *t, size_t i)
{
    switch (t->desc.dtype) {
    case WN_INT32: case WN_INT64: case WN_INT8: return (uint64_t)wn_get_i64(t, i);
    case WN_UINT32: return LOAD(uint32_t, t, i);
    case WN_UINT64: return LOAD(uint64_t, t, i);
    case WN_UINT8: return LOAD(uint8_t, t, i);
    default: return f64_to_u64_sat(wn_get_f64(t, i));
    }
}

static float f64_to_f32(double v) { return wn_f32_from_f64(v); }

double wn_round_to_dtype(double v, wn_dtype t)
{
    switch (t) {
    case WN_FLOAT32: return (double)f64_to_f32(v);
    case WN_FLOAT16: return wn_f16_to_double(wn_f16_from_double(v));
    default: return v;
    }
}

void wn_put_f64(wn_tensor *t, size_t i, double v)
{
    switch (t->desc.dtype) {
    case WN_FLOAT32: STORE(float, t, i, f64_to_f32(v)); break;
    case WN_FLOAT16: STORE(uint16_t, t, i, wn_f16_from_double(v)); break;
    case WN_UINT64: STORE(uint64_t, t, i, f64_to_u64_sat(v)); break;
    case WN_INT64: STORE(int64_t, t, i, f64_to_i64_sat(v)); break;
    case WN_INT32: STORE(int32_t, t, i, (int32_t)f64_to_int_range_sat(v, INT32_MIN, INT32_MAX)); break;
    case WN_UINT32: STORE(uint32_t, t, i, (uint32_t)f64_to_uint_range_sat(v, UINT32_MAX)); break;
    case WN_INT8: STORE(int8_t, t, i, (int8_t)f64_to_int_range_sat(v, INT8_MIN, INT8_MAX)); break;
    case WN_UINT8: STORE(uint8_t, t, i, (uint8_t)f64_to_uint_range_sat(v, UINT8_MAX)); break;
    default: break;
    }
}

/* Integer stores keep the low bits (modular); conversions between unsigned and the
 * narrower types are done on unsigned values, so no implementation-defined signed
 * narrowing is involved. */
void wn_put_u64(wn_tensor *t, size_t i, uint64_t v)
{
    switch (t->desc.dtype) {
    case WN_FLOAT32: STORE(float, t, i, (float)v); break; /* u64 -> float rounds to nearest even */
    case WN_FLOAT16: {
        /* u64 -> double may round, then double -> f16 would round again: avoid double
         * rounding by going through float first only when exact; values >= 65520 are Inf. */
        STORE(uint16_t, t, i, v >= 65520u ? (uint16_t)0x7c00u : wn_f16_from_double((double)v));
        break;
    }
    case WN_INT32: case WN_UINT32: STORE(uint32_t, t, i, (uint32_t)v); break;
    case WN_INT64: case WN_UINT64: STORE(uint64_t, t, i, v); break;
    case WN_INT8: case WN_UINT8: STORE(uint8_t, t, i, (uint8_t)v); break;
    default: break;
    }
}

void wn_put_i64(wn_tensor *t, size_t i, int64_t v)
{
    switch (t->desc.dtype) {
    case WN_FLOAT32: STORE(float, t, i, (float)v); break; /* i64 -> float rounds once */
    case WN_FLOAT16:
        STORE(uint16_t, t, i,
              v >= 65520 ? (uint16_t)0x7c00u : v <= -65520 ? (uint16_t)0xfc00u : wn_f16_from_double((double)v));
        break;
    default: wn_put_u64(t, i, (uint64_t)v); break;
    }
}
