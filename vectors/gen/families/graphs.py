"""Multi-operator graphs (first-wave model patterns), float32 and float16.

Expected values: float32 graphs are computed end to end in float64 and rounded once; float16
graphs round every operator's output to float16 (as a backend storing float16 intermediates
does) and compute each operator in float64 from those rounded values.

Tolerance (ATOL): each operator i contributes its own table bound (vectors/tolerance.json, with
its accumulation length N) expressed as an absolute error, bound_i * ulp(max |output_i|) for ULP
rows (or the row's absolute floor gamma(N)*M where that is larger: cancellation), the bound itself for ATOL rows, multiplied by the error gain of every operator after it
(relu/add/concat/reshape 1, sigmoid 1/4, conv/matmul/gemm the largest sum of |weights| that
multiplies an input, normalizations |scale| / std, ...); the case tolerance is twice the sum
plus one ulp of the largest output. This follows WPT webnn's practice of summing per-operator
tolerances, in absolute terms so that values crossing zero (relu inputs) do not need ULP bounds."""

import math

import numpy as np

import common as C
import crmath
import exact
from families.conv import conv2d_ref, conv_transpose2d_ref
from families.matmul import gemm_ref
from families.normalization import batchnorm_ref, instancenorm_ref, layernorm_ref
from families.pooling import pool_ref
from families.resample import resample_ref
from families.softmax import softmax_ref
from families.pad import pad_ref
from families.reduction import reduce_ref


def _var(x, axes):
    """The population variance as the normalizations define it: mean((x - mean(x))^2)."""
    return exact.mean((x - exact.mean(x, axis=axes, keepdims=True)) ** 2, axis=axes)


def ulp(dt, m):
    m = abs(float(m))
    if not math.isfinite(m):
        return 0.0
    e = math.frexp(m)[1] - 1  # floor(log2(m)), exactly (libm's log2 may misround near 2^k)
    if dt == "float32":
        return 2.0 ** (max(e, -126) - 23) if m > 0 else 2.0 ** -149
    return 2.0 ** (max(e, -14) - 10) if m > 0 else 2.0 ** -24


