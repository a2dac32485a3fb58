/* Runner pieces that need no processes: SHA-256, expectations, result lines, case names,
 * chunks, the ABI graph round trip through the reference adapter. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi_graph.h"
#include "corpus.h"
#include "expectations.h"
#include "reference_adapter.h"
#include "result.h"
#include "sha256.h"
#include "support.h"

static void sha(const char *msg, char hex[65])
{
    rn_sha256 s;
    rn_sha256_init(&s);
    rn_sha256_update(&s, msg, strlen(msg));
    rn_sha256_final_hex(&s, hex);
}

static void test_sha256_matches_the_fips_examples(void **state)
{
    (void)state;
    char hex[65];
    sha("abc", hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    sha("", hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static rn_result result_named(const char *test, rn_status st, bool gap)
{
    rn_result r;
    memset(&r, 0, sizeof r);
    snprintf(r.test, sizeof r.test, "%s", test);
    r.status = st;
    r.gap = gap;
    return r;
}

static void test_expectations_last_match_wins_and_default_excludes_gaps(void **state)
{
    (void)state;
    rn_expectations e;
    char err[256];
    assert_int_equal(rn_expectations_parse(&e, "# c\nFAIL conv2d.json/*\n\nPASS conv2d.json/*int8*\n"
                                           "CRASH,TIMEOUT gru.json/x\n", "t", err, sizeof err), 0);
    rn_result r = result_named("conv2d.json/float16 a", RN_FAIL, false);
    assert_int_equal(rn_expected(&e, &r), 1u << RN_FAIL);
    r = result_named("conv2d.json/int8 a", RN_FAIL, false);
    assert_int_equal(rn_expected(&e, &r), 1u << RN_PASS);
    r = result_named("gru.json/x", RN_CRASH, false);
    assert_int_equal(rn_expected(&e, &r), (1u << RN_CRASH) | (1u << RN_TIMEOUT));
    r = result_named("other.json/x", RN_NOTSUPPORTED, false);
    assert_true(rn_expected(&e, &r) & (1u << RN_NOTSUPPORTED));
    r.gap = true;
    assert_false(rn_expected(&e, &r) & (1u << RN_NOTSUPPORTED));
    rn_expectations_free(&e);
    assert_int_equal(rn_expectations_parse(&e, "MAYBE x\n", "t", err, sizeof err), -1);
    assert_non_null(strstr(err, "t:1"));
}

static void test_result_line_round_trips_numbers_and_infinities(void **state)
{
    (void)state;
    rn_result r = result_named("a.json/b \"quoted\"", RN_FAIL, false), back;
    snprintf(r.message, sizeof r.message, "line\nbreak");
    r.n_outputs = 1;
    snprintf(r.outputs[0].name, sizeof r.outputs[0].name, "y");
    r.outputs[0].max_ulp = INFINITY;
    r.outputs[0].worst_actual = NAN;
    r.outputs[0].worst_expected = -0.1;
    r.outputs[0].n_bad = 3;
    snprintf(r.outputs[0].tol_metric, sizeof r.outputs[0].tol_metric, "ULP");
    r.outputs[0].tol_value = 4;
    r.outputs[0].tol_floor = 1.25e-7;
    r.outputs[0].shape_ok = true;
    r.outputs[0].ulp_hist[0] = 5;
    r.outputs[0].ulp_hist[3] = 2;
    r.outputs[0].ulp_hist[RN_ULP_BUCKETS - 1] = 1;
    char *line = rn_result_to_json(&r);
    assert_non_null(line);
    assert_null(strchr(line, '\n'));
    assert_int_equal(rn_result_from_json(line, &back), 0);
    free(line);
    assert_string_equal(back.test, r.test);
    assert_string_equal(back.message, "line\nbreak");
    assert_int_equal(back.status, RN_FAIL);
    assert_true(isinf(back.outputs[0].max_ulp));
    assert_true(isnan(back.outputs[0].worst_actual));
    assert_true(back.outputs[0].worst_expected == -0.1);
    assert_int_equal(back.outputs[0].n_bad, 3);
    assert_true(back.outputs[0].tol_value == 4 && back.outputs[0].tol_floor == 1.25e-7);
    assert_memory_equal(back.outputs[0].ulp_hist, r.outputs[0].ulp_hist, sizeof r.outputs[0].ulp_hist);
    assert_int_equal(rn_result_from_json("{\"test\":\"x\",\"status\":\"BOGUS\"}", &back), -1);
    assert_int_equal(rn_result_from_json("{\"test\":", &back), -1);
}

static void test_display_names_are_stable(void **state)
{
    (void)state;
    char *n = rn_display_name("vectors/ops/conv2d.json", "vectors/", true);
    assert_string_equal(n, "ops/conv2d.json");
    free(n);
    n = rn_display_name("/x/repo/vectors/ops/conv2d.json", "/x/repo/vectors/ops/conv2d.json", false);
    assert_string_equal(n, "ops/conv2d.json");
    free(n);
    n = rn_display_name("elsewhere/add.json", "elsewhere/add.json", false);
    assert_string_equal(n, "add.json");
    free(n);
}

static void test_chunks_are_stable_and_in_range(void **state)
{
    (void)state;
    assert_int_equal(rn_chunk_of("a.json/x", 1), 1);
    for (int i = 0; i < 50; i++) {
        char name[32];
        snprintf(name, sizeof name, "f.json/case %d", i);
        uint32_t c = rn_chunk_of(name, 7);
        assert_true(c >= 1 && c <= 7);
        assert_int_equal(c, rn_chunk_of(name, 7));
    }
}

static const char *const GRAPH =
    "{'format': 'webnn-cts-vectors/1', 'tests': [{'name': 't', 'graph': {"
    "'inputs': {'x': {'descriptor': {'dataType': 'float32', 'shape': [2, 3]}, 'data': [1, -2, 3, -4, 5, -6]},"
    "           'k': {'descriptor': {'dataType': 'float32', 'shape': [3]}, 'data': [1, 1, 1], 'constant': true}},"
    "'operators': [{'name': 'add', 'arguments': [{'a': 'x'}, {'b': 'k'}], 'outputs': 's'},"
    "              {'name': 'relu', 'arguments': [{'input': 's'}], 'outputs': 'y'}],"
    "'expectedOutputs': {'y': {'descriptor': {'dataType': 'float32', 'shape': [2, 3]}, 'data': [2, 0, 4, 0, 6, 0]}}}}]}";

static void test_abi_graph_round_trips_through_the_reference_adapter(void **state)
{
    (void)state;
    wt_run run;
    assert_int_equal(wt_run_json(GRAPH, &run), 0);
    wn_vec_case *vc = &run.file.cases[0];
    rn_abi_graph ag;
    wn_error err = {0};
    assert_int_equal(rn_abi_graph_build(vc->graph, &ag, &err), 0);
    assert_int_equal(ag.g.n_operations, 2);
    assert_string_equal(ag.g.operations[0].op, "add");
    assert_string_equal(ag.g.operations[0].args[1].name, "b");
    assert_int_equal(ag.g.n_inputs, 1);
    const wna_api *api = wna_reference_api();
    wna_context *ctx;
    wna_compiled *cg;
    wna_error e = {0};
    assert_int_equal(api->create_context("cpu", &ctx, &e), 0);
    assert_int_equal(api->build(ctx, &ag.g, &cg, &e), 0);
    float out[6] = {0};
    wna_tensor in = {"x", {0, 2, {2, 3}}, vc->inputs[0].tensor.data, 24};
    wna_tensor o = {"y", {0}, out, sizeof out};
    assert_int_equal(api->compute(cg, &in, 1, &o, 1, &e), 0);
    assert_true(out[0] == 2 && out[1] == 0 && out[4] == 6);
    assert_int_equal(o.desc.rank, 2);
    assert_int_equal(api->create_context("gpu", &(wna_context *){NULL}, &e), -1);
    assert_int_equal(e.kind, WNA_NOT_SUPPORTED_ERROR);
    api->release_graph(cg);
    api->release_context(ctx);
    rn_abi_graph_free(&ag);
    wt_run_free(&run);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_matches_the_fips_examples),
        cmocka_unit_test(test_expectations_last_match_wins_and_default_excludes_gaps),
        cmocka_unit_test(test_result_line_round_trips_numbers_and_infinities),
        cmocka_unit_test(test_display_names_are_stable),
        cmocka_unit_test(test_chunks_are_stable_and_in_range),
        cmocka_unit_test(test_abi_graph_round_trips_through_the_reference_adapter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
