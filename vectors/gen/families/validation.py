"""Validation vectors for all 95 ops: graphs the builder must reject (TypeError).

Systematic cases come from ops.json (vectors/gen/ops.json): for every operand of every op, each
data type outside its allowed set, ranks just outside its allowed range, and 'same as X' type
mismatches. Hand-written cases cover every entry of each op's "validation_errors" (ERRORS below,
one list of mutations per entry, in ops.json order). Each case starts from a valid base graph
(BASE) and applies mutations to it."""
import copy

from common import ALL_TYPES, OPS, allowed_ranks, allowed_types, desc_only, invalid_case, op

F = "float32"


def base(operands, pos, options=None, outputs="output"):
    """operands: {key: (dtype, shape)}; pos: [(arg name, "@key" | [refs] | literal)]."""
    return {"operands": {k: [v[0], list(v[1])] for k, v in operands.items()}, "pos": list(pos),
            "options": dict(options or {}), "outputs": outputs}


def un(dt=F, shape=(2, 3), arg="input", opts=None):
    return base({arg: (dt, shape)}, [(arg, "@" + arg)], opts)


def bi(dt=F):
    return base({"a": (dt, (2, 3)), "b": (dt, (2, 3))}, [("a", "@a"), ("b", "@b")])


def pool():
    return base({"input": (F, (1, 2, 4, 4))}, [("input", "@input")], {"windowDimensions": [2, 2]})


def red(dt=F):
    return base({"input": (dt, (2, 3))}, [("input", "@input")], {"axes": [1]})


