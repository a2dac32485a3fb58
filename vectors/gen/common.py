"""Shared helpers for the webnn-cts vector generator (Python 3 + NumPy only).

Every family module in vectors/gen/families/ builds its cases with these helpers; the driver
(vectors/gen/gen.py) serialises them. The API below is stable: add to it, do not change it.

Conventions
-----------
* dtype names are the WebNN MLOperandDataType strings: float32 float16 int32 uint32 int64 uint64
  int8 uint8. NP[dtype] is the NumPy type.
* Inputs are drawn from rng(name) (seeded from a string, so adding a case never reshuffles the
  others) and rounded to the input data type FIRST (rand(), round_to()); expected values are then
  computed in float64 (or exact Python/NumPy integers) from the rounded inputs and rounded ONCE to
  the output type by expected().
* A case is a plain dict in the vector format (vectors/FORMAT.md). Build it with
      case(name, inputs={NAME: tensor(...)}, ops=[op(...)], outputs={NAME: expected(...)})
  and return it from your module's generate() -> {file stem: [case, ...]}.

API summary
-----------
  NP, FLOAT_TYPES, INT_TYPES, ALL_TYPES, is_float(dt), itemsize(dt), dtype_class(dt)
  OPS: {op name: ops.json entry}; allowed_types(op, operand), required_types(op, operand),
       allowed_ranks(op, operand) -> (lo, hi|None) or None, required_ranks(op, operand)
  rng(name) -> numpy Generator seeded from the family seed base + name
  round_to(dt, x) -> ndarray of dtype dt (float: one IEEE rounding from float64; int: value must fit)
  wrap_int(dt, x) -> ndarray of dt, two's-complement wrap of exact integers (Python ints ok)
  rand(r, dt, shape, lo, hi) -> ndarray of dt (uniform float in [lo, hi) rounded, or ints in [lo, hi])
  special_values(dt) -> list of float64 specials representable in dt (NaN, +-Inf, -0, subnormals...)
  tensor(dt, shape, values, constant=False) -> graph input entry (values are rounded to dt)
  desc_only(dt, shape) -> graph input entry without data (validation cases)
  op(name, args, options=None, outputs="output") -> operator entry; args: list of (key, value) pairs
       or dict in IDL order; options: dict (omitted when empty)
  expected(dt, values, shape=None) -> expectedOutputs entry; float outputs also carry "exact"
  tolerance(op, dt, N=1, magnitude=None, **vars) -> {"metricType", "value"[, "absoluteFloor"]}
       from vectors/tolerance.json (rows with a floor need magnitude)
  magnitude(abs_sums) -> M: max finite per-element sum of |terms| (for the floor)
  case(name, inputs, ops, outputs, tol=None, tol_op=None, tol_dtype=None, N=1,
       required=None, implementation_defined=False, magnitude=None) -> test dict
  invalid_case(name, inputs, ops, error="TypeError") -> validation test dict
  required_for(op, operands) -> bool  (operands: {ops.json operand key: (dtype, rank)})
  encode(dt, arr) -> JSON data (list, or {"base64": ...} above BASE64_THRESHOLD elements)
"""
import ast
import base64
import hashlib
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS_DIR = os.path.dirname(HERE)
OPS_JSON = os.path.join(HERE, "ops.json")  # snapshot of the spec inventory (shared/spec/ops.json)
TOLERANCE_JSON = os.path.join(VECTORS_DIR, "tolerance.json")

BASE64_THRESHOLD = 256  # tensors with more elements are stored as base64

NP = {
    "float32": np.float32, "float16": np.float16,
    "int32": np.int32, "uint32": np.uint32, "int64": np.int64, "uint64": np.uint64,
    "int8": np.int8, "uint8": np.uint8,
}
ALL_TYPES = ["float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8"]
FLOAT_TYPES = ["float32", "float16"]
INT_TYPES = ["int32", "uint32", "int64", "uint64", "int8", "uint8"]


def is_float(dt):
    return dt in ("float32", "float16")


def itemsize(dt):
    return np.dtype(NP[dt]).itemsize


