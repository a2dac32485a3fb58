"""Whole-model vectors (issue 20, vectors/models/): the derived tolerance checked both ways.

- correct evaluations pass: the reference (build/webnn-ref) on each model, and a NumPy
  evaluation whose order the derivation did not use (float64 products into a float32
  accumulator, as an FMA-like kernel does; float16 models: with each op's output rounded to
  float16);
- broken models fail: one conv's padding shifted by one, one activation dropped, one layer's
  weights transposed, each written as a graph with the correct model's expected outputs and run
  through build/webnn-ref;
- the committed vectors are what the generator writes (weights as generated data).
Each check runs on the float32 and the float16 variant of every model.
The graphs given to webnn-ref carry their weights as literal base64 (modelnet.LITERAL: the same
values), so these checks do not depend on the loader's generated-data support.
"""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "vectors", "gen"))
import common as C  # noqa: E402
import modelnet  # noqa: E402
import models  # noqa: E402
from families import models as fam  # noqa: E402

NAMES = sorted(models.REDUCED)
TABLES = {"float32": models.REDUCED, "float16": models.REDUCED_F16}
CASES = [(nm, dt) for dt in TABLES for nm in NAMES]
BREAKS = ("pad", "act", "transpose")
_DERIVED = {}


@pytest.fixture(scope="module")
def derived():
    """(name, dt) -> (fn, oracle, spread, atol), each derived once, when first asked for."""
    C.set_seed_base("webnn-cts/models")

    def get(nm, dt):
        if (nm, dt) not in _DERIVED:
            fn = TABLES[dt][nm]()
            o, sp, atol = fam.derive(nm, fn, dt)
            _DERIVED[(nm, dt)] = (fn, o, sp, atol)
        return _DERIVED[(nm, dt)]
    return get


def _graph_file(tmp_path, nm, net, expected_net, atol):
    dt = expected_net.dt
    modelnet.LITERAL[0] = True
    try:
        lit = modelnet.build(net.fn, nm, breaks=net.breaks, stats=expected_net.stats, dt=dt)
    finally:
        modelnet.LITERAL[0] = False
    case = fam.model_case(nm, net.fn, expected_net, atol, dt)
    case["graph"]["inputs"] = lit.inputs
    case["graph"]["operators"] = lit.ops
    case["graph"]["expectedOutputs"] = {lit.output: case["graph"]["expectedOutputs"][expected_net.output]}
    f = tmp_path / ("%s-%s-%s.json" % (nm, dt, "-".join(sorted(net.breaks)) or "ok"))
    f.write_text(json.dumps({"tests": [case]}))
    return f


def _ref(build, f):
    return subprocess.run([os.path.join(build, "webnn-ref"), "run", "--max-print", "0", str(f)],
                          capture_output=True, text=True, timeout=120)


class _Spec:
    def __init__(self, fn, breaks=()):
        self.fn, self.breaks = fn, set(breaks)


@pytest.mark.parametrize("nm,dt", CASES)
def test_committed_vector_is_regenerated(derived, nm, dt):
    fn, o, sp, atol = derived(nm, dt)
    stem = nm if dt == "float32" else nm + "_float16"
    with open(os.path.join(ROOT, "vectors", "models", stem + ".json")) as f:
        t = json.load(f)["tests"][0]
    assert t["tolerance"] == {"metricType": "ATOL", "value": atol}
    out = list(t["graph"]["expectedOutputs"].values())[0]
    assert out["descriptor"]["dataType"] == dt
    assert all(v["descriptor"]["dataType"] == dt for v in t["graph"]["inputs"].values())
    want = [C.fmt_float(float(v)) for v in C.round_to(dt, o.val[o.output]).reshape(-1)]
    assert out["data"] == want


