/* Numbers and tensor data in the vector format (vectors/FORMAT.md, "DATA"). */
#include "json_numbers.h"

#include "json_generate.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/float16.h"

#define MAX_SAFE_INTEGER 9007199254740992.0 /* 2^53 */

/* Decimal integer string -> exact int64/uint64. */
static int parse_decimal(const char *s, wn_number *out)
{
    const char *p = s;
    bool neg = *p == '-';
    if (neg || *p == '+') p++;
    if (!*p) return -1;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9') return -1;
    errno = 0;
    if (neg) {
        char *end;
        long long v = strtoll(s, &end, 10);
        if (errno || *end) return -1;
        *out = wn_number_from_int(v);
    } else {
        char *end;
        unsigned long long v = strtoull(p, &end, 10);
        if (errno || *end) return -1;
        *out = wn_number_from_uint(v);
    }
    return 0;
}

int wn_json_number(const cJSON *item, wn_number *out, char *why, size_t why_cap)
{
    if (cJSON_IsNumber(item)) {
        double v = item->valuedouble;
        /* JSON has no infinite numbers: 1e999 overflows the parser's double */
        if (!isfinite(v)) {
            snprintf(why, why_cap, "a number literal out of the range of a double (write \"Infinity\" or \"-Infinity\")");
            return -1;
        }
        if (v == trunc(v) && fabs(v) <= MAX_SAFE_INTEGER) *out = wn_number_from_int((int64_t)v);
        else *out = wn_number_from_double(v);
        /* -0 written as a number stays a float -0 */
        if (v == 0 && signbit(v)) *out = wn_number_from_double(v);
        return 0;
    }
    if (cJSON_IsString(item)) {
        const char *s = item->valuestring;
        if (strcmp(s, "NaN") == 0) { *out = wn_number_from_double(NAN); return 0; }
        if (strcmp(s, "Infinity") == 0) { *out = wn_number_from_double(INFINITY); return 0; }
        if (strcmp(s, "-Infinity") == 0) { *out = wn_number_from_double(-INFINITY); return 0; }
        if (strcmp(s, "-0") == 0) { *out = wn_number_from_double(-0.0); return 0; }
        if (parse_decimal(s, out) == 0) return 0;
        snprintf(why, why_cap, "string \"%.40s\" is not a number (use NaN, Infinity, -Infinity, -0 or a decimal integer)", s);
        return -1;
    }
    snprintf(why, why_cap, "expected a number, got %s",
             cJSON_IsArray(item) ? "an array" : cJSON_IsObject(item) ? "an object" : cJSON_IsBool(item) ? "a boolean"
             : cJSON_IsNull(item) ? "null" : "something else");
    return -1;
}

/* Stores one number into element i of t, checking that integers are integers in range (json_numbers.h). */
int wn_json_store_number(wn_tensor *t, size_t i, const wn_number *n, char *why, size_t why_cap)
{
    wn_dtype dt = t->desc.dtype;
    if (wn_dtype_is_float(dt)) {
        if (n->kind == WN_NUM_INT) wn_put_i64(t, i, n->i);
        else if (n->kind == WN_NUM_UINT) wn_put_u64(t, i, n->u);
        else wn_put_f64(t, i, n->f);
        return 0;
    }
    if (!wn_number_is_integer(n) || (n->kind == WN_NUM_FLOAT && fabs(n->f) > MAX_SAFE_INTEGER)) {
        snprintf(why, why_cap, "%.17g is not a valid %s value (integers beyond 2^53 must be decimal strings)", n->f,
                 wn_dtype_name(dt));
        return -1;
    }
    unsigned bits = wn_dtype_int_bits(dt);
    if (wn_dtype_is_unsigned_int(dt)) {
        uint64_t max = bits == 64 ? UINT64_MAX : (1ull << bits) - 1;
        if ((n->kind == WN_NUM_INT && (n->i < 0 || (uint64_t)n->i > max)) || (n->kind == WN_NUM_UINT && n->u > max)) {
            snprintf(why, why_cap, "%.17g is out of range for %s", n->f, wn_dtype_name(dt));
            return -1;
        }
        wn_put_u64(t, i, n->kind == WN_NUM_UINT ? n->u : (uint64_t)n->i);
        return 0;
    }
    int64_t max = bits == 64 ? INT64_MAX : (int64_t)((1ull << (bits - 1)) - 1);
    if (n->kind == WN_NUM_UINT || n->i > max || n->i < -max - 1) {
        snprintf(why, why_cap, "%.17g is out of range for %s", n->f, wn_dtype_name(dt));
        return -1;
    }
    wn_put_i64(t, i, n->i);
    return 0;
}

