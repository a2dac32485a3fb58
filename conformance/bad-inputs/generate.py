#!/usr/bin/python3
"""Writes the malformed vector files of conformance/bad-inputs/ and EXPECTED.tsv.

The committed files are what the checker uses; this script documents how each one was made
and regenerates them: /usr/bin/python3 conformance/bad-inputs/generate.py [FOLDER]
(`make bad-inputs` regenerates into a scratch folder and fails if a committed file differs).
Each entry: file name, bytes, expected kind, message substring, good cases, flags.
flags: "file" = the whole file is rejected (stderr, exit 2); "gap" = the loader does not do
this yet (a finding): the checker reports KNOWN GAP instead of failing.
"""
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

F32_2 = {"dataType": "float32", "shape": [2]}


def good_case(name="relu ok"):
    return {
        "name": name,
        "graph": {
            "inputs": {"x": {"descriptor": dict(F32_2), "data": [1, -2]}},
            "operators": [{"name": "relu", "arguments": [{"input": "x"}], "outputs": "y"}],
            "expectedOutputs": {"y": {"descriptor": dict(F32_2), "data": [1, 0]}},
        },
    }


def leaky_case(options):
    c = good_case("leakyRelu")
    c["graph"]["operators"] = [{"name": "leakyRelu", "arguments": [{"input": "x"}, {"options": options}],
                                "outputs": "y"}]
    c["graph"]["expectedOutputs"]["y"]["data"] = [1, -0.02]
    c["tolerance"] = {"metricType": "ULP", "value": 1}
    return c


def enc(obj):
    return (json.dumps(obj, indent=1) + "\n").encode()


def one(case):
    return enc({"format": "webnn-cts-vectors/1", "tests": [case]})


def mutate(fn, base=None):
    c = copy.deepcopy(base or good_case())
    fn(c)
    return one(c)


def g(c):
    return c["graph"]


def x_in(c):
    return c["graph"]["inputs"]["x"]


def x_desc(c):
    return c["graph"]["inputs"]["x"]["descriptor"]


def op0(c):
    return c["graph"]["operators"][0]


def setp(getter, key, value):
    def fn(c):
        getter(c)[key] = value
    return fn


def delp(getter, key):
    def fn(c):
        del getter(c)[key]
    return fn


VALID = one(good_case()).decode()
ENTRIES = []


def rep(text, old, new):
    """text with the first `old` replaced; `old` must occur."""
    assert old in text, old
    return text.replace(old, new, 1)


def add(name, data, kind, substring, good=0, flags=""):
    ENTRIES.append((name, data if isinstance(data, bytes) else data.encode(), kind, substring, good, flags))


