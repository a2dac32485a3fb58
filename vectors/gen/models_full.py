#!/usr/bin/python3
"""Full-size model vectors (issue 20, `make models`): the published sizes of vectors/gen/models.py
(ResNet-50 v2 and MobileNetV2 and SqueezeNet 1.1 at 224x224, TinyYOLOv2 at 416x416, BERT-base
layer at sequence 128) written to OUT/<model>.json, not committed. Same oracle as the reduced
vectors; the tolerance comes from the forward-order float32 evaluation only (the other orders
keep every term of a sum and do not fit in memory at full size) with margin 8 instead of 4.

usage: models_full.py [--out DIR] [MODEL ...]
"""
import argparse
import json
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common as C  # noqa: E402
import modelnet  # noqa: E402
import models  # noqa: E402
from families import models as fam  # noqa: E402

MARGIN_FULL = 8.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="build/models")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    C.set_seed_base("webnn-cts/models")
    for nm in a.names or sorted(models.FULL):
        fn = models.FULL[nm]()
        t0 = time.time()
        o = modelnet.build(fn, nm + "-full")
        t1 = time.time()
        g = modelnet.build(fn, nm + "-full", "f32-fwd", stats=o.stats)
        dev = float(np.max(np.abs(g.val[g.output].astype(np.float64) - o.val[o.output])))
        atol = C.round_up_f32(MARGIN_FULL * dev)
        case = fam.model_case(nm + " full", fn, o, atol)
        case["name"] = "%s full float32" % nm
        with open(os.path.join(a.out, nm + ".json"), "w", encoding="ascii") as f:
            json.dump({"format": "webnn-cts-vectors/1",
                       "provenance": {"generator": "vectors/gen/models_full.py"}, "tests": [case]}, f)
        print("%-14s %4d ops  oracle %.1f s  float32 fwd %.1f s  dev %.3g  ATOL %.4g" %
              (nm, len(o.ops), t1 - t0, time.time() - t1, dev, atol), flush=True)


if __name__ == "__main__":
    main()
