"""pad (spec: pad): constant / edge / reflection."""

import numpy as np


def pad_ref(x, begin, end, mode="constant", value=0):
    pw = list(zip(begin, end))
    if x.ndim == 0:
        return x.copy()
    if mode == "constant":
        return np.pad(x, pw, mode="constant", constant_values=value)
    if mode == "edge":
        return np.pad(x, pw, mode="edge")
    if mode == "reflection":
        return np.pad(x, pw, mode="reflect")
    raise ValueError(mode)


import common as C  # noqa: E402

SHAPES = {0: (), 1: (5,), 2: (3, 4), 3: (2, 3, 4), 4: (2, 3, 2, 3), 5: (2, 2, 3, 2, 3)}


def _pads(rank, mode, variant):
    shape = SHAPES[rank]
    if rank == 0:
        return [], []
    begin, end = [], []
    for i, d in enumerate(shape):
        mx = d - 1 if mode == "reflection" else 3
        b = [(i + variant) % (mx + 1), 0, mx][variant % 3] if mx >= 0 else 0
        e = [(i + 2 * variant + 1) % (mx + 1), mx, 0][variant % 3] if mx >= 0 else 0
        begin.append(min(b, mx))
        end.append(min(e, mx))
    return begin, end


def generate():
    cases = []
    for dt in C.allowed_types("pad", "input"):
        for rank in range(6):
            for mode in ("constant", "edge", "reflection"):
                for variant in ((0, 1) if C.is_float(dt) and rank else (0,)):
                    begin, end = _pads(rank, mode, variant)
                    shape = SHAPES[rank]
                    opts = {}
                    value = 0
                    if mode != "constant" or variant == 1:
                        opts["mode"] = mode
                    if mode == "constant" and variant == 1:
                        value = 2.5 if C.is_float(dt) else (7 if C.int_range(dt)[0] == 0 else -7)
                        opts["value"] = value
                    name = "pad %s %s mode=%s begin=%s end=%s%s" % (dt, C.shape_str(shape), mode, begin, end,
                                                                     " value=%s" % value if "value" in opts else "")
                    x = C.rand(C.rng(name), dt, shape, -10, 10)
                    xe = x.astype(np.float64) if C.is_float(dt) else x.astype(object)
                    y = pad_ref(xe, begin, end, mode, value)
                    out = C.expected(dt, y) if C.is_float(dt) else C.expected(dt, np.asarray(y, dtype=object))
                    cases.append(C.case(name, {"input": C.tensor(dt, shape, x)},
                                        [C.op("pad", [("input", "input"), ("beginningPadding", begin), ("endingPadding", end)], opts)],
                                        {"output": out}))
        if C.is_float(dt):
            for v in ("NaN", "-Infinity", "-0"):
                name = "pad %s special: constant value %s" % (dt, v)
                x = C.rand(C.rng(name), dt, (2, 2), -1, 1)
                fv = float(v.replace("Infinity", "inf"))
                y = pad_ref(x.astype(np.float64), [1, 0], [0, 1], "constant", fv)
                cases.append(C.case(name, {"input": C.tensor(dt, (2, 2), x)},
                                    [C.op("pad", [("input", "input"), ("beginningPadding", [1, 0]), ("endingPadding", [0, 1])],
                                          {"value": v})], {"output": C.expected(dt, y)}))
            x = C.round_to(dt, np.array([float("nan"), float("inf"), -0.0]))
            for mode in ("edge", "reflection"):
                y = pad_ref(x.astype(np.float64), [2], [2], mode)
                cases.append(C.case("pad %s special: %s copies NaN, inf, -0" % (dt, mode), {"input": C.tensor(dt, (3,), x)},
                                    [C.op("pad", [("input", "input"), ("beginningPadding", [2]), ("endingPadding", [2])],
                                          {"mode": mode})], {"output": C.expected(dt, y)}))
        else:
            lo, hi = C.int_range(dt)
            name = "pad %s special: constant value at the type limit" % dt
            x = C.rand(C.rng(name), dt, (3,), 0, 5)
            y = pad_ref(x.astype(object), [1], [1], "constant", lo if lo < 0 else hi)
            cases.append(C.case(name, {"input": C.tensor(dt, (3,), x)},
                                [C.op("pad", [("input", "input"), ("beginningPadding", [1]), ("endingPadding", [1])],
                                      {"value": C.fmt_int(lo if lo < 0 else hi)})],
                                {"output": C.expected(dt, np.asarray(y, dtype=object))}))
    return {"pad": cases}
