/* --report json: a wptreport.json (the format of web-platform-tests' wptrunner, read by
 * wpt.fyi and its tools). Each case is one test with a test-level status (reftest style,
 * no subtests): PASS, FAIL, ERROR, CRASH, TIMEOUT as they are; NOTSUPPORTED becomes
 * PRECONDITION_FAILED. Our own status and the numbers are kept in "extra". Unexpected
 * results carry "expected", as wptrunner writes them. Durations are in milliseconds. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "expectations.h"
#include "run.h"
#include "wpt_ids.h"

static cJSON *number_or_string(double v)
{
    if (isnan(v)) return cJSON_CreateString("NaN");
    if (isinf(v)) return cJSON_CreateString(v > 0 ? "Infinity" : "-Infinity");
    return cJSON_CreateNumber(v);
}

static void add(cJSON *o, const char *k, cJSON *v)
{
    if (v && !cJSON_AddItemToObject(o, k, v)) cJSON_Delete(v);
}

static cJSON *output_json(const rn_output_stats *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    add(o, "name", cJSON_CreateString(s->name));
    add(o, "shape_ok", cJSON_CreateBool(s->shape_ok));
    if (!s->shape_ok) add(o, "actual", cJSON_CreateString(s->actual_desc));
    add(o, "max_ulp", number_or_string(s->max_ulp));
    add(o, "max_abs", number_or_string(s->max_abs));
    add(o, "n_bad", cJSON_CreateNumber((double)s->n_bad));
    add(o, "n_elements", cJSON_CreateNumber((double)s->n_elements));
    add(o, "worst_index", cJSON_CreateNumber((double)s->worst_index));
    add(o, "worst_expected", number_or_string(s->worst_expected));
    add(o, "worst_actual", number_or_string(s->worst_actual));
    cJSON *t = cJSON_CreateObject();
    if (t) {
        add(t, "metric", cJSON_CreateString(s->tol_metric));
        add(t, "value", number_or_string(s->tol_value));
        if (s->tol_floor > 0) add(t, "absoluteFloor", number_or_string(s->tol_floor));
    }
    add(o, "tolerance", t);
    if (s->shape_ok) add(o, "ulp_hist", rn_hist_to_json(s->ulp_hist));
    return o;
}

static cJSON *result_json(const rn_entry *e, const uint32_t *corpus_index)
{
    const rn_result *r = &e->r;
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    add(o, "test", cJSON_CreateString(r->test));
    add(o, "status", cJSON_CreateString(rn_wpt_status(r->status)));
    add(o, "message", r->message[0] ? cJSON_CreateString(r->message) : cJSON_CreateNull());
    add(o, "subtests", cJSON_CreateArray());
    add(o, "duration", cJSON_CreateNumber(floor(r->duration * 1000.0 + 0.5)));
    if (e->unexpected) {
        rn_status first = RN_PASS;
        for (unsigned s = 0; s < RN_STATUS_COUNT; s++)
            if (e->expected & (1u << s)) {
                first = (rn_status)s;
                break;
            }
        add(o, "expected", cJSON_CreateString(rn_wpt_status(first)));
    }
    add(o, "known_intermittent", cJSON_CreateArray());
    cJSON *x = cJSON_CreateObject();
    if (x) {
        char buf[96];
        add(x, "webnn_status", cJSON_CreateString(rn_status_name(r->status)));
        add(x, "expected_statuses", cJSON_CreateString(rn_status_set_str(e->expected, buf, sizeof buf)));
        add(x, "unexpected", cJSON_CreateBool(e->unexpected));
        add(x, "op", cJSON_CreateString(r->op));
        add(x, "family", cJSON_CreateString(r->family));
        add(x, "data_type", cJSON_CreateString(r->dtype));
        add(x, "validation", cJSON_CreateBool(r->validation));
        add(x, "implementation_defined", cJSON_CreateBool(r->implementation_defined));
        add(x, "conformance_gap", cJSON_CreateBool(r->gap));
        add(x, "resumed", cJSON_CreateBool(e->resumed));
        if (corpus_index) add(x, "corpus_index", cJSON_CreateNumber(*corpus_index));
        if (r->warning[0]) add(x, "warning", cJSON_CreateString(r->warning));
        cJSON *outs = cJSON_CreateArray();
        for (uint32_t k = 0; outs && k < r->n_outputs; k++) {
            cJSON *s = output_json(&r->outputs[k]);
            if (s && !cJSON_AddItemToArray(outs, s)) cJSON_Delete(s);
        }
        add(x, "outputs", outs);
    }
    add(o, "extra", x);
    return o;
}

int rn_report_json(const rn_run *run, FILE *f)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *info = cJSON_CreateObject();
    cJSON *results = cJSON_CreateArray();
    if (!root || !info || !results) {
        cJSON_Delete(root);
        cJSON_Delete(info);
        cJSON_Delete(results);
        return -1;
    }
    add(info, "product", cJSON_CreateString("webnn-cts"));
    add(info, "adapter", cJSON_CreateString(run->adapter_name));
    add(info, "adapter_path", cJSON_CreateString(run->adapter));
    add(info, "adapter_version", cJSON_CreateString(run->adapter_version));
    add(info, "device", cJSON_CreateString(run->device));
    add(info, "abi_version", cJSON_CreateString(run->abi_version));
    add(info, "corpus_hash", cJSON_CreateString(run->corpus_hash));
    add(info, "vector_files", cJSON_CreateNumber(run->n_files));
    if (run->chunk_n) { /* what webnn-report merge checks: every chunk once, no case missing */
        cJSON *ch = cJSON_CreateObject();
        if (ch) {
            add(ch, "index", cJSON_CreateNumber(run->chunk_i));
            add(ch, "count", cJSON_CreateNumber(run->chunk_n));
            add(ch, "cases_in_all_chunks", cJSON_CreateNumber(run->n_unchunked));
        }
        add(info, "chunk", ch);
    }
    add(root, "run_info", info);
    add(root, "time_start", cJSON_CreateNumber(floor(run->time_start * 1000.0)));
    add(root, "time_end", cJSON_CreateNumber(floor(run->time_end * 1000.0)));
    for (uint32_t i = 0; i < run->n; i++) {
        if (!run->entries[i].have) continue;
        if (run->entries[i].r.wpt_test[0]) { /* an imported WPT case: a subtest under WPT's id */
            if (rn_wpt_report_add(results, &run->entries[i]) != 0) {
                cJSON_Delete(root);
                return -1;
            }
            continue;
        }
        cJSON *r = result_json(&run->entries[i], run->corpus_index ? &run->corpus_index[i] : NULL);
        if (r && !cJSON_AddItemToArray(results, r)) cJSON_Delete(r);
    }
    add(root, "results", results);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) return -1;
    int rc = fputs(text, f) < 0 || fputc('\n', f) == EOF ? -1 : 0;
    free(text);
    return rc;
}