class Graph:
    def __init__(self, name, dt):
        self.name, self.dt = name, dt
        self.r = C.rng(name)
        self.inputs, self.ops, self.val = {}, [], {}
        self.terms = []     # absolute error contributions, scaled by later gains
        self.last = None

    def inp(self, nm, shape, lo=-1.0, hi=1.0, constant=False):
        x = C.rand(self.r, self.dt, shape, lo, hi)
        self.inputs[nm] = C.tensor(self.dt, shape, x, constant=constant)
        self.val[nm] = x.astype(np.float64)
        return nm

    def const(self, nm, values, constant=True):
        x = C.round_to(self.dt, np.asarray(values, dtype=np.float64))
        self.inputs[nm] = C.tensor(self.dt, x.shape, x, constant=constant)
        self.val[nm] = x.astype(np.float64)
        return nm

    def v(self, nm):
        return self.val[nm]

    def run(self, opname, args, options, y, out, N=1, gain=1.0, magnitude=None):
        """Record operator `opname` producing `out` whose float64 value (from the operands'
        stored values) is y. gain: how much an absolute error in its inputs can grow.
        magnitude: accumulating ops' max sum of |terms| (the table's floor, which replaces the
        ULP term where it is larger: cancellation)."""
        y = np.asarray(y, dtype=np.float64)
        if self.dt == "float16":
            y = C.round_to("float16", y).astype(np.float64)
        self.terms = [t * gain for t in self.terms]
        tol = C.tolerance(opname, self.dt, N, magnitude=magnitude)
        m = float(np.max(np.abs(y[np.isfinite(y)]))) if y.size else 0.0
        if tol["metricType"] == "ULP":
            self.terms.append(max(float(tol["value"]) * ulp(self.dt, m), float(tol.get("absoluteFloor", 0))))
        elif tol["metricType"] == "ATOL":
            self.terms.append(float(tol["value"]))
        self.ops.append(C.op(opname, args, options, outputs=out))
        self.val[out] = y
        self.last = out
        return out

    # ---- operators (names as in the spec; y computed in float64) ----
    def add(self, a, b, out):
        return self.run("add", [("a", a), ("b", b)], None, self.v(a) + self.v(b), out)

    def sub(self, a, b, out):
        return self.run("sub", [("a", a), ("b", b)], None, self.v(a) - self.v(b), out)

    def mul(self, a, b, out):
        g = float(np.max(np.abs(self.v(a))) + np.max(np.abs(self.v(b))))
        return self.run("mul", [("a", a), ("b", b)], None, self.v(a) * self.v(b), out, gain=g)

    def relu(self, x, out):
        return self.run("relu", [("input", x)], None, np.maximum(self.v(x), 0.0), out)

    def clamp(self, x, lo, hi, out):
        return self.run("clamp", [("input", x)], {"minValue": lo, "maxValue": hi}, np.clip(self.v(x), lo, hi), out)

    def sigmoid(self, x, out):
        return self.run("sigmoid", [("input", x)], None, 1.0 / (1.0 + crmath.exp(-self.v(x))), out, gain=0.25)

    def tanh(self, x, out):
        return self.run("tanh", [("input", x)], None, crmath.tanh(self.v(x)), out)

    def reshape(self, x, shape, out):
        return self.run("reshape", [("input", x), ("newShape", list(shape))], None, self.v(x).reshape(shape), out)

    def transpose(self, x, perm, out):
        return self.run("transpose", [("input", x)], {"permutation": list(perm)}, np.transpose(self.v(x), perm), out)

    def concat(self, xs, axis, out):
        return self.run("concat", [("inputs", list(xs)), ("axis", axis)], None,
                        np.concatenate([self.v(x) for x in xs], axis=axis), out)

    def slice(self, x, starts, sizes, out):
        sl = tuple(slice(s, s + n) for s, n in zip(starts, sizes))
        return self.run("slice", [("input", x), ("starts", list(starts)), ("sizes", list(sizes))], None, self.v(x)[sl], out)

    def conv2d(self, x, w, out, bias=None, **o):
        opts = dict(o)
        if bias:
            opts["bias"] = bias
        il, fl = o.get("inputLayout", "nchw"), o.get("filterLayout", "oihw")
        y = conv2d_ref(self.v(x), self.v(w), self.v(bias) if bias else None, o.get("padding", (0, 0, 0, 0)),
                       o.get("strides", (1, 1)), o.get("dilations", (1, 1)), o.get("groups", 1), il, fl)
        from families.conv import CONV_FILTER_TO_OIHW
        woihw = np.transpose(self.v(w), CONV_FILTER_TO_OIHW[fl])
        n = woihw.shape[1] * woihw.shape[2] * woihw.shape[3]
        g = float(np.max(exact.sum(np.abs(woihw), axis=(1, 2, 3))))
        mag = C.magnitude(conv2d_ref(np.abs(self.v(x)), np.abs(self.v(w)), np.abs(self.v(bias)) if bias else None,
                                     o.get("padding", (0, 0, 0, 0)), o.get("strides", (1, 1)), o.get("dilations", (1, 1)),
                                     o.get("groups", 1), il, fl))
        return self.run("conv2d", [("input", x), ("filter", w)], opts, y, out, N=n + (1 if bias else 0), gain=g,
                        magnitude=mag)

    def conv_t(self, x, w, out, **o):
        y = conv_transpose2d_ref(self.v(x), self.v(w), None, o.get("padding", (0, 0, 0, 0)), o.get("strides", (1, 1)),
                                 o.get("dilations", (1, 1)), o.get("outputPadding", (0, 0)), None, o.get("groups", 1))
        wv = self.v(w)
        n = wv.shape[0] // o.get("groups", 1) * wv.shape[2] * wv.shape[3]
        g = float(exact.sum(np.abs(wv)))
        mag = C.magnitude(conv_transpose2d_ref(np.abs(self.v(x)), np.abs(wv), None, o.get("padding", (0, 0, 0, 0)),
                                               o.get("strides", (1, 1)), o.get("dilations", (1, 1)),
                                               o.get("outputPadding", (0, 0)), None, o.get("groups", 1)))
        return self.run("convTranspose2d", [("input", x), ("filter", w)], o or None, y, out, N=n, gain=g, magnitude=mag)

    def batchnorm(self, x, mean, var, out, scale=None, bias=None, axis=1, eps=1e-5):
        opts = {}
        if axis != 1:
            opts["axis"] = axis
        if scale:
            opts["scale"] = scale
        if bias:
            opts["bias"] = bias
        e = float(C.round_to(self.dt, np.float64(eps)))
        sv = self.v(scale) if scale else None
        y = batchnorm_ref(self.v(x), self.v(mean), self.v(var), sv, self.v(bias) if bias else None, axis, e)
        g = float(np.max(np.abs(sv if sv is not None else 1.0) / np.sqrt(self.v(var) + e)))
        return self.run("batchNormalization", [("input", x), ("mean", mean), ("variance", var)], opts or None, y, out, gain=g)

    def layernorm(self, x, axes, out, scale=None, bias=None):
        opts = {"axes": list(axes)}
        if scale:
            opts["scale"] = scale
        if bias:
            opts["bias"] = bias
        e = float(C.round_to(self.dt, np.float64(1e-5)))
        xv = self.v(x)
        y = layernorm_ref(xv, self.v(scale) if scale else None, self.v(bias) if bias else None, axes, e)
        sd = float(np.min(np.sqrt(_var(xv, tuple(axes)) + e)))
        n = int(np.prod([xv.shape[a] for a in axes]))
        g = 2.0 * (float(np.max(np.abs(self.v(scale)))) if scale else 1.0) / sd
        return self.run("layerNormalization", [("input", x)], opts, y, out, N=n, gain=g)

    def instancenorm(self, x, out):
        e = float(C.round_to(self.dt, np.float64(1e-5)))
        xv = self.v(x)
        y = instancenorm_ref(xv, None, None, e)
        sd = float(np.min(np.sqrt(_var(xv, (2, 3)) + e)))
        return self.run("instanceNormalization", [("input", x)], None, y, out, N=xv.shape[2] * xv.shape[3], gain=2.0 / sd)

    def gemm(self, a, b, out, c=None, alpha=1.0, beta=1.0, a_t=False, b_t=False):
        opts = {}
        if c:
            opts["c"] = c
        if alpha != 1.0:
            opts["alpha"] = alpha
        if beta != 1.0:
            opts["beta"] = beta
        if a_t:
            opts["aTranspose"] = True
        if b_t:
            opts["bTranspose"] = True
        av, bv = self.v(a), self.v(b)
        y = gemm_ref(av, bv, self.v(c) if c else None, alpha, beta, a_t, b_t)
        k = av.shape[0] if a_t else av.shape[1]
        g = abs(alpha) * k * float(np.max(np.abs(av)) + np.max(np.abs(bv))) + abs(beta)
        mag = C.magnitude(gemm_ref(np.abs(av), np.abs(bv), np.abs(self.v(c)) if c else None, abs(alpha), abs(beta), a_t, b_t))
        return self.run("gemm", [("a", a), ("b", b)], opts or None, y, out, N=k, gain=g, magnitude=mag)

    def matmul(self, a, b, out):
        av, bv = self.v(a), self.v(b)
        k = av.shape[-1]
        g = k * float(np.max(np.abs(av)) + np.max(np.abs(bv)))
        return self.run("matmul", [("a", a), ("b", b)], None, exact.dot(av, bv), out, N=k, gain=g,
                        magnitude=C.magnitude(exact.dot(np.abs(av), np.abs(bv))))

    def softmax(self, x, axis, out):
        return self.run("softmax", [("input", x), ("axis", axis)], None, softmax_ref(self.v(x), axis), out,
                        N=self.v(x).shape[axis])

    def pool(self, opname, x, out, **o):
        y, _ = pool_ref(opname, self.v(x), o.get("windowDimensions"), o.get("padding"), o.get("strides", (1, 1)),
                        o.get("dilations", (1, 1)), o.get("layout", "nchw"), o.get("outputShapeRounding", "floor"))
        xv = self.v(x)
        win = o.get("windowDimensions") or ([xv.shape[2], xv.shape[3]] if o.get("layout", "nchw") == "nchw"
                                            else [xv.shape[1], xv.shape[2]])
        return self.run(opname, [("input", x)], o or None, y, out, N=win[0] * win[1])

    def resample(self, x, out, sizes, mode="nearest-neighbor"):
        y = resample_ref(self.v(x), sizes, (2, 3), mode)
        return self.run("resample2d", [("input", x)], {"sizes": list(sizes), "mode": mode}, y, out)

    def pad(self, x, begin, end, out, mode="constant"):
        y = pad_ref(self.v(x), begin, end, mode)
        return self.run("pad", [("input", x), ("beginningPadding", begin), ("endingPadding", end)],
                        {"mode": mode} if mode != "constant" else None, y, out)

    def reduce(self, opname, x, axes, out, keep=True):
        xv = self.v(x)
        n = int(np.prod([xv.shape[a] for a in axes]))
        y = reduce_ref(opname, xv, axes, keep)
        mag = C.magnitude(reduce_ref(opname, np.abs(xv), axes, keep)) if opname in ("reduceSum", "reduceMean") else None
        return self.run(opname, [("input", x)], {"axes": list(axes), "keepDimensions": keep}, y, out, N=n,
                        gain=float(n) if opname == "reduceSum" else 1.0, magnitude=mag)

    # ---- the case ----
    def case(self):
        y = self.val[self.last]
        m = float(np.max(np.abs(y))) if y.size else 0.0
        atol = 2.0 * sum(self.terms) + ulp(self.dt, m)
        tol = {"metricType": "ATOL", "value": C.fmt_float(float(np.float32(atol)) * 1.0000001)}
        return C.case(self.name, self.inputs, self.ops, {self.last: C.expected(self.dt, y)}, tol=tol)


