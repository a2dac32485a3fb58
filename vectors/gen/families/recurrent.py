"""gru gruCell lstm lstmCell, from the spec's algorithm / emulation (section gru, gruCell, lstm,
lstmCell): gates stacked zrn|rzn (GRU) and iofg|ifgo (LSTM); peephole weights ordered i, o, f and
applied to the incoming cell state; GRU h' = z*h + (1-z)*n with resetAfter choosing where r
applies; LSTM c' = f*c + i*g, h' = o*act3(c'). Multi-step: backward runs time in reverse, the
returned sequence is in original time order, 'both' stacks directions on axis 1. Computed in
float64 end to end and rounded once per output: each matmul exact and rounded once (exact.py),
exp and tanh correctly rounded (crmath.py), the adds between them IEEE float64."""
import numpy as np

import crmath
import exact
from common import case, expected, op, rand, rng, tensor

ACT = {"sigmoid": lambda v: 1.0 / (1.0 + crmath.exp(-v)), "tanh": crmath.tanh, "relu": lambda v: np.maximum(v, 0.0)}


def f64(a):
    return None if a is None else a.astype(np.float64)


def gru_cell(x, W, R, h, hs, b, rb, reset_after, layout, acts):
    """x [B,I], W [3H,I], R [3H,H], h [B,H], b/rb [3H] or None."""
    order = {"zrn": ("z", "r", "n"), "rzn": ("r", "z", "n")}[layout]
    sl = {g: slice(k * hs, (k + 1) * hs) for k, g in enumerate(order)}
    zeros = np.zeros(3 * hs)
    b = zeros if b is None else b
    rb = zeros if rb is None else rb
    f, g = ACT[acts[0]], ACT[acts[1]]
    z = f(exact.dot(x, W[sl["z"]].T) + exact.dot(h, R[sl["z"]].T) + b[sl["z"]] + rb[sl["z"]])
    r = f(exact.dot(x, W[sl["r"]].T) + exact.dot(h, R[sl["r"]].T) + b[sl["r"]] + rb[sl["r"]])
    if reset_after:
        n = g(exact.dot(x, W[sl["n"]].T) + b[sl["n"]] + r * (exact.dot(h, R[sl["n"]].T) + rb[sl["n"]]))
    else:
        n = g(exact.dot(x, W[sl["n"]].T) + b[sl["n"]] + rb[sl["n"]] + exact.dot(r * h, R[sl["n"]].T))
    return z * h + (1.0 - z) * n


def lstm_cell(x, W, R, h, c, hs, b, rb, p, layout, acts):
    order = {"iofg": ("i", "o", "f", "g"), "ifgo": ("i", "f", "g", "o")}[layout]
    sl = {g: slice(k * hs, (k + 1) * hs) for k, g in enumerate(order)}
    zeros = np.zeros(4 * hs)
    b = zeros if b is None else b
    rb = zeros if rb is None else rb
    p = np.zeros(3 * hs) if p is None else p
    pk = {"i": p[0:hs], "o": p[hs:2 * hs], "f": p[2 * hs:3 * hs]}
    fa, ga, ha = ACT[acts[0]], ACT[acts[1]], ACT[acts[2]]

    def pre(gate):
        return exact.dot(x, W[sl[gate]].T) + exact.dot(h, R[sl[gate]].T) + b[sl[gate]] + rb[sl[gate]]
    i = fa(pre("i") + c * pk["i"])
    f = fa(pre("f") + c * pk["f"])
    g = ga(pre("g"))
    o = fa(pre("o") + c * pk["o"])
    c2 = f * c + i * g
    return o * ha(c2), c2


def optional_inputs(inputs, options, dt, items):
    """Each (option, input name, values) whose values are not None becomes a graph input named
    in that option."""
    for option, name, values in items:
        if values is not None:
            inputs[name] = tensor(dt, values.shape, values)
            options[option] = name


def opts_of(d):
    return {k: v for k, v in sorted(d.items()) if v is not None}


