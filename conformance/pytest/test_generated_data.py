"""Generated tensor data (vectors/FORMAT.md, "Generated data"): the C loader and
vectors/gen/generated.py make the same bits for every data type. Each case feeds generated
inputs (and constants) through identity and expects generated.py's values, exactly; malformed
generator objects are rejected with a message naming the place."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "vectors", "gen"))
import generated  # noqa: E402

RANGES = {
    "float32": [(-1.0, 1.0), (-3.5e38, 3.5e38), (1e-40, 2e-38), (0.0, 1e-45 * 4)],
    "float16": [(-1.0, 1.0), (-1e5, 1e5), (0.0, 1e-6), (-65520.0, 65520.0)],
    "int8": [(-128, 127), (-3, 3), (5, 5)], "uint8": [(0, 255), (7, 9)],
    "int32": [(-2 ** 31, 2 ** 31 - 1), (-10, 10)], "uint32": [(0, 2 ** 32 - 1), (100, 1000)],
    "int64": [(-2 ** 63, 2 ** 63 - 1), (-2 ** 40, 2 ** 40), (-1, 0)],
    "uint64": [(0, 2 ** 64 - 1), (2 ** 63, 2 ** 64 - 1), (0, 2 ** 53 + 1)],
}
SHAPES = [[], [7], [3, 5, 11], [4096]]


def num(v):
    """A JSON value the loader reads exactly: specials and 64-bit integers as strings."""
    if isinstance(v, float):
        if v != v:
            return "NaN"
        if v in (float("inf"), float("-inf")):
            return "Infinity" if v > 0 else "-Infinity"
        if v == 0 and np.signbit(v):
            return "-0"
        return v
    return str(v) if abs(v) > 2 ** 53 else v


def literal(a):
    return [num(v.item() if a.dtype.kind == "f" else int(v)) for v in a.reshape(-1)]


def cases():
    tests, seed = [], 1
    for dt, ranges in RANGES.items():
        for lo, hi in ranges:
            for shape in SHAPES:
                seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
                g = generated.spec(seed, num(lo), num(hi))
                for constant in (False, True):
                    want = generated.generate(dt, shape, generated.spec(seed, lo, hi))
                    desc = {"dataType": dt, "shape": shape}
                    tests.append({"name": "%s %s [%s,%s] seed %d%s" % (dt, shape, lo, hi, seed, " constant" * constant),
                                  "graph": {"inputs": {"x": {"descriptor": desc, "data": g, "constant": constant}},
                                            "operators": [{"name": "identity", "arguments": [{"input": "x"}], "outputs": "y"}],
                                            "expectedOutputs": {"y": {"descriptor": desc, "data": literal(want)}}}})
    return tests


def run_ref(build, path):
    return subprocess.run([os.path.join(build, "webnn-ref"), "run", "--max-print", "0", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_loader_and_numpy_make_the_same_bits(build, tmp_path):
    tests = cases()
    f = tmp_path / "generated.json"
    f.write_text(json.dumps({"tests": tests}))
    p = run_ref(build, f)
    assert p.returncode == 0, p.stdout[-4000:] + p.stderr[-2000:]
    assert "%d passed, 0 failed" % len(tests) in p.stdout


def test_splitmix64_reference_values():
    # splitmix64 from state 0: the published first outputs of the generator
    assert list(generated.raw64(0, 3)) == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]


BAD = [
    ({"generator": "mt19937", "seed": 1, "low": 0, "high": 1}, "unknown generator"),
    ({"generator": "splitmix64", "seed": 1, "low": 0}, "\"high\" is missing"),
    ({"generator": "splitmix64", "seed": 1, "low": 0, "high": 1, "scale": 2}, "unknown member \"scale\""),
    ({"generator": "splitmix64", "seed": 1, "low": 1, "high": 1}, "low < high"),
    ({"generator": "splitmix64", "seed": 1, "low": "-Infinity", "high": 1}, "finite"),
    ({"generator": "splitmix64", "seed": -1, "low": 0, "high": 1}, "\"seed\""),
    ({"generator": "splitmix64", "seed": 1.5, "low": 0, "high": 1}, "\"seed\" must be an integer"),
]


@pytest.mark.parametrize("g,message", BAD)
def test_malformed_generators_are_named(build, tmp_path, g, message):
    t = {"name": "bad", "graph": {"inputs": {"x": {"descriptor": {"dataType": "float32", "shape": [2]}, "data": g}},
                                  "operators": [{"name": "identity", "arguments": [{"input": "x"}], "outputs": "y"}],
                                  "expectedOutputs": {"y": {"descriptor": {"dataType": "float32", "shape": [2]}, "data": [0, 0]}}}}
    f = tmp_path / "bad.json"
    f.write_text(json.dumps({"tests": [t]}))
    p = run_ref(build, f)
    assert p.returncode != 0
    assert message in p.stdout + p.stderr, p.stdout + p.stderr
    assert "tests[0].graph.inputs.x.data" in p.stdout + p.stderr


@pytest.mark.parametrize("dt,lo,hi", [("int8", -129, 0), ("uint8", 0, 256), ("uint32", -1, 5), ("int8", 3, 2)])
def test_integer_bounds_are_checked(build, tmp_path, dt, lo, hi):
    t = {"name": "bad", "graph": {"inputs": {"x": {"descriptor": {"dataType": dt, "shape": [2]},
                                                   "data": generated.spec(1, lo, hi)}},
                                  "operators": [{"name": "identity", "arguments": [{"input": "x"}], "outputs": "y"}],
                                  "expectedOutputs": {"y": {"descriptor": {"dataType": dt, "shape": [2]}, "data": [0, 0]}}}}
    f = tmp_path / "bad.json"
    f.write_text(json.dumps({"tests": [t]}))
    p = run_ref(build, f)
    assert p.returncode != 0 and "generator:" in p.stdout + p.stderr


def test_expected_outputs_must_be_literal(build, tmp_path):
    g = generated.spec(1, 0, 1)
    t = {"name": "bad", "graph": {"inputs": {"x": {"descriptor": {"dataType": "float32", "shape": [2]}, "data": g}},
                                  "operators": [{"name": "identity", "arguments": [{"input": "x"}], "outputs": "y"}],
                                  "expectedOutputs": {"y": {"descriptor": {"dataType": "float32", "shape": [2]}, "data": g}}}}
    f = tmp_path / "bad.json"
    f.write_text(json.dumps({"tests": [t]}))
    p = run_ref(build, f)
    assert p.returncode != 0 and "must be literal" in p.stdout + p.stderr
