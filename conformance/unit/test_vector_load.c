/* The vector loader: what it accepts, and a clear message naming the file and JSON path for
 * each kind of malformed input. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support.h"

/* A valid single-op test around an input entry, an operator and an expected output. */
#define TEST_WITH(INPUTS, OPS, EXPECTED) \
    "{'tests':[{'name':'t','graph':{'inputs':{" INPUTS "},'operators':[" OPS "],'expectedOutputs':{" EXPECTED "}}}]}"
#define X_F32_2 "'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':[1,2]}"
#define RELU_X "{'name':'relu','arguments':[{'input':'x'}],'outputs':'y'}"
#define Y_F32_2 "'y':{'descriptor':{'dataType':'float32','shape':[2]},'data':[1,2]}"

typedef struct malformed {
    const char *json;
    wn_error_kind kind;
    const char *message; /* a part of the expected message */
} malformed;

static const malformed cases[] = {
    /* file level */
    {"", WN_FORMAT_ERROR, "not valid JSON (line 1"},
    {"{'tests': [", WN_FORMAT_ERROR, "not valid JSON"},
    {"{'tests': [}]}", WN_FORMAT_ERROR, "not valid JSON"},
    {"[1, 2]", WN_FORMAT_ERROR, "the top level must be an object, got an array"},
    {"{'format': 3, 'tests': []}", WN_FORMAT_ERROR, "format must be a string"},
    {"{'tests': {}}", WN_FORMAT_ERROR, "\"tests\" must be an array, got an object"},
    {"{'format': 'x'}", WN_FORMAT_ERROR, "\"tests\" must be an array, got nothing"},
    /* test level */
    {"{'tests': [3]}", WN_FORMAT_ERROR, "tests[0]: a test must be an object, got a number"},
    {"{'tests': [{}]}", WN_FORMAT_ERROR, "tests[0]: \"name\" is missing"},
    {"{'tests': [{'name': ''}]}", WN_FORMAT_ERROR, "tests[0]: name must be a non-empty string"},
    {"{'tests': [{'name': 'a'}]}", WN_FORMAT_ERROR, "tests[0].graph: \"graph\" is missing"},
    {"{'tests': [{'name': 'a', 'graph': []}]}", WN_FORMAT_ERROR, "tests[0].graph: must be an object, got an array"},
    {"{'tests': [{'name': 'a', 'graph': {'inputs': {}}}]}", WN_FORMAT_ERROR, "tests[0].graph: \"operators\" is missing"},
    {"{'tests': [{'name': 'a', 'graph': {'operators': []}}]}", WN_FORMAT_ERROR, "tests[0].graph.operators: must be a non-empty array"},
    {"{'tests': [{'name': 'a', 'expectedError': 'Oops', 'graph': {}}]}", WN_FORMAT_ERROR, "expectedError \"Oops\" is not an error kind"},
    {"{'tests': [{'name': 'a', 'tolerance': {'metricType': 'REL', 'value': 1}, 'graph': {}}]}", WN_FORMAT_ERROR, "tests[0].tolerance: metricType \"REL\" is not ULP, ATOL or EXACT"},
    {"{'tests': [{'name': 'a', 'tolerance': {'metricType': 'ULP', 'value': -1}, 'graph': {}}]}", WN_FORMAT_ERROR, "value must be a non-negative number"},
    {"{'tests': [{'name': 'a', 'tolerance': {'metricType': 'ULP', 'value': 4, 'absoluteFloor': '1e-7'}, 'graph': {}}]}", WN_FORMAT_ERROR, "tests[0].tolerance: absoluteFloor must be a non-negative finite number, got a string"},
    {"{'tests': [{'name': 'a', 'tolerance': {'metricType': 'ULP', 'value': 4, 'absoluteFloor': -1e-7}, 'graph': {}}]}", WN_FORMAT_ERROR, "tests[0].tolerance: absoluteFloor -1e-07 is not a non-negative finite number"},
    {"{'tests': [{'name': 'a', 'tolerance': {'metricType': 'ULP', 'value': 4, 'absoluteFloor': 1e999}, 'graph': {}}]}", WN_FORMAT_ERROR, "absoluteFloor inf is not a non-negative finite number"},
    {"{'tests': [{'name': 'a', 'required': 'yes', 'graph': {}}]}", WN_FORMAT_ERROR, "required must be true or false, got a string"},
    /* descriptors */
    {TEST_WITH("'x':{'data':[1]}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "tests[0].graph.inputs.x.descriptor: \"descriptor\" is missing"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float64','shape':[2]},'data':[1,2]}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "inputs.x.descriptor: dataType \"float64\" is not one of"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[-2]},'data':[1,2]}", RELU_X, Y_F32_2), WN_TYPE_ERROR, "inputs.x.descriptor: shape[0] is -2, a dimension must be in 1..2147483647"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[0]},'data':[]}", RELU_X, Y_F32_2), WN_TYPE_ERROR, "shape[0] is 0, a dimension must be in 1..2147483647"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2147483648]},'data':1}", RELU_X, Y_F32_2), WN_TYPE_ERROR, "shape[0] is 2147483648"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[65536,65536]},'data':1}", RELU_X, Y_F32_2), WN_TYPE_ERROR, "element count exceeds"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[1.5]},'data':1}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "shape[0] must be an integer"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':'2'},'data':[1,2]}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "shape must be an array, got a string"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[1,1,1,1,1,1,1,1,1]},'data':1}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "shape has rank 9, at most 8 is supported"},
    /* data */
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':[1,2,3]}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "inputs.x.data: data has 3 elements, shape needs 2"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':[1,'two']}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "inputs.x.data: data[1]: string \"two\" is not a number"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':[1,[2]]}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "data[1]: expected a number, got an array"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'int8','shape':[2]},'data':[1,200]}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "data[1]: 200 is out of range for int8"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'int32','shape':[2]},'data':[1,2.5]}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "data[1]: 2.5 is not a valid int32 value"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'int64','shape':[1]},'data':[9007199254740994]}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "integers beyond 2^53 must be decimal strings"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'uint64','shape':[1]},'data':['18446744073709551616']}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "is not a number"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':{'base64':'AAAAAAAAgA=='}}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "base64: decodes to 7 bytes, the shape needs 8"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':{'base64':'AAA*AAAAgD8='}}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "base64: invalid character at offset 3"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':{'hex':'00'}}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "data object must be {\"base64\""},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2]}}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "inputs.x.data: data is missing"},
    {TEST_WITH("'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':[1,2],'constant':'yes'}", RELU_X, Y_F32_2), WN_FORMAT_ERROR, "constant must be true or false"},
    {"{'tests':[{'name':'t','graph':{'inputs':{" X_F32_2 "," X_F32_2 "},'operators':[" RELU_X "],'expectedOutputs':{" Y_F32_2 "}}}]}", WN_FORMAT_ERROR,
     "tests[0].graph.inputs: key \"x\" appears twice"},
    /* operators */
    {TEST_WITH(X_F32_2, "{'name':'relu6','arguments':[{'input':'x'}],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "tests[0].graph.operators[0]: unknown operation \"relu6\""},
    {TEST_WITH(X_F32_2, "{'arguments':[{'input':'x'}],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "operators[0]: \"name\" is missing"},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[{'input':'z'}],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "operators[0].arguments[0].input: unknown operand \"z\""},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[{'input':3}],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "arguments[0].input: expected an operand name, got a number"},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':{'input':'x'},'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "operators[0].arguments: must be an array, got an object"},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[{'input':'x','extra':1}],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "arguments[0].extra: relu has no argument \"extra\""},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[3],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "arguments[0]: each argument must be an object (or null), got a number"},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[{'input':'x'},{'other':'x'}],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "relu has no argument \"other\""},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[{'input':'x'}]}", Y_F32_2), WN_FORMAT_ERROR, "operators[0]: \"outputs\" is missing"},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[{'input':'x'}],'outputs':'x'}", Y_F32_2), WN_FORMAT_ERROR, "operand name \"x\" is used twice"},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[{'input':'x'}],'outputs':[1]}", Y_F32_2), WN_FORMAT_ERROR, "outputs[0] must be a string, got a number"},
    {TEST_WITH(X_F32_2, "{'name':'softmax','arguments':[{'input':'x'},{'axis':'one'}],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "arguments[1].axis: string \"one\" is not a number"},
    {TEST_WITH(X_F32_2, "{'name':'relu','arguments':[{'input':'y'}],'outputs':'y'}", Y_F32_2), WN_FORMAT_ERROR, "unknown operand \"y\" (operands must be defined before use)"}, /* a cycle */
    /* expected outputs */
    {TEST_WITH(X_F32_2, RELU_X, "'w':{'descriptor':{'dataType':'float32','shape':[2]},'data':[1,2]}"), WN_FORMAT_ERROR, "expectedOutputs.w: no operator produces \"w\""},
    {TEST_WITH(X_F32_2, RELU_X, "'y':{'descriptor':{'dataType':'float32','shape':[2]},'data':[1,2],'exact':[1]}"), WN_FORMAT_ERROR, "expectedOutputs.y.exact: must be an array of 2 numbers"},
    {"{'tests':[{'name':'t','graph':{'inputs':{" X_F32_2 "},'operators':[" RELU_X "]}}]}", WN_FORMAT_ERROR, "expectedOutputs is missing (and no expectedError is given)"},
};

