#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/compare.h"
#include "webnn/interp.h"

static char *unquote(const char *json)
{
    size_t n = strlen(json);
    char *s = malloc(n + 1);
    assert_non_null(s);
    for (size_t i = 0; i <= n; i++) s[i] = json[i] == '\'' ? '"' : json[i];
    return s;
}

int wt_run_json(const char *json, wt_run *r)
{
    memset(r, 0, sizeof *r);
    char *text = unquote(json);
    int rc = wn_vec_load_buffer(text, strlen(text), "test.json", &r->file);
    free(text);
    if (rc != 0) {
        r->err = r->file.error;
        return -1;
    }
    if (r->file.n_cases == 0) return wn_set_error(&r->err, WN_FORMAT_ERROR, "no tests");
    wn_vec_case *vc = &r->file.cases[0];
    if (vc->format_error.kind != WN_OK) {
        r->err = vc->format_error;
        return -1;
    }
    if (wn_graph_validate(vc->graph, &r->err) != 0) return -1;
    if (wn_vec_case_expand(vc, &r->err) != 0) return -1;
    if (vc->graph->n_outputs > WT_MAX_OUTPUTS) return wn_set_error(&r->err, WN_FORMAT_ERROR, "too many outputs");
    wn_tensor inputs[WT_MAX_OUTPUTS * 4];
    if (vc->n_inputs > WT_MAX_OUTPUTS * 4) return wn_set_error(&r->err, WN_FORMAT_ERROR, "too many inputs");
    bool has_data = true;
    for (uint32_t k = 0; k < vc->n_inputs; k++) {
        inputs[k] = vc->inputs[k].tensor;
        if (!inputs[k].data) has_data = false;
    }
    if (!has_data) { /* a validation vector's graph: only the inferred output descriptors */
        r->n_outputs = vc->graph->n_outputs;
        for (uint32_t k = 0; k < r->n_outputs; k++) r->outputs[k].desc = vc->graph->operands[vc->graph->outputs[k]].desc;
        return 0;
    }
    if (wn_interp_run(vc->graph, inputs, vc->n_inputs, r->outputs, &r->err) != 0) return -1;
    r->n_outputs = vc->graph->n_outputs;
    return 0;
}

void wt_run_free(wt_run *r)
{
    for (uint32_t k = 0; k < r->n_outputs; k++) wn_tensor_free(&r->outputs[k]);
    wn_vec_file_free(&r->file);
}

void wt_check_case(const char *json)
{
    wt_run r;
    if (wt_run_json(json, &r) != 0) {
        print_error("%s: %s\n", wn_error_kind_name(r.err.kind), r.err.message);
        wt_run_free(&r);
        fail();
    }
    const wn_vec_case *vc = &r.file.cases[0];
    assert_int_equal(vc->n_expected, r.n_outputs);
    for (uint32_t k = 0; k < r.n_outputs; k++) {
        wn_compare_result cr;
        char buf[512];
        wn_compare(&vc->expected[k].tensor, &r.outputs[k], vc->has_tolerance ? &vc->tolerance : NULL, &cr);
        if (!cr.pass) {
            print_error("%s: output %s: %s\n", vc->name, vc->expected[k].name, wn_compare_str(&cr, buf, sizeof buf));
            wt_run_free(&r);
            fail();
        }
    }
    wt_run_free(&r);
}

void wt_check_rejected(const char *json, wn_error_kind kind)
{
    wt_run r;
    int rc = wt_run_json(json, &r);
    if (rc == 0 || r.err.kind != kind) {
        print_error("expected %s, got %s: %s\n", wn_error_kind_name(kind),
                    rc == 0 ? "success" : wn_error_kind_name(r.err.kind), r.err.message);
        wt_run_free(&r);
        fail();
    }
    wt_run_free(&r);
}

void wt_check_load_error(const char *json, wn_error_kind kind, const char *needle)
{
    wt_run r;
    int rc = wt_run_json(json, &r);
    if (rc == 0 || r.err.kind != kind || !strstr(r.err.message, needle)) {
        print_error("expected a %s containing \"%s\", got %s: %s\n", wn_error_kind_name(kind), needle,
                    rc == 0 ? "success" : wn_error_kind_name(r.err.kind), r.err.message);
        wt_run_free(&r);
        fail();
    }
    wt_run_free(&r);
}

void wt_check_malformed(const char *json, const char *needle) { wt_check_load_error(json, WN_FORMAT_ERROR, needle); }

void wt_check_op(const char *op, const char *inputs, const char *args, const char *expected)
{
    char json[8192];
    int n = snprintf(json, sizeof json,
                     "{'tests':[{'name':'%s','graph':{'inputs':{%s},"
                     "'operators':[{'name':'%s','arguments':%s,'outputs':'y'}],"
                     "'expectedOutputs':{'y':%s}}}]}",
                     op, inputs, op, args, expected);
    assert_true(n > 0 && (size_t)n < sizeof json);
    wt_check_case(json);
}

void wt_check_op_rejected(const char *op, const char *inputs, const char *args)
{
    char json[8192];
    int n = snprintf(json, sizeof json,
                     "{'tests':[{'name':'%s','graph':{'inputs':{%s},"
                     "'operators':[{'name':'%s','arguments':%s,'outputs':'y'}]},"
                     "'expectedError':'TypeError'}]}",
                     op, inputs, op, args);
    assert_true(n > 0 && (size_t)n < sizeof json);
    wt_check_rejected(json, WN_TYPE_ERROR);
}
