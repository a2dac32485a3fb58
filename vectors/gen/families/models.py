"""Whole-model vectors (issue 20): reduced first-wave models, float32 and float16, in vectors/models/.

Graph, weights (generated data) and the oracle are in modelnet.py, the architectures in
models.py. The tolerance is derived per model (vectors/models/README.md): the largest absolute
deviation from the oracle, over the outputs, of correct evaluations that differ only in freedoms
the spec leaves to the implementation, times MARGIN:
- float32: four summation orders (forward, reversed, pairwise, a fixed permutation);
- float16: those four orders with float32 accumulation inside each op and every op's output
  rounded to float16, and the same four with no rounding between ops (float32 intermediates, as
  a fusing backend computes); float16 accumulation is measured but outside the tolerance, as in
  the per-op float16 rows of vectors/tolerance.json."""
import numpy as np

import common as C
import modelnet
import models

FAMILY = "models"
MARGIN = 4.0
ORDERS = ("fwd", "rev", "pairwise", "perm")
KINDS = {"float32": ("f32",), "float16": ("f32", "f32x")}


def spread(fn, name, oracle, dt="float32", kinds=None):
    """{mode: max |evaluation - oracle|} over the output (float32: keyed by order alone)."""
    y = oracle.val[oracle.output]
    out = {}
    for k in kinds or KINDS[dt]:
        for o in ORDERS:
            g = modelnet.build(fn, name, k + "-" + o, stats=oracle.stats, dt=dt)
            key = o if dt == "float32" else k + "-" + o
            out[key] = float(np.max(np.abs(g.val[g.output].astype(np.float64) - y)))
    return out


def model_case(name, fn, oracle, atol, dt="float32"):
    y = oracle.val[oracle.output]
    exp = C.expected(dt, y)
    # a literal list even above the base64 threshold: expected outputs stay readable
    exp["data"] = [C.fmt_float(float(v)) for v in C.round_to(dt, y).reshape(-1)]
    return {"name": "%s reduced %s" % (name, dt),
            "graph": {"inputs": oracle.inputs, "operators": oracle.ops,
                      "expectedOutputs": {oracle.output: exp}},
            "tolerance": {"metricType": "ATOL", "value": atol},
            "required": True}


def derive(name, fn, dt="float32"):
    o = modelnet.build(fn, name, dt=dt)
    sp = spread(fn, name, o, dt)
    atol = C.round_up_f32(MARGIN * max(sp.values()))
    return o, sp, atol


def generate():
    files = {}
    for dt, table in (("float32", models.REDUCED), ("float16", models.REDUCED_F16)):
        for name, mk in table.items():
            fn = mk()
            o, sp, atol = derive(name, fn, dt)
            files[name if dt == "float32" else name + "_float16"] = [model_case(name, fn, o, atol, dt)]
    return files