# ------------------------------------------------------------------------------------------------
# patterns: each builds one graph on Graph g

def p_conv_add_relu(g):
    g.inp("x", (1, 3, 6, 6), 0.0, 1.0)
    g.inp("w", (4, 3, 3, 3), -0.5, 0.5, constant=True)
    g.inp("b", (1, 4, 1, 1), -0.5, 0.5, constant=True)
    g.conv2d("x", "w", "c", padding=[1, 1, 1, 1])
    g.add("c", "b", "s")
    g.relu("s", "y")


def p_conv_bias_relu_nhwc(g):
    g.inp("x", (1, 5, 5, 4), 0.0, 1.0)
    g.inp("w", (3, 3, 4, 6), -0.5, 0.5, constant=True)
    g.inp("b", (6,), -0.3, 0.3, constant=True)
    g.conv2d("x", "w", "c", bias="b", inputLayout="nhwc", filterLayout="hwio", strides=[2, 2])
    g.relu("c", "y")


def p_conv_bn(g):
    g.inp("x", (2, 3, 5, 5), 0.0, 1.0)
    g.inp("w", (4, 3, 3, 3), 0.0, 0.5, constant=True)
    g.inp("mean", (4,), 0.5, 1.5, constant=True)
    g.inp("var", (4,), 0.5, 2.0, constant=True)
    g.inp("scale", (4,), 0.5, 1.5, constant=True)
    g.inp("bias", (4,), -0.5, 0.5, constant=True)
    g.conv2d("x", "w", "c")
    g.batchnorm("c", "mean", "var", "y", scale="scale", bias="bias")


