"""tools/wpt/import.js on small WPT-shaped trees written here (never copies of WPT files): both
harness signatures, a tolerance function that needs an intermediate shape, several keys in one
argument object, null entries, fill data, BigInt literals, an option the spec does not define,
a non-graph test; hostile files that try to escape; then run-conformance over the imports."""
import json
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IMPORT = os.path.join(ROOT, "tools", "wpt", "import.js")

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")

# ---- the 2025 harness shape: one webnn_conformance_test(buildFunc, toleranceFunc, test) per test ----
UTILS_2025 = r"""
'use strict';
const variant = location.search.substring(1);
const buildAndExecuteGraph = async () => { throw new Error('runs only in a browser'); };
// matmul: 2 ULP per element of the reduced dimension of its first input, which may be the
// result of an earlier operator: then only the built graph knows its shape
const getTestTolerance = (graphResources, intermediateOperands) => {
  const op = graphResources.operators[graphResources.operators.length - 1];
  if (op.name !== 'matmul') return {metricType: 'ULP', value: op.name === 'sub' ? 0 : 2};
  const a = op.arguments[0][Object.keys(op.arguments[0])[0]];
  const shape = graphResources.inputs[a] ? graphResources.inputs[a].descriptor.shape :
                                           intermediateOperands[a].shape;
  return {metricType: 'ULP', value: shape[shape.length - 1] * 2};
};
const webnn_conformance_test = (buildFunc, toleranceFunc, test) => {
  promise_test(async () => { await buildFunc(); }, test.name);
};
"""

TESTS_2025 = r"""
// META: title=a WPT-shaped file for the importer's tests
// META: variant=?cpu
// META: script=../resources/utils.js
'use strict';
const f32 = (shape) => ({shape, dataType: 'float32'});
const miniTests = [
  {
    'name': 'relu then matmul',
    'graph': {
      'inputs': {
        'a': {'data': [1, -2, 3, -4, 5, 6], 'descriptor': f32([2, 3])},
        'b': {'data': [1, 2, 3, 4, 5, 6], 'descriptor': f32([3, 2]), 'constant': true},
      },
      'operators': [
        {'name': 'relu', 'arguments': [{'input': 'a'}], 'outputs': 'r'},
        {'name': 'matmul', 'arguments': [{'a': 'r'}, {'b': 'b'}], 'outputs': 'y'},
      ],
      'expectedOutputs': {'y': {'data': [16, 20, 45, 56], 'descriptor': f32([2, 2])}},
    },
  },
  {
    'name': 'softmax with a null argument entry',
    'graph': {
      'inputs': {'x': {'data': [0, 0, 1, 1], 'descriptor': f32([2, 2])}},
      'operators': [{'name': 'softmax', 'arguments': [{'input': 'x'}, null, {'axis': 1}], 'outputs': 'y'}],
      'expectedOutputs': {'y': {'data': [0.5, 0.5, 0.5, 0.5], 'descriptor': f32([2, 2])}},
    },
  },
  {
    'name': 'dequantizeLinear with scale and zeroPoint in one object',
    'graph': {
      'inputs': {
        'x': {'data': [10, 20], 'descriptor': {shape: [2], dataType: 'uint8'}},
        's': {'data': [0.5, 2], 'descriptor': f32([2]), 'constant': true},
        'z': {'data': [2, 4], 'descriptor': {shape: [2], dataType: 'uint8'}, 'constant': true},
      },
      'operators': [{'name': 'dequantizeLinear', 'arguments': [{'input': 'x'}, {'scale': 's', 'zeroPoint': 'z'}], 'outputs': 'y'}],
      'expectedOutputs': {'y': {'data': [4, 32], 'descriptor': f32([2])}},
    },
  },
  {
    'name': 'add of fill values',
    'graph': {
      'inputs': {
        'a': {'data': 1.5, 'descriptor': f32([30, 40])},
        'b': {'data': -0.25, 'descriptor': f32([30, 40]), 'constant': true},
      },
      'operators': [{'name': 'add', 'arguments': [{'a': 'a'}, {'b': 'b'}], 'outputs': 'y'}],
      'expectedOutputs': {'y': {'data': 1.25, 'descriptor': f32([30, 40])}},
    },
  },
  {
    'name': 'sub int64 with BigInt literals',
    'graph': {
      'inputs': {
        'a': {'data': [9007199254740993n, -9223372036854775808n], 'descriptor': {shape: [2], dataType: 'int64'}},
        'b': {'data': [1n, 1n], 'descriptor': {shape: [2], dataType: 'int64'}},
      },
      'operators': [{'name': 'sub', 'arguments': [{'a': 'a'}, {'b': 'b'}], 'outputs': 'y'}],
      'expectedOutputs': {'y': {'data': [9007199254740992n, 9223372036854775807n], 'descriptor': {shape: [2], dataType: 'int64'}}},
    },
  },
  {
    'name': 'leakyRelu with an option the spec does not define',
    'graph': {
      'inputs': {'x': {'data': [1, -2], 'descriptor': f32([2])}},
      'operators': [{'name': 'leakyRelu', 'arguments': [{'input': 'x'}, {'options': {'alpah': 0.5}}], 'outputs': 'y'}],
      'expectedOutputs': {'y': {'data': [1, -0.02], 'descriptor': f32([2])}},
    },
  },
  {
    'name': 'neg of NaN, infinities and -0',
    'graph': {
      'inputs': {'x': {'data': [NaN, Infinity, -Infinity, -0], 'descriptor': f32([4])}},
      'operators': [{'name': 'neg', 'arguments': [{'input': 'x'}], 'outputs': 'y'}],
      'expectedOutputs': {'y': {'data': [NaN, -Infinity, Infinity, 0], 'descriptor': f32([4])}},
    },
  },
];
if (navigator.ml) {
  miniTests.forEach((test) => webnn_conformance_test(buildAndExecuteGraph, getTestTolerance, test));
} else {
  test(() => assert_implements(navigator.ml, 'missing navigator.ml'));
}
promise_test(async () => { await navigator.ml.createContext(); }, 'tensor: a test with its own code');
"""

