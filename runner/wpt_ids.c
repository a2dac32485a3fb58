/* WPT ids and subtests for imported cases (wpt_ids.h). */
#include "wpt_ids.h"

#include <stdio.h>
#include <string.h>

#include "expectations.h"

static const char *variant(const char *device)
{
    if (device && strcmp(device, "gpu") == 0) return "gpu";
    if (device && strcmp(device, "npu") == 0) return "npu";
    return "cpu";
}

void rn_wpt_ids(const rn_case *c, const char *device, rn_result *r)
{
    /* "webnn/conformance_tests/add.https.any.js" runs in WPT as ".../add.https.any.html?cpu" */
    const char *p = c->wpt_path;
    size_t n = strlen(p);
    if (n > 3 && strcmp(p + n - 3, ".js") == 0) n -= 3;
    snprintf(r->wpt_test, sizeof r->wpt_test, "/%.*s.html?%s", (int)n, p, variant(device));
    const char *name = c->vc && c->vc->wpt_name ? c->vc->wpt_name : c->vc && c->vc->name ? c->vc->name : c->name;
    snprintf(r->wpt_subtest, sizeof r->wpt_subtest, "%s", name);
}

/* Subtest statuses are PASS, FAIL, TIMEOUT, NOTRUN, PRECONDITION_FAILED: our ERROR and CRASH
 * are failures of the subtest (a browser's promise_test rejects), NOTSUPPORTED is the
 * precondition WPT's harness checks before running an optional case. */
static const char *subtest_status(rn_status s)
{
    switch (s) {
    case RN_PASS: return "PASS";
    case RN_NOTSUPPORTED: return "PRECONDITION_FAILED";
    case RN_TIMEOUT: return "TIMEOUT";
    default: return "FAIL";
    }
}

static cJSON *find_test(cJSON *results, const char *id)
{
    cJSON *t;
    cJSON_ArrayForEach(t, results)
    {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(t, "test");
        if (cJSON_IsString(name) && strcmp(name->valuestring, id) == 0 &&
            cJSON_GetObjectItemCaseSensitive(t, "subtests"))
            return t;
    }
    return NULL;
}

int rn_wpt_report_add(cJSON *results, const rn_entry *e)
{
    const rn_result *r = &e->r;
    cJSON *t = find_test(results, r->wpt_test);
    if (!t) {
        t = cJSON_CreateObject();
        if (!t || !cJSON_AddItemToArray(results, t)) {
            cJSON_Delete(t);
            return -1;
        }
        if (!cJSON_AddStringToObject(t, "test", r->wpt_test) || !cJSON_AddStringToObject(t, "status", "OK") ||
            !cJSON_AddNullToObject(t, "message") || !cJSON_AddArrayToObject(t, "subtests") ||
            !cJSON_AddNumberToObject(t, "duration", 0) || !cJSON_AddArrayToObject(t, "known_intermittent"))
            return -1;
    }
    cJSON *dur = cJSON_GetObjectItemCaseSensitive(t, "duration");
    cJSON_SetNumberValue(dur, dur->valuedouble + (double)(long long)(r->duration * 1000.0 + 0.5));
    /* a crashed worker is the browser's crashed tab: the whole test is CRASH */
    if (r->status == RN_CRASH) cJSON_ReplaceItemInObjectCaseSensitive(t, "status", cJSON_CreateString("CRASH"));
    cJSON *s = cJSON_CreateObject();
    cJSON *subs = cJSON_GetObjectItemCaseSensitive(t, "subtests");
    if (!s || !cJSON_AddItemToArray(subs, s)) {
        cJSON_Delete(s);
        return -1;
    }
    char msg[RN_MESSAGE_MAX * 2 + 64];
    snprintf(msg, sizeof msg, "%s%s%s%s%s", r->status == RN_PASS ? "" : rn_status_name(r->status),
             r->status == RN_PASS || !r->message[0] ? "" : ": ", r->message,
             r->warning[0] ? (r->message[0] || r->status != RN_PASS ? " [warning: " : "[warning: ") : "", r->warning);
    if (r->warning[0]) strncat(msg, "]", sizeof msg - strlen(msg) - 1);
    int bad = !cJSON_AddStringToObject(s, "name", r->wpt_subtest) ||
              !cJSON_AddStringToObject(s, "status", subtest_status(r->status)) ||
              !(msg[0] ? cJSON_AddStringToObject(s, "message", msg) : cJSON_AddNullToObject(s, "message"));
    if (!bad && e->unexpected) {
        rn_status first = RN_PASS;
        for (unsigned k = 0; k < RN_STATUS_COUNT; k++)
            if (e->expected & (1u << k)) {
                first = (rn_status)k;
                break;
            }
        bad = !cJSON_AddStringToObject(s, "expected", subtest_status(first));
    }
    bad = bad || !cJSON_AddArrayToObject(s, "known_intermittent");
    return bad ? -1 : 0;
}