def p_conv_bn_relu_nhwc(g):
    g.inp("x", (1, 6, 6, 3), 0.0, 1.0)
    g.inp("w", (5, 3, 3, 3), -0.5, 0.5, constant=True)
    g.inp("mean", (5,), -0.2, 0.2, constant=True)
    g.inp("var", (5,), 0.5, 2.0, constant=True)
    g.conv2d("x", "w", "c", inputLayout="nhwc", filterLayout="ohwi", padding=[1, 1, 1, 1])
    g.batchnorm("c", "mean", "var", "n", axis=3)
    g.relu("n", "y")


def p_gemm_softmax(g):
    g.inp("x", (3, 8), -1.0, 1.0)
    g.inp("w", (8, 5), -0.5, 0.5, constant=True)
    g.inp("b", (5,), -0.5, 0.5, constant=True)
    g.gemm("x", "w", "logits", c="b")
    g.softmax("logits", 1, "y")


def p_gemm_t_softmax(g):
    g.inp("x", (8, 2), -1.0, 1.0)
    g.inp("w", (6, 8), -0.5, 0.5, constant=True)
    g.gemm("x", "w", "logits", a_t=True, b_t=True, alpha=0.5)
    g.softmax("logits", 1, "y")


def p_matmul_add_softmax(g):
    g.inp("x", (2, 3, 6), -1.0, 1.0)
    g.inp("w", (6, 4), -0.5, 0.5, constant=True)
    g.inp("b", (4,), -0.5, 0.5, constant=True)
    g.matmul("x", "w", "m")
    g.add("m", "b", "s")
    g.softmax("s", 2, "y")


