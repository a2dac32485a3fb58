"""The vector generator's arithmetic (vectors/gen/exact.py, crmath.py): exact sums and dot
products rounded once, correctly rounded elementary functions, IEEE specials. Checked against
independent oracles: Python's Fraction (exact rationals) and mpmath at 300 bits."""
import math
import os
import sys
from fractions import Fraction

import mpmath
import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "vectors", "gen"))
import crmath  # noqa: E402
import exact  # noqa: E402


def nearest(values_exact, got):
    """True when got is the float64 nearest to the exact value (ties to even)."""
    return float(values_exact) == got  # Fraction -> float is correctly rounded


def rand_f32(r, shape, lo=-1.0, hi=1.0):
    return r.uniform(lo, hi, size=shape).astype(np.float32).astype(np.float64)


def test_dot_is_the_exact_dot_product_rounded_once():
    r = np.random.default_rng(11)
    a = rand_f32(r, (2, 3, 17), -3, 3)
    b = rand_f32(r, (17, 5), -3, 3)
    y = exact.dot(a, b)
    for i in range(2):
        for j in range(3):
            for k in range(5):
                ex = sum((Fraction(a[i, j, t]) * Fraction(b[t, k]) for t in range(17)), Fraction(0))
                assert nearest(ex, y[i, j, k])


def test_dot_of_float64_values_whose_products_are_not_exact():
    r = np.random.default_rng(12)
    a, b = r.uniform(-1, 1, (4, 9)), r.uniform(-1, 1, (9, 3))
    y = exact.dot(a, b)
    for i in range(4):
        for k in range(3):
            ex = sum((Fraction(a[i, t]) * Fraction(b[t, k]) for t in range(9)), Fraction(0))
            assert nearest(ex, y[i, k])


def test_cancellation_that_float64_summation_gets_wrong():
    x = np.array([1e16, 1.0, -1e16, 1.0])
    assert exact.sum(x) == 2.0
    assert np.sum(x) != 2.0 or math.fsum(x) == 2.0  # the naive order loses the ones


def test_mean_rounds_once():
    x = np.array([0.1, 0.2, 0.4])
    ex = (Fraction(0.1) + Fraction(0.2) + Fraction(0.4)) / 3
    assert nearest(ex, exact.mean(x))


def test_sum_and_product_specials():
    inf, nan = math.inf, math.nan
    assert exact.sum(np.array([inf, 1.0])) == inf
    assert math.isnan(exact.sum(np.array([inf, -inf])))
    assert math.isnan(exact.sum(np.array([1.0, nan])))
    assert exact.sum(np.array([1e308, 1e308])) == inf  # the exact sum overflows float64
    assert exact.sum(np.array([1e308, 1e308, -1e308])) == 1e308  # no intermediate overflow
    assert math.copysign(1, exact.sum(np.array([-0.0, -0.0]))) < 0
    assert math.copysign(1, exact.sum(np.array([-0.0, 0.0]))) > 0
    assert math.copysign(1, exact.sum(np.array([1.5, -1.5]))) > 0
    assert math.copysign(1, exact.prod(np.array([-0.0, 3.0]))) < 0
    assert math.isnan(exact.dot(np.array([[0.0, 1.0]]), np.array([[inf], [1.0]]))[0, 0])
    assert exact.dot(np.array([[2.0, 1.0]]), np.array([[-inf], [1.0]]))[0, 0] == -inf
    assert exact.sum(np.array([5e-324, 5e-324])) == 1e-323
    assert exact.mean(np.array([5e-324, 0.0])) == 0.0  # half the smallest subnormal: tie to even


def test_cumsum_is_exact_per_prefix():
    x = np.array([1e16, 1.0, 1.0, -1e16])
    assert list(exact.cumsum(x, 0)) == [1e16, float(Fraction(1e16) + 1), float(Fraction(1e16) + 2), 2.0]


def test_tensordot_matches_dot():
    r = np.random.default_rng(13)
    a, b = rand_f32(r, (2, 3, 4, 5)), rand_f32(r, (6, 3, 4))
    y = exact.tensordot(a, b, ([1, 2], [1, 2])).to_float()
    z = exact.dot(np.transpose(a, (0, 3, 1, 2)).reshape(10, 12), b.reshape(6, 12).T).reshape(2, 5, 6)
    assert np.array_equal(y, z)


FUNCS = ["exp", "expm1", "log", "log1p", "sin", "cos", "tan", "tanh", "sinh", "cosh", "asin", "acos", "atan",
         "asinh", "acosh", "atanh", "erf", "erfc"]
DOMAIN = {"log": (1e-3, 50), "log1p": (-0.9, 50), "asin": (-1, 1), "acos": (-1, 1), "atanh": (-0.99, 0.99),
          "acosh": (1, 50), "sinh": (-20, 20), "cosh": (-20, 20), "exp": (-50, 50), "expm1": (-50, 50)}


def is_nearest(y, t):
    """y (float64) is the nearest float64 to the mpf t: no neighbour is closer."""
    d = abs(mpmath.mpf(y) - t)
    return all(d <= abs(mpmath.mpf(float(n)) - t) for n in (np.nextafter(y, np.inf), np.nextafter(y, -np.inf)))


@pytest.mark.parametrize("name", FUNCS)
def test_elementary_functions_are_correctly_rounded(name):
    lo, hi = DOMAIN.get(name, (-5, 5))
    x = np.random.default_rng(abs(hash(name)) % 2 ** 32).uniform(lo, hi, 150)
    if lo < 0:
        x = np.concatenate([x, [1e-300, -1e-300]])
    y = getattr(crmath, name)(x)
    with mpmath.workprec(300):
        for v, w in zip(x, y):
            assert is_nearest(w, getattr(mpmath, name)(mpmath.mpf(v))), (name, v, w)


def test_specials_follow_c99():
    inf, nan = math.inf, math.nan
    assert crmath.exp(np.array([-inf, inf, -1e38, 1e38])).tolist() == [0.0, inf, 0.0, inf]
    assert crmath.tanh(np.array([-inf, inf])).tolist() == [-1.0, 1.0]
    assert all(math.isnan(v) for v in crmath.sin(np.array([inf, -inf, nan])))
    assert crmath.log(np.array([0.0, inf])).tolist() == [-inf, inf]
    assert math.isnan(crmath.log(np.array([-1.0]))[0])
    assert math.copysign(1, crmath.sin(np.array([-0.0]))[0]) < 0
    assert crmath.exp(np.array([-745.1])).tolist() == [5e-324]  # subnormal result, rounded once
    assert crmath.erfc(np.array([-inf])).tolist() == [2.0]


def test_pow():
    assert crmath.pow(np.array([2.0, -2.0, -8.0, 0.0, -0.0]), np.array([0.5, 3.0, 1 / 3, -1.0, -1.0])).tolist()[:2] == \
        [math.sqrt(2.0), -8.0]
    assert math.isnan(crmath.pow(np.array([-8.0]), np.array([1 / 3]))[0])
    assert crmath.pow(np.array([0.0, -0.0]), np.array([-1.0, -1.0])).tolist() == [math.inf, -math.inf]
    r = np.random.default_rng(14)
    x, e = r.uniform(0.1, 10, 60), r.uniform(-5, 5, 60)
    with mpmath.workprec(300):
        for a, b, w in zip(x, e, crmath.pow(x, e)):
            assert is_nearest(w, mpmath.power(mpmath.mpf(a), mpmath.mpf(b)))