def gen_gru_cell():
    cases = []
    variants = [(True, "zrn", True, True, None), (False, "zrn", True, True, None), (True, "rzn", True, True, None),
                (False, "rzn", True, False, None), (True, "zrn", False, False, None), (True, "zrn", True, True, ["sigmoid", "relu"]),
                (False, "zrn", False, True, ["relu", "tanh"]), (True, "zrn", True, True, ["tanh", "sigmoid"])]
    variants = [v + (None,) for v in variants]
    # more: wider and narrower states ((batch, input, hidden))
    variants += [(True, "rzn", True, False, ["relu", "sigmoid"], (4, 8, 16)), (False, "zrn", False, True, None, (3, 2, 1))]
    for dt in ("float32", "float16"):
        for k, (reset_after, layout, has_b, has_rb, acts, dims) in enumerate(variants):
            B, I, H = dims or ((2, 3, 4) if k % 2 == 0 else (1, 5, 3))
            r = rng("gruCell/%s/%d" % (dt, k))
            x, W, R, h = rand(r, dt, (B, I), -1, 1), rand(r, dt, (3 * H, I), -0.5, 0.5), rand(r, dt, (3 * H, H), -0.5, 0.5), \
                rand(r, dt, (B, H), -1, 1)
            b = rand(r, dt, (3 * H,), -0.5, 0.5) if has_b else None
            rb = rand(r, dt, (3 * H,), -0.5, 0.5) if has_rb else None
            y = gru_cell(f64(x), f64(W), f64(R), f64(h), H, f64(b), f64(rb), reset_after, layout, acts or ["sigmoid", "tanh"])
            inputs = {"x": tensor(dt, x.shape, x), "W": tensor(dt, W.shape, W, constant=True),
                      "R": tensor(dt, R.shape, R, constant=True), "h": tensor(dt, h.shape, h)}
            o = {"resetAfter": None if reset_after else False, "layout": None if layout == "zrn" else layout,
                 "activations": acts}
            optional_inputs(inputs, o, dt, [("bias", "b", b), ("recurrentBias", "rb", rb)])
            name = "gruCell %s batch %d input %d hidden %d resetAfter %s layout %s bias %s recurrentBias %s activations %s" % (
                dt, B, I, H, reset_after, layout, has_b, has_rb, acts or "default")
            cases.append(case(name, inputs, op("gruCell", [("input", "x"), ("weight", "W"), ("recurrentWeight", "R"),
                                                           ("hiddenState", "h"), ("hiddenSize", H)], opts_of(o)),
                              {"output": expected(dt, y)}, N=I + H, tol_vars={"S": 1}))
    return cases


def run_seq(cell, steps, direction, x, per_dir_state, per_dir_params):
    nd = 2 if direction == "both" else 1
    finals, seqs = [], []
    for d in range(nd):
        state = per_dir_state[d]
        seq = [None] * steps
        for s in range(steps):
            t = steps - 1 - s if (d == 1 or direction == "backward") else s
            state = cell(x[t], state, per_dir_params[d])
            seq[t] = state[0] if isinstance(state, tuple) else state
        finals.append(state)
        seqs.append(np.stack(seq, 0))
    return finals, np.stack(seqs, 1)  # [steps, nd, B, H]