def p_inception_concat(g):
    g.inp("x", (1, 4, 5, 5), 0.0, 1.0)
    g.inp("w1", (2, 4, 1, 1), -0.5, 0.5, constant=True)
    g.inp("w3", (3, 4, 3, 3), -0.3, 0.3, constant=True)
    g.conv2d("x", "w1", "a")
    g.relu("a", "ar")
    g.conv2d("x", "w3", "b", padding=[1, 1, 1, 1])
    g.relu("b", "br")
    g.pool("maxPool2d", "x", "p", windowDimensions=[3, 3], padding=[1, 1, 1, 1])
    g.concat(["ar", "br", "p"], 1, "y")


def p_concat_branches_nhwc(g):
    g.inp("x", (1, 4, 4, 2), 0.0, 1.0)
    g.inp("w1", (1, 1, 2, 3), -0.5, 0.5, constant=True)
    g.inp("w2", (3, 3, 2, 2), -0.5, 0.5, constant=True)
    g.conv2d("x", "w1", "a", inputLayout="nhwc", filterLayout="hwio")
    g.conv2d("x", "w2", "b", inputLayout="nhwc", filterLayout="hwio", padding=[1, 1, 1, 1])
    g.concat(["a", "b"], 3, "c")
    g.relu("c", "y")


def p_reshape_transpose_chain(g):
    g.inp("x", (2, 3, 4), -4.0, 4.0)
    g.reshape("x", (6, 4), "r1")
    g.transpose("r1", (1, 0), "t1")
    g.reshape("t1", (2, 2, 6), "r2")
    g.transpose("r2", (2, 0, 1), "t2")
    g.reshape("t2", (24,), "y")


def p_transpose_chain_5d(g):
    g.inp("x", (2, 1, 3, 2, 2), -4.0, 4.0)
    g.transpose("x", (4, 2, 0, 3, 1), "t1")
    g.reshape("t1", (6, 4), "r")
    g.transpose("r", (1, 0), "t2")
    g.relu("t2", "y")


def p_pixel_shuffle(g):
    g.inp("x", (1, 8, 2, 3), -1.0, 1.0)
    g.reshape("x", (1, 2, 2, 2, 2, 3), "r1")
    g.transpose("r1", (0, 1, 4, 2, 5, 3), "t")
    g.reshape("t", (1, 2, 4, 6), "y")


def p_transpose_matmul(g):
    g.inp("a", (4, 3), -1.0, 1.0)
    g.inp("b", (4, 5), -1.0, 1.0)
    g.transpose("a", (1, 0), "at")
    g.matmul("at", "b", "y")


def p_mobilenet_block(g):
    g.inp("x", (1, 4, 6, 6), 0.0, 1.0)
    g.inp("we", (8, 4, 1, 1), -0.5, 0.5, constant=True)
    g.inp("be", (8,), 0.0, 0.5, constant=True)
    g.inp("wd", (8, 1, 3, 3), -0.5, 0.5, constant=True)
    g.inp("wp", (4, 8, 1, 1), -0.5, 0.5, constant=True)
    g.conv2d("x", "we", "e", bias="be")
    g.clamp("e", 0.0, 6.0, "e6")
    g.conv2d("e6", "wd", "d", groups=8, padding=[1, 1, 1, 1])
    g.clamp("d", 0.0, 6.0, "d6")
    g.conv2d("d6", "wp", "p")
    g.add("p", "x", "y")


def p_mobilenet_block_nhwc_stride(g):
    g.inp("x", (1, 7, 7, 3), 0.0, 1.0)
    g.inp("we", (6, 1, 1, 3), -0.5, 0.5, constant=True)
    g.inp("wd", (1, 3, 3, 6), -0.5, 0.5, constant=True)
    g.inp("wp", (4, 1, 1, 6), -0.5, 0.5, constant=True)
    g.conv2d("x", "we", "e", inputLayout="nhwc", filterLayout="ohwi")
    g.clamp("e", 0.0, 6.0, "e6")
    g.conv2d("e6", "wd", "d", inputLayout="nhwc", filterLayout="ihwo", groups=6, strides=[2, 2], padding=[1, 1, 1, 1])
    g.relu("d", "dr")
    g.conv2d("dr", "wp", "y", inputLayout="nhwc", filterLayout="ohwi")


def p_resnet_block(g):
    g.inp("x", (1, 3, 5, 5), 0.0, 1.0)
    for i in (1, 2):
        g.inp("w%d" % i, (3, 3, 3, 3), -0.3, 0.3, constant=True)
        g.inp("m%d" % i, (3,), -0.2, 0.2, constant=True)
        g.inp("v%d" % i, (3,), 0.5, 1.5, constant=True)
    g.conv2d("x", "w1", "c1", padding=[1, 1, 1, 1])
    g.batchnorm("c1", "m1", "v1", "n1")
    g.relu("n1", "r1")
    g.conv2d("r1", "w2", "c2", padding=[1, 1, 1, 1])
    g.batchnorm("c2", "m2", "v2", "n2")
    g.add("n2", "x", "s")
    g.relu("s", "y")


