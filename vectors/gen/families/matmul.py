"""matmul and gemm (spec: matmul, gemm). Each expected element is the exact value of its dot
product (for gemm alpha * A'B' + beta * C as a whole), rounded once to float64 (exact.py)."""

import numpy as np

import exact


def matmul_ref(a, b):
    return exact.dot(a, b)


def gemm_ref(a, b, c=None, alpha=1.0, beta=1.0, a_t=False, b_t=False):
    A = a.T if a_t else a
    B = b.T if b_t else b
    y = exact.matmul(A, B) * exact.Exact(alpha)
    if c is not None:
        y = y + exact.Exact(np.broadcast_to(c, y.shape)) * exact.Exact(beta)
    return y.to_float()


def matmul_magnitude(a, b):
    """The floor's M: max over output elements of sum |a_ik * b_kj| (tolerance.json)."""
    with np.errstate(invalid="ignore", over="ignore"):
        return C.magnitude(exact.dot(np.abs(a.astype(np.float64)), np.abs(b.astype(np.float64))))


def gemm_magnitude(a, b, c, alpha, beta, a_t, b_t):
    """|alpha| * |A'|@|B'| + |beta| * |C|, max over the output (the floor's M)."""
    aa, ab = np.abs(a.astype(np.float64)), np.abs(b.astype(np.float64))
    return C.magnitude(gemm_ref(aa, ab, None if c is None else np.abs(c.astype(np.float64)), abs(alpha), abs(beta), a_t, b_t))


import common as C  # noqa: E402

MATMUL_SHAPES = [
    ((2, 3), (3, 4)), ((1, 1), (1, 1)), ((4, 1), (1, 5)), ((1, 7), (7, 1)),
    ((2, 3, 4), (2, 4, 5)), ((3, 4), (2, 4, 2)), ((2, 3, 4), (4, 2)), ((1, 3, 4), (2, 4, 3)),
    ((2, 1, 3, 4), (3, 4, 2)), ((2, 2, 2, 3), (2, 2, 3, 2)), ((1, 2, 3, 2), (3, 1, 2, 4)),
    ((2, 1, 2, 2, 3), (1, 3, 1, 3, 2)), ((2, 2, 1, 3, 4), (4, 5)), ((2, 3), (2, 1, 2, 3, 2)),
]


def matmul_case(dt, sa, sb, tag="", lo=0.0):
    name = "matmul %s a=%s b=%s%s" % (dt, C.shape_str(sa), C.shape_str(sb), tag)
    r = C.rng(name)
    a = C.rand(r, dt, sa, lo, 1.0)
    b = C.rand(r, dt, sb, 0.0, 1.0)
    y = matmul_ref(a.astype(np.float64), b.astype(np.float64))
    return C.case(name, {"a": C.tensor(dt, sa, a), "b": C.tensor(dt, sb, b, constant=len(sb) == 2)},
                  [C.op("matmul", [("a", "a"), ("b", "b")])], {"output": C.expected(dt, y)}, N=sa[-1],
                  magnitude=matmul_magnitude(a, b))


