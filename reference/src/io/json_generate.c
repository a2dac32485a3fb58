/* splitmix64 generated data: z_i = mix(seed + (i + 1) * GAMMA mod 2^64) (Steele, Lea, Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014); floats L + (H - L) * u with
 * u = (z >> 11) * 2^-53, rounded once to the type; integers L + z mod (H - L + 1). */
#include "json_generate.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "json_numbers.h"
#include "webnn/float16.h"

static uint64_t splitmix64(uint64_t seed, uint64_t i)
{
    uint64_t z = seed + (i + 1) * 0x9E3779B97F4A7C15u;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

bool wn_json_is_generated(const cJSON *data)
{
    return cJSON_IsObject(data) && cJSON_GetObjectItemCaseSensitive(data, "generator") != NULL;
}

/* A member as a wn_number ("NaN", big-integer strings and all), or an error naming it. */
static int member(const cJSON *g, const char *key, wn_number *n, wn_error *err)
{
    char why[160];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(g, key);
    if (!v) return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"%s\" is missing", key);
    if (wn_json_number(v, n, why, sizeof why) != 0)
        return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"%s\": %s", key, why);
    return 0;
}

/* An exact integer value of n in [lo, hi] (both as int128-free pairs: sign and magnitude). */
static int as_integer(const wn_number *n, const char *key, bool *neg, uint64_t *mag, wn_error *err)
{
    if (n->kind == WN_NUM_INT) {
        *neg = n->i < 0;
        *mag = *neg ? 0 - (uint64_t)n->i : (uint64_t)n->i;
        return 0;
    }
    if (n->kind == WN_NUM_UINT) {
        *neg = false;
        *mag = n->u;
        return 0;
    }
    if (isfinite(n->f) && n->f == floor(n->f) && fabs(n->f) <= 9007199254740992.0) {
        *neg = n->f < 0;
        *mag = (uint64_t)fabs(n->f);
        return 0;
    }
    return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"%s\" must be an integer", key);
}

static double as_double(const wn_number *n)
{
    return n->kind == WN_NUM_INT ? (double)n->i : n->kind == WN_NUM_UINT ? (double)n->u : n->f;
}

/* The type's range as (negative?, magnitude) bounds. */
static void int_range(wn_dtype t, uint64_t *min_mag, uint64_t *max)
{
    switch (t) {
    case WN_INT8: *min_mag = 128; *max = 127; break;
    case WN_UINT8: *min_mag = 0; *max = 255; break;
    case WN_INT32: *min_mag = 2147483648u; *max = 2147483647u; break;
    case WN_UINT32: *min_mag = 0; *max = 4294967295u; break;
    case WN_INT64: *min_mag = 9223372036854775808u; *max = 9223372036854775807u; break;
    default: *min_mag = 0; *max = UINT64_MAX; break;
    }
}

static bool in_range(wn_dtype t, bool neg, uint64_t mag)
{
    uint64_t min_mag, max;
    int_range(t, &min_mag, &max);
    return neg ? mag <= min_mag : mag <= max;
}

static void store_bits(wn_tensor *t, size_t i, uint64_t v)
{
    size_t w = wn_dtype_size(t->desc.dtype);
    uint8_t b8 = (uint8_t)v;
    uint32_t b32 = (uint32_t)v;
    void *dst = (char *)t->data + i * w;
    if (w == 1) memcpy(dst, &b8, 1);
    else if (w == 4) memcpy(dst, &b32, 4);
    else memcpy(dst, &v, 8);
}

int wn_json_tensor_generate(const cJSON *g, wn_tensor *t, wn_error *err)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(g, "generator");
    if (!cJSON_IsString(name) || strcmp(name->valuestring, "splitmix64") != 0)
        return wn_set_error(err, WN_FORMAT_ERROR, "generator: unknown generator (the one defined is \"splitmix64\")");
    for (const cJSON *m = g->child; m; m = m->next)
        if (strcmp(m->string, "generator") != 0 && strcmp(m->string, "seed") != 0 && strcmp(m->string, "low") != 0 &&
            strcmp(m->string, "high") != 0)
            return wn_set_error(err, WN_FORMAT_ERROR, "generator: unknown member \"%.64s\"", m->string);
    wn_number seed_n, lo_n, hi_n;
    if (member(g, "seed", &seed_n, err) || member(g, "low", &lo_n, err) || member(g, "high", &hi_n, err)) return -1;
    bool seed_neg;
    uint64_t seed;
    if (as_integer(&seed_n, "seed", &seed_neg, &seed, err) != 0) return -1;
    if (seed_neg) return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"seed\" must be in 0..2^64-1");
    wn_dtype dt = t->desc.dtype;
    size_t count = wn_desc_count(&t->desc);
    if (dt == WN_FLOAT32 || dt == WN_FLOAT16) {
        double lo = as_double(&lo_n), hi = as_double(&hi_n);
        if (!isfinite(lo) || !isfinite(hi) || !(lo < hi))
            return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"low\" and \"high\" must be finite with low < high");
        double span = hi - lo;
        for (size_t i = 0; i < count; i++) {
            double u = (double)(splitmix64(seed, i) >> 11) * 0x1p-53; /* exact: an integer < 2^53 */
            double v = lo + span * u;
            if (dt == WN_FLOAT32) {
                float f = wn_f32_from_f64(v);
                memcpy((char *)t->data + i * 4, &f, 4);
            } else {
                uint16_t h = wn_f16_from_double(v);
                memcpy((char *)t->data + i * 2, &h, 2);
            }
        }
        return 0;
    }
    bool lo_neg, hi_neg;
    uint64_t lo_mag, hi_mag;
    if (as_integer(&lo_n, "low", &lo_neg, &lo_mag, err) || as_integer(&hi_n, "high", &hi_neg, &hi_mag, err)) return -1;
    if (!in_range(dt, lo_neg, lo_mag) || !in_range(dt, hi_neg, hi_mag))
        return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"low\" and \"high\" must lie in %s's range", wn_dtype_name(dt));
    /* two's-complement patterns: high - low + 1 in uint64 arithmetic is the span mod 2^64 */
    uint64_t lo = lo_neg ? 0 - lo_mag : lo_mag, hi = hi_neg ? 0 - hi_mag : hi_mag;
    bool lo_le_hi = lo_neg != hi_neg ? lo_neg : lo_neg ? lo_mag >= hi_mag : lo_mag <= hi_mag;
    if (!lo_le_hi) return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"low\" must not exceed \"high\"");
    uint64_t span = hi - lo + 1; /* 0 stands for 2^64: the full 64-bit range */
    for (size_t i = 0; i < count; i++) {
        uint64_t z = splitmix64(seed, i);
        store_bits(t, i, lo + (span ? z % span : z));
    }
    return 0;
}