def dtype_class(dt):
    """Tolerance-table class of a data type: 'float32', 'float16' or 'integer'."""
    return dt if is_float(dt) else "integer"


def int_range(dt):
    info = np.iinfo(NP[dt])
    return int(info.min), int(info.max)


# ---------------------------------------------------------------- ops.json

with open(OPS_JSON, encoding="utf-8") as _f:
    OPS = {o["name"]: o for o in json.load(_f)}


# Where the spec's algorithm is stricter than its tensor-limits table (ops.md section 2 note (a)):
# the algorithm wins.
ALGORITHM_TYPES = {("isNaN", "a"): ["float32", "float16"], ("isInfinite", "a"): ["float32", "float16"]}


def allowed_types(op, operand):
    """Allowed data types of an operand (ops.json allowed_data_types_resolved), or None when the
    entry is relative ('same as X'). ALGORITHM_TYPES overrides the table where the algorithm is
    stricter."""
    if (op, operand) in ALGORITHM_TYPES:
        return list(ALGORITHM_TYPES[(op, operand)])
    v = OPS[op]["allowed_data_types"].get(operand)
    if v == "any":
        return list(ALL_TYPES)
    if isinstance(v, list):
        return list(v)
    r = OPS[op].get("allowed_data_types_resolved", {}).get(operand)
    return list(r) if isinstance(r, list) and not (isinstance(v, str) and v.startswith("same as")) else None


def required_types(op, operand):
    v = OPS[op].get("required_data_types", {}).get(operand)
    return list(v) if isinstance(v, list) else None


def _parse_ranks(s):
    """'0 to 5' -> (0, 5); '1 to N' -> (1, None); 'N' -> (0, None); '4' -> (4, 4); else None."""
    if not isinstance(s, str):
        return None
    s = s.strip()
    if s == "N":
        return (0, None)
    if s.isdigit():
        return (int(s), int(s))
    parts = s.split(" to ")
    if len(parts) == 2 and parts[0].isdigit():
        return (int(parts[0]), None if parts[1] == "N" else int(parts[1]))
    return None


def allowed_ranks(op, operand):
    return _parse_ranks(OPS[op].get("allowed_ranks", {}).get(operand))


def required_ranks(op, operand):
    return _parse_ranks(OPS[op].get("required_ranks", {}).get(operand))


def required_for(op, operands):
    """True when every operand given ({ops.json key: (dtype, rank)}) is on the spec's required data
    types and ranks. Keys not in ops.json's required tables are ignored."""
    for key, (dt, rank) in operands.items():
        rt = required_types(op, key)
        if rt is not None and dt not in rt:
            return False
        rr = required_ranks(op, key)
        if rr is not None and rank is not None:
            lo, hi = rr
            if rank < lo or (hi is not None and rank > hi):
                return False
    return True


# ---------------------------------------------------------------- random inputs

_SEED_BASE = ["webnn-cts"]


def set_seed_base(base):
    """Called by the driver before each family module runs; recorded as provenance.seed."""
    _SEED_BASE[0] = base


def seed_base():
    return _SEED_BASE[0]


def rng(name):
    """A NumPy Generator seeded from sha256(seed base + '/' + name)."""
    h = hashlib.sha256((_SEED_BASE[0] + "/" + name).encode("utf-8")).digest()
    return np.random.Generator(np.random.PCG64(int.from_bytes(h[:16], "little")))


def round_to(dt, x):
    """float64 (or exact integer) values -> ndarray of dtype dt. Floats: a single IEEE
    round-to-nearest-even from float64 (values beyond the range become +-Inf, as the spec's
    conversion does). Integers: the values must already fit (use wrap_int for wrap-around)."""
    if is_float(dt):
        with np.errstate(over="ignore", invalid="ignore"):
            return np.asarray(x, dtype=np.float64).astype(NP[dt])
    a = np.asarray(x)
    if a.dtype == object or a.dtype.kind in "iu":
        lo, hi = int_range(dt)
        flat = [int(v) for v in a.reshape(-1).tolist()]
        for v in flat:
            if v < lo or v > hi:
                raise ValueError("%d does not fit %s (use wrap_int)" % (v, dt))
        return np.array(flat, dtype=NP[dt]).reshape(a.shape)
    f = a.astype(np.float64)
    if not np.all(np.isfinite(f)) or np.any(f != np.trunc(f)):
        raise ValueError("non-integer value for %s" % dt)
    return round_to(dt, np.array([int(v) for v in f.reshape(-1).tolist()], dtype=object).reshape(f.shape))


