"""Whole-model graphs (issue 20): a builder that records a WebNN graph and evaluates it at once.

One model function (vectors/gen/models.py) describes each network against the Net API below. The
same function runs under several evaluators:
- "oracle": float64 activations; every sum (conv taps, matmul k, pooling and normalization means)
  in a FIXED order with compensation: products split exactly by Dekker/Veltkamp TwoProduct, sums
  by Knuth's TwoSum, the error terms summed alongside (Ogita, Rump, Oishi, "Accurate sum and dot
  product", SIAM J. Sci. Comput. 26(6), 2005: Dot2). Only elementwise IEEE float64 + - * / sqrt
  and crmath's correctly rounded exp/erfc, so the bytes are the same on every machine.
- "f32-<order>": float32 everywhere, each product rounded, the sum taken naively in float32 in
  one of the orders fwd, rev, pairwise, perm (a fixed pseudo-random permutation): the spread of
  correct float32 evaluations, from which the model tolerance is derived (models.py).
A float16 graph (dt "float16": float16 input, constants, output) rounds every operator's output
to float16 (each MLOperand is float16) under every mode except "f32x", and adds the modes
- "f16-<order>": float16 arithmetic inside each op: every product, partial sum and step of a
  composite op (normalizations, softmax, gelu) rounded to float16;
- "f32x-<order>": float32 throughout with no float16 rounding between ops (a backend that fuses
  the graph or keeps float32 intermediates); only the graph's output is rounded to float16.
A `breaks` set makes a deliberately wrong model (padding shifted, activation dropped, weights
transposed) for the negative checks.

Weights are generated data (vectors/FORMAT.md, generated.py), so the JSON stays small.
"""
import hashlib

import numpy as np

import common as C
import crmath
import generated

LITERAL = [False]
SPLIT = 134217729.0  # 2^27 + 1: Veltkamp's splitter for float64


def two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _split(a):
    c = SPLIT * a
    hi = c - (c - a)
    return hi, a - hi


def two_prod(a, b):
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


class Acc:
    """Sum of products a*b (broadcast arrays), added in call order, under one evaluator mode."""

    def __init__(self, mode, ft=np.float32):
        self.mode, self.ft = mode, ft
        self.s = None
        self.c = None
        self.terms = []

    def add(self, a, b):
        if self.mode == "oracle":
            p, e = two_prod(a, b)
            if self.s is None:
                self.s, self.c = p, e
            else:
                self.s, t = two_sum(self.s, p)
                self.c = self.c + (t + e)
        else:
            ft = self.ft
            p = ft(a) * ft(b) if np.isscalar(a) else np.asarray(a, ft) * np.asarray(b, ft)
            if self.mode.endswith("-fwd") and self.terms:   # on the fly: no list of terms
                self.terms[0] = self.terms[0] + p
            else:
                self.terms.append(p)

    def total(self, order="fwd"):
        if self.mode == "oracle":
            return self.s + self.c
        t = self.terms
        if order == "rev":
            t = t[::-1]
        elif order == "perm":
            idx = np.random.Generator(np.random.PCG64(len(t))).permutation(len(t))
            t = [t[i] for i in idx]
        if order == "pairwise":
            while len(t) > 1:
                t = [t[i] + t[i + 1] if i + 1 < len(t) else t[i] for i in range(0, len(t), 2)]
            return t[0]
        s = t[0]
        for x in t[1:]:
            s = s + x
        return s


def seed_of(name):
    return int.from_bytes(hashlib.sha256(("webnn-cts/models/" + name).encode()).digest()[:8], "little")


NPDT = {"float32": np.float32, "float16": np.float16}
KIND_FT = {"oracle": np.float64, "f32": np.float32, "f32x": np.float32, "f16": np.float16}