def gen_gru():
    cases = []
    variants = [("forward", False, True, "zrn", True, True), ("forward", True, True, "zrn", False, False),
                ("backward", True, False, "zrn", True, True), ("both", True, True, "rzn", True, True),
                ("both", False, False, "rzn", False, True), ("backward", False, True, "zrn", False, False),
                ("forward", True, False, "rzn", True, False), ("both", True, True, "zrn", True, True)]
    # (direction, returnSequence, resetAfter, layout, bias and recurrentBias, initialHiddenState)
    variants = [v + (v[4], None, None) for v in variants]
    # more: one bias without the other, explicit activations, 1 to 6 steps, wider states
    # (..., has bias, initial state, has recurrentBias, activations, (steps, batch, input, hidden))
    variants += [("forward", True, True, "zrn", True, True, False, ["relu", "tanh"], (1, 3, 2, 5)),
                 ("backward", True, False, "rzn", False, True, True, ["sigmoid", "relu"], (4, 2, 3, 2)),
                 ("both", True, True, "zrn", True, True, True, ["tanh", "sigmoid"], (5, 1, 6, 8)),
                 ("forward", False, True, "zrn", True, False, True, None, (6, 4, 8, 16)),
                 ("both", False, False, "rzn", False, False, True, ["relu", "relu"], (3, 2, 2, 3))]
    for dt in ("float32", "float16"):
        for k, (direction, ret, reset_after, layout, has_b, has_h0, has_rb, acts, dims) in enumerate(variants):
            steps, B, I, H = dims or ((3, 2, 3, 4) if k % 2 == 0 else (2, 1, 4, 3))
            nd = 2 if direction == "both" else 1
            r = rng("gru/%s/%d" % (dt, k))
            x = rand(r, dt, (steps, B, I), -1, 1)
            W = rand(r, dt, (nd, 3 * H, I), -0.5, 0.5)
            R = rand(r, dt, (nd, 3 * H, H), -0.5, 0.5)
            b = rand(r, dt, (nd, 3 * H), -0.5, 0.5) if has_b else None
            rb = rand(r, dt, (nd, 3 * H), -0.5, 0.5) if has_rb else None
            h0 = rand(r, dt, (nd, B, H), -1, 1) if has_h0 else None
            extra = dims is not None
            acts_opt, acts = acts, acts or ["sigmoid", "tanh"]
            params = [(f64(W[d]), f64(R[d]), None if b is None else f64(b[d]), None if rb is None else f64(rb[d]))
                      for d in range(nd)]
            states = [f64(h0[d]) if has_h0 else np.zeros((B, H)) for d in range(nd)]

            def cell(xt, h, p):
                return gru_cell(xt, p[0], p[1], h, H, p[2], p[3], reset_after, layout, acts)
            finals, seq = run_seq(cell, steps, direction, f64(x), states, params)
            inputs = {"x": tensor(dt, x.shape, x), "W": tensor(dt, W.shape, W, constant=True),
                      "R": tensor(dt, R.shape, R, constant=True)}
            o = {"resetAfter": None if reset_after else False, "layout": None if layout == "zrn" else layout,
                 "direction": None if direction == "forward" else direction, "returnSequence": True if ret else None,
                 "activations": acts_opt}
            optional_inputs(inputs, o, dt, [("bias", "b", b), ("recurrentBias", "rb", rb),
                                            ("initialHiddenState", "h0", h0)])
            outs = ["hidden", "sequence"] if ret else ["hidden"]
            expect = {"hidden": expected(dt, np.stack(finals, 0))}
            if ret:
                expect["sequence"] = expected(dt, seq)
            name = "gru %s steps %d batch %d input %d hidden %d direction %s returnSequence %s resetAfter %s layout %s bias %s initialHiddenState %s" % (
                dt, steps, B, I, H, direction, ret, reset_after, layout, has_b, has_h0)
            if extra:
                name += " recurrentBias %s activations %s" % (has_rb, acts_opt or "default")
            cases.append(case(name, inputs, op("gru", [("input", "x"), ("weight", "W"), ("recurrentWeight", "R"),
                                                       ("steps", steps), ("hiddenSize", H)], opts_of(o), outputs=outs),
                              expect, N=I + H, tol_vars={"S": steps}))
    return cases


