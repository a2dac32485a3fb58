"""Whole-model vectors (issue 20): reduced first-wave models, float32, in vectors/models/.

Graph, weights (generated data) and the oracle are in modelnet.py, the architectures in
models.py. The tolerance is derived per model (vectors/models/README.md): the largest absolute
deviation from the oracle, over the outputs, of four correct float32 evaluations that differ
only in summation order (forward, reversed, pairwise, a fixed permutation), times MARGIN."""
import numpy as np

import common as C
import modelnet
import models

FAMILY = "models"
MARGIN = 4.0
ORDERS = ("fwd", "rev", "pairwise", "perm")


def spread(fn, name, oracle):
    """{order: max |f32 - oracle|} over the output."""
    y = oracle.val[oracle.output]
    out = {}
    for o in ORDERS:
        g = modelnet.build(fn, name, "f32-" + o, stats=oracle.stats)
        out[o] = float(np.max(np.abs(g.val[g.output].astype(np.float64) - y)))
    return out


def model_case(name, fn, oracle, atol):
    y = oracle.val[oracle.output]
    exp = C.expected("float32", y)
    # a literal list even above the base64 threshold: expected outputs stay readable
    exp["data"] = [C.fmt_float(float(v)) for v in C.round_to("float32", y).reshape(-1)]
    return {"name": "%s reduced float32" % name,
            "graph": {"inputs": oracle.inputs, "operators": oracle.ops,
                      "expectedOutputs": {oracle.output: exp}},
            "tolerance": {"metricType": "ATOL", "value": atol},
            "required": True}


def derive(name, fn):
    o = modelnet.build(fn, name)
    sp = spread(fn, name, o)
    atol = C.round_up_f32(MARGIN * max(sp.values()))
    return o, sp, atol


def generate():
    files = {}
    for name, mk in models.REDUCED.items():
        fn = mk()
        o, sp, atol = derive(name, fn)
        files[name] = [model_case(name, fn, o, atol)]
    return files