class Net:
    """Records operators and evaluates them. mode: 'oracle' or '<kind>-<order>' (kind f32, and
    for a float16 graph also f16, f32x); dt: the graph's data type."""

    def __init__(self, name, mode="oracle", breaks=(), dt="float32"):
        self.name, self.mode, self.breaks, self.dt = name, mode, set(breaks), dt
        self.kind, _, order = mode.partition("-")
        self.order = order or "fwd"
        self.ft = KIND_FT[self.kind]
        if dt == "float32" and self.kind not in ("oracle", "f32"):
            raise ValueError("mode %s is for float16 graphs" % mode)
        # float16 graphs: each op's output is a float16 MLOperand (not in f32x, the fused case)
        self.round16 = dt == "float16" and self.kind != "f32x"
        self.peak = 0.0         # oracle: the largest |value| of any op's output (float16 range)
        self.inputs, self.ops, self.val = {}, [], {}
        self.count = 0
        self.broken = set()     # breaks applied so far (each once, at its first chance)
        self.opnames = set()

    # ---- operands
    def _new(self, stem):
        self.count += 1
        return "%s%d" % (stem, self.count)

    def cst(self, v):
        """A number cast to the graph's data type (as the builder casts options), in ft."""
        return self.ft(np.asarray(v, dtype=np.float64).astype(NPDT[self.dt]))

    def gen(self, stem, shape, low, high, constant=True):
        """A generated-data operand of the graph's type, uniform in [low, high); the float16 and
        float32 graphs of a model draw the same stream (same seeds) rounded to their type."""
        nm = self._new(stem)
        g = generated.spec(seed_of("%s/%s" % (self.name, nm)), float(low), float(high))
        v = generated.generate(self.dt, shape, g)
        # LITERAL: the same values as base64, for a loader without generated data (tests only)
        e = {"descriptor": C.descriptor(self.dt, shape), "data": C.encode(self.dt, v) if LITERAL[0] else g}
        if constant:
            e["constant"] = True
        self.inputs[nm] = e
        self.val[nm] = v.astype(self.ft)
        return nm

    def literal(self, stem, values):
        nm = self._new(stem)
        v = np.asarray(values, dtype=np.float64).astype(NPDT[self.dt])
        self.inputs[nm] = C.tensor(self.dt, v.shape, v, constant=True)
        self.val[nm] = v.astype(self.ft)
        return nm

    def he(self, shape, fan_in):
        """He-uniform weights (He et al., ICCV 2015): U(-b, b), b = sqrt(6 / fan_in)."""
        b = float(np.float32(np.sqrt(6.0 / fan_in)))
        return self.gen("w", shape, -b, b)

    def _transposed(self, nm, perm):
        """Break: operand nm's weights transposed, stored literally in the graph."""
        v = np.transpose(self.val[nm], perm)
        e = C.tensor(self.dt, v.shape, v.astype(NPDT[self.dt]), constant=True)
        self.inputs[nm] = e
        self.val[nm] = v
        return v

    def _op(self, opname, args, options, y):
        out = self._new("t")
        self.ops.append(C.op(opname, args, options, outputs=out))
        self.opnames.add(opname)
        y = np.asarray(y, dtype=self.ft)
        if self.round16:
            with np.errstate(over="ignore"):
                y = y.astype(np.float16).astype(self.ft)
        if self.kind == "oracle":
            fin = np.abs(y[np.isfinite(y)])
            self.peak = max(self.peak, float(np.max(fin)) if fin.size else 0.0)
        self.val[out] = y
        return out

    def shape(self, x):
        return self.val[x].shape

    def _once(self, what):
        if what in self.breaks and what not in self.broken:
            self.broken.add(what)
            return True
        return False

    # ---- accumulating ops
    def conv(self, x, cout, k, stride=1, pad=None, groups=1, bias=False):
        xv = self.val[x]
        n, cin, h, w = xv.shape
        p = (k // 2,) * 4 if pad is None else tuple(pad)
        if k > 1 and p[1] > 0 and p[3] > 0 and self._once("pad"):
            p = (p[0] + 1, p[1] - 1, p[2] + 1, p[3] - 1)     # same output size, shifted by one
        cin_g = cin // groups
        wt = self.he((cout, cin_g, k, k), cin_g * k * k)
        wv = self.val[wt]
        if k > 1 and cin_g > 1 and self._once("transpose"):
            wv = self._transposed(wt, (0, 1, 3, 2))          # kh <-> kw swapped
        xp = np.zeros((n, cin, h + p[0] + p[1], w + p[2] + p[3]), dtype=self.ft)
        xp[:, :, p[0]:p[0] + h, p[2]:p[2] + w] = xv
        oh = (h + p[0] + p[1] - k) // stride + 1
        ow = (w + p[2] + p[3] - k) // stride + 1
        cout_g = cout // groups
        grp = np.arange(cout) // cout_g
        acc = Acc(self.mode, self.ft)
        for ci in range(cin_g):
            xc = xp[:, grp * cin_g + ci]                    # (n, cout, H, W): each output's input
            for kh in range(k):
                for kw in range(k):
                    sl = xc[:, :, kh:kh + stride * (oh - 1) + 1:stride, kw:kw + stride * (ow - 1) + 1:stride]
                    acc.add(sl, wv[:, ci, kh, kw].reshape(1, cout, 1, 1))
        opts = {"padding": list(p), "strides": [stride, stride]}
        if groups > 1:
            opts["groups"] = groups
        if bias:
            b = self.gen("b", (cout,), -0.1, 0.1)
            acc.add(self.val[b].reshape(1, cout, 1, 1), self.ft(1))
            opts["bias"] = b
        return self._op("conv2d", [("input", x), ("filter", wt)], opts, acc.total(self.order))

    def matmul(self, a, b):
        av, bv = self.val[a], self.val[b]
        acc = Acc(self.mode, self.ft)
        for kk in range(av.shape[-1]):
            acc.add(av[..., :, kk:kk + 1], bv[..., kk:kk + 1, :])
        return self._op("matmul", [("a", a), ("b", b)], None, acc.total(self.order))

    def dense(self, x, nout, bias_range=0.1):
        """x [.., K] @ W [K, nout] + b (matmul then add, as an ONNX Gemm maps to WebNN)."""
        k = self.shape(x)[-1]
        w = self.he((k, nout), k)
        if k == nout and self._once("transpose"):
            self._transposed(w, (1, 0))
        y = self.matmul(x, w)
        b = self.gen("b", (nout,), -bias_range, bias_range)
        return self.add(y, b)

    def _mean(self, x, axes):
        """Mean over axes (sorted, trailing or spatial) in a fixed order."""
        xv = self.val[x] if isinstance(x, str) else x
        moved = np.moveaxis(xv, axes, list(range(-len(axes), 0)))
        flat = moved.reshape(moved.shape[:moved.ndim - len(axes)] + (-1,))
        acc = Acc(self.mode, self.ft)
        one = self.ft(1)
        for i in range(flat.shape[-1]):
            acc.add(flat[..., i], one)
        s = acc.total(self.order)
        return s / self.ft(flat.shape[-1])

    def global_avg_pool(self, x):
        xv = self.val[x]
        n, c, h, w = xv.shape
        s = self._mean(xv, [2, 3]).reshape(n, c, 1, 1)
        return self._op("averagePool2d", [("input", x)], None, s)

    # ---- elementwise and data movement
    def add(self, a, b):
        return self._op("add", [("a", a), ("b", b)], None, self.val[a] + self.val[b])

    def mul(self, a, b):
        return self._op("mul", [("a", a), ("b", b)], None, self.val[a] * self.val[b])

    def relu(self, x):
        if self._once("act"):
            return x                                         # activation dropped (identity)
        return self._op("relu", [("input", x)], None, np.maximum(self.val[x], self.ft(0)))

    def relu6(self, x):
        if self._once("act"):
            return x
        return self._op("clamp", [("input", x)], {"minValue": 0.0, "maxValue": 6.0},
                        np.minimum(np.maximum(self.val[x], self.ft(0)), self.ft(6)))

    def leaky(self, x, alpha=0.1):
        if self._once("act"):
            return x
        xv = self.val[x]
        a = self.cst(alpha)
        return self._op("leakyRelu", [("input", x)], {"alpha": alpha}, np.where(xv >= 0, xv, a * xv))

    def gelu(self, x):
        """0.5 * x * erfc(-x / sqrt 2), as the spec decomposes it (erfc correctly rounded)."""
        if self._once("act"):
            return x
        xv = self.val[x].astype(np.float64)
        e = crmath.erfc(-xv / np.sqrt(2.0))
        if self.mode == "oracle":
            y = 0.5 * xv * e
        else:
            xf = self.val[x]
            y = self.ft(0.5) * xf * e.astype(self.ft)
        return self._op("gelu", [("input", x)], None, y)

    def softmax(self, x, axis=-1):
        xv = self.val[x]
        ax = axis % xv.ndim
        m = np.max(xv, axis=ax, keepdims=True)
        e = crmath.exp((xv - m).astype(np.float64)).astype(self.ft)
        s = self._mean(e, [ax]) * self.ft(xv.shape[ax])     # the fixed-order sum
        return self._op("softmax", [("input", x), ("axis", ax)], None, e / np.expand_dims(s, ax))

    def maxpool(self, x, k, stride, pad=(0, 0, 0, 0)):
        xv = self.val[x]
        n, c, h, w = xv.shape
        xp = np.full((n, c, h + pad[0] + pad[1], w + pad[2] + pad[3]), -np.inf, dtype=self.ft)
        xp[:, :, pad[0]:pad[0] + h, pad[2]:pad[2] + w] = xv
        oh = (h + pad[0] + pad[1] - k) // stride + 1
        ow = (w + pad[2] + pad[3] - k) // stride + 1
        y = None
        for kh in range(k):
            for kw in range(k):
                sl = xp[:, :, kh:kh + stride * (oh - 1) + 1:stride, kw:kw + stride * (ow - 1) + 1:stride]
                y = sl if y is None else np.maximum(y, sl)
        opts = {"windowDimensions": [k, k], "strides": [stride, stride]}
        if any(pad):
            opts["padding"] = list(pad)
        return self._op("maxPool2d", [("input", x)], opts, y)

    def concat(self, xs, axis):
        return self._op("concat", [("inputs", list(xs)), ("axis", axis)], None,
                        np.concatenate([self.val[x] for x in xs], axis=axis))

    def reshape(self, x, shape):
        return self._op("reshape", [("input", x), ("newShape", list(shape))], None, self.val[x].reshape(shape))

    def transpose(self, x, perm):
        return self._op("transpose", [("input", x)], {"permutation": list(perm)},
                        np.transpose(self.val[x], perm))

    # ---- normalizations
    def batchnorm(self, x):
        """Inference batch normalization whose mean and variance are this layer's own per-channel
        statistics on the seeded input (computed by the oracle, stored as literals of the graph's type), so
        each BN output has about zero mean and unit variance whatever the depth; scale and bias
        are generated near 1 and 0. The variance is blended with the layer's mean (below)."""
        xv = self.val[x]
        c = xv.shape[1]
        if self.record_stats:
            mu = self._mean(xv, [0, 2, 3])
            var = self._mean((xv - mu.reshape(1, c, 1, 1)) ** 2, [0, 2, 3])
            # half the channel's own variance plus half the layer's mean variance: a channel
            # that is (nearly) constant on this small input must not amplify rounding errors
            # by up to 1/sqrt(epsilon)
            var = 0.5 * var + 0.5 * self._mean(var, [0])
            if self.dt == "float32":
                mu, var = mu.astype(np.float32), var.astype(np.float32)
            self.stats.append((mu, var))    # rounded once to the graph's type by literal()
        mu, var = self.stats[self.nbn]
        self.nbn += 1
        mean = self.literal("mean", mu)
        vr = self.literal("var", var)
        sc = self.gen("scale", (c,), 0.8, 1.2)
        bi = self.gen("bias", (c,), -0.1, 0.1)
        eps = 1e-5
        f = lambda nm: self.val[nm].reshape(1, c, 1, 1)  # noqa: E731
        y = (xv - f(mean)) / np.sqrt(f(vr) + self.cst(eps)) * f(sc) + f(bi)
        return self._op("batchNormalization", [("input", x), ("mean", mean), ("variance", vr)],
                        {"scale": sc, "bias": bi, "epsilon": eps}, y)

    def layernorm(self, x, axis=-1):
        xv = self.val[x]
        ax = axis % xv.ndim
        n = xv.shape[ax]
        mu = np.expand_dims(self._mean(xv, [ax]), ax)
        var = np.expand_dims(self._mean((xv - mu) ** 2, [ax]), ax)
        sc = self.gen("scale", (n,), 0.8, 1.2)
        bi = self.gen("bias", (n,), -0.1, 0.1)
        eps = 1e-5
        y = (xv - mu) / np.sqrt(var + self.cst(eps)) * self.val[sc] + self.val[bi]
        return self._op("layerNormalization", [("input", x)],
                        {"scale": sc, "bias": bi, "axes": [ax], "epsilon": eps}, y)


def build(model_fn, name, mode="oracle", breaks=(), stats=None, dt="float32"):
    """Runs model_fn(net, input) -> output operand. The oracle run records the batch-norm
    statistics; other runs must be given them (stats) so every run has the same constants."""
    net = Net(name, mode, breaks, dt)
    net.record_stats = stats is None
    net.stats = [] if stats is None else stats
    net.nbn = 0
    shape = model_fn.INPUT
    x = net.gen("input", shape, -1.0, 1.0, constant=False)
    out = model_fn(net, x)
    if dt == "float16" and not net.round16:        # f32x: only the graph's output is float16
        net.val[out] = net.val[out].astype(np.float16).astype(net.ft)
    net.output = out
    return net