def wrap_int(dt, x):
    """Exact integers (Python ints / int arrays) -> dtype dt with two's-complement wrap-around."""
    a = np.asarray(x, dtype=object)
    bits = 8 * itemsize(dt)
    signed = dt.startswith("int")
    out = []
    for v in a.reshape(-1).tolist():
        v = int(v) & ((1 << bits) - 1)
        if signed and v >= 1 << (bits - 1):
            v -= 1 << bits
        out.append(v)
    return np.array(out, dtype=NP[dt]).reshape(a.shape)


def rand(r, dt, shape, lo=-1.0, hi=1.0):
    """Random tensor of dtype dt: floats uniform in [lo, hi) rounded to dt; integers uniform in
    [lo, hi] (clipped to the type's range)."""
    shape = tuple(shape)
    if is_float(dt):
        return round_to(dt, r.uniform(lo, hi, size=shape))
    tlo, thi = int_range(dt)
    lo = max(int(math.ceil(lo)), tlo)
    hi = min(int(math.floor(hi)), thi)
    if dt in ("uint64",) or hi - lo >= 1 << 62:
        # draw bytes for the full 64-bit range
        raw = r.integers(0, 1 << 63, size=shape, dtype=np.int64).astype(object) * 2 + r.integers(0, 2, size=shape).astype(object)
        span = hi - lo + 1
        vals = np.array([lo + int(v) % span for v in np.asarray(raw).reshape(-1).tolist()], dtype=object).reshape(shape)
        return round_to(dt, vals)
    return r.integers(lo, hi, size=shape, endpoint=True, dtype=np.int64).astype(NP[dt])


def special_values(dt):
    """Special values representable in dt, as Python numbers (float64 for float types)."""
    if dt == "float32":
        tiny = float(np.finfo(np.float32).tiny)
        return [float("nan"), float("inf"), float("-inf"), -0.0, 0.0, tiny, -tiny,
                float(np.float32(1e-45)), float(-np.float32(1e-45)), tiny / 2 * 1.5,
                float(np.finfo(np.float32).max), float(-np.finfo(np.float32).max)]
    if dt == "float16":
        tiny = float(np.finfo(np.float16).tiny)
        return [float("nan"), float("inf"), float("-inf"), -0.0, 0.0, tiny, -tiny,
                2.0 ** -24, -(2.0 ** -24), 2.0 ** -20, 65504.0, -65504.0]
    lo, hi = int_range(dt)
    vals = [lo, hi, 0, 1]
    if lo < 0:
        vals += [-1, lo + 1]
    return vals


# ---------------------------------------------------------------- JSON encoding

def fmt_float(v):
    """A Python float -> JSON value: 'NaN', 'Infinity', '-Infinity', '-0', an int when integral
    and below 2^53, else the shortest repr (round-trips exactly)."""
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0:
        return "-0" if math.copysign(1.0, v) < 0 else 0
    if v == math.floor(v) and abs(v) < 2.0 ** 53:
        return int(v)
    return v


def fmt_int(v):
    v = int(v)
    return v if -(1 << 53) <= v <= (1 << 53) else str(v)


def encode(dt, arr):
    """ndarray of dtype dt -> the vector format's DATA (flat row-major)."""
    a = np.array(arr, dtype=NP[dt], copy=True, order="C")
    if a.size > BASE64_THRESHOLD:
        le = a.astype(np.dtype(NP[dt]).newbyteorder("<"), copy=False)
        return {"base64": base64.b64encode(le.tobytes()).decode("ascii")}
    flat = a.reshape(-1).tolist()
    if is_float(dt):
        return [fmt_float(v) for v in flat]
    return [fmt_int(v) for v in flat]


