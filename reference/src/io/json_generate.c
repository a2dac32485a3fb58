/* Reading and checking a generator object (vectors/FORMAT.md, "Generated data") into a
 * wn_fill; the elements are made when the tensor is expanded (reference/src/core/fill.c). */
#include "json_generate.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "json_numbers.h"

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

int wn_json_generator(const cJSON *g, wn_dtype dt, wn_fill *f, wn_error *err)
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
    memset(f, 0, sizeof *f);
    f->kind = WN_FILL_SPLITMIX64;
    if (integer_of(&seed_n, WN_UINT64, "seed", &f->seed, err) != 0) return -1;
    if (wn_dtype_is_float(dt)) {
        f->low.f = lo_n.f; /* wn_number's f: every kind's value as a double */
        f->high.f = hi_n.f;
        if (!isfinite(f->low.f) || !isfinite(f->high.f) || !(f->low.f < f->high.f))
            return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"low\" and \"high\" must be finite with low < high");
        return 0;
    }
    if (integer_of(&lo_n, dt, "low", &f->low.u, err) || integer_of(&hi_n, dt, "high", &f->high.u, err)) return -1;
    bool ordered = wn_dtype_is_signed_int(dt) ? (int64_t)f->low.u <= (int64_t)f->high.u : f->low.u <= f->high.u;
    if (!ordered) return wn_set_error(err, WN_FORMAT_ERROR, "generator: \"low\" must not exceed \"high\"");
    return 0;
}
