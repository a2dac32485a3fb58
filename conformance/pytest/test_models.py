"""Whole-model vectors (issue 20, vectors/models/): the derived tolerance checked both ways.

- correct float32 evaluations pass: the reference (build/webnn-ref) on each model, and a NumPy
  float32 evaluation whose order the derivation did not use (float64 products into a float32
  accumulator, as an FMA-like kernel does);
- broken models fail: one conv's padding shifted by one, one activation dropped, one layer's
  weights transposed, each written as a graph with the correct model's expected outputs and run
  through build/webnn-ref;
- the committed vectors are what the generator writes (weights as generated data).
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
BREAKS = ("pad", "act", "transpose")


@pytest.fixture(scope="module")
def derived():
    C.set_seed_base("webnn-cts/models")
    out = {}
    for nm in NAMES:
        fn = models.REDUCED[nm]()
        o, sp, atol = fam.derive(nm, fn)
        out[nm] = (fn, o, sp, atol)
    return out


def _graph_file(tmp_path, nm, net, expected_net, atol):
    modelnet.LITERAL[0] = True
    try:
        lit = modelnet.build(net.fn, nm, breaks=net.breaks, stats=expected_net.stats)
    finally:
        modelnet.LITERAL[0] = False
    case = fam.model_case(nm, net.fn, expected_net, atol)
    case["graph"]["inputs"] = lit.inputs
    case["graph"]["operators"] = lit.ops
    case["graph"]["expectedOutputs"] = {lit.output: case["graph"]["expectedOutputs"][expected_net.output]}
    f = tmp_path / ("%s-%s.json" % (nm, "-".join(sorted(net.breaks)) or "ok"))
    f.write_text(json.dumps({"tests": [case]}))
    return f


def _ref(build, f):
    return subprocess.run([os.path.join(build, "webnn-ref"), "run", "--max-print", "0", str(f)],
                          capture_output=True, text=True, timeout=120)


class _Spec:
    def __init__(self, fn, breaks=()):
        self.fn, self.breaks = fn, set(breaks)


@pytest.mark.parametrize("nm", NAMES)
def test_committed_vector_is_regenerated(derived, nm):
    fn, o, sp, atol = derived[nm]
    with open(os.path.join(ROOT, "vectors", "models", nm + ".json")) as f:
        t = json.load(f)["tests"][0]
    assert t["tolerance"] == {"metricType": "ATOL", "value": atol}
    want = [C.fmt_float(float(v)) for v in C.round_to("float32", o.val[o.output]).reshape(-1)]
    assert list(t["graph"]["expectedOutputs"].values())[0]["data"] == want


@pytest.mark.parametrize("nm", NAMES)
def test_reference_passes(build, tmp_path, derived, nm):
    fn, o, sp, atol = derived[nm]
    p = _ref(build, _graph_file(tmp_path, nm, _Spec(fn), o, atol))
    assert p.returncode == 0 and "1 passed, 0 failed" in p.stdout, p.stdout[-2000:] + p.stderr[-2000:]


@pytest.mark.parametrize("nm", NAMES)
@pytest.mark.parametrize("brk", BREAKS)
def test_broken_model_fails(build, tmp_path, derived, nm, brk):
    fn, o, sp, atol = derived[nm]
    b = modelnet.build(fn, nm, breaks=[brk], stats=o.stats)
    if brk not in b.broken:
        pytest.skip("%s has no place for break %r" % (nm, brk))
    dev = float(np.max(np.abs(b.val[b.output] - o.val[o.output])))
    assert dev > atol, "broken (%s) deviates only %g <= tolerance %g" % (brk, dev, atol)
    p = _ref(build, _graph_file(tmp_path, nm, _Spec(fn, [brk]), o, atol))
    assert p.returncode == 1 and "0 passed, 1 failed" in p.stdout, p.stdout[-2000:] + p.stderr[-2000:]


def _fma_like(fn, nm, o):
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
        return modelnet.build(fn, nm, "f32-fwd", stats=o.stats)
    finally:
        modelnet.Acc.add = orig


@pytest.mark.parametrize("nm", NAMES)
def test_unseen_float32_order_passes(derived, nm):
    fn, o, sp, atol = derived[nm]
    g = _fma_like(fn, nm, o)
    dev = float(np.max(np.abs(g.val[g.output].astype(np.float64) - o.val[o.output])))
    assert dev <= atol, (dev, atol)
    if nm in models.CLASSIFIERS:
        top = lambda v: set(np.argsort(-v.reshape(-1), kind="stable")[:5].tolist())  # noqa: E731
        assert top(g.val[g.output]) == top(o.val[o.output])