def gemm_case(dt, m, k, n, a_t=False, b_t=False, alpha=None, beta=None, c_shape="absent", tag=""):
    sa = (k, m) if a_t else (m, k)
    sb = (n, k) if b_t else (k, n)
    opts = {}
    if a_t:
        opts["aTranspose"] = True
    if b_t:
        opts["bTranspose"] = True
    if alpha is not None:
        opts["alpha"] = alpha
    if beta is not None:
        opts["beta"] = beta
    name = "gemm %s a=%s b=%s c=%s %s%s" % (dt, C.shape_str(sa), C.shape_str(sb), c_shape,
                                            " ".join("%s=%s" % kv for kv in sorted(opts.items())) or "defaults", tag)
    r = C.rng(name)
    a = C.rand(r, dt, sa, 0.0, 1.0)
    b = C.rand(r, dt, sb, 0.0, 1.0)
    inputs = {"a": C.tensor(dt, sa, a), "b": C.tensor(dt, sb, b)}
    al = float(C.round_to(dt, np.float64(1.0 if alpha is None else alpha)))
    be = float(C.round_to(dt, np.float64(1.0 if beta is None else beta)))
    c = None
    if c_shape != "absent":
        cs = {"scalar": (), "N": (n,), "1xN": (1, n), "Mx1": (m, 1), "MxN": (m, n), "1x1": (1, 1)}[c_shape]
        # same sign as alpha * a * b after beta: no cancellation
        sgn = 1.0 if al * be >= 0 else -1.0
        c = C.round_to(dt, sgn * C.rand(r, "float64" if False else dt, cs, 0.0, 1.0).astype(np.float64))
        inputs["c"] = C.tensor(dt, cs, c, constant=True)
        opts["c"] = "c"
    y = gemm_ref(a.astype(np.float64), b.astype(np.float64), None if c is None else c.astype(np.float64), al, be, a_t, b_t)
    return C.case(name, inputs, [C.op("gemm", [("a", "a"), ("b", "b")], opts)], {"output": C.expected(dt, y)}, N=k,
                  magnitude=gemm_magnitude(a, b, c, al, be, a_t, b_t))


def generate():
    mm, gm = [], []
    for dt in ("float32", "float16"):
        for sa, sb in MATMUL_SHAPES:
            mm.append(matmul_case(dt, sa, sb))
        mm.append(matmul_case(dt, (4, 1024), (1024, 3), " accumulation"))
        mm.append(matmul_case(dt, (2, 2, 1024), (2, 1024, 2), " accumulation"))
        mm.append(matmul_case(dt, (3, 2), (2, 3), " mixed signs", lo=-1.0))
        nan, inf = float("nan"), float("inf")
        a = C.round_to(dt, np.array([[1.0, inf], [nan, 1.0], [0.0, 2.0]]))
        b = C.round_to(dt, np.array([[1.0, 2.0], [3.0, 0.0]]))
        with np.errstate(invalid="ignore"):
            y = matmul_ref(a.astype(np.float64), b.astype(np.float64))
        mm.append(C.case("matmul %s special: inf times 0 is NaN, NaN propagates" % dt, {"a": C.tensor(dt, a.shape, a), "b": C.tensor(dt, b.shape, b)},
                         [C.op("matmul", [("a", "a"), ("b", "b")])], {"output": C.expected(dt, y)}, N=2,
                         magnitude=matmul_magnitude(a, b)))
        if dt == "float16":
            a = C.round_to(dt, np.full((1, 4), 200.0)); b = C.round_to(dt, np.full((4, 1), 100.0))
            mm.append(C.case("matmul float16 special: overflow to inf", {"a": C.tensor(dt, a.shape, a), "b": C.tensor(dt, b.shape, b)},
                             [C.op("matmul", [("a", "a"), ("b", "b")])], {"output": C.expected(dt, matmul_ref(a.astype(np.float64), b.astype(np.float64)))}, N=4,
                             magnitude=matmul_magnitude(a, b)))
        k = 0
        for a_t in (False, True):
            for b_t in (False, True):
                for c_shape in ("absent", "scalar", "N", "1xN", "Mx1", "MxN", "1x1"):
                    k += 1
                    alpha, beta = [(None, None), (0.5, None), (None, 2.0), (-1.5, 0.25), (2.0, -1.0), (1.0, 0.0)][k % 6]
                    gm.append(gemm_case(dt, 3, 4, 5, a_t, b_t, alpha, beta, c_shape))
        gm.append(gemm_case(dt, 1, 1, 1))
        gm.append(gemm_case(dt, 4, 1024, 3, False, True, None, None, "N", " accumulation"))
        gm.append(gemm_case(dt, 2, 6, 2, True, False, 0.0, None, "MxN", " alpha 0"))
    return {"matmul": mm, "gemm": gm}