BASE = {
    "argMin": base({"input": (F, (2, 3))}, [("input", "@input"), ("axis", 1)]),
    "argMax": base({"input": (F, (2, 3))}, [("input", "@input"), ("axis", 1)]),
    "batchNormalization": base({"input": (F, (2, 3, 4)), "mean": (F, (3,)), "variance": (F, (3,)), "scale": (F, (3,)),
                                "bias": (F, (3,))}, [("input", "@input"), ("mean", "@mean"), ("variance", "@variance")],
                               {"scale": "@scale", "bias": "@bias", "axis": 1}),
    "cast": base({"input": (F, (2, 3))}, [("input", "@input"), ("dataType", "int32")]),
    "clamp": un(opts={"minValue": 0, "maxValue": 6}),
    "concat": base({"inputs[*]": (F, (2, 3)), "x1": (F, (2, 2))}, [("inputs", ["@inputs[*]", "@x1"]), ("axis", 1)]),
    "conv2d": base({"input": (F, (1, 2, 5, 5)), "filter": (F, (3, 2, 3, 3)), "bias": (F, (3,))},
                   [("input", "@input"), ("filter", "@filter")], {"bias": "@bias"}),
    "convTranspose2d": base({"input": (F, (1, 2, 3, 3)), "filter": (F, (2, 3, 3, 3)), "bias": (F, (3,))},
                            [("input", "@input"), ("filter", "@filter")], {"bias": "@bias"}),
    "cumulativeSum": base({"input": (F, (2, 3))}, [("input", "@input"), ("axis", 1)]),
    "dequantizeLinear": base({"input": ("uint8", (2, 4)), "scale": (F, (2, 2)), "zeroPoint": ("uint8", (2, 2))},
                             [("input", "@input"), ("scale", "@scale"), ("zeroPoint", "@zeroPoint")]),
    "quantizeLinear": base({"input": (F, (2, 4)), "scale": (F, (2, 2)), "zeroPoint": ("uint8", (2, 2))},
                           [("input", "@input"), ("scale", "@scale"), ("zeroPoint", "@zeroPoint")]),
    "expand": base({"input": (F, (1, 3))}, [("input", "@input"), ("newShape", [2, 3])]),
    "gather": base({"input": (F, (3, 4)), "indices": ("int32", (2,))}, [("input", "@input"), ("indices", "@indices")],
                   {"axis": 0}),
    "gatherElements": base({"input": (F, (3, 4)), "indices": ("int32", (2, 4))},
                           [("input", "@input"), ("indices", "@indices")], {"axis": 0}),
    "gatherND": base({"input": (F, (3, 4)), "indices": ("int32", (2, 2))}, [("input", "@input"), ("indices", "@indices")]),
    "gemm": base({"a": (F, (2, 3)), "b": (F, (3, 4)), "c": (F, (4,))}, [("a", "@a"), ("b", "@b")], {"c": "@c"}),
    "gru": base({"input": (F, (2, 1, 3)), "weight": (F, (1, 12, 3)), "recurrentWeight": (F, (1, 12, 4)),
                 "bias": (F, (1, 12)), "recurrentBias": (F, (1, 12)), "initialHiddenState": (F, (1, 1, 4))},
                [("input", "@input"), ("weight", "@weight"), ("recurrentWeight", "@recurrentWeight"), ("steps", 2),
                 ("hiddenSize", 4)],
                {"bias": "@bias", "recurrentBias": "@recurrentBias", "initialHiddenState": "@initialHiddenState"},
                outputs=["output0"]),
    "gruCell": base({"input": (F, (1, 3)), "weight": (F, (12, 3)), "recurrentWeight": (F, (12, 4)),
                     "hiddenState": (F, (1, 4)), "bias": (F, (12,)), "recurrentBias": (F, (12,))},
                    [("input", "@input"), ("weight", "@weight"), ("recurrentWeight", "@recurrentWeight"),
                     ("hiddenState", "@hiddenState"), ("hiddenSize", 4)], {"bias": "@bias", "recurrentBias": "@recurrentBias"}),
    "lstm": base({"input": (F, (2, 1, 3)), "weight": (F, (1, 16, 3)), "recurrentWeight": (F, (1, 16, 4)),
                  "bias": (F, (1, 16)), "recurrentBias": (F, (1, 16)), "peepholeWeight": (F, (1, 12)),
                  "initialHiddenState": (F, (1, 1, 4)), "initialCellState": (F, (1, 1, 4))},
                 [("input", "@input"), ("weight", "@weight"), ("recurrentWeight", "@recurrentWeight"), ("steps", 2),
                  ("hiddenSize", 4)],
                 {"bias": "@bias", "recurrentBias": "@recurrentBias", "peepholeWeight": "@peepholeWeight",
                  "initialHiddenState": "@initialHiddenState", "initialCellState": "@initialCellState"},
                 outputs=["output0", "output1"]),
    "lstmCell": base({"input": (F, (1, 3)), "weight": (F, (16, 3)), "recurrentWeight": (F, (16, 4)),
                      "hiddenState": (F, (1, 4)), "cellState": (F, (1, 4)), "bias": (F, (16,)), "recurrentBias": (F, (16,)),
                      "peepholeWeight": (F, (12,))},
                     [("input", "@input"), ("weight", "@weight"), ("recurrentWeight", "@recurrentWeight"),
                      ("hiddenState", "@hiddenState"), ("cellState", "@cellState"), ("hiddenSize", 4)],
                     {"bias": "@bias", "recurrentBias": "@recurrentBias", "peepholeWeight": "@peepholeWeight"},
                     outputs=["output0", "output1"]),
    "instanceNormalization": base({"input": (F, (1, 2, 3, 3)), "scale": (F, (2,)), "bias": (F, (2,))},
                                  [("input", "@input")], {"scale": "@scale", "bias": "@bias"}),
    "layerNormalization": base({"input": (F, (2, 3, 4)), "scale": (F, (3, 4)), "bias": (F, (3, 4))},
                               [("input", "@input")], {"scale": "@scale", "bias": "@bias"}),
    "matmul": base({"a": (F, (2, 3)), "b": (F, (3, 4))}, [("a", "@a"), ("b", "@b")]),
    "pad": base({"input": (F, (2, 3))}, [("input", "@input"), ("beginningPadding", [1, 0]), ("endingPadding", [0, 1])]),
    "averagePool2d": pool(), "l2Pool2d": pool(), "maxPool2d": pool(),
    "prelu": base({"input": (F, (2, 3)), "slope": (F, (3,))}, [("input", "@input"), ("slope", "@slope")]),
    "resample2d": base({"input": (F, (1, 2, 3, 3))}, [("input", "@input")], {"sizes": [6, 6]}),
    "reshape": base({"input": (F, (2, 3))}, [("input", "@input"), ("newShape", [3, 2])]),
    "reverse": un(),
    "scatterElements": base({"input": (F, (3, 4)), "indices": ("int32", (2, 4)), "updates": (F, (2, 4))},
                            [("input", "@input"), ("indices", "@indices"), ("updates", "@updates")], {"axis": 0}),
    "scatterND": base({"input": (F, (3, 4)), "indices": ("int32", (2, 1)), "updates": (F, (2, 4))},
                      [("input", "@input"), ("indices", "@indices"), ("updates", "@updates")]),
    "slice": base({"input": (F, (3, 4))}, [("input", "@input"), ("starts", [0, 1]), ("sizes", [2, 2])]),
    "softmax": base({"input": (F, (2, 3))}, [("input", "@input"), ("axis", 1)]),
    "split": base({"input": (F, (2, 6))}, [("input", "@input"), ("splits", 2)], {"axis": 1}, outputs=["out0", "out1"]),
    "tile": base({"input": (F, (2, 3))}, [("input", "@input"), ("repetitions", [1, 2])]),
    "transpose": un(), "triangular": un(shape=(3, 3)),
    "where": base({"condition": ("uint8", (2, 3)), "trueValue": (F, (2, 3)), "falseValue": (F, (2, 3))},
                  [("condition", "@condition"), ("trueValue", "@trueValue"), ("falseValue", "@falseValue")]),
}
for _o in ("add", "sub", "mul", "div", "max", "min", "pow", "equal", "notEqual", "greater", "greaterOrEqual", "lesser",
           "lesserOrEqual"):
    BASE[_o] = bi()