# ---- the later harness shape: webnn_conformance_test(tests, buildFunc, toleranceFunc), required/optional ----
UTILS_LATER = r"""
'use strict';
const buildAndExecuteGraph = async () => { throw new Error('runs only in a browser'); };
const getPrecisionTolerance = () => ({metricType: 'ULP', value: 1});
let minimumDataTypeSet;
// required when every input has one of the op's minimum data types
function isMinimumTest(test) {
  return test.graph.operators.every((op) => Object.values(test.graph.inputs).every(
      (i) => ((minimumDataTypeSet[op.name] || {}).dataTypes || []).includes(i.descriptor.dataType)));
}
async function webnn_conformance_test(tests, buildFunc, toleranceFunc) {
  promise_setup(async () => {});
  tests.forEach((t) => promise_test(async () => {}, `${isMinimumTest(t) ? '[required]' : '[optional]'} ${t.name}`));
}
"""

TESTS_LATER = r"""
// META: script=../resources/utils.js
'use strict';
const laterTests = [
  {
    'name': 'add float32',
    'graph': {
      'inputs': {'a': {'data': [1, 2], 'descriptor': {shape: [2], dataType: 'float32'}},
                 'b': {'data': [3, 4], 'descriptor': {shape: [2], dataType: 'float32'}}},
      'operators': [{'name': 'add', 'arguments': [{'a': 'a'}, {'b': 'b'}], 'outputs': 'y'}],
      'expectedOutputs': {'y': {'data': [4, 6], 'descriptor': {shape: [2], dataType: 'float32'}}},
    },
  },
  {
    'name': 'add int32',
    'graph': {
      'inputs': {'a': {'data': [1, 2], 'descriptor': {shape: [2], dataType: 'int32'}},
                 'b': {'data': [3, -4], 'descriptor': {shape: [2], dataType: 'int32'}}},
      'operators': [{'name': 'add', 'arguments': [{'a': 'a'}, {'b': 'b'}], 'outputs': 'y'}],
      'expectedOutputs': {'y': {'data': [4, -2], 'descriptor': {shape: [2], dataType: 'int32'}}},
    },
  },
];
webnn_conformance_test(laterTests, buildAndExecuteGraph, getPrecisionTolerance);
"""