def gen_lstm_cell():
    cases = []
    variants = [("iofg", True, True, None), ("ifgo", True, True, None), ("iofg", False, False, None), ("ifgo", True, False, None),
                ("iofg", True, True, ["sigmoid", "relu", "tanh"]), ("iofg", False, True, ["tanh", "tanh", "sigmoid"]),
                ("ifgo", True, True, ["sigmoid", "tanh", "relu"])]
    variants = [v + (v[1], None) for v in variants]
    # more: one bias without the other, wider and narrower states
    # (layout, has bias, peephole, activations, has recurrentBias, (batch, input, hidden))
    variants += [("iofg", True, True, None, False, (4, 8, 16)), ("ifgo", False, True, ["relu", "tanh", "tanh"], True, (3, 2, 1))]
    for dt in ("float32", "float16"):
        for k, (layout, has_b, has_p, acts, has_rb, dims) in enumerate(variants):
            B, I, H = dims or ((2, 3, 4) if k % 2 == 0 else (1, 5, 3))
            r = rng("lstmCell/%s/%d" % (dt, k))
            x, W, R = rand(r, dt, (B, I), -1, 1), rand(r, dt, (4 * H, I), -0.5, 0.5), rand(r, dt, (4 * H, H), -0.5, 0.5)
            h, c = rand(r, dt, (B, H), -1, 1), rand(r, dt, (B, H), -1, 1)
            b = rand(r, dt, (4 * H,), -0.5, 0.5) if has_b else None
            rb = rand(r, dt, (4 * H,), -0.5, 0.5) if has_rb else None
            p = rand(r, dt, (3 * H,), -0.5, 0.5) if has_p else None
            h2, c2 = lstm_cell(f64(x), f64(W), f64(R), f64(h), f64(c), H, f64(b), f64(rb), f64(p), layout,
                               acts or ["sigmoid", "tanh", "tanh"])
            inputs = {"x": tensor(dt, x.shape, x), "W": tensor(dt, W.shape, W, constant=True),
                      "R": tensor(dt, R.shape, R, constant=True), "h": tensor(dt, h.shape, h), "c": tensor(dt, c.shape, c)}
            o = {"layout": None if layout == "iofg" else layout, "activations": acts}
            optional_inputs(inputs, o, dt, [("bias", "b", b), ("recurrentBias", "rb", rb),
                                            ("peepholeWeight", "p", p)])
            name = "lstmCell %s batch %d input %d hidden %d layout %s bias %s peephole %s activations %s" % (
                dt, B, I, H, layout, has_b, has_p, acts or "default")
            if dims:
                name += " recurrentBias %s" % has_rb
            cases.append(case(name, inputs, op("lstmCell", [("input", "x"), ("weight", "W"), ("recurrentWeight", "R"),
                                                            ("hiddenState", "h"), ("cellState", "c"), ("hiddenSize", H)],
                                               opts_of(o), outputs=["hidden", "cell"]),
                              {"hidden": expected(dt, h2), "cell": expected(dt, c2)}, N=I + H, tol_vars={"S": 1}))
    return cases