for _o in ("logicalAnd", "logicalOr", "logicalXor"):
    BASE[_o] = bi("uint8")
BASE["logicalNot"] = un("uint8", arg="a")
BASE["isNaN"] = un(arg="a")
BASE["isInfinite"] = un(arg="a")
for _o in ("abs", "ceil", "cos", "erf", "exp", "floor", "identity", "log", "neg", "reciprocal", "roundEven", "sin", "sign",
           "sqrt", "tan", "elu", "gelu", "hardSigmoid", "hardSwish", "leakyRelu", "linear", "relu", "sigmoid", "softplus",
           "softsign", "tanh"):
    BASE[_o] = un()
for _o in ("reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMax", "reduceMean", "reduceMin",
           "reduceProduct", "reduceSum", "reduceSumSquare"):
    BASE[_o] = red()


# ---- mutations: ("T", key, dtype) ("S", key, shape) ("O", name, value) ("P", name, value) ("X", option name)
def T(k, dt):
    return ("T", k, dt)


def S(k, shape):
    return ("S", k, list(shape))


def O(name, v):
    return ("O", name, v)


def P(name, v):
    return ("P", name, v)


def X(name):
    return ("X", name, None)


def apply(cfg, muts):
    c = copy.deepcopy(cfg)
    for kind, k, v in muts:
        if kind == "T":
            c["operands"][k][0] = v
        elif kind == "S":
            c["operands"][k][1] = v
        elif kind == "O":
            c["options"][k] = v
        elif kind == "X":
            c["options"].pop(k, None)
        elif kind == "P":
            c["pos"] = [(n, v if n == k else old) for n, old in c["pos"]]
    return c


def build(o, name, cfg):
    def ref(v):
        if isinstance(v, str) and v.startswith("@"):
            return v[1:].replace("[*]", "0")
        if isinstance(v, list) and v and all(isinstance(x, str) and x.startswith("@") for x in v):
            return [ref(x) for x in v]
        return v
    used = set()
    for _, v in cfg["pos"] + list(cfg["options"].items()):
        r = ref(v)
        for x in (r if isinstance(r, list) else [r]):
            if isinstance(x, str):
                used.add(x)
    inputs = {}
    for k, (dt, shape) in sorted(cfg["operands"].items()):
        nm = k.replace("[*]", "0")
        if nm in used:
            inputs[nm] = desc_only(dt, shape)
    args = [(n, ref(v)) for n, v in cfg["pos"]]
    opts = {k: ref(v) for k, v in sorted(cfg["options"].items())}
    return invalid_case(name, inputs, op(o, args, opts or None, outputs=cfg["outputs"]))


