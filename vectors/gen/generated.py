"""Generated tensor data (vectors/FORMAT.md, "Generated data"): a counter-based PRNG that the C
side (reference/src/io/json_generate.c, reference/src/core/fill.c) implements bit for bit, so a
25 M-weight model is a few bytes of JSON. This module is the NumPy side; it uses only integer and IEEE float64
element-wise arithmetic, which is the same on every CPU.

    {"generator": "splitmix64", "seed": S, "low": L, "high": H}

Element i (row-major, from 0) draws z = mix(S + (i + 1) * GAMMA mod 2^64), splitmix64's output
function (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
- float types: u = (z >> 11) * 2^-53 in [0, 1); v = L + (H - L) * u in float64, each operation
  rounded, in that order; then v rounded once (nearest even) to the type. L < H, both finite.
- integer types: L <= H integers in the type's range; v = L + (z mod (H - L + 1)), the modulus
  taken on the exact integer (2^64 for the full uint64/int64 range: v = L + z).
"""
import numpy as np

GAMMA = 0x9E3779B97F4A7C15
MIX1 = 0xBF58476D1CE4E5B9
MIX2 = 0x94D049BB133111EB
MASK64 = (1 << 64) - 1

_NP = {"float32": np.float32, "float16": np.float16, "int8": np.int8, "uint8": np.uint8,
       "int32": np.int32, "uint32": np.uint32, "int64": np.int64, "uint64": np.uint64}


def spec(seed, low, high):
    """The JSON object for generated data."""
    seed = int(seed)
    # beyond 2^53 a JSON number is not exact: a decimal string, as for 64-bit integer data
    return {"generator": "splitmix64", "seed": seed if seed <= 1 << 53 else str(seed), "low": low, "high": high}


def raw64(seed, count):
    """The count 64-bit draws z_0 .. z_{count-1} as a uint64 array."""
    if not 0 <= seed <= MASK64:
        raise ValueError("seed out of range")
    i = np.arange(1, count + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + i * np.uint64(GAMMA)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(MIX1)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(MIX2)
    return z ^ (z >> np.uint64(31))


def generate(dtype, shape, g):
    """The tensor that generated-data object g describes, as an ndarray of dtype."""
    if g.get("generator") != "splitmix64":
        raise ValueError("unknown generator %r" % g.get("generator"))
    count = 1
    for d in shape:
        count *= int(d)
    z = raw64(int(g["seed"]), count)
    lo, hi = g["low"], g["high"]
    if dtype in ("float32", "float16"):
        lo, hi = float(lo), float(hi)
        if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
            raise ValueError("low and high must be finite with low < high")
        u = (z >> np.uint64(11)).astype(np.float64) * (2.0 ** -53)   # exact: < 2^53
        v = np.float64(lo) + np.float64(hi - lo) * u
        with np.errstate(over="ignore"):                             # beyond the type: +-Inf
            return v.astype(_NP[dtype]).reshape(tuple(shape))
    lo, hi = int(lo), int(hi)
    info = np.iinfo(_NP[dtype])
    if not (info.min <= lo <= hi <= info.max):
        raise ValueError("low and high must be integers with low <= high in %s's range" % dtype)
    span = hi - lo + 1
    off = z if span == 1 << 64 else z % np.uint64(span)
    with np.errstate(over="ignore"):
        v = off + np.uint64(lo & MASK64)            # wraps to the two's-complement value
    v = v.view(np.int64) if dtype.startswith("int") else v
    return v.astype(_NP[dtype]).reshape(tuple(shape))