def p_resnet_bottleneck_proj(g):
    g.inp("x", (1, 4, 6, 6), 0.0, 1.0)
    g.inp("w1", (2, 4, 1, 1), -0.5, 0.5, constant=True)
    g.inp("w2", (2, 2, 3, 3), -0.5, 0.5, constant=True)
    g.inp("w3", (6, 2, 1, 1), -0.5, 0.5, constant=True)
    g.inp("ws", (6, 4, 1, 1), -0.5, 0.5, constant=True)
    g.conv2d("x", "w1", "a", strides=[2, 2])
    g.relu("a", "ar")
    g.conv2d("ar", "w2", "b", padding=[1, 1, 1, 1])
    g.relu("b", "br")
    g.conv2d("br", "w3", "c")
    g.conv2d("x", "ws", "sc", strides=[2, 2])
    g.add("c", "sc", "s")
    g.relu("s", "y")


def p_classifier_head(g):
    g.inp("x", (2, 4, 3, 3), 0.0, 1.0)
    g.inp("w", (4, 3), -0.5, 0.5, constant=True)
    g.inp("b", (1, 3), -0.5, 0.5, constant=True)
    g.pool("averagePool2d", "x", "p")
    g.reshape("p", (2, 4), "f")
    g.gemm("f", "w", "l", c="b")
    g.softmax("l", 1, "y")


def p_maxpool_conv_relu(g):
    g.inp("x", (1, 2, 8, 8), -1.0, 1.0)
    g.inp("w", (3, 2, 3, 3), -0.5, 0.5, constant=True)
    g.pool("maxPool2d", "x", "p", windowDimensions=[2, 2], strides=[2, 2])
    g.conv2d("p", "w", "c", padding=[1, 1, 1, 1])
    g.relu("c", "y")


def p_layernorm_matmul_add(g):
    g.inp("x", (2, 4, 8), -1.0, 1.0)
    g.inp("s", (8,), 0.5, 1.5, constant=True)
    g.inp("bn", (8,), -0.5, 0.5, constant=True)
    g.inp("w", (8, 6), -0.5, 0.5, constant=True)
    g.inp("b", (6,), -0.5, 0.5, constant=True)
    g.layernorm("x", [2], "n", scale="s", bias="bn")
    g.matmul("n", "w", "m")
    g.add("m", "b", "y")


def p_attention(g):
    g.inp("q", (2, 3, 4), -1.0, 1.0)
    g.inp("k", (2, 3, 4), -1.0, 1.0)
    g.inp("v", (2, 3, 4), -1.0, 1.0)
    g.const("scale", [0.5])
    g.transpose("k", (0, 2, 1), "kt")
    g.matmul("q", "kt", "s")
    g.mul("s", "scale", "ss")
    g.softmax("ss", 2, "p")
    g.matmul("p", "v", "y")


def p_swish(g):
    g.inp("x", (2, 3, 4), -3.0, 3.0)
    g.sigmoid("x", "s")
    g.mul("x", "s", "y")


def p_squeeze_excite(g):
    g.inp("x", (1, 4, 3, 3), 0.0, 1.0)
    g.inp("w1", (4, 2), -0.5, 0.5, constant=True)
    g.inp("w2", (2, 4), -0.5, 0.5, constant=True)
    g.pool("averagePool2d", "x", "p")
    g.reshape("p", (1, 4), "f")
    g.gemm("f", "w1", "h")
    g.relu("h", "hr")
    g.gemm("hr", "w2", "e")
    g.sigmoid("e", "es")
    g.reshape("es", (1, 4, 1, 1), "er")
    g.mul("x", "er", "y")


def p_pad_conv(g):
    g.inp("x", (1, 2, 4, 4), 0.0, 1.0)
    g.inp("w", (2, 2, 3, 3), -0.5, 0.5, constant=True)
    g.pad("x", [0, 0, 1, 1], [0, 0, 1, 1], "xp", mode="edge")
    g.conv2d("xp", "w", "y")