static int b64_value(int ch)
{
    if (ch >= 'A' && ch <= 'Z') return ch - 'A';
    if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9') return ch - '0' + 52;
    if (ch == '+') return 62;
    if (ch == '/') return 63;
    return -1;
}

/* Standard base64 with padding; decodes exactly `need` bytes or fails. */
static int decode_base64(const char *s, unsigned char *out, size_t need, wn_error *err)
{
    size_t len = strlen(s), o = 0;
    if (len % 4 != 0)
        return wn_set_error(err, WN_FORMAT_ERROR, "base64: length %zu is not a multiple of 4", len);
    for (size_t i = 0; i < len; i += 4) {
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; k++) {
            char ch = s[i + (size_t)k];
            if (ch == '=' && i + 4 == len && k >= 2) {
                v[k] = 0;
                pad++;
            } else if (pad) {
                return wn_set_error(err, WN_FORMAT_ERROR, "base64: '=' in the middle at offset %zu", i + (size_t)k);
            } else if ((v[k] = b64_value((unsigned char)ch)) < 0) {
                return wn_set_error(err, WN_FORMAT_ERROR, "base64: invalid character at offset %zu", i + (size_t)k);
            }
        }
        uint32_t triple = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 | (uint32_t)v[3];
        unsigned char bytes[3] = {(unsigned char)(triple >> 16), (unsigned char)(triple >> 8), (unsigned char)triple};
        for (int k = 0; k < 3 - pad; k++) {
            if (o >= need)
                return wn_set_error(err, WN_FORMAT_ERROR, "base64: decodes to more than the %zu bytes the shape needs",
                                    need);
            out[o++] = bytes[k];
        }
    }
    if (o != need)
        return wn_set_error(err, WN_FORMAT_ERROR, "base64: decodes to %zu bytes, the shape needs %zu", o, need);
    return 0;
}

/* The element count of an array, or the decoded length of base64, against the shape. */
static int data_size_check(const cJSON *data, const wn_desc *desc, size_t count, wn_error *err)
{
    size_t bytes;
    if (wn_desc_bytes(desc, &bytes, err) != 0) return -1;
    if (wn_tensor_byte_cap() && bytes > wn_tensor_byte_cap()) return 0;
    if (cJSON_IsArray(data)) {
        size_t len = (size_t)cJSON_GetArraySize(data);
        if (len != count) return wn_set_error(err, WN_FORMAT_ERROR, "data has %zu elements, shape needs %zu", len, count);
        return 0;
    }
    const cJSON *b64 = cJSON_IsObject(data) ? cJSON_GetObjectItemCaseSensitive(data, "base64") : NULL;
    if (!cJSON_IsString(b64)) return 0; /* reported while decoding */
    size_t len = strlen(b64->valuestring);
    if (len % 4 != 0) return wn_set_error(err, WN_FORMAT_ERROR, "base64: length %zu is not a multiple of 4", len);
    size_t pad = (len >= 1 && b64->valuestring[len - 1] == '=') + (len >= 2 && b64->valuestring[len - 2] == '=');
    size_t decoded = len / 4 * 3 - pad;
    if (decoded > bytes)
        return wn_set_error(err, WN_FORMAT_ERROR, "base64: decodes to more than the %zu bytes the shape needs", bytes);
    if (decoded < bytes)
        return wn_set_error(err, WN_FORMAT_ERROR, "base64: decodes to %zu bytes, the shape needs %zu", decoded, bytes);
    return 0;
}

