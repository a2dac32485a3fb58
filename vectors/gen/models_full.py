#!/usr/bin/python3
"""Full-size model vectors (issue 20, `make models`): the published sizes of vectors/gen/models.py
(ResNet-50 v2 and MobileNetV2 and SqueezeNet 1.1 at 224x224, TinyYOLOv2 at 416x416, BERT-base
layer at sequence 128) written to OUT/<model>.json and their float16 variants to
OUT/<model>_float16.json, not committed. Same oracle as the reduced vectors; the tolerance comes
from the forward-order evaluations only (the other orders keep every term of a sum and do not
fit in memory at full size) with margin 8 instead of 4: float32 accumulation (float16: with each
op's output rounded to float16, and again with float32 intermediates).

usage: models_full.py [--out DIR] [--types float32,float16] [MODEL ...]
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
    ap.add_argument("--types", default="float32,float16")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    C.set_seed_base("webnn-cts/models")
    for dt in a.types.split(","):
        for nm in a.names or sorted(models.FULL):
            fn = models.FULL[nm]()
            t0 = time.time()
            o = modelnet.build(fn, nm + "-full", dt=dt)
            t1 = time.time()
            devs = []
            for kind in fam.KINDS[dt]:
                g = modelnet.build(fn, nm + "-full", kind + "-fwd", stats=o.stats, dt=dt)
                devs.append(float(np.max(np.abs(g.val[g.output].astype(np.float64) - o.val[o.output]))))
            atol = C.round_up_f32(MARGIN_FULL * max(devs))
            case = fam.model_case(nm + " full", fn, o, atol, dt)
            case["name"] = "%s full %s" % (nm, dt)
            stem = nm if dt == "float32" else nm + "_float16"
            with open(os.path.join(a.out, stem + ".json"), "w", encoding="ascii") as f:
                json.dump({"format": "webnn-cts-vectors/1",
                           "provenance": {"generator": "vectors/gen/models_full.py"}, "tests": [case]}, f)
            print("%-22s %4d ops  oracle %.1f s  fwd evaluations %.1f s  dev %s  peak %.3g  ATOL %.4g" %
                  (stem, len(o.ops), t1 - t0, time.time() - t1, " / ".join("%.3g" % d for d in devs),
                   o.peak, atol), flush=True)


if __name__ == "__main__":
    main()