def p_pad_reflect_conv(g):
    g.inp("x", (1, 1, 5, 5), 0.0, 1.0)
    g.inp("w", (2, 1, 3, 3), 0.0, 0.5, constant=True)
    g.pad("x", [0, 0, 2, 1], [0, 0, 1, 2], "xp", mode="reflection")
    g.conv2d("xp", "w", "c", dilations=[2, 2])
    g.relu("c", "y")


def p_unet_up(g):
    g.inp("x", (1, 2, 3, 3), 0.0, 1.0)
    g.inp("skip", (1, 2, 6, 6), 0.0, 1.0)
    g.inp("w", (2, 4, 3, 3), -0.3, 0.3, constant=True)
    g.resample("x", "u", [6, 6])
    g.concat(["u", "skip"], 1, "c")
    g.conv2d("c", "w", "k", padding=[1, 1, 1, 1])
    g.relu("k", "y")


def p_upsample_linear_add(g):
    g.inp("x", (1, 2, 2, 3), 0.0, 1.0)
    g.inp("y0", (1, 2, 4, 6), 0.0, 1.0)
    g.resample("x", "u", [4, 6], mode="linear")
    g.add("u", "y0", "y")


def p_convt_relu(g):
    g.inp("x", (1, 2, 3, 3), 0.0, 1.0)
    g.inp("w", (2, 3, 3, 3), -0.5, 0.5, constant=True)
    g.conv_t("x", "w", "c", strides=[2, 2], padding=[1, 1, 1, 1], outputPadding=[1, 1])
    g.relu("c", "y")


def p_instnorm_relu(g):
    g.inp("x", (1, 3, 4, 4), -1.0, 1.0)
    g.instancenorm("x", "n")
    g.relu("n", "y")


def p_manual_norm(g):
    g.inp("x", (3, 6), 0.0, 2.0)
    g.reduce("reduceMean", "x", [1], "m")
    g.sub("x", "m", "d")
    g.mul("d", "d", "y")


def p_split_branches(g):
    g.inp("x", (2, 6), -1.0, 1.0)
    g.slice("x", [0, 0], [2, 3], "a")
    g.slice("x", [0, 3], [2, 3], "b")
    g.tanh("a", "at")
    g.sigmoid("b", "bs")
    g.mul("at", "bs", "y")


def p_gemm_tanh_gemm(g):
    g.inp("x", (2, 5), -1.0, 1.0)
    g.inp("w1", (5, 6), -0.5, 0.5, constant=True)
    g.inp("c1", (6,), -0.2, 0.2, constant=True)
    g.inp("w2", (6, 3), -0.5, 0.5, constant=True)
    g.gemm("x", "w1", "h", c="c1")
    g.tanh("h", "ht")
    g.gemm("ht", "w2", "y", alpha=2.0)


def p_layout_roundtrip(g):
    g.inp("x", (1, 3, 4, 4), 0.0, 1.0)
    g.inp("w", (2, 3, 3, 3), -0.5, 0.5, constant=True)
    g.transpose("x", (0, 2, 3, 1), "xh")
    g.conv2d("xh", "w", "c", inputLayout="nhwc", padding=[1, 1, 1, 1])
    g.transpose("c", (0, 3, 1, 2), "y")


def p_l2pool_reshape(g):
    g.inp("x", (1, 2, 4, 4), -1.0, 1.0)
    g.pool("l2Pool2d", "x", "p", windowDimensions=[2, 2], strides=[2, 2])
    g.reshape("p", (2, 4), "y")


def p_batched_matmul_softmax(g):
    g.inp("a", (2, 2, 3, 4), -1.0, 1.0)
    g.inp("b", (2, 1, 4, 3), -1.0, 1.0)
    g.matmul("a", "b", "m")
    g.reshape("m", (4, 9), "r")
    g.softmax("r", 1, "y")


def p_dilated_conv_avgpool(g):
    g.inp("x", (1, 2, 9, 9), 0.0, 1.0)
    g.inp("w", (2, 2, 3, 3), -0.5, 0.5, constant=True)
    g.conv2d("x", "w", "c", dilations=[2, 2])
    g.pool("averagePool2d", "c", "p", windowDimensions=[2, 2], strides=[2, 2])
    g.relu("p", "y")


def p_two_layer_mlp_relu(g):
    g.inp("x", (4, 6), -1.0, 1.0)
    g.inp("w1", (6, 8), -0.5, 0.5, constant=True)
    g.inp("b1", (1, 8), -0.2, 0.2, constant=True)
    g.inp("w2", (8, 2), -0.5, 0.5, constant=True)
    g.gemm("x", "w1", "h", c="b1")
    g.relu("h", "hr")
    g.matmul("hr", "w2", "y")