def descriptor(dt, shape):
    return {"dataType": dt, "shape": [int(d) for d in shape]}


def tensor(dt, shape, values, constant=False):
    """A graph input (or constant) entry. values: anything round_to accepts, reshaped to shape."""
    shape = tuple(int(d) for d in shape)
    a = values if isinstance(values, np.ndarray) and values.dtype == np.dtype(NP[dt]) else round_to(dt, values)
    a = np.asarray(a).reshape(shape)
    e = {"descriptor": descriptor(dt, shape), "data": encode(dt, a)}
    if constant:
        e["constant"] = True
    return e


def desc_only(dt, shape, constant=False):
    """A graph input without data (validation cases). Constants get zero data."""
    if constant:
        return tensor(dt, shape, np.zeros(tuple(shape), dtype=NP[dt]), constant=True)
    return {"descriptor": descriptor(dt, shape)}


def op(name, args, options=None, outputs="output"):
    """An operator entry. args: dict or list of (key, value) in IDL order; options: dict."""
    items = list(args.items()) if isinstance(args, dict) else list(args)
    arguments = [{k: v} for k, v in items]
    if options:
        arguments.append({"options": dict(options)})
    return {"name": name, "arguments": arguments, "outputs": outputs}


def expected(dt, values, shape=None):
    """An expectedOutputs entry. values: float64 values (rounded here, once, to dt; the unrounded
    float64 values are stored as "exact") or, for integer dt, exact integers that fit dt."""
    a = np.asarray(values) if not isinstance(values, np.ndarray) else values
    if shape is None:
        shape = a.shape
    shape = tuple(int(d) for d in shape)
    if is_float(dt):
        f64 = np.asarray(a, dtype=np.float64).reshape(shape)
        e = {"descriptor": descriptor(dt, shape), "data": encode(dt, round_to(dt, f64)),
             "exact": [fmt_float(v) for v in f64.reshape(-1).tolist()]}
        return e
    ints = a if a.dtype == np.dtype(NP[dt]) else round_to(dt, a)
    return {"descriptor": descriptor(dt, shape), "data": encode(dt, np.asarray(ints).reshape(shape))}


# ---------------------------------------------------------------- tolerances

_TOL = {}


def _load_tolerances():
    if _TOL:
        return _TOL
    with open(TOLERANCE_JSON, encoding="utf-8") as f:
        t = json.load(f)
    for row in t["rows"]:
        _TOL[(row["op"], row["types"])] = row
    return _TOL


_ALLOWED_FUNCS = {"ceil": math.ceil, "floor": math.floor, "sqrt": math.sqrt, "log2": math.log2,
                  "max": max, "min": min}


def eval_bound(expr, **vars):
    """Evaluates a tolerance bound formula: numbers, + - * / **, ( ), the variables given and
    ceil floor sqrt log2 max min."""
    tree = ast.parse(str(expr), mode="eval")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if node.id not in vars and node.id not in _ALLOWED_FUNCS:
                raise ValueError("unknown name %r in bound %r" % (node.id, expr))
        elif not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Constant, ast.Load,
                                   ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub)):
            raise ValueError("bound %r uses %s" % (expr, type(node).__name__))
    env = dict(_ALLOWED_FUNCS)
    env.update(vars)
    return eval(compile(tree, "<bound>", "eval"), {"__builtins__": {}}, env)


# Unit roundoff of the output type, for the floor's gamma(n) (tolerance.json "variables").
UNIT_ROUNDOFF = {"float32": 2.0 ** -24, "float16": 2.0 ** -11}


def gamma_for(dt):
    """gamma(n) = n*u/(1-n*u) with u the unit roundoff of dt; inf where n*u >= 1 (no bound)."""
    u = UNIT_ROUNDOFF[dt]

    def gamma(n):
        return n * u / (1.0 - n * u) if n * u < 1.0 else math.inf
    return gamma