def same_as(o, key):
    v = OPS[o]["allowed_data_types"].get(key)
    if isinstance(v, str) and v.startswith("same as "):
        return v[len("same as "):]
    return None


def rank_shape(shape, r):
    s = list(shape)
    if r <= len(s):
        return s[:r]
    return s + [2] * (r - len(s))


def systematic(o):
    cfg = BASE[o]
    out = []
    for key, (dt0, shape0) in sorted(cfg["operands"].items()):
        akey = key if key in OPS[o]["allowed_data_types"] else None
        if akey is None:
            continue
        ref = same_as(o, key)
        allowed = allowed_types(o, key)
        if ref is not None and ref in cfg["operands"]:
            # same-as-type mismatch: for up to three allowed types of the reference operand, every
            # other type for this one
            ref_allowed = allowed_types(o, ref) or [cfg["operands"][ref][0]]
            ref_types = [t for t in ("float32", "float16", "int32", "uint8", "int8") if t in ref_allowed][:3]
            for rt in ref_types:
                muts0 = [T(ref, rt)] + [T(k2, rt) for k2 in cfg["operands"]
                                        if k2 not in (key, ref) and same_as(o, k2) == ref]
                for dt in ALL_TYPES:
                    if dt != rt:
                        out.append(build(o, "%s %s data type %s differs from %s %s" % (o, key, dt, ref, rt),
                                         apply(cfg, muts0 + [T(key, dt)])))
        elif allowed is not None:
            for dt in ALL_TYPES:
                if dt in allowed:
                    continue
                muts = [T(key, dt)]
                # operands defined 'same as key' follow it, so only this operand's rule is broken
                for k2 in cfg["operands"]:
                    if same_as(o, k2) == key:
                        muts.append(T(k2, dt))
                out.append(build(o, "%s %s data type %s not allowed" % (o, key, dt), apply(cfg, muts)))
        rr = allowed_ranks(o, key)
        rank_rule = OPS[o]["allowed_ranks"].get(key, "")
        bad_ranks = []
        if rr is not None:
            lo, hi = rr
            if lo > 0:
                bad_ranks.append(lo - 1)
            if hi is not None:
                bad_ranks.append(hi + 1)
        elif isinstance(rank_rule, str) and rank_rule.startswith("same as "):
            ref_key = rank_rule[len("same as "):]
            if ref_key in cfg["operands"]:
                rref = len(cfg["operands"][ref_key][1])
                bad_ranks += [rref + 1] + ([rref - 1] if rref > 1 else [])
        for r in bad_ranks:
            out.append(build(o, "%s %s rank %d outside %s" % (o, key, r, rank_rule), apply(cfg, [S(key, rank_shape(shape0, r))])))
    return out


BIN_ERR = [[T("b", "float16")], [S("b", (3, 2))]]
LOGIC_ERR = [[T("a", "float32"), T("b", "float32")], [T("b", "int8")], [S("b", (4,))]]
UN_T = [[T("input", "uint32")]]


def pool_err(maxp=False):
    e = [] if maxp else [[T("input", "int32")]]
    return e + [[S("input", (2, 4, 4))], [O("windowDimensions", [2])], [O("padding", [0, 0])],
                [O("strides", [1, 0])], [O("outputSizes", [3])], [O("strides", [1, 1]), O("outputSizes", [1, 1])],
                [O("dilations", [0, 1])], [O("outputSizes", [2, 5])], [O("windowDimensions", [5, 5])]]


def red_err(types=True):
    return ([[T("input", "int8")]] if types else []) + [[O("axes", [1, 1])]]


