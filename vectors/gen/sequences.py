#!/usr/bin/env python3
"""Tensor-sequence vectors (vectors/FORMAT.md, "Tensor sequences"): MLTensor steps over one or
more graphs -- chained dispatch (one graph's output tensor is the next graph's input, no host
copy), a tensor read by two dispatches, a tensor rewritten between dispatches, one graph
dispatched many times with different tensors, zero-initialised tensors, and the errors the
spec's createTensor / writeTensor / readTensor / dispatch steps throw.

Values are small multiples of 1/4, so every expected value is exact in float32 and float16
(computed here in float64 with NumPy and rounded once); the tolerance is exact.

    /usr/bin/python3 vectors/gen/sequences.py vectors/mltensor/sequences.json
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import exact  # noqa: E402

EXACT = {"metricType": "ULP", "value": 0}


def quarters(r, shape, lo=-8, hi=8):
    return r.integers(lo * 4, hi * 4, size=shape, endpoint=True).astype(np.float64) / 4


def graph(inputs, operators, outputs):
    return {"inputs": inputs, "operators": operators, "outputs": outputs}


def create(name, dt, shape, readable=True, writable=True):
    return {"createTensor": name, "descriptor": common.descriptor(dt, shape), "readable": readable,
            "writable": writable}


def write(name, dt, values, **extra):
    s = {"writeTensor": name, "data": common.encode(dt, common.round_to(dt, values))}
    s.update(extra)
    return s


def read(name, dt, values):
    return {"readTensor": name, "expected": common.encode(dt, common.round_to(dt, values))}


def dispatch(k, inputs, outputs, error=None):
    s = {"dispatch": k, "inputs": inputs, "outputs": outputs}
    if error:
        s["expectedError"] = error
    return s


def test(name, graphs, steps):
    return {"name": name, "graphs": graphs, "steps": steps, "tolerance": EXACT}


def in_desc(dt, shape):
    return {"descriptor": common.descriptor(dt, shape)}


def add_relu(dt, shape, c):
    """y = relu(x + c), c a constant"""
    return graph({"x": in_desc(dt, shape), "c": common.tensor(dt, shape, c, constant=True)},
                 [common.op("add", [("a", "x"), ("b", "c")], outputs="s"),
                  common.op("relu", [("input", "s")], outputs="y")], ["y"])


def mul2(dt, shape):
    """z = a * b"""
    return graph({"a": in_desc(dt, shape), "b": in_desc(dt, shape)},
                 [common.op("mul", [("a", "a"), ("b", "b")], outputs="z")], ["z"])


def chained(dt):
    r = common.rng("chained " + dt)
    shape = (2, 3)
    x, c, w = quarters(r, shape), quarters(r, shape), quarters(r, shape, -2, 2)
    y = np.maximum(x + c, 0)
    return test("chained dispatch %s: relu(x + c) feeds mul by device tensor" % dt,
                [add_relu(dt, shape, c), mul2(dt, shape)],
                [create("x", dt, shape), create("y", dt, shape), create("w", dt, shape), create("z", dt, shape),
                 write("x", dt, x), write("w", dt, w),
                 dispatch(0, {"x": "x"}, {"y": "y"}),
                 dispatch(1, {"a": "y", "b": "w"}, {"z": "z"}),
                 read("z", dt, y * w), read("y", dt, y)])


def three_graphs():
    r = common.rng("three graphs")
    a, b = quarters(r, (2, 3), -2, 2), quarters(r, (3, 4), -2, 2)
    p = exact.dot(a, b)  # exact anyway (quarters), but no BLAS in any expected value
    t = p.T.reshape(2, 4)
    g0 = graph({"a": in_desc("float32", (2, 3)), "b": in_desc("float32", (3, 4))},
               [common.op("matmul", [("a", "a"), ("b", "b")], outputs="p")], ["p"])
    g1 = graph({"p": in_desc("float32", (2, 4))},
               [common.op("transpose", [("input", "p")], outputs="pt"),
                common.op("reshape", [("input", "pt"), ("newShape", [2, 4])], outputs="t")], ["t"])
    g2 = graph({"t": in_desc("float32", (2, 4))},
               [common.op("reduceSum", [("input", "t")], {"axes": [1]}, outputs="s")], ["s"])
    return test("chained dispatch float32: matmul, transpose+reshape, reduceSum on device tensors",
                [g0, g1, g2],
                [create("a", "float32", (2, 3)), create("b", "float32", (3, 4)), create("p", "float32", (2, 4)),
                 create("t", "float32", (2, 4)), create("s", "float32", (2,)),
                 write("a", "float32", a), write("b", "float32", b),
                 dispatch(0, {"a": "a", "b": "b"}, {"p": "p"}), dispatch(1, {"p": "p"}, {"t": "t"}),
                 dispatch(2, {"t": "t"}, {"s": "s"}),
                 read("s", "float32", t.sum(axis=1)), read("t", "float32", t), read("p", "float32", p)])


def shared_input():
    r = common.rng("shared input")
    shape = (4,)
    x, c, w = quarters(r, shape), quarters(r, shape), quarters(r, shape, -2, 2)
    return test("one tensor read by two dispatches of two graphs",
                [add_relu("float32", shape, c), mul2("float32", shape)],
                [create("x", "float32", shape), create("w", "float32", shape), create("y", "float32", shape),
                 create("z", "float32", shape), write("x", "float32", x), write("w", "float32", w),
                 dispatch(0, {"x": "x"}, {"y": "y"}), dispatch(1, {"a": "x", "b": "w"}, {"z": "z"}),
                 read("y", "float32", np.maximum(x + c, 0)), read("z", "float32", x * w),
                 read("x", "float32", x)])


def rewritten(dt):
    r = common.rng("rewritten " + dt)
    shape = (3, 2)
    c, x1, x2 = quarters(r, shape), quarters(r, shape), quarters(r, shape)
    return test("tensor rewritten between dispatches %s" % dt, [add_relu(dt, shape, c)],
                [create("x", dt, shape), create("y1", dt, shape), create("y2", dt, shape),
                 write("x", dt, x1), dispatch(0, {"x": "x"}, {"y": "y1"}),
                 write("x", dt, x2), dispatch(0, {"x": "x"}, {"y": "y2"}),
                 read("y1", dt, np.maximum(x1 + c, 0)), read("y2", dt, np.maximum(x2 + c, 0)),
                 read("x", dt, x2)])


def many_dispatches():
    r = common.rng("many dispatches")
    shape = (2, 2)
    steps, reads = [], []
    for k in range(6):
        a, b = quarters(r, shape), quarters(r, shape, -2, 2)
        steps += [create("a%d" % k, "float32", shape), create("b%d" % k, "float32", shape),
                  create("z%d" % k, "float32", shape), write("a%d" % k, "float32", a),
                  write("b%d" % k, "float32", b),
                  dispatch(0, {"a": "a%d" % k, "b": "b%d" % k}, {"z": "z%d" % k})]
        reads.append(read("z%d" % k, "float32", a * b))
    return test("one graph dispatched 6 times with different tensors, read at the end",
                [mul2("float32", shape)], steps + reads)


def ping_pong():
    """x <- relu(x + c) five times, alternating two tensors; the output tensor is overwritten."""
    r = common.rng("ping pong")
    shape = (5,)
    x, c = quarters(r, shape), quarters(r, shape, -1, 1)
    steps = [create("p", "float32", shape), create("q", "float32", shape), write("p", "float32", x)]
    cur = x
    names = ["p", "q"]
    for k in range(5):
        steps.append(dispatch(0, {"x": names[k % 2]}, {"y": names[(k + 1) % 2]}))
        cur = np.maximum(cur + c, 0)
    steps.append(read(names[5 % 2], "float32", cur))
    return test("ping-pong: one graph dispatched 5 times, each output the next input",
                [add_relu("float32", shape, c)], steps)


def integer_chain():
    r = common.rng("integer chain")
    shape = (2, 3)
    x = r.integers(-100, 100, size=shape)
    g0 = graph({"x": in_desc("int32", shape)},
               [common.op("cast", [("input", "x"), ("dataType", "float32")], outputs="f")], ["f"])
    g1 = graph({"f": in_desc("float32", shape)},
               [common.op("mul", [("a", "f"), ("b", "k")], outputs="m"),
                common.op("cast", [("input", "m"), ("dataType", "int32")], outputs="i")], ["i"])
    g1["inputs"]["k"] = common.tensor("float32", (), [0.5], constant=True)
    return test("chained dispatch int32 -> float32 -> int32 through cast", [g0, g1],
                [create("x", "int32", shape), create("f", "float32", shape), create("i", "int32", shape),
                 write("x", "int32", x), dispatch(0, {"x": "x"}, {"f": "f"}), dispatch(1, {"f": "f"}, {"i": "i"}),
                 read("f", "float32", x.astype(np.float64)), read("i", "int32", np.trunc(x / 2).astype(np.int64))])


def zero_initialised():
    g = mul2("float32", (3,))
    return test("createTensor initialises to zeros; a dispatch on them gives zeros", [g],
                [create("a", "float32", (3,)), create("b", "float32", (3,)), create("z", "float32", (3,)),
                 read("a", "float32", [0, 0, 0]), dispatch(0, {"a": "a", "b": "b"}, {"z": "z"}),
                 read("z", "float32", [0, 0, 0])])


def errors():
    """The spec's TypeErrors; after each refused step the sequence goes on and still computes."""
    shape = (2, 2)
    g = [mul2("float32", shape)]
    ok = [create("a", "float32", shape), create("b", "float32", shape), create("z", "float32", shape),
          write("a", "float32", [1, 2, 3, 4]), write("b", "float32", [0.5, 0.5, 2, 2])]
    good = [dispatch(0, {"a": "a", "b": "b"}, {"z": "z"}), read("z", "float32", [0.5, 1, 6, 8])]
    T = "TypeError"
    tests = [
        test("dispatch rejects an input tensor of another shape", g,
             ok + [create("w", "float32", (4,)), dispatch(0, {"a": "w", "b": "b"}, {"z": "z"}, T)] + good),
        test("dispatch rejects an input tensor of another data type", g,
             ok + [create("w", "float16", shape), dispatch(0, {"a": "w", "b": "b"}, {"z": "z"}, T)] + good),
        test("dispatch rejects an output tensor of another shape", g,
             ok + [create("w", "float32", (1, 4)), dispatch(0, {"a": "a", "b": "b"}, {"z": "w"}, T)] + good),
        test("dispatch rejects a tensor used as input and output", g,
             ok + [dispatch(0, {"a": "a", "b": "b"}, {"z": "a"}, T)] + good),
        test("dispatch rejects one tensor bound to two inputs", g,
             ok + [dispatch(0, {"a": "a", "b": "a"}, {"z": "z"}, T)] + good),
        test("dispatch rejects a missing input", g, ok + [dispatch(0, {"a": "a"}, {"z": "z"}, T)] + good),
        test("dispatch rejects an unknown input name", g,
             ok + [create("w", "float32", shape), dispatch(0, {"a": "a", "b": "b", "c": "w"}, {"z": "z"}, T)] + good),
        test("dispatch rejects a destroyed tensor", g,
             ok + [create("w", "float32", shape), {"destroyTensor": "w"},
                   dispatch(0, {"a": "a", "b": "b"}, {"z": "w"}, T)] + good),
        test("destroy is idempotent; writeTensor and readTensor reject a destroyed tensor", g,
             ok + [{"destroyTensor": "z"}, {"destroyTensor": "z"},
                   write("z", "float32", [1, 2, 3, 4], expectedError=T), {"readTensor": "z", "expectedError": T},
                   create("z2", "float32", shape), dispatch(0, {"a": "a", "b": "b"}, {"z": "z2"}),
                   read("z2", "float32", [0.5, 1, 6, 8])]),
        test("writeTensor rejects data of the wrong byte length", g,
             ok + [write("a", "float32", [1, 2, 3], descriptor=common.descriptor("float32", (3,)),
                         expectedError=T)] + good),
        test("writeTensor rejects a tensor that is not writable; readTensor one that is not readable", g,
             ok + [create("w", "float32", shape, readable=False, writable=False),
                   write("w", "float32", [1, 2, 3, 4], expectedError=T), {"readTensor": "w", "expectedError": T}]
             + good),
    ]
    return tests


def main(out):
    common.set_seed_base("webnn-cts/mltensor")
    tests = [chained("float32"), chained("float16"), three_graphs(), shared_input(), rewritten("float32"),
             rewritten("float16"), many_dispatches(), ping_pong(), integer_chain(), zero_initialised()] + errors()
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="ascii") as f:
        f.write(common.dumps_file("vectors/gen/sequences.py", tests))


if __name__ == "__main__":
    main(sys.argv[1])