@pytest.mark.parametrize("nm,dt", CASES)
def test_reference_passes(build, tmp_path, derived, nm, dt):
    fn, o, sp, atol = derived(nm, dt)
    p = _ref(build, _graph_file(tmp_path, nm, _Spec(fn), o, atol))
    assert p.returncode == 0 and "1 passed, 0 failed" in p.stdout, p.stdout[-2000:] + p.stderr[-2000:]


@pytest.mark.parametrize("nm,dt", CASES)
@pytest.mark.parametrize("brk", BREAKS)
def test_broken_model_fails(build, tmp_path, derived, nm, dt, brk):
    fn, o, sp, atol = derived(nm, dt)
    b = modelnet.build(fn, nm, breaks=[brk], stats=o.stats, dt=dt)
    if brk not in b.broken:
        pytest.skip("%s has no place for break %r" % (nm, brk))
    dev = float(np.max(np.abs(b.val[b.output] - o.val[o.output])))
    # a clear margin, not just above: at least 8x the tolerance (which is itself 4x the spread)
    assert dev > 8 * atol, "broken (%s) deviates only %g, tolerance %g" % (brk, dev, atol)
    p = _ref(build, _graph_file(tmp_path, nm, _Spec(fn, [brk]), o, atol))
    assert p.returncode == 1 and "0 passed, 1 failed" in p.stdout, p.stdout[-2000:] + p.stderr[-2000:]


def _fma_like(fn, nm, o, dt):
    """A float32 evaluation the derivation did not use: each float64 product of float32 operands
    (exact) added to the float32 accumulator with one rounding, taps forward."""
    orig = modelnet.Acc.add

    def add(self, a, b):
        if self.mode == "oracle":
            return orig(self, a, b)
        p = np.asarray(a, np.float32).astype(np.float64) * np.asarray(b, np.float32).astype(np.float64)
        self.terms = [p.astype(np.float32) if not self.terms else
                      (self.terms[0].astype(np.float64) + p).astype(np.float32)]
    modelnet.Acc.add = add
    try:
        return modelnet.build(fn, nm, "f32-fwd", stats=o.stats, dt=dt)
    finally:
        modelnet.Acc.add = orig


def _top5(v):
    return np.argsort(-np.asarray(v, np.float64).reshape(-1), kind="stable")[:5]


def top5_agrees(y, want, atol):
    """Top-5 agreement. float32: the same 5 classes. A class may also be swapped for one whose
    oracle logit is within 2 x ATOL of the oracle's 5th (both values may be off by ATOL): the
    float16 classifiers' logits sit about 2^-11 apart, below their tolerance."""
    want = np.asarray(want, np.float64).reshape(-1)
    fifth = want[_top5(want)[-1]]
    diff = set(_top5(y).tolist()) ^ set(_top5(want).tolist())
    return all(abs(want[c] - fifth) <= 2 * atol for c in diff)


@pytest.mark.parametrize("nm,dt", CASES)
def test_unseen_order_passes(derived, nm, dt):
    fn, o, sp, atol = derived(nm, dt)
    g = _fma_like(fn, nm, o, dt)
    dev = float(np.max(np.abs(g.val[g.output].astype(np.float64) - o.val[o.output])))
    assert dev <= atol, (dev, atol)
    if nm in models.CLASSIFIERS:
        y, want = g.val[g.output], o.val[o.output]
        if dt == "float32":
            assert set(_top5(y).tolist()) == set(_top5(want).tolist())
        assert top5_agrees(y, want, atol)


@pytest.mark.parametrize("nm", [n for n in NAMES if n in models.CLASSIFIERS])
def test_float16_top5_in_every_derivation_order(derived, nm):
    """Every evaluation the float16 tolerance was derived from agrees on the top 5 (within ties)
    and on the top class."""
    fn, o, sp, atol = derived(nm, "float16")
    want = o.val[o.output]
    for mode in sp:
        g = modelnet.build(fn, nm, mode, stats=o.stats, dt="float16")
        assert top5_agrees(g.val[g.output], want, atol), mode
        assert _top5(g.val[g.output])[0] == _top5(want)[0], mode
