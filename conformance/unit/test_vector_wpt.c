/* The loader accepts what web-platform-tests' webnn harness (resources/utils.js) accepts:
 * several keys in one argument object, null argument entries, options the spec does not
 * define (ignored with a warning), fill data, and the special-value encodings. */
#include <string.h>

#include "webnn/compare.h"

#include "support.h"

static void load(const char *json, wn_vec_file *f)
{
    char buf[4096];
    size_t n = strlen(json);
    assert_true(n < sizeof buf);
    for (size_t i = 0; i <= n; i++) buf[i] = json[i] == '\'' ? '"' : json[i];
    assert_int_equal(wn_vec_load_buffer(buf, n, "w.json", f), 0);
    assert_true(f->n_cases >= 1);
}

/* dequantizeLinear(input, scale, zeroPoint): scale and zeroPoint given in one object, in key
 * order; y = (x - z) * s. Swapping the keys swaps the arguments, as the harness does. */
static void several_keys_are_the_next_positional_arguments(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'t','graph':{'inputs':{"
                  "'x':" WT_T("uint8", "[2]", "[10, 20]") ","
                  "'s':" WT_T("float32", "[2]", "[0.5, 2]") ","
                  "'z':" WT_T("uint8", "[2]", "[2, 4]") "},"
                  "'operators':[{'name':'dequantizeLinear','arguments':[{'input':'x'},{'scale':'s','zeroPoint':'z'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':" WT_T("float32", "[2]", "[4, 32]") "}}}]}");
    /* the keys name nothing: they are taken by position */
    wt_check_case("{'tests':[{'name':'t','graph':{'inputs':{"
                  "'x':" WT_T("uint8", "[2]", "[10, 20]") ","
                  "'s':" WT_T("float32", "[2]", "[0.5, 2]") ","
                  "'z':" WT_T("uint8", "[2]", "[2, 4]") "},"
                  "'operators':[{'name':'dequantizeLinear','arguments':[{'p':'x','q':'s','r':'z'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':" WT_T("float32", "[2]", "[4, 32]") "}}}]}");
    /* a key beyond the method's parameters is still an error */
    wt_check_malformed("{'tests':[{'name':'t','graph':{'inputs':{'x':" WT_T("float32", "[2]", "[1, 2]") "},"
                       "'operators':[{'name':'relu','arguments':[{'input':'x','other':'x'}],'outputs':'y'}],"
                       "'expectedOutputs':{'y':" WT_T("float32", "[2]", "[1, 2]") "}}}]}",
                       "arguments[0].other: relu has no argument \"other\"");
}

/* softmax(input, axis): [{input}, null, {axis}] is softmax(x, 0); a null contributes nothing. */
static void null_entries_contribute_nothing(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'t','graph':{'inputs':{'x':" WT_T("float32", "[2,1]", "[0, 0]") "},"
                  "'operators':[{'name':'softmax','arguments':[null,{'input':'x'},null,{'axis':0},null],'outputs':'y'}],"
                  "'expectedOutputs':{'y':" WT_T("float32", "[2,1]", "[0.5, 0.5]") "}}}]}");
}

/* leakyRelu with an option the spec does not define: computed with the default alpha (0.01),
 * and the case carries a warning naming the member and its place. */
static void unknown_options_are_ignored_with_a_warning(void **state)
{
    (void)state;
    const char *json = "{'tests':[{'name':'t','graph':{'inputs':{'x':" WT_T("float32", "[2]", "[1, -2]") "},"
                       "'operators':[{'name':'leakyRelu','arguments':[{'input':'x'},{'options':{'alpah':0.5,'alpha':0.25,'roundingType':'floor'}}],'outputs':'y'}],"
                       "'expectedOutputs':{'y':" WT_T("float32", "[2]", "[1, -0.5]") "}}},"
                       "{'name':'u','graph':{'inputs':{'x':" WT_T("float32", "[2]", "[1, -2]") "},"
                       "'operators':[{'name':'leakyRelu','arguments':[{'input':'x'}],'outputs':'y'}],"
                       "'expectedOutputs':{'y':" WT_T("float32", "[2]", "[1, -0.02]") "}}}]}";
    wt_check_case(json);
    wn_vec_file f;
    load(json, &f);
    assert_int_equal(f.cases[0].format_error.kind, WN_OK);
    assert_non_null(f.cases[0].warnings);
    assert_non_null(strstr(f.cases[0].warnings, "arguments[1].options.alpah: leakyRelu has no option \"alpah\""));
    assert_non_null(strstr(f.cases[0].warnings, "; tests[0].graph.operators[0].arguments[1].options.roundingType:"));
    assert_null(strstr(f.cases[0].warnings, "\"alpha\""));
    assert_null(f.cases[1].warnings);
    wn_vec_file_free(&f);
}

/* One number fills the tensor, for inputs, constants and expected outputs alike; int64 beyond
 * 2^53 and the float specials use the string encodings. */
static void fills_and_special_values(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'t','graph':{'inputs':{"
                  "'a':" WT_T("float32", "[3,4]", "1.5") ","
                  "'b':{'descriptor':{'dataType':'float32','shape':[3,4]},'data':-0.25,'constant':true}},"
                  "'operators':[{'name':'add','arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':" WT_T("float32", "[3,4]", "1.25") "}}}]}");
    wt_check_case("{'tests':[{'name':'t','graph':{'inputs':{"
                  "'a':" WT_T("int64", "[3]", "['9007199254740993', '-9223372036854775808', 1]") ","
                  "'b':" WT_T("int64", "[3]", "'9007199254740993'") "},"
                  "'operators':[{'name':'sub','arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':" WT_T("int64", "[3]", "[0, '9214364837600034815', '-9007199254740992']") "}}}]}");
    wt_check_case("{'tests':[{'name':'t','graph':{'inputs':{"
                  "'a':" WT_T("float32", "[4]", "['NaN', 'Infinity', '-Infinity', '-0']") "},"
                  "'operators':[{'name':'neg','arguments':[{'input':'a'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':" WT_T("float32", "[4]", "['NaN', '-Infinity', 'Infinity', 0]") "}}}]}");
    /* (-2^63 - (2^53 + 1) wraps to 2^63 - 2^53 - 1) */
    /* a filled expected output is compared element by element: one wrong element fails */
    wt_run r;
    assert_int_equal(wt_run_json("{'tests':[{'name':'t','graph':{'inputs':{'a':" WT_T("float32", "[2]", "[1, 2]") "},"
                                 "'operators':[{'name':'relu','arguments':[{'input':'a'}],'outputs':'y'}],"
                                 "'expectedOutputs':{'y':" WT_T("float32", "[2]", "1") "}}}]}",
                                 &r),
                     0);
    wn_compare_result cr;
    wn_compare(&r.file.cases[0].expected[0].tensor, &r.outputs[0], NULL, &cr);
    assert_false(cr.pass);
    wt_run_free(&r);
}

/* "wptName" keeps the case's name as web-platform-tests gives it. */
static void wpt_name_is_kept(void **state)
{
    (void)state;
    wn_vec_file f;
    load("{'tests':[{'name':'t','wptName':'[required] add float32','graph':{'inputs':{'x':" WT_T("float32", "[1]", "[1]") "},"
         "'operators':[{'name':'relu','arguments':[{'input':'x'}],'outputs':'y'}],"
         "'expectedOutputs':{'y':" WT_T("float32", "[1]", "[1]") "}}}]}",
         &f);
    assert_string_equal(f.cases[0].wpt_name, "[required] add float32");
    wn_vec_file_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(several_keys_are_the_next_positional_arguments),
        cmocka_unit_test(null_entries_contribute_nothing),
        cmocka_unit_test(unknown_options_are_ignored_with_a_warning),
        cmocka_unit_test(fills_and_special_values),
        cmocka_unit_test(wpt_name_is_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
