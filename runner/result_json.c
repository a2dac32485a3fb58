/* rn_result <-> one JSON line: the worker-to-runner message and the journal record.
 * Non-finite numbers are written as the strings "Infinity", "-Infinity", "NaN". */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "result.h"

static const char *const status_names[RN_STATUS_COUNT] = {"PASS", "FAIL", "NOTSUPPORTED", "ERROR", "CRASH", "TIMEOUT"};

const char *rn_status_name(rn_status s)
{
    return (unsigned)s < RN_STATUS_COUNT ? status_names[s] : "?";
}

rn_status rn_status_parse(const char *s)
{
    for (unsigned i = 0; s && i < RN_STATUS_COUNT; i++)
        if (strcmp(s, status_names[i]) == 0) return (rn_status)i;
    return RN_STATUS_COUNT;
}

void rn_result_msg(rn_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
}

static int add_double(cJSON *o, const char *key, double v)
{
    cJSON *item = isnan(v) ? cJSON_CreateString("NaN")
                  : isinf(v) ? cJSON_CreateString(v > 0 ? "Infinity" : "-Infinity")
                             : cJSON_CreateNumber(v);
    return item && cJSON_AddItemToObject(o, key, item) ? 0 : -1;
}

static double get_double(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsNumber(v)) return v->valuedouble;
    if (cJSON_IsString(v)) {
        if (strcmp(v->valuestring, "Infinity") == 0) return INFINITY;
        if (strcmp(v->valuestring, "-Infinity") == 0) return -INFINITY;
        return NAN;
    }
    return 0;
}

static void get_str(const cJSON *o, const char *key, char *out, size_t cap)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    snprintf(out, cap, "%s", cJSON_IsString(v) ? v->valuestring : "");
}

static bool get_bool(const cJSON *o, const char *key)
{
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, key));
}