def gen_lstm():
    cases = []
    variants = [("forward", False, "iofg", True, True, True), ("forward", True, "ifgo", False, False, False),
                ("backward", True, "iofg", True, True, False), ("both", True, "iofg", True, True, True),
                ("both", False, "ifgo", True, False, True), ("backward", False, "ifgo", False, True, True),
                ("forward", True, "iofg", True, False, True), ("both", True, "ifgo", False, True, False)]
    # (direction, returnSequence, layout, bias and recurrentBias, peephole, both initial states)
    variants = [v + (v[3], v[5], None, None) for v in variants]
    # more: one bias without the other, one initial state without the other, explicit
    # activations, 1 to 6 steps, wider states
    # (direction, returnSequence, layout, has bias, peephole, initialHiddenState, has recurrentBias,
    #  initialCellState, activations, (steps, batch, input, hidden))
    variants += [("forward", True, "iofg", True, True, True, False, True, ["sigmoid", "relu", "tanh"], (1, 3, 2, 5)),
                 ("backward", True, "ifgo", False, False, True, True, False, ["tanh", "tanh", "sigmoid"], (4, 2, 3, 2)),
                 ("both", True, "iofg", True, True, False, True, True, None, (5, 1, 6, 8)),
                 ("forward", False, "ifgo", True, True, False, True, False, None, (6, 4, 8, 16)),
                 ("both", False, "iofg", False, False, False, True, False, ["relu", "sigmoid", "tanh"], (3, 2, 2, 3))]
    for dt in ("float32", "float16"):
        for k, (direction, ret, layout, has_b, has_p, has_h0, has_rb, has_c0, acts, dims) in enumerate(variants):
            steps, B, I, H = dims or ((3, 2, 3, 4) if k % 2 == 0 else (2, 1, 4, 3))
            nd = 2 if direction == "both" else 1
            r = rng("lstm/%s/%d" % (dt, k))
            x = rand(r, dt, (steps, B, I), -1, 1)
            W = rand(r, dt, (nd, 4 * H, I), -0.5, 0.5)
            R = rand(r, dt, (nd, 4 * H, H), -0.5, 0.5)
            b = rand(r, dt, (nd, 4 * H), -0.5, 0.5) if has_b else None
            rb = rand(r, dt, (nd, 4 * H), -0.5, 0.5) if has_rb else None
            p = rand(r, dt, (nd, 3 * H), -0.5, 0.5) if has_p else None
            h0 = rand(r, dt, (nd, B, H), -1, 1) if has_h0 else None
            c0 = rand(r, dt, (nd, B, H), -1, 1) if has_c0 else None
            extra = dims is not None
            acts_opt, acts = acts, acts or ["sigmoid", "tanh", "tanh"]
            params = [(f64(W[d]), f64(R[d]), None if b is None else f64(b[d]), None if rb is None else f64(rb[d]),
                       None if p is None else f64(p[d])) for d in range(nd)]
            states = [(f64(h0[d]) if has_h0 else np.zeros((B, H)), f64(c0[d]) if has_c0 else np.zeros((B, H)))
                      for d in range(nd)]

            def cell(xt, st, q):
                return lstm_cell(xt, q[0], q[1], st[0], st[1], H, q[2], q[3], q[4], layout, acts)
            finals, seq = run_seq(cell, steps, direction, f64(x), states, params)
            inputs = {"x": tensor(dt, x.shape, x), "W": tensor(dt, W.shape, W, constant=True),
                      "R": tensor(dt, R.shape, R, constant=True)}
            o = {"layout": None if layout == "iofg" else layout, "direction": None if direction == "forward" else direction,
                 "returnSequence": True if ret else None, "activations": acts_opt}
            optional_inputs(inputs, o, dt, [("bias", "b", b), ("recurrentBias", "rb", rb), ("peepholeWeight", "p", p),
                                            ("initialHiddenState", "h0", h0), ("initialCellState", "c0", c0)])
            outs = ["hidden", "cell"] + (["sequence"] if ret else [])
            expect = {"hidden": expected(dt, np.stack([s[0] for s in finals], 0)),
                      "cell": expected(dt, np.stack([s[1] for s in finals], 0))}
            if ret:
                expect["sequence"] = expected(dt, seq)
            name = "lstm %s steps %d batch %d input %d hidden %d direction %s returnSequence %s layout %s bias %s peephole %s initial states %s" % (
                dt, steps, B, I, H, direction, ret, layout, has_b, has_p, has_h0 and has_c0)
            if extra:
                name += " recurrentBias %s initialHiddenState %s initialCellState %s activations %s" % (
                    has_rb, has_h0, has_c0, acts_opt or "default")
            cases.append(case(name, inputs, op("lstm", [("input", "x"), ("weight", "W"), ("recurrentWeight", "R"),
                                                        ("steps", steps), ("hiddenSize", H)], opts_of(o), outputs=outs),
                              expect, N=I + H, tol_vars={"S": steps}))
    return cases


def generate():
    return {"gruCell": gen_gru_cell(), "gru": gen_gru(), "lstmCell": gen_lstm_cell(), "lstm": gen_lstm()}
