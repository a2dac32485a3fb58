#!/usr/bin/python3
"""PyTorch on the same graphs, weights and inputs as the model vectors (issue 20, the baseline
of `make bench-models`). Each vector's WebNN graph is executed with torch.nn.functional calls
(float32, CPU, 2 threads, no autograd): build = turning the JSON into tensors, then one
warm-up and at least 5 timed runs (median). Prints one JSON line per case, like
webnn-bench-models, with adapter "pytorch" and the max abs error against the expected output.

    bench/models/torch_latency.py [--threads N] VECTORS.json..."""
import base64
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "vectors", "gen"))
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import generated  # noqa: E402

NP = {"float32": np.float32, "float16": np.float16, "int32": np.int32, "int64": np.int64,
      "uint8": np.uint8, "int8": np.int8, "uint32": np.uint32}
SPECIAL = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf"), "-0": -0.0}


def desc_of(d):
    return d.get("dataType", d.get("type")), d.get("shape", d.get("dimensions"))


def tensor_of(entry):
    dt, shape = desc_of(entry["descriptor"])
    data = entry["data"]
    if isinstance(data, dict) and "base64" in data:      # little-endian element bytes (FORMAT.md)
        a = np.frombuffer(base64.b64decode(data["base64"]), dtype=np.dtype(NP[dt]).newbyteorder("<")).reshape(shape)
    elif isinstance(data, dict):
        a = generated.generate(dt, shape, data)
    elif isinstance(data, list):
        a = np.array([SPECIAL.get(v, v) if isinstance(v, str) else v for v in data], dtype=NP[dt]).reshape(shape)
    else:
        a = np.full(shape, data, dtype=NP[dt])
    return torch.from_numpy(np.ascontiguousarray(a))


def pad4(x, p, value=0.0):
    """WebNN padding [beginH, endH, beginW, endW] on an nchw tensor."""
    if not p or not any(p):
        return x
    return F.pad(x, (p[2], p[3], p[0], p[1]), value=value)


def conv2d(x, w, o):
    if o.get("inputLayout", "nchw") != "nchw" or o.get("filterLayout", "oihw") != "oihw":
        raise NotImplementedError("conv2d layouts other than nchw/oihw")
    x = pad4(x, o.get("padding"))
    return F.conv2d(x, w, o.get("bias"), stride=tuple(o.get("strides", [1, 1])),
                    dilation=tuple(o.get("dilations", [1, 1])), groups=o.get("groups", 1))


def pool(kind, x, o):
    if o.get("layout", "nchw") != "nchw" or o.get("outputShapeRounding", "floor") != "floor":
        raise NotImplementedError("pooling layout/rounding")
    k = o.get("windowDimensions") or list(x.shape[2:])
    s, d, p = o.get("strides", [1, 1]), o.get("dilations", [1, 1]), o.get("padding") or [0, 0, 0, 0]
    if kind == "max":
        return F.max_pool2d(pad4(x, p, float("-inf")), tuple(k), tuple(s), dilation=tuple(d))
    if any(p) and (p[0] != p[1] or p[2] != p[3]):
        raise NotImplementedError("asymmetric average-pool padding")
    return F.avg_pool2d(x, tuple(k), tuple(s), padding=(p[0], p[2]), count_include_pad=False)


def batch_norm(x, mean, var, o):
    axis = o.get("axis", 1)
    shape = [1] * x.dim()
    shape[axis] = -1
    y = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + o.get("epsilon", 1e-5))
    if "scale" in o:
        y = y * o["scale"].reshape(shape)
    if "bias" in o:
        y = y + o["bias"].reshape(shape)
    return y


def layer_norm(x, o):
    axes = o.get("axes", list(range(1, x.dim())))
    mean = x.mean(dim=axes, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=axes, keepdim=True)
    y = (x - mean) / torch.sqrt(var + o.get("epsilon", 1e-5))
    shape = [x.shape[a] if a in axes else 1 for a in range(x.dim())]
    if "scale" in o:
        y = y * o["scale"].reshape(shape)
    if "bias" in o:
        y = y + o["bias"].reshape(shape)
    return y


def gemm(a, b, o):
    a = a.t() if o.get("aTranspose") else a
    b = b.t() if o.get("bTranspose") else b
    y = o.get("alpha", 1.0) * (a @ b)
    return y + o.get("beta", 1.0) * o["c"] if "c" in o else y