int wn_json_tensor_data(const cJSON *data, const wn_desc *desc, wn_tensor *t, wn_error *err)
{
    char why[160];
    size_t count;
    wn_number n;
    if (!data) return wn_set_error(err, WN_FORMAT_ERROR, "data is missing");
    if (wn_desc_elements(desc, &count, err) != 0) return -1;
    /* the sizes are checked before anything is allocated (an over-cap tensor is reported
     * by wn_tensor_alloc, which allocates nothing then) */
    if (data_size_check(data, desc, count, err) != 0) return -1;
    if (wn_json_is_generated(data)) { /* made now (a sequence step's data); inputs stay lazy */
        wn_fill f;
        if (wn_tensor_check_cap(desc, err) != 0 || wn_json_generator(data, desc->dtype, &f, err) != 0) return -1;
        return wn_tensor_alloc_fill(t, desc, &f, err);
    }
    if (wn_tensor_alloc(t, desc, err) != 0) return -1;
    if (cJSON_IsObject(data)) {
        const cJSON *b64 = cJSON_GetObjectItemCaseSensitive(data, "base64");
        if (!cJSON_IsString(b64)) {
            wn_tensor_free(t);
            return wn_set_error(err, WN_FORMAT_ERROR, "data object must be {\"base64\": \"...\"}");
        }
        if (decode_base64(b64->valuestring, t->data, t->nbytes, err) != 0) {
            wn_tensor_free(t);
            return -1;
        }
        return 0;
    }
    if (cJSON_IsArray(data)) {
        size_t len = (size_t)cJSON_GetArraySize(data);
        if (len != count) {
            wn_tensor_free(t);
            return wn_set_error(err, WN_FORMAT_ERROR, "data has %zu elements, shape needs %zu", len, count);
        }
        size_t i = 0;
        for (const cJSON *item = data->child; item; item = item->next, i++) {
            if (wn_json_number(item, &n, why, sizeof why) != 0 || wn_json_store_number(t, i, &n, why, sizeof why) != 0) {
                wn_tensor_free(t);
                return wn_set_error(err, WN_FORMAT_ERROR, "data[%zu]: %s", i, why);
            }
        }
        return 0;
    }
    /* a single number fills the whole shape */
    if (wn_json_number(data, &n, why, sizeof why) != 0) {
        wn_tensor_free(t);
        return wn_set_error(err, WN_FORMAT_ERROR, "data: %s", why);
    }
    for (size_t i = 0; i < count; i++) {
        if (wn_json_store_number(t, i, &n, why, sizeof why) != 0) {
            wn_tensor_free(t);
            return wn_set_error(err, WN_FORMAT_ERROR, "data: %s", why);
        }
    }
    return 0;
}

int wn_json_tensor_lazy(const cJSON *data, const wn_desc *desc, wn_fill *f, wn_error *err)
{
    char why[160];
    size_t count;
    wn_number n;
    bool generated = wn_json_is_generated(data);
    if (!data || cJSON_IsArray(data) || (cJSON_IsObject(data) && !generated)) return 0;
    if (wn_desc_elements(desc, &count, err) != 0) return -1;
    if (!generated && count <= 1) return 0;             /* one number for one element: literal */
    if (wn_tensor_check_cap(desc, err) != 0) return -1; /* as if the whole tensor were allocated */
    if (generated) return wn_json_generator(data, desc->dtype, f, err) == 0 ? 1 : -1;
    if (wn_json_number(data, &n, why, sizeof why) != 0) return wn_set_error(err, WN_FORMAT_ERROR, "data: %s", why);
    memset(f, 0, sizeof *f);
    f->kind = WN_FILL_VALUE;
    wn_tensor one = {.desc = {.dtype = desc->dtype, .rank = 0}, .data = f->elem, .nbytes = wn_dtype_size(desc->dtype)};
    if (wn_json_store_number(&one, 0, &n, why, sizeof why) != 0)
        return wn_set_error(err, WN_FORMAT_ERROR, "data: %s", why);
    return 1;
}

int wn_json_tensor_fill(const cJSON *data, const wn_desc *desc, wn_tensor *t, wn_error *err)
{
    wn_fill f;
    if (wn_json_is_generated(data)) return 0;
    int r = wn_json_tensor_lazy(data, desc, &f, err);
    if (r != 1) return r;
    wn_desc one = {.dtype = desc->dtype, .rank = 0};
    if (wn_tensor_alloc_filled(t, &one, f.elem, err) != 0) return -1;
    t->desc = *desc;
    return 1;
}

int wn_json_f64_array(const cJSON *data, size_t count, double **out, wn_error *err)
{
    char why[160];
    wn_number n;
    if (!cJSON_IsArray(data) || (size_t)cJSON_GetArraySize(data) != count)
        return wn_set_error(err, WN_FORMAT_ERROR, "must be an array of %zu numbers", count);
    double *v = malloc((count ? count : 1) * sizeof *v);
    if (!v) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
    size_t i = 0;
    for (const cJSON *item = data->child; item; item = item->next, i++) {
        if (wn_json_number(item, &n, why, sizeof why) != 0) {
            free(v);
            return wn_set_error(err, WN_FORMAT_ERROR, "[%zu]: %s", i, why);
        }
        v[i] = n.f;
    }
    *out = v;
    return 0;
}
