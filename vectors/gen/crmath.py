"""Correctly rounded float64 elementary functions for expected values (issue 13).

NumPy's float64 exp, log, sin, tanh ... take CPU-dispatched SIMD paths (AVX-512 or not) and glibc
picks FMA variants at run time, so their last bits differ between machines. Here each function is
evaluated with mpmath (python3-mpmath, with gmpy2 when present) by Ziv's strategy: at working
precision p the result y carries a relative error far below 2^-(p - GUARD); if y*(1 - 2^-(p-GUARD))
and y*(1 + 2^-(p-GUARD)) round to the same float64, that float64 is the correctly rounded value;
otherwise p is doubled. mpmath's elementary functions are accurate to about an ulp of the working
precision (they add their own guard bits and adapt the precision of argument reduction), so
GUARD = 16 bits is a wide margin. Rounding the mpf to float64 goes through exact integers and
CPython's correctly rounded int / int division (subnormals and overflow included).

Inputs that are not finite get the C99 / IEEE results (exp(-inf) = 0, tanh(inf) = 1, sin(inf) =
NaN ...), written out per function; arguments outside a function's real domain give NaN.

    exp expm1 log log1p sin cos tan tanh sinh cosh asin acos atan asinh acosh atanh erf erfc
    softplus (log(1 + exp(x))), pow(x, y): NumPy-like, float64 arrays (or numbers) in and out
"""
import math

import mpmath
import numpy as np

GUARD = 16
START_PREC = 80
MAX_PREC = 5000

_INF = float("inf")
_NAN = float("nan")


def _round_mpf(y):
    """An mpf (finite, real) -> the nearest float64, ties to even."""
    sign, man, exp, bc = y._mpf_  # |y| = man * 2^exp exactly, man has bc bits
    if exp + bc < -1076:  # below half the smallest subnormal: rounds to zero
        return -0.0 if sign else 0.0
    if exp + bc > 1025:   # at least 2^1024: overflows
        return -_INF if sign else _INF
    man, exp = (-int(man) if sign else int(man)), int(exp)
    try:
        return float(man << exp) if exp >= 0 else man / (1 << -exp)
    except OverflowError:
        return _INF if man > 0 else -_INF


def _ziv(f, args):
    prec = START_PREC
    while True:
        with mpmath.workprec(prec):
            y = f(*[mpmath.mpf(a) for a in args])
            if isinstance(y, mpmath.mpc):
                if y.imag != 0:
                    return _NAN
                y = y.real
            if not mpmath.isfinite(y):
                return float(y)
            if y == 0:
                return 0.0
            eps = mpmath.ldexp(abs(y), -(prec - GUARD))
            lo, hi = _round_mpf(y - eps), _round_mpf(y + eps)
        if lo == hi or prec >= MAX_PREC:
            return lo
        prec *= 2


def _make(f, specials, domain=None, zero_keeps_sign=False):
    """A NumPy-like function from an mpmath function f of one argument. specials: {inf: r,
    -inf: r} (NaN always gives NaN); domain(x) -> False gives NaN; zero_keeps_sign: f(+-0) = +-0."""
    cache = {}

    def one(x):
        x = float(x)
        if x != x:
            return _NAN
        if math.isinf(x):
            return specials[x]
        if domain is not None and not domain(x):
            return _NAN
        if x == 0 and zero_keeps_sign:
            return x
        r = cache.get(x)
        if r is None:
            r = cache[x] = _ziv(f, (x,))
        return r

    vec = np.frompyfunc(one, 1, 1)

    def fn(x):
        a = np.asarray(x, dtype=np.float64)
        if not a.ndim:
            return np.float64(one(a))
        with np.errstate(invalid="ignore"):  # NaN results are intended
            return np.asarray(vec(a), dtype=np.float64).reshape(a.shape)
    return fn


exp = _make(mpmath.exp, {_INF: _INF, -_INF: 0.0})
expm1 = _make(mpmath.expm1, {_INF: _INF, -_INF: -1.0}, zero_keeps_sign=True)
log = _make(mpmath.log, {_INF: _INF, -_INF: _NAN}, domain=lambda x: x >= 0)
log1p = _make(mpmath.log1p, {_INF: _INF, -_INF: _NAN}, domain=lambda x: x >= -1, zero_keeps_sign=True)
sin = _make(mpmath.sin, {_INF: _NAN, -_INF: _NAN}, zero_keeps_sign=True)
cos = _make(mpmath.cos, {_INF: _NAN, -_INF: _NAN})
tan = _make(mpmath.tan, {_INF: _NAN, -_INF: _NAN}, zero_keeps_sign=True)
tanh = _make(mpmath.tanh, {_INF: 1.0, -_INF: -1.0}, zero_keeps_sign=True)
sinh = _make(mpmath.sinh, {_INF: _INF, -_INF: -_INF}, zero_keeps_sign=True)
cosh = _make(mpmath.cosh, {_INF: _INF, -_INF: _INF})
asin = _make(mpmath.asin, {_INF: _NAN, -_INF: _NAN}, domain=lambda x: -1 <= x <= 1, zero_keeps_sign=True)
acos = _make(mpmath.acos, {_INF: _NAN, -_INF: _NAN}, domain=lambda x: -1 <= x <= 1)
atan = _make(mpmath.atan, {_INF: math.pi / 2, -_INF: -math.pi / 2}, zero_keeps_sign=True)
asinh = _make(mpmath.asinh, {_INF: _INF, -_INF: -_INF}, zero_keeps_sign=True)
acosh = _make(mpmath.acosh, {_INF: _INF, -_INF: _NAN}, domain=lambda x: x >= 1)
atanh = _make(mpmath.atanh, {_INF: _NAN, -_INF: _NAN}, domain=lambda x: -1 <= x <= 1, zero_keeps_sign=True)
erf = _make(mpmath.erf, {_INF: 1.0, -_INF: -1.0}, zero_keeps_sign=True)
erfc = _make(mpmath.erfc, {_INF: 0.0, -_INF: 2.0})
softplus = _make(lambda x: mpmath.log1p(mpmath.exp(x)), {_INF: _INF, -_INF: 0.0})


def _pow_one(x, y):
    x, y = float(x), float(y)
    # C99 Annex F defines these cases (NaN, infinities, zeros, a negative base with a non-integer
    # exponent) exactly, so libm's pow gives the same result everywhere
    if not (math.isfinite(x) and math.isfinite(y)) or x == 0 or y == 0 or x < 0 and y != math.floor(y):
        with np.errstate(all="ignore"):
            return float(np.power(x, y))
    if x < 0:  # integral y: the sign of x^|y| is the parity of y
        r = _ziv(lambda a, b: mpmath.power(-a, b), (x, y))
        return -r if int(y) % 2 else r
    return _ziv(mpmath.power, (x, y))


_pow_vec = np.frompyfunc(_pow_one, 2, 1)


def pow(x, y):  # noqa: A001 (mirrors np.power)
    a, b = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
    with np.errstate(all="ignore"):
        return np.asarray(_pow_vec(a, b), dtype=np.float64).reshape(a.shape)