ERRORS = {
    "argMin": [[P("axis", 2)], [O("outputDataType", "float32")], [], [P("axis", 7)]],
    "batchNormalization": [[T("input", "int32"), T("mean", "int32"), T("variance", "int32"), T("scale", "int32"),
                            T("bias", "int32")], [O("axis", 3)], [S("mean", (4,))], [S("scale", (2,))], [T("bias", "float16")]],
    "cast": [[P("dataType", "float64")]],
    "clamp": [[O("minValue", 3), O("maxValue", 1)]],
    "concat": [[P("inputs", [])], [P("axis", 2)], [T("x1", "float16")], [S("x1", (2, 2, 1))], [S("x1", (3, 2))], []],
    "conv2d": [[T("filter", "float16")], [S("filter", (3, 2, 3))], [O("padding", [1, 1])], [O("strides", [1, 0])],
               [O("dilations", [1])], [O("groups", 0)], [S("filter", (3, 1, 3, 3))], [O("groups", 2), S("filter", (3, 1, 3, 3))],
               [S("bias", (2,))], [S("filter", (3, 2, 6, 3))]],
    "convTranspose2d": [[S("input", (1, 2, 3))], [O("padding", [0, 0, 0])], [O("outputPadding", [1])],
                        [O("outputSizes", [5])], [O("strides", [1, 1]), O("outputPadding", [1, 1])], [O("groups", 0)],
                        [S("filter", (3, 3, 3, 3))], [], [S("bias", (4,))], [O("outputSizes", [9, 9])],
                        [O("padding", [3, 3, 3, 3])]],
    "cumulativeSum": [[T("input", "int8")], [P("axis", 2)]],
    "dequantizeLinear": [[T("input", "float32"), T("zeroPoint", "float32")], [T("scale", "int32")],
                         [T("zeroPoint", "int8")], [S("scale", (2, 2, 1)), S("zeroPoint", (2, 2, 1))],
                         [S("zeroPoint", (1, 2))], [S("scale", (2, 3)), S("zeroPoint", (2, 3))]],
    "quantizeLinear": [[T("input", "int32"), T("scale", "int32")], [T("scale", "float16")], [T("zeroPoint", "float32")],
                       [S("scale", (2,)), S("zeroPoint", (2,))], [S("zeroPoint", (1, 2))],
                       [S("scale", (2, 3)), S("zeroPoint", (2, 3))]],
    "expand": [[P("newShape", [3])], [P("newShape", [2, 4])]],
    "gather": [[T("indices", "float32")], [O("axis", 2)]],
    "gatherElements": [[T("indices", "int8")], [S("indices", (2, 4, 1))], [O("axis", 2)], [S("indices", (2, 3))]],
    "gatherND": [[T("indices", "uint8")], [S("indices", ())], [S("indices", (2, 3))]],
    "gemm": [[T("b", "float16")], [S("a", (2, 3, 1))], [S("b", (2, 4))], [S("c", (3, 4))], [T("c", "float16")]],
    "gru": [[T("weight", "float16")], [S("weight", (12, 3))], [P("steps", 3)], [S("weight", (1, 9, 3))],
            [S("recurrentWeight", (1, 12, 3))], [P("hiddenSize", 400000000)], [S("bias", (1, 9))],
            [S("initialHiddenState", (1, 2, 4))], [O("activations", ["sigmoid"])]],
    "gruCell": [[T("hiddenState", "float16")], [S("hiddenState", (1, 1, 4))], [S("weight", (9, 3))],
                [S("recurrentWeight", (12, 3))], [S("hiddenState", (2, 4))], [P("hiddenSize", 400000000)],
                [S("recurrentBias", (4,))], [O("activations", ["sigmoid", "tanh", "relu"])]],
    "instanceNormalization": [[T("input", "int32"), T("scale", "int32"), T("bias", "int32")], [S("input", (1, 2, 9))],
                              [S("scale", (3,))], [O("layout", "nhwc")]],
    "layerNormalization": [[T("input", "int32"), T("scale", "int32"), T("bias", "int32")], [O("axes", [1, 1])],
                           [S("scale", (3,))]],
    "lstm": [[T("recurrentWeight", "float16")], [S("input", (2, 3))], [P("steps", 0)], [P("steps", 3)],
             [S("weight", (1, 12, 3))], [S("recurrentWeight", (1, 16, 3))], [P("hiddenSize", 300000000)],
             [S("recurrentBias", (2, 16))], [S("peepholeWeight", (1, 16))], [S("initialCellState", (1, 1, 3))],
             [O("activations", ["sigmoid", "tanh"])]],
    "lstmCell": [[T("cellState", "float16")], [S("cellState", (4,))], [S("weight", (12, 3))],
                 [S("recurrentWeight", (16, 5))], [S("cellState", (2, 4))], [P("hiddenSize", 300000000)],
                 [S("bias", (12,))], [S("peepholeWeight", (16,))], [O("activations", ["sigmoid"])]],
    "matmul": [[T("b", "float16")], [S("a", (3,))], [S("b", (4, 4))], [S("a", (2, 2, 3)), S("b", (3, 3, 4))]],
    "pad": [[P("beginningPadding", [1])], [O("mode", "reflection"), P("beginningPadding", [2, 0])], []],
    "averagePool2d": pool_err(), "l2Pool2d": pool_err(), "maxPool2d": pool_err(True),
    "prelu": [[T("slope", "float16")], [S("slope", (4,))]],
    "resample2d": [[T("input", "int32")], [S("input", (1, 2, 3))], [X("sizes"), O("scales", [0, 1])],
                   [O("sizes", [0, 6])], [O("axes", [2, 2])], [X("sizes"), O("scales", [0.1, 0.1])]],
    "reshape": [[P("newShape", [7])], [P("newShape", [0, 6])], [P("newShape", [4, 2])]],
    "reverse": [[], [O("axes", [0, 0])]],
    "scatterElements": [[T("indices", "float32")], [T("updates", "float16")], [S("indices", (2, 4, 1))], [O("axis", 2)],
                        [S("indices", (2, 3)), S("updates", (2, 3))], [S("updates", (2, 3))]],
    "scatterND": [[T("indices", "int8")], [T("updates", "int32")], [S("indices", ())], [S("indices", (2, 3))],
                  [S("updates", (2, 3))]],
    "slice": [[P("sizes", [0, 2])], [P("starts", [0])], [O("strides", [1])], [O("strides", [0, 1])], [P("starts", [4, 0])],
              [P("starts", [2, 1])]],
    "softmax": [[T("input", "int32")], [P("axis", 2)]],
    "split": [[P("splits", 4)], [P("splits", 0)], [P("splits", [2, 3])]],
    "tile": [[P("repetitions", [2])], [P("repetitions", [1, 0])]],
    "transpose": [[O("permutation", [0])], [O("permutation", [0, 2])], [O("permutation", [1, 1])]],
    "triangular": [[S("input", (3,))]],
    "where": [[T("condition", "int8")], [T("falseValue", "float16")], [S("falseValue", (3, 3))], [S("condition", (4, 3))]],
}
for _o in ("add", "sub", "mul", "div", "max", "min", "pow", "equal", "notEqual", "greater", "greaterOrEqual", "lesser",
           "lesserOrEqual"):
    ERRORS[_o] = BIN_ERR