OPS = {
    "conv2d": lambda a, o: conv2d(a[0], a[1], o),
    "add": lambda a, o: a[0] + a[1], "sub": lambda a, o: a[0] - a[1],
    "mul": lambda a, o: a[0] * a[1], "div": lambda a, o: a[0] / a[1],
    "relu": lambda a, o: F.relu(a[0]), "sigmoid": lambda a, o: torch.sigmoid(a[0]),
    "tanh": lambda a, o: torch.tanh(a[0]), "gelu": lambda a, o: F.gelu(a[0]),
    "clamp": lambda a, o: torch.clamp(a[0], o.get("minValue"), o.get("maxValue")),
    "leakyRelu": lambda a, o: F.leaky_relu(a[0], o.get("alpha", 0.01)),
    "averagePool2d": lambda a, o: pool("avg", a[0], o), "maxPool2d": lambda a, o: pool("max", a[0], o),
    "concat": lambda a, o: torch.cat(a[0], dim=a[1]),
    "batchNormalization": lambda a, o: batch_norm(a[0], a[1], a[2], o),
    "layerNormalization": lambda a, o: layer_norm(a[0], o),
    "gemm": lambda a, o: gemm(a[0], a[1], o), "matmul": lambda a, o: torch.matmul(a[0], a[1]),
    "softmax": lambda a, o: torch.softmax(a[0], dim=a[1]),
    "reshape": lambda a, o: a[0].reshape(a[1]),
    "transpose": lambda a, o: a[0].permute(o.get("permutation", list(range(a[0].dim()))[::-1])),
    "reduceMean": lambda a, o: a[0].mean(dim=o.get("axes", list(range(a[0].dim()))), keepdim=o.get("keepDimensions", False)),
    "sqrt": lambda a, o: torch.sqrt(a[0]), "identity": lambda a, o: a[0],
}


def plan(test):
    """The graph as (op, positional argument templates, options template, outputs), with
    operand names resolved at run time."""
    steps = []
    for op in test["graph"]["operators"]:
        pos, opts = [], {}
        for arg in op["arguments"]:
            if arg is None:
                continue
            for key, val in arg.items():
                if key == "options":
                    opts = val
                else:
                    pos.append(val)
        outs = op["outputs"] if isinstance(op["outputs"], list) else [op["outputs"]]
        steps.append((op["name"], pos, opts, outs))
    return steps


def resolve(v, env):
    if isinstance(v, str) and v in env:
        return env[v]
    if isinstance(v, list):
        return [resolve(e, env) for e in v]
    if isinstance(v, dict):
        return {k: resolve(e, env) for k, e in v.items()}
    return v


def execute(steps, env):
    env = dict(env)
    for name, pos, opts, outs in steps:
        r = OPS[name]([resolve(p, env) for p in pos], resolve(opts, env))
        for o, t in zip(outs, r if isinstance(r, (list, tuple)) else [r]):
            env[o] = t
    return env


def measure(path, test):
    t0 = time.perf_counter()
    env = {name: tensor_of(e) for name, e in test["graph"]["inputs"].items()}
    steps = plan(test)
    build_ms = (time.perf_counter() - t0) * 1e3
    outs = list(test["graph"]["expectedOutputs"])
    ms = []
    with torch.no_grad():
        got = execute(steps, env)          # warm-up
        start = time.perf_counter()
        while len(ms) < 5 or (len(ms) < 25 and time.perf_counter() - start < 3.0):
            t = time.perf_counter()
            got = execute(steps, env)
            ms.append((time.perf_counter() - t) * 1e3)
    max_abs = 0.0
    for o in outs:
        want = tensor_of(test["graph"]["expectedOutputs"][o]).double()
        max_abs = max(max_abs, float((got[o].double() - want).abs().max()))
    return {"file": path, "case": test["name"], "adapter": "pytorch", "status": "ok", "build_ms": round(build_ms, 3),
            "median_ms": round(statistics.median(ms), 3), "runs": len(ms), "max_abs": max_abs}


def main(argv):
    threads = 2
    if argv[:1] == ["--threads"]:
        threads, argv = int(argv[1]), argv[2:]
    torch.set_num_threads(threads)
    for path in argv:
        with open(path) as f:
            tests = json.load(f)["tests"]
        for test in tests:
            if "expectedError" in test:
                continue
            try:
                print(json.dumps(measure(path, test)), flush=True)
            except (NotImplementedError, KeyError) as e:
                print(json.dumps({"file": path, "case": test["name"], "adapter": "pytorch", "status": "unsupported",
                                  "message": "%s: %s" % (type(e).__name__, e)}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