cJSON *rn_hist_to_json(const uint64_t hist[RN_ULP_BUCKETS])
{
    unsigned n = RN_ULP_BUCKETS;
    while (n > 0 && hist[n - 1] == 0) n--;
    cJSON *a = cJSON_CreateArray();
    for (unsigned k = 0; a && k < n; k++) {
        cJSON *v = cJSON_CreateNumber((double)hist[k]);
        if (!v || !cJSON_AddItemToArray(a, v)) {
            cJSON_Delete(v);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

void rn_hist_from_json(const cJSON *a, uint64_t hist[RN_ULP_BUCKETS])
{
    memset(hist, 0, RN_ULP_BUCKETS * sizeof *hist);
    unsigned k = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, a)
    {
        if (k == RN_ULP_BUCKETS) break;
        hist[k++] = cJSON_IsNumber(v) && v->valuedouble > 0 ? (uint64_t)v->valuedouble : 0;
    }
}

static cJSON *output_to_json(const rn_output_stats *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    int bad = !cJSON_AddStringToObject(o, "name", s->name) || !cJSON_AddBoolToObject(o, "shape_ok", s->shape_ok);
    if (!s->shape_ok) bad |= !cJSON_AddStringToObject(o, "actual_desc", s->actual_desc);
    bad |= add_double(o, "n_elements", (double)s->n_elements) | add_double(o, "n_bad", (double)s->n_bad) |
           add_double(o, "max_ulp", s->max_ulp) | add_double(o, "max_abs", s->max_abs) |
           add_double(o, "worst_index", (double)s->worst_index) | add_double(o, "worst_expected", s->worst_expected) |
           add_double(o, "worst_actual", s->worst_actual);
    cJSON *tol = cJSON_AddObjectToObject(o, "tolerance");
    bad |= !tol || !cJSON_AddStringToObject(tol, "metric", s->tol_metric) || add_double(tol, "value", s->tol_value) ||
           (s->tol_floor > 0 && add_double(tol, "absoluteFloor", s->tol_floor));
    if (!bad && s->shape_ok) {
        cJSON *h = rn_hist_to_json(s->ulp_hist);
        if (!h || !cJSON_AddItemToObject(o, "ulp_hist", h)) {
            cJSON_Delete(h);
            bad = 1;
        }
    }
    if (bad) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

char *rn_result_to_json(const rn_result *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    int bad = !cJSON_AddStringToObject(o, "test", r->test) ||
              !cJSON_AddStringToObject(o, "status", rn_status_name(r->status)) ||
              !cJSON_AddStringToObject(o, "message", r->message) || add_double(o, "duration", r->duration) ||
              !cJSON_AddStringToObject(o, "op", r->op) || !cJSON_AddStringToObject(o, "family", r->family) ||
              !cJSON_AddStringToObject(o, "dtype", r->dtype) ||
              !cJSON_AddBoolToObject(o, "validation", r->validation) ||
              !cJSON_AddBoolToObject(o, "implementation_defined", r->implementation_defined) ||
              !cJSON_AddBoolToObject(o, "gap", r->gap) ||
              (r->warning[0] && !cJSON_AddStringToObject(o, "warning", r->warning)) ||
              (r->wpt_test[0] && (!cJSON_AddStringToObject(o, "wpt_test", r->wpt_test) ||
                                  !cJSON_AddStringToObject(o, "wpt_subtest", r->wpt_subtest)));
    cJSON *outs = cJSON_AddArrayToObject(o, "outputs");
    bad |= !outs;
    for (uint32_t k = 0; !bad && k < r->n_outputs && k < RN_MAX_OUTPUT_STATS; k++) {
        cJSON *s = output_to_json(&r->outputs[k]);
        bad |= !s || !cJSON_AddItemToArray(outs, s);
    }
    char *text = bad ? NULL : cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return text;
}

static void output_from_json(const cJSON *o, rn_output_stats *s)
{
    get_str(o, "name", s->name, sizeof s->name);
    s->shape_ok = get_bool(o, "shape_ok");
    get_str(o, "actual_desc", s->actual_desc, sizeof s->actual_desc);
    s->n_elements = (uint64_t)get_double(o, "n_elements");
    s->n_bad = (uint64_t)get_double(o, "n_bad");
    s->max_ulp = get_double(o, "max_ulp");
    s->max_abs = get_double(o, "max_abs");
    s->worst_index = (uint64_t)get_double(o, "worst_index");
    s->worst_expected = get_double(o, "worst_expected");
    s->worst_actual = get_double(o, "worst_actual");
    const cJSON *tol = cJSON_GetObjectItemCaseSensitive(o, "tolerance");
    get_str(tol, "metric", s->tol_metric, sizeof s->tol_metric);
    s->tol_value = get_double(tol, "value");
    s->tol_floor = cJSON_GetObjectItemCaseSensitive(tol, "absoluteFloor") ? get_double(tol, "absoluteFloor") : 0;
    rn_hist_from_json(cJSON_GetObjectItemCaseSensitive(o, "ulp_hist"), s->ulp_hist);
}

int rn_result_from_json(const char *line, rn_result *r)
{
    memset(r, 0, sizeof *r);
    cJSON *o = cJSON_Parse(line);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return -1;
    }
    const cJSON *status = cJSON_GetObjectItemCaseSensitive(o, "status");
    const cJSON *test = cJSON_GetObjectItemCaseSensitive(o, "test");
    int rc = -1;
    if (!cJSON_IsString(status) || !cJSON_IsString(test)) goto done;
    r->status = rn_status_parse(status->valuestring);
    if (r->status == RN_STATUS_COUNT) goto done;
    get_str(o, "test", r->test, sizeof r->test);
    get_str(o, "message", r->message, sizeof r->message);
    get_str(o, "warning", r->warning, sizeof r->warning);
    get_str(o, "wpt_test", r->wpt_test, sizeof r->wpt_test);
    get_str(o, "wpt_subtest", r->wpt_subtest, sizeof r->wpt_subtest);
    r->duration = get_double(o, "duration");
    get_str(o, "op", r->op, sizeof r->op);
    get_str(o, "family", r->family, sizeof r->family);
    get_str(o, "dtype", r->dtype, sizeof r->dtype);
    r->validation = get_bool(o, "validation");
    r->implementation_defined = get_bool(o, "implementation_defined");
    r->gap = get_bool(o, "gap");
    const cJSON *outs = cJSON_GetObjectItemCaseSensitive(o, "outputs");
    const cJSON *s;
    cJSON_ArrayForEach(s, outs)
    {
        if (r->n_outputs == RN_MAX_OUTPUT_STATS) break;
        output_from_json(s, &r->outputs[r->n_outputs++]);
    }
    rc = 0;
done:
    cJSON_Delete(o);
    return rc;
}
