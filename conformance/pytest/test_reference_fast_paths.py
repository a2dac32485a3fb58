"""The reference's float32 fast paths (reference/src/ops/f32_fast.h and the row sums of
reduction.c) give exactly the spec-literal result: each element widened to double, summed
from -0 one add at a time in index order, rounded once. The expected values here are that
computation in Python (IEEE double), and each reduction also runs through the generic loop
(the same values transposed so the reduced axis is not trailing): both must be bit-exact."""
import json
import os
import random
import struct
import subprocess


def f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


def enc(v):
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0 and struct.pack("d", v)[7] & 0x80:
        return "-0"
    return v


def seq_sum(vals):
    s = -0.0
    for v in vals:
        s += v
    return s


def tensor(shape, vals, constant=False):
    return {"descriptor": {"dataType": "float32", "shape": shape}, "data": [enc(v) for v in vals],
            "constant": constant}


def reduce_cases(rows, cols, rng):
    # magnitudes from 2^-20 to 2^20 with mixed signs: any change of order or of rounding shows
    x = [f32(rng.choice((-1, 1)) * rng.random() * 2.0 ** rng.randint(-20, 20)) for _ in range(rows * cols)]
    for r in range(rows):  # a row starting big, -big sums its rest exactly only in index order
        if cols >= 3:
            big = 2.0 ** rng.randint(55, 60)
            x[r * cols], x[r * cols + 1] = big, -big
    xt = [x[r * cols + c] for c in range(cols) for r in range(rows)]  # shape [cols, rows]
    cases = []
    for op, post in (("reduceSum", lambda s, n: s), ("reduceMean", lambda s, n: s / n)):
        want = [f32(post(seq_sum(x[r * cols:(r + 1) * cols]), cols)) for r in range(rows)]
        out = {"y": {"descriptor": {"dataType": "float32", "shape": [rows]}, "data": [enc(v) for v in want]}}
        cases.append({"name": "%s rows [%d,%d]" % (op, rows, cols),
                      "graph": {"inputs": {"x": tensor([rows, cols], x)},
                                "operators": [{"name": op, "arguments": [{"input": "x"}, {"options": {"axes": [1]}}],
                                               "outputs": "y"}],
                                "expectedOutputs": out}})
        cases.append({"name": "%s generic [%d,%d] axis 0" % (op, cols, rows),
                      "graph": {"inputs": {"x": tensor([cols, rows], xt)},
                                "operators": [{"name": op, "arguments": [{"input": "x"}, {"options": {"axes": [0]}}],
                                               "outputs": "y"}],
                                "expectedOutputs": out}})
    return cases


def relu_case():
    specials = [float("nan"), -0.0, 0.0, -1.5, 1.5, f32(1e-45), -f32(1e-45), f32(3.4e38), -f32(3.4e38),
                float("inf"), float("-inf")]
    want = [v if v != v or v > 0 else 0.0 for v in specials]
    return {"name": "relu specials", "graph": {
        "inputs": {"x": tensor([len(specials)], specials)},
        "operators": [{"name": "relu", "arguments": [{"input": "x"}], "outputs": "y"}],
        "expectedOutputs": {"y": {"descriptor": {"dataType": "float32", "shape": [len(specials)]},
                                  "data": [enc(v) for v in want]}}}}


def test_fast_paths_are_bit_exact(build, tmp_path):
    rng = random.Random(20261202)
    tests = [relu_case()]
    for rows, cols in ((1, 1), (3, 17), (4, 64), (9, 33), (13, 5)):  # row counts around the 4-row blocks
        tests += reduce_cases(rows, cols, rng)
    f = tmp_path / "fast_paths.json"
    f.write_text(json.dumps({"tests": tests}))
    p = subprocess.run([os.path.join(build, "webnn-ref"), "run", str(f)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
    assert "%d passed, 0 failed" % len(tests) in p.stdout