def magnitude(abs_sums):
    """A case's magnitude M for the floor: the largest finite entry of an array of per-element
    sums of |terms| (0 when there is none: special-value cases)."""
    a = np.asarray(abs_sums, dtype=np.float64).reshape(-1)
    a = a[np.isfinite(a)]
    return float(np.max(a)) if a.size else 0.0


def round_up_f32(x):
    """The smallest float32 value >= x (as a Python float), so a floor is reproducible."""
    with np.errstate(over="ignore"):
        f = np.float32(x)
    if float(f) < x:
        f = np.nextafter(f, np.float32(np.inf))
    return float(f)


def tolerance(op_name, dt, N=1, magnitude=None, **vars):
    """{"metricType", "value"[, "absoluteFloor"]} for op_name on data type dt (its class), with
    the bound formula evaluated for accumulation length N (and any other variables the row
    uses). Rows with a "floor" formula need the case's magnitude M (see magnitude()); the floor
    is emitted when it is finite and positive."""
    row = _load_tolerances().get((op_name, dtype_class(dt)))
    if row is None:
        raise KeyError("vectors/tolerance.json has no row for (%s, %s)" % (op_name, dtype_class(dt)))
    if row["metric"] == "EXACT":
        return {"metricType": "EXACT", "value": 0}
    v = eval_bound(row["bound"], N=N, **vars)
    v = float(v)
    if row["metric"] == "ULP":
        v = float(math.ceil(v))
    tol = {"metricType": row["metric"], "value": fmt_float(v)}
    if row.get("floor"):
        if magnitude is None:
            raise ValueError("tolerance row (%s, %s) has a floor: pass the case's magnitude" % (op_name, dtype_class(dt)))
        f = float(eval_bound(row["floor"], N=N, M=float(magnitude), gamma=gamma_for(dt), **vars))
        f = round_up_f32(f) if math.isfinite(f) else f
        if math.isfinite(f) and f > 0:
            tol["absoluteFloor"] = fmt_float(f)
    return tol


# ---------------------------------------------------------------- cases

def _operand_keys(op_entry, inputs, outputs):
    """{ops.json operand key: (dtype, rank)} for the graph inputs / expected outputs an operator
    touches directly."""
    name = op_entry["name"]
    info = OPS[name]
    keys = {}
    req = set(info.get("required_data_types", {})) | set(info.get("allowed_data_types", {}))
    for arg in op_entry["arguments"]:
        (k, v), = arg.items()
        if k == "options":
            for ok, ov in v.items():
                if isinstance(ov, str) and ov in inputs and ok in req:
                    d = inputs[ov]["descriptor"]
                    keys[ok] = (d["dataType"], len(d["shape"]))
            continue
        if isinstance(v, str) and v in inputs and k in req:
            d = inputs[v]["descriptor"]
            keys[k] = (d["dataType"], len(d["shape"]))
        elif isinstance(v, list) and (k + "[*]") in req:
            for i, item in enumerate(v):
                if isinstance(item, str) and item in inputs:
                    d = inputs[item]["descriptor"]
                    keys["%s[*]#%d" % (k, i)] = (d["dataType"], len(d["shape"]))
    outs = op_entry["outputs"]
    outs = [outs] if isinstance(outs, str) else list(outs)
    for i, o in enumerate(outs):
        if o not in outputs:
            continue
        d = outputs[o]["descriptor"]
        for k in ("output", "outputs[%d]" % i, "outputs"):
            if k in req:
                keys[k + ("#%d" % i if k == "outputs" else "")] = (d["dataType"], len(d["shape"]))
                break
    return keys


def case_required(inputs, ops, outputs):
    """Whether every operator's directly visible operands are on required types and ranks."""
    for o in ops:
        # list operands (inputs[*], outputs) appear once per element as "key#i"
        for k, v in _operand_keys(o, inputs, outputs).items():
            if not required_for(o["name"], {k.split("#")[0]: v}):
                return False
    return True