static void each_malformed_input_gets_its_message(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("malformed case %zu: %s\n", i, cases[i].message);
        wt_check_load_error(cases[i].json, cases[i].kind, cases[i].message);
    }
}

static void deep_nesting_is_refused(void **state)
{
    (void)state;
    char json[512];
    size_t n = 0;
    n += (size_t)snprintf(json, sizeof json, "{'tests':");
    for (int i = 0; i < 100; i++) json[n++] = '[';
    for (int i = 0; i < 100; i++) json[n++] = ']';
    json[n++] = '}';
    json[n] = '\0';
    wt_check_malformed(json, "nests deeper than 64 levels");
}

static void messages_name_the_file(void **state)
{
    (void)state;
    wt_check_malformed("{'tests': [3]}", "test.json: tests[0]");
}

static void one_bad_case_does_not_stop_the_others(void **state)
{
    (void)state;
    const char *json = "{\"tests\": [3, {\"name\": \"ok\", \"graph\": {\"inputs\": {\"x\": {\"descriptor\": "
                       "{\"dataType\": \"float32\", \"shape\": [1]}, \"data\": 1}}, \"operators\": [{\"name\": "
                       "\"relu\", \"arguments\": [{\"input\": \"x\"}], \"outputs\": \"y\"}], \"expectedOutputs\": "
                       "{\"y\": {\"descriptor\": {\"dataType\": \"float32\", \"shape\": [1]}, \"data\": 1}}}},"
                       "{\"name\": \"ok\", \"graph\": {}}]}";
    wn_vec_file f;
    assert_int_equal(wn_vec_load_buffer(json, strlen(json), "f.json", &f), 0);
    assert_int_equal(f.n_cases, 3);
    assert_int_equal(f.cases[0].format_error.kind, WN_FORMAT_ERROR);
    assert_int_equal(f.cases[1].format_error.kind, WN_OK);
    assert_non_null(f.cases[1].graph);
    /* a duplicate test name is reported on the second case */
    assert_int_equal(f.cases[2].format_error.kind, WN_FORMAT_ERROR);
    wn_vec_file_free(&f);
}