def p_residual_layernorm(g):
    g.inp("x", (2, 3, 6), -1.0, 1.0)
    g.inp("w", (6, 6), -0.5, 0.5, constant=True)
    g.matmul("x", "w", "m")
    g.add("m", "x", "s")
    g.layernorm("s", [2], "y")


def p_gated_linear(g):
    g.inp("x", (3, 4), -1.0, 1.0)
    g.inp("wa", (4, 4), -0.5, 0.5, constant=True)
    g.inp("wb", (4, 4), -0.5, 0.5, constant=True)
    g.gemm("x", "wa", "a")
    g.gemm("x", "wb", "b")
    g.sigmoid("b", "bs")
    g.mul("a", "bs", "y")


def p_deep_conv_stack(g):
    g.inp("x", (1, 2, 8, 8), 0.0, 1.0)
    ch = 2
    cur = "x"
    for i, co in enumerate((4, 4, 2)):
        g.inp("w%d" % i, (co, ch, 3, 3), -0.4, 0.4, constant=True)
        g.conv2d(cur, "w%d" % i, "c%d" % i, padding=[1, 1, 1, 1])
        g.relu("c%d" % i, "r%d" % i)
        cur, ch = "r%d" % i, co
    g.pool("maxPool2d", cur, "y", windowDimensions=[2, 2], strides=[2, 2])


def p_concat_three_reshape(g):
    g.inp("a", (2, 3), -1.0, 1.0)
    g.inp("b", (2, 2), -1.0, 1.0)
    g.inp("c", (2, 1), -1.0, 1.0)
    g.concat(["a", "b", "c"], 1, "cat")
    g.reshape("cat", (3, 4), "r")
    g.transpose("r", (1, 0), "y")


def p_softmax_matmul(g):
    g.inp("x", (3, 5), -2.0, 2.0)
    g.inp("v", (5, 4), -1.0, 1.0)
    g.softmax("x", 1, "p")
    g.matmul("p", "v", "y")


def p_depthwise_separable(g):
    g.inp("x", (1, 3, 6, 6), 0.0, 1.0)
    g.inp("wd", (3, 1, 3, 3), -0.5, 0.5, constant=True)
    g.inp("bd", (3,), -0.1, 0.1, constant=True)
    g.inp("wp", (5, 3, 1, 1), -0.5, 0.5, constant=True)
    g.inp("bp", (5,), -0.1, 0.1, constant=True)
    g.conv2d("x", "wd", "d", bias="bd", groups=3, padding=[1, 1, 1, 1])
    g.relu("d", "dr")
    g.conv2d("dr", "wp", "p", bias="bp")
    g.relu("p", "y")


def p_bn_rank2(g):
    g.inp("x", (4, 6), -1.0, 1.0)
    g.inp("w", (6, 3), -0.5, 0.5, constant=True)
    g.inp("m", (3,), -0.1, 0.1, constant=True)
    g.inp("v", (3,), 0.5, 1.5, constant=True)
    g.matmul("x", "w", "h")
    g.batchnorm("h", "m", "v", "n")
    g.relu("n", "y")


def p_reduce_sum_after_relu(g):
    g.inp("x", (2, 3, 4), -1.0, 1.0)
    g.relu("x", "r")
    g.reduce("reduceSum", "r", [1, 2], "s", keep=False)
    g.clamp("s", 0.5, 3.0, "y")


def p_convt_concat(g):
    g.inp("x", (1, 2, 2, 2), 0.0, 1.0)
    g.inp("skip", (1, 1, 4, 4), 0.0, 1.0)
    g.inp("w", (2, 1, 2, 2), -0.5, 0.5, constant=True)
    g.conv_t("x", "w", "u", strides=[2, 2])
    g.concat(["u", "skip"], 1, "y")


PATTERNS = [(n[2:], f) for n, f in sorted(globals().items()) if n.startswith("p_") and callable(f)]


def generate():
    cases = []
    for dt in ("float32", "float16"):
        for pname, fn in PATTERNS:
            g = Graph("graph %s %s" % (pname.replace("_", " "), dt), dt)
            with np.errstate(over="ignore"):
                fn(g)
            cases.append(g.case())
    return {"graphs": cases}
