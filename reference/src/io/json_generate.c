/* splitmix64 generated data: z_i = mix(seed + (i + 1) * GAMMA mod 2^64) (Steele, Lea, Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014); floats L + (H - L) * u with
 * u = (z >> 11) * 2^-53, rounded once to the type; integers L + z mod (H - L + 1). */
#include "json_generate.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "json_numbers.h"

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

/* n as a value of integer type t, checked as tensor data of that type is (an integer in the
 * type's range), returned as its 64-bit two's-complement pattern. */
static int integer_of(const wn_number *n, wn_dtype t, const char *key, uint64_t *out, wn_error *err)
{
    uint64_t cell = 0;
    wn_tensor one = {.desc = {.dtype = t, .rank = 0}, .data = &cell, .nbytes = sizeof cell};
    char why[160];
    if (wn_json_store_number(&one, 0, n, why, sizeof why) != 0)
        return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"%s\" must be an integer in %s's range: %s", key,
                            wn_dtype_name(t), why);
    *out = wn_dtype_is_signed_int(t) ? (uint64_t)wn_get_i64(&one, 0) : wn_get_u64(&one, 0);
    return 0;
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
    uint64_t seed;
    if (integer_of(&seed_n, WN_UINT64, "seed", &seed, err) != 0) return -1;
    wn_dtype dt = t->desc.dtype;
    size_t count = wn_desc_count(&t->desc);
    if (wn_dtype_is_float(dt)) {
        double lo = lo_n.f, hi = hi_n.f; /* f: every kind's value as a double */
        if (!isfinite(lo) || !isfinite(hi) || !(lo < hi))
            return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"low\" and \"high\" must be finite with low < high");
        double span = hi - lo;
        for (size_t i = 0; i < count; i++) {
            double u = (double)(splitmix64(seed, i) >> 11) * 0x1p-53; /* exact: an integer < 2^53 */
            wn_put_f64(t, i, lo + span * u);                          /* rounded once to the type */
        }
        return 0;
    }
    uint64_t lo, hi;
    if (integer_of(&lo_n, dt, "low", &lo, err) || integer_of(&hi_n, dt, "high", &hi, err)) return -1;
    bool ordered = wn_dtype_is_signed_int(dt) ? (int64_t)lo <= (int64_t)hi : lo <= hi;
    if (!ordered) return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"low\" must not exceed \"high\"");
    uint64_t span = hi - lo + 1; /* mod 2^64: 0 stands for 2^64, the full 64-bit range */
    for (size_t i = 0; i < count; i++) {
        uint64_t z = splitmix64(seed, i);
        wn_put_u64(t, i, lo + (span ? z % span : z)); /* the store keeps the type's low bits */
    }
    return 0;
}
