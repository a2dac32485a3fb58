"""Exact sums, products and dot products of float64 arrays, rounded once (issue 13).

Expected values must depend on the rounded inputs alone. NumPy's matmul/einsum run BLAS, whose
summation order depends on the kernel it picks (OPENBLAS_CORETYPE, thread count), and the order
of np.sum depends on the memory layout. So every accumulation here is exact: a finite float64 is
M * 2^e with an integer M, an array is scaled by one power of two 2^s that makes all its values
integers, and the integers (Python ints in object arrays) are added and multiplied exactly. The
result is rounded once to float64 by CPython's int / int true division, which is correctly
rounded (round half to even, subnormals and overflow included).

NaN and infinities cannot be scaled, so each value carries a shadow: the value itself where it is
not finite, its sign (-1, 0, +1) where it is. The shadow goes through the same operations in
float64: a result whose shadow is NaN or infinite is that special (NaN for a NaN term, 0 * inf or
inf - inf; otherwise the infinity), which is the IEEE result in every summation order; finite
shadows never overflow, so a finite shadow means the exact value is meaningful.

    Exact(x)                float64 array (or number) -> exact value
    a + b, a - b, a * b, -a elementwise with NumPy broadcasting
    matmul(a, b)            np.matmul semantics (batch broadcasting)
    tensordot(a, b, axes)   np.tensordot semantics
    a.sum(axis, keepdims)   exact sum; a.prod(axis, keepdims) exact product; a.cumsum(axis)
    a.reshape(shape), a.transpose(axes), a[index]
    a.to_float(divisor=1)   the value / divisor (a positive integer), rounded once to float64
    exact.sum, mean, prod, cumsum, dot: float64 in, float64 out (np.sum ... np.matmul semantics)
"""
import numpy as np

_to_int = np.frompyfunc(int, 1, 1)
_shl = np.frompyfunc(lambda v, k: v << k, 2, 1)
_is_zero = np.frompyfunc(lambda v: v == 0, 1, 1)


def _shift_left(ints, k):
    return ints if k == 0 else ints * (1 << k)


class Exact:
    __slots__ = ("ints", "s", "shadow")

    def __init__(self, x, _parts=None):
        if _parts is not None:
            self.ints, self.s, self.shadow = _parts
            return
        x = np.asarray(x, dtype=np.float64)
        finite = np.isfinite(x)
        xf = np.where(finite, x, 0.0)
        m, e = np.frexp(xf)                       # xf = m * 2^e, 0.5 <= |m| < 1 (m = e = 0 for 0)
        mant = (m * 2.0 ** 53).astype(np.int64)   # exact: m has 53 significant bits
        nz = mant != 0
        s = int(np.max(53 - e[nz])) if np.any(nz) else 0
        s = max(s, 0)
        # value = mant * 2^(e - 53) = mant * 2^(e - 53 + s) / 2^s, and e - 53 + s >= 0 where mant != 0
        k = np.where(nz, e - 53 + s, 0).astype(np.int64)
        self.ints = _shl(_to_int(mant), _to_int(k))
        self.s = s
        self.shadow = np.where(finite & (x != 0), np.sign(x), x)  # zeros keep their sign

    # ---- elementwise
    @staticmethod
    def _wrap(o):
        return o if isinstance(o, Exact) else Exact(o)

    def _aligned(self, o):
        s = max(self.s, o.s)
        return _shift_left(self.ints, s - self.s), _shift_left(o.ints, s - o.s), s

    def __add__(self, o):
        o = Exact._wrap(o)
        a, b, s = self._aligned(o)
        with np.errstate(invalid="ignore"):
            return Exact(None, (a + b, s, self.shadow + o.shadow))

    __radd__ = __add__

    def __neg__(self):
        return Exact(None, (-self.ints, self.s, -self.shadow))

    def __sub__(self, o):
        return self + (-Exact._wrap(o))

    def __rsub__(self, o):
        return Exact._wrap(o) - self

    def __mul__(self, o):
        o = Exact._wrap(o)
        with np.errstate(invalid="ignore"):
            return Exact(None, (self.ints * o.ints, self.s + o.s, self.shadow * o.shadow))

    __rmul__ = __mul__

    # ---- shape
    @property
    def shape(self):
        return self.shadow.shape

    def reshape(self, *shape):
        return Exact(None, (self.ints.reshape(*shape), self.s, self.shadow.reshape(*shape)))

    def transpose(self, axes=None):
        return Exact(None, (np.transpose(self.ints, axes), self.s, np.transpose(self.shadow, axes)))

    def __getitem__(self, idx):
        return Exact(None, (self.ints[idx], self.s, self.shadow[idx]))

    # ---- reductions
    def sum(self, axis=None, keepdims=False):
        ints = np.sum(self.ints, axis=axis, keepdims=keepdims, dtype=object)
        return Exact(None, (np.asarray(ints, dtype=object), self.s, _shadow_sum(self.shadow, axis, keepdims)))

    def cumsum(self, axis):
        ints = np.cumsum(self.ints, axis=axis, dtype=object)
        with np.errstate(invalid="ignore"):
            shadow = np.cumsum(self.shadow, axis=axis)  # starts from the first term: -0 stays -0
        return Exact(None, (np.asarray(ints, dtype=object), self.s, shadow))

    def prod(self, axis=None, keepdims=False):
        n = self.ints.size if axis is None else int(np.prod([self.ints.shape[a] for a in np.atleast_1d(axis)]))
        ints = np.prod(self.ints, axis=axis, keepdims=keepdims, dtype=object)
        with np.errstate(invalid="ignore"):
            shadow = np.prod(self.shadow, axis=axis, keepdims=keepdims)
        return Exact(None, (np.asarray(ints, dtype=object), self.s * n, np.asarray(shadow, dtype=np.float64)))

    # ---- rounding
    def to_float(self, divisor=1):
        """The exact value / divisor rounded once to float64 (specials from the shadow)."""
        den = int(divisor) << self.s

        def rnd(v):
            try:
                return v / den
            except OverflowError:
                return float("inf") if v > 0 else float("-inf")
        vals = np.asarray(np.frompyfunc(rnd, 1, 1)(self.ints), dtype=np.float64)
        sh = self.shadow
        # an exact zero is -0 only when every term is -0 (as in IEEE, in any order); the shadow
        # is then -0 too, while any nonzero term makes it nonzero or +0
        zero = np.asarray(_is_zero(self.ints), dtype=bool)
        vals = np.where(zero, np.where(np.signbit(sh) & (sh == 0), -0.0, 0.0), vals)
        out = np.where(np.isfinite(sh), vals, sh)
        return out.reshape(self.shape)