MIN_SET = """// the data types every implementation must support (comments as WPT has them)
{
  "add": {"dataTypes": ["float32"]} /* int32 is optional here */
}
"""


def tree(root, utils, files, extra=None):
    (root / "webnn" / "resources").mkdir(parents=True)
    (root / "webnn" / "conformance_tests").mkdir(parents=True)
    (root / "webnn" / "resources" / "utils.js").write_text(utils)
    for name, text in files.items():
        (root / "webnn" / "conformance_tests" / name).write_text(text)
    for name, text in (extra or {}).items():
        (root / "webnn" / "resources" / name).write_text(text)
    return root


def run_import(build, wpt, out, *args):
    cmd = ["node", IMPORT, "--wpt", str(wpt), "--out", str(out), "--webnn-ref", os.path.join(build, "webnn-ref"), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def vectors(out, name):
    with open(os.path.join(out, name), encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def imported(build, tmp_path_factory):
    base = tmp_path_factory.mktemp("wpt")
    a = tree(base / "a", UTILS_2025, {"mini.https.any.js": TESTS_2025})
    b = tree(base / "b", UTILS_LATER, {"later.https.any.js": TESTS_LATER}, {"minimum_datatype_set.json": MIN_SET})
    for t, o in ((a, base / "out-a"), (b, base / "out-b")):
        r = run_import(build, t, o)
        assert r.returncode == 0, r.stderr
    return base


def test_2025_signature_cases_are_imported_with_their_tolerances(imported):
    v = vectors(imported / "out-a", "mini.json")
    assert v["provenance"]["wpt"]["path"] == "webnn/conformance_tests/mini.https.any.js"
    assert v["provenance"]["wpt"]["harness"] == "2025"
    assert v["provenance"]["wpt"]["commit"] is None  # not a git checkout
    tests = {t["name"]: t for t in v["tests"]}
    assert len(tests) == 7
    # the tolerance function read the shape of the intermediate r ([2, 3]): 2 * 3 ULP
    assert tests["relu then matmul"]["tolerance"] == {"metricType": "ULP", "value": 6}
    assert tests["softmax with a null argument entry"]["graph"]["operators"][0]["arguments"][1] is None
    # WPT's ULP distance between integers is |a - b|, our ATOL
    assert tests["sub int64 with BigInt literals"]["tolerance"] == {"metricType": "ATOL", "value": 0}
    assert tests["sub int64 with BigInt literals"]["graph"]["inputs"]["a"]["data"] == ["9007199254740993", "-9223372036854775808"]
    assert tests["neg of NaN, infinities and -0"]["graph"]["inputs"]["x"]["data"] == ["NaN", "Infinity", "-Infinity", "-0"]
    assert tests["add of fill values"]["graph"]["inputs"]["a"]["data"] == 1.5
    assert all(t["wptName"] == t["name"] for t in tests.values())
    # the non-graph test is listed as skipped, with the reason
    skipped = v["provenance"]["skipped"]
    assert [s["name"] for s in skipped] == ["tensor: a test with its own code"]
    assert "not a graph test" in skipped[0]["reason"]


def test_later_signature_names_required_and_optional(imported):
    v = vectors(imported / "out-b", "later.json")
    assert v["provenance"]["wpt"]["harness"] == "later"
    tests = {t["name"]: t for t in v["tests"]}
    assert tests["add float32"]["wptName"] == "[required] add float32"
    assert tests["add float32"]["required"] is True
    assert tests["add int32"]["wptName"] == "[optional] add int32"
    assert tests["add int32"]["required"] is False


def test_the_reference_passes_the_imports_under_wpt_ids(build, imported, tmp_path):
    rep, html = tmp_path / "r.json", tmp_path / "r.html"
    r = subprocess.run([os.path.join(build, "run-conformance"), "--vectors", str(imported / "out-a"),
                        "--vectors", str(imported / "out-b"), "--journal", "none", "--quiet", "--jobs", "2",
                        "--device", "cpu", "--report", f"json:{rep}", "--report", f"html:{html}"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "9 passed, 0 failed" in r.stdout
    # the ignored option is flagged on the terminal and in the wptreport
    assert "Warnings (cases whose vector has something a browser ignores): 1" in r.stdout
    assert 'leakyRelu has no option "alpah"' in r.stdout
    assert "leakyRelu has no option &quot;alpah&quot;" in html.read_text() or 'no option "alpah"' in html.read_text()
    report = json.loads(rep.read_text())
    tests = {t["test"]: t for t in report["results"]}
    assert set(tests) == {"/webnn/conformance_tests/mini.https.any.html?cpu",
                          "/webnn/conformance_tests/later.https.any.html?cpu"}
    later = {s["name"]: s for s in tests["/webnn/conformance_tests/later.https.any.html?cpu"]["subtests"]}
    assert set(later) == {"[required] add float32", "[optional] add int32"}
    assert all(s["status"] == "PASS" for s in later.values())
    mini = {s["name"]: s for s in tests["/webnn/conformance_tests/mini.https.any.html?cpu"]["subtests"]}
    assert len(mini) == 7 and all(s["status"] == "PASS" for s in mini.values())
    assert "alpah" in mini["leakyRelu with an option the spec does not define"]["message"]


HOSTILE_ESCAPE = r"""
// META: script=../resources/utils.js
// vm is no boundary: the host's Function gives the host's process
const proc = this.constructor.constructor('return process')();
const req = proc.mainModule.require;
try { req('fs').writeFileSync(%(marker)s, 'escaped'); } catch (e) {}
try { req('child_process').execFileSync('/bin/sh', ['-c', 'echo spawned > ' + %(marker2)s]); } catch (e) {}
try { new (req('worker_threads').Worker)('1', {eval: true}); req('fs').writeFileSync(%(marker3)s, 'w'); } catch (e) {}
throw new Error('escape attempts over');
"""


def test_hostile_files_are_contained_and_the_import_goes_on(build, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    markers = [outside / "written", outside / "spawned", outside / "worker"]
    escape = HOSTILE_ESCAPE % {"marker": json.dumps(str(markers[0])), "marker2": json.dumps(str(markers[1])),
                               "marker3": json.dumps(str(markers[2]))}
    files = {
        "escape.https.any.js": escape,
        "loop.https.any.js": "// META: script=../resources/utils.js\nfor (;;) {}\n",
        "memory.https.any.js": "// META: script=../resources/utils.js\nconst keep = [];\n"
                               "for (;;) keep.push(new Float64Array(1 << 24));\n",
        "throws.https.any.js": "// META: script=../resources/utils.js\nthrow new Error('boom');\n",
        "zgood.https.any.js": TESTS_2025,
    }
    t = tree(tmp_path / "wpt", UTILS_2025, files)
    out = tmp_path / "out"
    r = run_import(build, t, out, "--timeout", "3", "--max-memory-mb", "256")
    assert r.returncode == 0, r.stderr
    assert not any(m.exists() for m in markers), [m for m in markers if m.exists()]
    assert os.listdir(outside) == []
    text = (out / "import-report.txt").read_text()
    assert "1 files imported, 4 failed; 7 graph cases imported" in text
    assert "escape.https.any.js: exited with status 1" in text and "escape attempts over" in text
    assert "loop.https.any.js: ran past the 3 s limit" in text
    assert "memory.https.any.js: exited with status 1 (memory limit 256 MB)" in text
    assert "throws.https.any.js: exited with status 1: Error: boom" in text
    assert sorted(os.listdir(out)) == ["import-report.jsonl", "import-report.txt", "zgood.json"]