def case(name, inputs, ops, outputs, tol=None, tol_op=None, tol_dtype=None, N=1, required=None,
         implementation_defined=False, tol_vars=None, magnitude=None):
    """A numeric test. inputs: {name: tensor(...)}; ops: an op(...) or a list of them;
    outputs: {name: expected(...)}. The tolerance defaults to tolerance(tol_op or the last
    operator's name, tol_dtype or the first operand's data type, N, magnitude: the case's
    max sum of |terms|, needed by accumulating ops, see tolerance()). required defaults to
    case_required(). implementation_defined cases are stored but not asserted."""
    if isinstance(ops, dict):
        ops = [ops]
    if tol is None:
        top = tol_op or ops[-1]["name"]
        if tol_dtype is None:
            first = None
            for arg in ops[-1]["arguments"]:
                (k, v), = arg.items()
                if isinstance(v, list) and v and isinstance(v[0], str):
                    v = v[0]
                if isinstance(v, str) and v in inputs:
                    first = inputs[v]["descriptor"]["dataType"]
                    break
            tol_dtype = first or next(iter(outputs.values()))["descriptor"]["dataType"]
        tol = tolerance(top, tol_dtype, N, magnitude=magnitude, **(tol_vars or {}))
    if required is None:
        required = case_required(inputs, ops, outputs)
    t = {"name": name,
         "graph": {"inputs": inputs, "operators": ops, "expectedOutputs": outputs},
         "tolerance": tol,
         "required": bool(required)}
    if implementation_defined:
        t["implementationDefined"] = True
    return t


def invalid_case(name, inputs, ops, error="TypeError", required=True):
    """A graph the builder must reject with `error` (TypeError unless the spec says otherwise)."""
    if isinstance(ops, dict):
        ops = [ops]
    return {"name": name, "graph": {"inputs": inputs, "operators": ops},
            "expectedError": error, "required": bool(required)}


def shape_str(shape):
    """[2, 3] -> '2x3'; [] -> 'scalar' (for case names)."""
    return "x".join(str(int(d)) for d in shape) if len(shape) else "scalar"


# ---------------------------------------------------------------- file serialisation (driver)

def dumps_test(t):
    return json.dumps(t, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def dumps_file(generator, tests):
    """Deterministic file text: one test per line, keys sorted, provenance with a content hash."""
    names = set()
    for t in tests:
        if t["name"] in names:
            raise ValueError("duplicate test name %r" % t["name"])
        names.add(t["name"])
    lines = [dumps_test(t) for t in tests]
    body = ",\n".join(lines)
    h = hashlib.sha256(body.encode("ascii")).hexdigest()
    # no library versions here: the bytes depend on the inputs and vectors/gen alone (FORMAT.md)
    prov = {"contentHash": "sha256:" + h, "generator": generator,
            "seed": seed_base(), "cases": len(tests)}
    head = '{"format":"webnn-cts-vectors/1","provenance":%s,"tests":[\n' % json.dumps(prov, sort_keys=True, separators=(",", ":"))
    return head + body + "\n]}\n"


# ---------------------------------------------------------------- shapes

# One representative shape per rank (small, with a 1 and distinct sizes to catch axis mix-ups).
RANK_SHAPES = {0: (), 1: (5,), 2: (3, 4), 3: (2, 3, 4), 4: (2, 1, 3, 4), 5: (2, 3, 1, 2, 3), 6: (1, 2, 2, 1, 3, 2)}

# (a shape, b shape) pairs that broadcast (numpy rules = the spec's bidirectional broadcasting).
BROADCAST_PAIRS = [((2, 3), ()), ((), (2, 3)), ((2, 3), (3,)), ((3,), (2, 3)), ((2, 1), (1, 3)),
                   ((4, 1, 3), (2, 1)), ((2, 3, 4), (3, 1)), ((1, 2, 1, 3), (2, 1, 4, 1)),
                   ((2, 1, 3, 1, 2), (3, 4, 2)), ((1,), (2, 2, 2))]


def ranks_for(op, operand, upto=5):
    """Ranks from the lowest allowed to max(upto, lowest), clipped to the highest allowed."""
    r = allowed_ranks(op, operand) or (0, None)
    lo, hi = r
    top = max(upto, lo) if hi is None else min(max(upto, lo), hi)
    return list(range(lo, top + 1))