def _shadow_sum(sh, axis=None, keepdims=False):
    """IEEE sum of shadows: NumPy's sum starts from +0, so -0 + -0 would come out +0; the IEEE
    sum of terms that are all -0 is -0 (and the empty sum +0)."""
    with np.errstate(invalid="ignore"):
        s = np.asarray(np.sum(sh, axis=axis, keepdims=keepdims), dtype=np.float64)
    n = sh.size if axis is None else int(np.prod([sh.shape[a] for a in np.atleast_1d(axis)]))
    if n:
        neg0 = np.all((sh == 0) & np.signbit(sh), axis=axis, keepdims=keepdims)
        s = np.where(neg0, -0.0, s)
    return s


def _shadow_matmul(a, b):
    # elementwise products then a sum: no BLAS, and the result class does not depend on the order
    with np.errstate(invalid="ignore"):
        return _shadow_sum(a[..., :, :, None] * b[..., None, :, :], axis=-2)


def matmul(a, b):
    a, b = Exact._wrap(a), Exact._wrap(b)
    ints = np.matmul(a.ints, b.ints)
    shadow = _shadow_matmul(a.shadow, b.shadow)
    return Exact(None, (np.asarray(ints, dtype=object), a.s + b.s, shadow))


def tensordot(a, b, axes):
    a, b = Exact._wrap(a), Exact._wrap(b)
    ints = np.tensordot(a.ints, b.ints, axes)
    ta, tb = axes
    ta, tb = list(np.atleast_1d(ta)), list(np.atleast_1d(tb))
    # the shadow as a matmul of the contracted axes moved last / first
    fa = [i for i in range(a.shadow.ndim) if i not in ta]
    fb = [i for i in range(b.shadow.ndim) if i not in tb]
    sa = np.transpose(a.shadow, fa + ta).reshape(int(np.prod([a.shape[i] for i in fa])), -1)
    sb = np.transpose(b.shadow, tb + fb).reshape(-1, int(np.prod([b.shape[i] for i in fb])))
    shadow = _shadow_matmul(sa, sb).reshape([a.shape[i] for i in fa] + [b.shape[i] for i in fb])
    return Exact(None, (np.asarray(ints, dtype=object), a.s + b.s, shadow))


# ---- float64 in, float64 out

def sum(x, axis=None, keepdims=False):  # noqa: A001 (mirrors np.sum)
    return Exact(x).sum(axis, keepdims).to_float()


def mean(x, axis=None, keepdims=False):
    x = np.asarray(x, dtype=np.float64)
    n = x.size if axis is None else int(np.prod([x.shape[a] for a in np.atleast_1d(axis)]))
    return Exact(x).sum(axis, keepdims).to_float(divisor=n)


def cumsum(x, axis):
    return Exact(x).cumsum(axis).to_float()


def prod(x, axis=None, keepdims=False):
    return Exact(x).prod(axis, keepdims).to_float()


def dot(a, b):
    """np.matmul(a, b), each element the exact dot product rounded once."""
    return matmul(a, b).to_float()