for _o in ("logicalAnd", "logicalOr", "logicalXor"):
    ERRORS[_o] = LOGIC_ERR
ERRORS["logicalNot"] = [[T("a", "int8")]]
ERRORS["identity"] = []
ERRORS["isNaN"] = [[T("a", "int32")]]
ERRORS["isInfinite"] = [[T("a", "uint8")]]
ERRORS["argMax"] = ERRORS["argMin"]
for _o in ("abs", "ceil", "cos", "erf", "exp", "floor", "log", "neg", "reciprocal", "roundEven", "sin", "sign", "sqrt", "tan",
           "elu", "gelu", "hardSigmoid", "hardSwish", "leakyRelu", "linear", "relu", "sigmoid", "softplus", "softsign", "tanh"):
    ERRORS[_o] = UN_T
for _o in ("reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMean", "reduceProduct", "reduceSum",
           "reduceSumSquare"):
    ERRORS[_o] = red_err()
ERRORS["reduceMax"] = red_err(False)
ERRORS["reduceMin"] = red_err(False)

# Entries no graph can trigger (documented, no case): argMin/argMax shape[axis] > int32 max is
# impossible because a dimension is at most 2^31-1; concat's summed axis size and pad's output
# size overflow need > 2^31 elements in a graph input, which a loader must allocate; convTranspose2d
# filterOutputChannels*groups overflow needs a huge filter.
UNREACHABLE = {("argMin", 2), ("argMax", 2), ("concat", 5), ("pad", 2), ("convTranspose2d", 7), ("reverse", 0)}