static void accepts_fills_base64_strings_and_old_wpt_spelling(void **state)
{
    (void)state;
    /* 'AACAPwAAAEA=' is float32 [1, 2] little-endian; 'dimensions'/'type' is the older WPT spelling */
    wt_check_case("{'tests':[{'name':'t','graph':{'inputs':{"
                  "'x':{'descriptor':{'type':'float32','dimensions':[2]},'data':{'base64':'AACAPwAAAEA='}},"
                  "'z':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':'-0','constant':true}},"
                  "'operators':[{'name':'add','arguments':[{'a':'x'},{'b':'z'},{'options':{'label':'l'}}],'outputs':'s'},"
                  "{'name':'relu','arguments':[{'input':'s'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[1,2,1,2],"
                  "'exact':[1,2,1,2]}}}}]}");
}

static void validation_case_without_expected_outputs_loads(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'t','expectedError':'TypeError','graph':{'inputs':{"
                      "'x':{'descriptor':{'dataType':'float32','shape':[2]}}},"
                      "'operators':[{'name':'softmax','arguments':[{'input':'x'},{'axis':-1}],'outputs':'y'}]}}]}",
                      WN_TYPE_ERROR);
}

static void tolerance_floor_loads(void **state)
{
    (void)state;
    const char *json = "{\"tests\": [{\"name\": \"t\", \"tolerance\": {\"metricType\": \"ULP\", \"value\": 4, "
                       "\"absoluteFloor\": 1.25e-7}, \"graph\": {\"inputs\": {\"x\": {\"descriptor\": "
                       "{\"dataType\": \"float32\", \"shape\": [1]}, \"data\": 1}}, \"operators\": [{\"name\": "
                       "\"relu\", \"arguments\": [{\"input\": \"x\"}], \"outputs\": \"y\"}], \"expectedOutputs\": "
                       "{\"y\": {\"descriptor\": {\"dataType\": \"float32\", \"shape\": [1]}, \"data\": 1}}}},"
                       "{\"name\": \"u\", \"tolerance\": {\"metricType\": \"ATOL\", \"value\": 0.5}, \"graph\": {\"inputs\": "
                       "{\"x\": {\"descriptor\": {\"dataType\": \"float32\", \"shape\": [1]}, \"data\": 1}}, "
                       "\"operators\": [{\"name\": \"relu\", \"arguments\": [{\"input\": \"x\"}], \"outputs\": \"y\"}], "
                       "\"expectedOutputs\": {\"y\": {\"descriptor\": {\"dataType\": \"float32\", \"shape\": [1]}, "
                       "\"data\": 1}}}}]}";
    wn_vec_file f;
    assert_int_equal(wn_vec_load_buffer(json, strlen(json), "f.json", &f), 0);
    assert_int_equal(f.n_cases, 2);
    assert_int_equal(f.cases[0].format_error.kind, WN_OK);
    assert_true(f.cases[0].has_tolerance);
    assert_int_equal(f.cases[0].tolerance.metric, WN_TOL_ULP);
    assert_true(f.cases[0].tolerance.value == 4);
    assert_true(f.cases[0].tolerance.absolute_floor == 1.25e-7);
    assert_int_equal(f.cases[1].format_error.kind, WN_OK);
    assert_true(f.cases[1].tolerance.absolute_floor == 0); /* absent: no floor */
    wn_vec_file_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_malformed_input_gets_its_message),
        cmocka_unit_test(deep_nesting_is_refused),
        cmocka_unit_test(messages_name_the_file),
        cmocka_unit_test(one_bad_case_does_not_stop_the_others),
        cmocka_unit_test(accepts_fills_base64_strings_and_old_wpt_spelling),
        cmocka_unit_test(validation_case_without_expected_outputs_loads),
        cmocka_unit_test(tolerance_floor_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