# ---- the file cannot be read: reported once on stderr, exit 2 ----
add("empty.json", b"", "FormatError", "not valid JSON (line 1, byte 0)", flags="file")
add("whitespace-only.json", b"  \n\n\t\n", "FormatError", "not valid JSON", flags="file")
add("truncated-in-object.json", VALID[: len(VALID) // 2], "FormatError", "not valid JSON", flags="file")
add("truncated-in-string.json", VALID[: VALID.index('"relu"') + 3], "FormatError", "not valid JSON", flags="file")
add("truncated-after-key.json", '{"tests": [{"name": ', "FormatError", "not valid JSON (line 1", flags="file")
add("unterminated-array.json", '{"tests": [', "FormatError", "not valid JSON", flags="file")
add("trailing-comma.json", rep(VALID, "-2\n", "-2,\n"),
    "FormatError", "not valid JSON", flags="file")
add("single-quotes.json", "{'tests': []}", "FormatError", "not valid JSON (line 1, byte", flags="file")
add("comment.json", "// a comment\n" + VALID, "FormatError", "not valid JSON (line 1, byte 0)", flags="file")
add("bare-nan.json", rep(VALID, "1,\n       -2", "NaN,\n       -2"),
    "FormatError", "not valid JSON", flags="file")
add("nul-byte-outside-string.json", VALID[:2] + "\0" + VALID[2:], "FormatError", "not valid JSON", flags="file")
add("nul-byte-in-format-string.json", rep(VALID, "webnn-cts", "webnn\0-cts"), "FormatError", "not valid JSON", flags="file")
add("binary-garbage.json", bytes(range(256)) * 4, "FormatError", "not valid JSON", flags="file")
add("top-level-array.json", "[" + VALID + "]", "FormatError", "the top level must be an object, got an array", flags="file")
add("top-level-string.json", '"tests"', "FormatError", "the top level must be an object, got a string", flags="file")
add("top-level-null.json", "null", "FormatError", "the top level must be an object, got null", flags="file")
add("top-level-number.json", "42", "FormatError", "the top level must be an object, got a number", flags="file")
add("tests-missing.json", '{"format": "webnn-cts-vectors/1"}', "FormatError", '"tests" must be an array, got nothing',
    flags="file")
add("tests-object.json", '{"tests": {"name": "x"}}', "FormatError", '"tests" must be an array, got an object', flags="file")
add("tests-string.json", '{"tests": "all of them"}', "FormatError", '"tests" must be an array, got a string', flags="file")
add("format-number.json", '{"format": 1, "tests": []}', "FormatError", "format must be a string", flags="file")
deep = '{"provenance": ' + '{"a": ' * 100 + "1" + "}" * 100 + ', "tests": []}'
add("deep-nesting-100.json", deep, "FormatError", "JSON nests deeper than 64 levels", flags="file")
add("deep-nesting-100000.json", '{"tests": [' + "[" * 100000 + "]" * 100000 + "]}", "FormatError", "not valid JSON",
    flags="file")
add("deep-nesting-in-data.json", rep(VALID, "1,\n       -2", "[" * 70 + "1" + "]" * 70 + ",\n       -2"),
    "FormatError", "JSON nests deeper than 64 levels", flags="file")
add("trailing-garbage.json", VALID + "} garbage", "FormatError", "not valid JSON (line", flags="file")
add("two-documents.json", VALID + VALID, "FormatError", "not valid JSON (line", flags="file")

# ---- the test object ----
add("test-not-object.json", enc({"tests": [42]}), "FormatError", "a test must be an object, got a number")
add("name-missing.json", mutate(delp(lambda c: c, "name")), "FormatError", '"name" is missing')
add("name-empty.json", mutate(setp(lambda c: c, "name", "")), "FormatError", "name must be a non-empty string")
add("name-number.json", mutate(setp(lambda c: c, "name", 7)), "FormatError", "name must be a non-empty string")
add("graph-missing.json", mutate(delp(lambda c: c, "graph")), "FormatError", 'tests[0].graph: "graph" is missing')
add("graph-array.json", mutate(setp(lambda c: c, "graph", [])), "FormatError", "tests[0].graph: must be an object, got an array")
add("expectedError-unknown.json", mutate(setp(lambda c: c, "expectedError", "SyntaxError")), "FormatError",
    'expectedError "SyntaxError" is not an error kind')
add("expectedError-number.json", mutate(setp(lambda c: c, "expectedError", 3)), "FormatError", "expectedError must be a string")
add("implementationDefined-string.json", mutate(setp(lambda c: c, "implementationDefined", "yes")), "FormatError",
    "implementationDefined must be true or false, got a string")
add("required-number.json", mutate(setp(lambda c: c, "required", 1)), "FormatError", "required must be true or false, got a number")
add("tolerance-array.json", mutate(setp(lambda c: c, "tolerance", [1])), "FormatError", "tolerance: must be an object, got an array")
add("tolerance-metric-unknown.json", mutate(setp(lambda c: c, "tolerance", {"metricType": "RMS", "value": 1})), "FormatError",
    'metricType "RMS" is not ULP, ATOL or EXACT')
add("tolerance-value-negative.json", mutate(setp(lambda c: c, "tolerance", {"metricType": "ULP", "value": -1})), "FormatError",
    "value must be a non-negative number")
add("tolerance-value-string.json", mutate(setp(lambda c: c, "tolerance", {"metricType": "ATOL", "value": "1e-3"})),
    "FormatError", "value must be a non-negative number, got a string")
add("tolerance-floor-negative.json",
    mutate(setp(lambda c: c, "tolerance", {"metricType": "ULP", "value": 4, "absoluteFloor": -1})), "FormatError",
    "absoluteFloor -1 is not a non-negative finite number")
add("tolerance-floor-string.json",
    mutate(setp(lambda c: c, "tolerance", {"metricType": "ULP", "value": 4, "absoluteFloor": "1e-7"})), "FormatError",
    "absoluteFloor must be a non-negative finite number, got a string")

# ---- graph.inputs ----
add("inputs-array.json", mutate(setp(g, "inputs", [])), "FormatError", "graph.inputs: must be an object, got an array")
add("input-number.json", mutate(setp(lambda c: g(c)["inputs"], "x", 5)), "FormatError", "graph.inputs.x: must be an object, got a number")
dup_inputs = rep(VALID, '"inputs": {', '"inputs": {\n    "x": {"descriptor": {"dataType": "float32", "shape": [2]}, "data": [0, 0]},')
add("duplicate-input-names.json", dup_inputs, "FormatError", 'graph.inputs: key "x" appears twice')
add("descriptor-missing.json", mutate(delp(x_in, "descriptor")), "FormatError", '"descriptor" is missing')
add("descriptor-array.json", mutate(setp(x_in, "descriptor", ["float32", [2]])), "FormatError",
    "descriptor: must be an object, got an array")
add("dataType-missing.json", mutate(delp(x_desc, "dataType")), "FormatError", "dataType must be a string, got nothing")
add("dataType-unknown.json", mutate(setp(x_desc, "dataType", "float64")), "FormatError", 'dataType "float64" is not one of')
add("dataType-number.json", mutate(setp(x_desc, "dataType", 32)), "FormatError", "dataType must be a string, got a number")
add("shape-missing.json", mutate(delp(x_desc, "shape")), "FormatError", "shape must be an array, got nothing")
add("shape-string.json", mutate(setp(x_desc, "shape", "2")), "FormatError", "shape must be an array, got a string")
add("shape-dim-string.json", mutate(setp(x_desc, "shape", ["2"])), "FormatError", "shape[0] must be an integer, got a string")
add("shape-dim-fraction.json", mutate(setp(x_desc, "shape", [2.5])), "FormatError", "shape[0] must be an integer")
add("shape-dim-null.json", mutate(setp(x_desc, "shape", [None])), "FormatError", "shape[0] must be an integer, got null")
add("shape-dim-zero.json", mutate(setp(x_desc, "shape", [0])), "TypeError", "shape[0] is 0, a dimension must be in 1..2147483647")
add("shape-dim-negative.json", mutate(setp(x_desc, "shape", [2, -3])), "TypeError", "shape[1] is -3, a dimension must be in 1..")
add("shape-dim-2pow31.json", mutate(setp(x_desc, "shape", [2147483648])), "TypeError", "shape[0] is 2147483648")
add("shape-dim-1e300.json", rep(VALID, '"shape": [\n        2\n       ]', '"shape": [1e300]'), "TypeError",
    "shape[0] is 1e+300")
add("shape-too-many-elements.json", mutate(setp(x_desc, "shape", [65536, 65536])), "TypeError", "element count exceeds 2147483647")
add("huge-tensor-data-short.json",
    mutate(lambda c: (x_desc(c).update(shape=[46340, 46340]), x_in(c).update(data=[1]))), "ResourceError",
    "tensor float32[46340, 46340] needs 8589582400 bytes, over the cap of")
add("shape-rank-9.json", mutate(setp(x_desc, "shape", [1] * 9)), "FormatError", "shape has rank 9, at most 8 is supported")
add("constant-string.json", mutate(setp(x_in, "constant", "yes")), "FormatError", "constant must be true or false")

# ---- data ----
add("data-missing.json", mutate(delp(x_in, "data")), "FormatError", "graph.inputs.x.data: data is missing")
add("data-too-short.json", mutate(setp(x_in, "data", [1])), "FormatError", "data has 1 elements, shape needs 2")
add("data-too-long.json", mutate(setp(x_in, "data", [1, 2, 3])), "FormatError", "data has 3 elements, shape needs 2")
add("data-empty.json", mutate(setp(x_in, "data", [])), "FormatError", "data has 0 elements, shape needs 2")
add("data-string-element.json", mutate(setp(x_in, "data", [1, "two"])), "FormatError",
    'data[1]: string "two" is not a number')
add("data-numeric-string.json", mutate(setp(x_in, "data", [1, "2.5"])), "FormatError", 'data[1]: string "2.5" is not a number')
add("data-bool-element.json", mutate(setp(x_in, "data", [True, 1])), "FormatError", "data[0]: expected a number, got a boolean")
add("data-null-element.json", mutate(setp(x_in, "data", [1, None])), "FormatError", "data[1]: expected a number, got null")
add("data-nested.json", mutate(setp(x_in, "data", [[1], [2]])), "FormatError", "data[0]: expected a number, got an array")
add("data-string.json", mutate(setp(x_in, "data", "1, -2")), "FormatError", 'data: string "1, -2" is not a number')
add("data-object.json", mutate(setp(x_in, "data", {"values": [1, 2]})), "FormatError", 'data object must be {"base64": "..."}')
add("data-1e999.json", rep(VALID, "1,\n       -2", "1e999,\n       -2"), "FormatError",
    "data[0]")
add("base64-bad-char.json", mutate(setp(x_in, "data", {"base64": "AACA!wAAAEA="})), "FormatError",
    "base64: invalid character at offset 4")
add("base64-bad-length.json", mutate(setp(x_in, "data", {"base64": "AACAPwAAAE"})), "FormatError",
    "base64: length 10 is not a multiple of 4")
add("base64-too-short.json", mutate(setp(x_in, "data", {"base64": "AACAPw=="})), "FormatError",
    "base64: decodes to 4 bytes, the shape needs 8")
add("base64-too-long.json", mutate(setp(x_in, "data", {"base64": "AACAPwAAAEAAAEBA"})), "FormatError",
    "base64: decodes to more than the 8 bytes the shape needs")
add("base64-pad-in-middle.json", mutate(setp(x_in, "data", {"base64": "AA=APwAAAEA="})), "FormatError",
    "base64: invalid character at offset 2")
add("base64-number.json", mutate(setp(x_in, "data", {"base64": 12})), "FormatError", 'data object must be {"base64": "..."}')
INT8 = {"dataType": "int8", "shape": [2]}


def int_case(dt, data):
    c = good_case("int relu")
    x_in(c)["descriptor"] = {"dataType": dt, "shape": [2]}
    x_in(c)["data"] = data
    g(c)["expectedOutputs"]["y"] = {"descriptor": {"dataType": dt, "shape": [2]}, "data": [1, 0]}
    return one(c)


add("int8-out-of-range.json", int_case("int8", [1, 300]), "FormatError", "data[1]: 300 is out of range for int8")
add("int32-fraction.json", int_case("int32", [1.5, 0]), "FormatError", "data[0]: 1.5 is not a valid int32 value")
add("uint32-negative.json", int_case("uint32", [1, -1]), "FormatError", "data[1]: -1 is out of range for uint32")
add("int64-bad-decimal.json", int_case("int64", ["12abc", 0]), "FormatError", 'data[0]: string "12abc" is not a number')
add("int64-overflow-string.json", int_case("int64", ["9223372036854775808", 0]), "FormatError",
    "out of range for int64")
add("uint64-overflow-string.json", int_case("uint64", ["18446744073709551616", 0]), "FormatError",
    'string "18446744073709551616" is not a number')

# ---- graph.operators ----
add("operators-missing.json", mutate(delp(g, "operators")), "FormatError", '"operators" is missing')
add("operators-empty.json", mutate(setp(g, "operators", [])), "FormatError", "graph.operators: must be a non-empty array")
add("operators-object.json", mutate(setp(g, "operators", {"name": "relu"})), "FormatError",
    "graph.operators: must be a non-empty array, got an object")
add("operator-string.json", mutate(setp(g, "operators", ["relu"])), "FormatError",
    "operators[0]: must be an object, got a string")
add("operator-name-missing.json", mutate(delp(op0, "name")), "FormatError", 'operators[0]: "name" is missing')
add("operator-name-number.json", mutate(setp(op0, "name", 1)), "FormatError", "name must be a string, got a number")
add("unknown-op.json", mutate(setp(op0, "name", "frobnicate")), "FormatError", 'unknown operation "frobnicate"')
add("unknown-op-wrong-case.json", mutate(setp(op0, "name", "Relu")), "FormatError", 'unknown operation "Relu"')
big = "A" * 1_500_000
add("enormous-op-name.json", mutate(setp(op0, "name", big)), "FormatError", 'unknown operation "AAAAAAAA')
add("enormous-operand-name.json", mutate(setp(lambda c: op0(c)["arguments"][0], "input", "z" * 200_000)), "FormatError",
    'unknown operand "zzzzzzzz')
add("arguments-object.json", mutate(setp(op0, "arguments", {"input": "x"})), "FormatError",
    "operators[0].arguments: must be an array, got an object")
# WPT's harness passes each key of an argument object as the next positional argument, so
# relu's second one has no parameter; an empty object passes none, so input is missing
add("argument-two-keys.json", mutate(setp(op0, "arguments", [{"input": "x", "other": "x"}])), "FormatError",
    'arguments[0].other: relu has no argument "other"')
add("argument-empty-object.json", mutate(setp(op0, "arguments", [{}])), "TypeError",
    "required argument input is missing")
add("argument-extra.json", mutate(setp(op0, "arguments", [{"input": "x"}, {"foo": 1}])), "FormatError",
    'relu has no argument "foo"')
add("argument-given-twice.json", mutate(setp(op0, "arguments", [{"input": "x"}, {"input": "x"}])), "FormatError",
    'argument "input" is given twice')
add("operand-ref-number.json", mutate(setp(op0, "arguments", [{"input": 5}])), "FormatError",
    "arguments[0].input: expected an operand name, got a number")
add("outputs-missing.json", mutate(delp(op0, "outputs")), "FormatError", '"outputs" is missing')
add("outputs-number.json", mutate(setp(op0, "outputs", 3)), "FormatError",
    "outputs must be a name or an array of names, got a number")
add("outputs-array-of-number.json", mutate(setp(op0, "outputs", [3])), "FormatError", "outputs[0] must be a string, got a number")
add("outputs-empty-array.json", mutate(setp(op0, "outputs", [])), "FormatError", "0 output names given")
add("output-name-empty.json", mutate(setp(op0, "outputs", "")), "FormatError", "operand name is empty")


def two_ops(c):
    g(c)["operators"] = [
        {"name": "relu", "arguments": [{"input": "b"}], "outputs": "a"},
        {"name": "relu", "arguments": [{"input": "a"}], "outputs": "b"},
    ]
    g(c)["expectedOutputs"] = {"b": {"descriptor": dict(F32_2), "data": [1, 0]}}


add("cycle-two-ops.json", mutate(two_ops), "FormatError",
    'operators[0].arguments[0].input: unknown operand "b" (operands must be defined before use)')
add("cycle-self.json", mutate(setp(lambda c: op0(c)["arguments"][0], "input", "y")), "FormatError",
    'unknown operand "y" (operands must be defined before use)')


def use_before_define(c):
    g(c)["operators"] = [
        {"name": "relu", "arguments": [{"input": "t"}], "outputs": "y"},
        {"name": "relu", "arguments": [{"input": "x"}], "outputs": "t"},
    ]


add("use-before-define.json", mutate(use_before_define), "FormatError", 'unknown operand "t"')
add("output-redefines-input.json", mutate(setp(op0, "outputs", "x")), "FormatError", 'operand name "x" is used twice')


def dup_outputs(c):
    g(c)["operators"] = [
        {"name": "relu", "arguments": [{"input": "x"}], "outputs": "y"},
        {"name": "relu", "arguments": [{"input": "x"}], "outputs": "y"},
    ]


add("duplicate-operator-outputs.json", mutate(dup_outputs), "FormatError", 'operators[1]: operand name "y" is used twice')
# an option the spec does not define is ignored as WebIDL does, with a warning (not a bad input:
# conformance/unit/test_vector_wpt.c checks it)
add("options-array.json", one(leaky_case([0.01])), "FormatError", "options must be an object, got an array")
add("option-string-for-number.json", one(leaky_case({"alpha": "0.01"})), "FormatError",
    'options.alpha: string "0.01" is not a number')
add("option-nan.json", one(leaky_case({"alpha": "NaN"})), "TypeError", "alpha is nan, must be a finite number")
add("label-number.json", one(leaky_case({"alpha": 0.01, "label": 5})), "FormatError", "label must be a string")
dup_opt = one(leaky_case({"alpha": 0.01})).decode().replace('"alpha": 0.01', '"alpha": 0.01, "alpha": 0.5', 1)
add("duplicate-option.json", dup_opt, "FormatError", 'key "alpha" appears twice')


def conv_case(options):
    c = good_case("conv2d")
    g(c)["inputs"] = {
        "x": {"descriptor": {"dataType": "float32", "shape": [1, 1, 2, 2]}, "data": [1, 2, 3, 4]},
        "w": {"descriptor": {"dataType": "float32", "shape": [1, 1, 1, 1]}, "data": [2], "constant": True},
    }
    g(c)["operators"] = [{"name": "conv2d", "arguments": [{"input": "x"}, {"filter": "w"}, {"options": options}],
                          "outputs": "y"}]
    g(c)["expectedOutputs"] = {"y": {"descriptor": {"dataType": "float32", "shape": [1, 1, 2, 2]}, "data": [2, 4, 6, 8]}}
    return one(c)


add("enum-bad-value.json", conv_case({"inputLayout": "nwhc"}), "TypeError", '"nwhc" is not a valid enum value')
add("enum-number.json", conv_case({"inputLayout": 1}), "FormatError", "inputLayout: expected a string, got a number")
add("uint-list-negative.json", conv_case({"padding": [0, 0, -1, 0]}), "TypeError", "must be an integer in")
add("uint-list-string.json", conv_case({"strides": "1,1"}), "FormatError", "strides: expected an array of numbers, got a string")


def cast_case(dtype):
    c = good_case("cast")
    op0(c)["name"] = "cast"
    op0(c)["arguments"] = [{"input": "x"}, {"type": dtype}]
    return one(c)


add("cast-unknown-dtype.json", cast_case("float128"), "TypeError", '"float128" is not an MLOperandDataType')


def concat_case(axis):
    c = good_case("concat")
    op0(c)["name"] = "concat"
    op0(c)["arguments"] = [{"inputs": ["x", "x"]}, {"axis": axis}]
    g(c)["expectedOutputs"] = {"y": {"descriptor": {"dataType": "float32", "shape": [4]}, "data": [1, -2, 1, -2]}}
    return one(c)


add("axis-string.json", concat_case("zero"), "FormatError", 'arguments[1].axis: string "zero" is not a number')
add("axis-negative.json", concat_case(-1), "TypeError", "must be an integer in")
add("axis-fraction.json", concat_case(0.5), "TypeError", "must be an integer in")
add("axis-bool.json", concat_case(True), "FormatError", "axis: expected a number, got a boolean")


def concat_inputs(v):
    def fn(c):
        op0(c)["name"] = "concat"
        op0(c)["arguments"] = [{"inputs": v}, {"axis": 0}]
    return fn


add("operand-list-not-array.json", mutate(concat_inputs("x")), "FormatError", "expected an array of operand names, got a string")
add("operand-list-unknown.json", mutate(concat_inputs(["x", "nope"])), "FormatError", 'inputs[1]: unknown operand "nope"')

# ---- expectedOutputs ----
add("expectedOutputs-missing.json", mutate(delp(g, "expectedOutputs")), "FormatError",
    "expectedOutputs is missing (and no expectedError is given)")
add("expectedOutputs-array.json", mutate(setp(g, "expectedOutputs", [])), "FormatError",
    "expectedOutputs: must be an object, got an array")
add("expectedOutputs-unknown-name.json", mutate(setp(g, "expectedOutputs", {"q": {"descriptor": F32_2, "data": [1, 0]}})),
    "FormatError", 'no operator produces "q"')
add("expected-data-wrong-length.json", mutate(setp(lambda c: g(c)["expectedOutputs"]["y"], "data", [1, 0, 0])),
    "FormatError", "expectedOutputs.y.data: data has 3 elements, shape needs 2")
add("expected-exact-wrong-length.json", mutate(setp(lambda c: g(c)["expectedOutputs"]["y"], "exact", [1])),
    "FormatError", "exact: must be an array of 2 numbers")

# ---- text encoding ----
add("invalid-utf8-op-name.json", rep(VALID, '"relu"', '"rel\xff"').encode("latin-1"), "FormatError",
    "not valid JSON (line 23, byte 316): invalid UTF-8", flags="file")
add("invalid-utf8-test-name.json", rep(VALID, '"relu ok"', '"relu \xc3\x28 ok"').encode("latin-1"), "FormatError",
    "not valid JSON (line 5, byte 69): invalid UTF-8", flags="file")
add("nul-byte-in-name.json", rep(VALID, '"relu ok"', '"relu\\u0000 ok"'), "FormatError", 'a string holds \\u0000 (NUL)', flags="file")
add("raw-nul-byte-in-string.json", rep(VALID, '"relu ok"', '"relu\0 ok"'), "FormatError", "not valid JSON", flags="file")
dup_name_key = rep(VALID, '"name": "relu ok"', '"name": "relu ok", "name": "other"')
add("duplicate-key-in-test.json", dup_name_key, "FormatError", 'key "name" appears twice')
dup_tests_key = VALID.rstrip()[:-1] + ', "tests": []}'
add("duplicate-key-top-level.json", dup_tests_key, "FormatError", 'key "tests" appears twice', flags="file")

# ---- mixed files: the good cases must still PASS ----
mixed = {"format": "webnn-cts-vectors/1", "tests": [
    good_case("good 1"),
    json.loads(mutate(setp(x_in, "data", [1])))["tests"][0] | {"name": "bad data length"},
    good_case("good 2"),
    json.loads(mutate(setp(op0, "name", "frobnicate")))["tests"][0] | {"name": "bad op"},
    "not a test",
    leaky_case({"alpha": 0.01}) | {"name": "good 3"},
]}
add("mixed-good-and-bad.json", enc(mixed), "FormatError", 'unknown operation "frobnicate"', good=3)
add("duplicate-test-names.json", enc({"tests": [good_case("same"), good_case("same"), good_case("other")]}), "FormatError",
    'tests[1]: name "same" is used by tests[0] too', good=2)
many = {"tests": [good_case(f"good {i}") for i in range(20)]}
many["tests"].insert(10, json.loads(mutate(setp(x_desc, "shape", [0])))["tests"][0] | {"name": "zero dim"})
add("mixed-many-good-one-bad.json", enc(many), "TypeError", "tests[10].graph.inputs.x.descriptor: shape[0] is 0", good=20)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE  # another folder: for the drift check
    names = set()
    for e in ENTRIES:
        assert e[0] not in names, e[0]
        names.add(e[0])
        with open(os.path.join(out, e[0]), "wb") as f:
            f.write(e[1])
        assert len(e[1]) < 2_000_000, e[0]
    with open(os.path.join(out, "EXPECTED.tsv"), "w") as f:
        f.write("# file\tkind\tmessage substring\tgood cases that must PASS\tflags (file: rejected as a whole, exit 2;"
                " gap: known loader gap, reported not failed)\n")
        for name, _, kind, sub, good, flags in ENTRIES:
            f.write(f"{name}\t{kind}\t{sub}\t{good}\t{flags}\n")
    print(f"{len(ENTRIES)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