# Extra hand-written cases beyond ops.json's list.
EXTRA = {
    "clamp": [("float16 minValue one ULP above maxValue", [T("input", "float16"), O("minValue", 1.0009765625),
                                                                          O("maxValue", 1.0)])],
    "transpose": [("permutation with an entry equal to rank", [O("permutation", [2, 0])])],
    "split": [("axis out of range", [O("axis", 2)]), ("splits sequence with a zero", [P("splits", [6, 0])])],
    "slice": [("sizes longer than rank", [P("starts", [0, 0, 0]), P("sizes", [1, 1, 1])])],
    "expand": [("newShape with a zero", [P("newShape", [0, 3])])],
    "concat": [("axis equal to rank with one input", [P("inputs", ["@inputs[*]"]), P("axis", 2)])],
    "cumulativeSum": [("scalar input", [S("input", ())])],
    "argMin": [("outputDataType uint32", [O("outputDataType", "uint32")]),
               ("outputDataType int8", [O("outputDataType", "int8")])],
    "argMax": [("outputDataType uint64", [O("outputDataType", "uint64")]),
               ("outputDataType float16", [O("outputDataType", "float16")])],
    "gemm": [("aTranspose makes inner dimensions differ", [O("aTranspose", True)])],
    "gather": [("axis far beyond rank", [O("axis", 5)])],
}


for _o in ("reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMean", "reduceProduct", "reduceSum",
           "reduceSumSquare", "reduceMax", "reduceMin"):
    EXTRA[_o] = [("axis equal to rank", [O("axes", [2])]), ("axes longer than rank", [O("axes", [0, 1, 0])])]


def hand_written(o):
    out = []
    errs = ERRORS[o]
    ve = OPS[o]["validation_errors"]
    if len(errs) != len(ve):
        raise ValueError("%s: %d mutation lists for %d validation_errors" % (o, len(errs), len(ve)))
    for i, (muts, text) in enumerate(zip(errs, ve)):
        if not muts:
            if (o, i) not in UNREACHABLE:
                raise ValueError("%s: no case for '%s'" % (o, text))
            continue
        out.append(build(o, "%s rule %d: %s" % (o, i + 1, text), apply(BASE[o], muts)))
    for label, muts in EXTRA.get(o, []):
        out.append(build(o, "%s extra: %s" % (o, label), apply(BASE[o], muts)))
    return out


NON_BROADCASTABLE = [((2, 3), (2,)), ((4, 1), (3, 2)), ((2, 3, 4), (3, 3)), ((5,), (4,)), ((1, 2, 3), (2, 1, 2))]


def broadcast_cases(o):
    cfg = BASE[o]
    keys = [k for k in ("a", "b") if k in cfg["operands"]]
    if o == "where":
        keys = ["trueValue", "falseValue"]
    elif o == "prelu":
        keys = ["input", "slope"]
    if len(keys) != 2:
        return []
    return [build(o, "%s %s %s not broadcastable with %s %s" % (o, keys[0], list(sa), keys[1], list(sb)),
                  apply(cfg, [S(keys[0], sa), S(keys[1], sb)] + ([S("condition", sa)] if o == "where" else [])))
            for sa, sb in NON_BROADCASTABLE]


def generate():
    files = {}
    for o in sorted(OPS):
        cases = hand_written(o) + systematic(o) + broadcast_cases(o)
        seen = set()
        uniq = []
        for c in cases:
            if c["name"] in seen:
                continue
            seen.add(c["name"])
            uniq.append(c)
        files[o] = uniq
    return files
