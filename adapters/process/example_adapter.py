#!/usr/bin/python3
"""A minimal process adapter (adapters/PROCESS.md, protocol 1.0) in Python, standard library
only: float32 `add` (with broadcasting) and `relu` on the cpu, with device tensors. The same
operations as adapters/example/example_adapter.c, to compare the two ways of meeting the
runner:

    build/run-conformance --adapter 'process:/usr/bin/python3 adapters/process/example_adapter.py' \\
        --filter '*add*' --filter '*relu*'

Frames: "WNNP", u32 header length, u64 body length (little-endian), the JSON header, the body.
Logging goes to stderr: stdout carries only frames."""
import json
import struct
import sys
from array import array

PREFIX = struct.Struct("<4sIQ")
F32 = {"dataTypes": ["float32"], "rankRange": {"min": 0, "max": 8}}
LIMITS = {
    "preferredInputLayout": "nchw",
    "maxTensorByteLength": 1 << 31,
    "input": F32, "constant": F32, "output": F32,
    "ops": {"add": {"a": F32, "b": F32, "output": F32}, "relu": {"input": F32, "output": F32}},
}


def read_frame(f):
    """(header dict, body bytes), or None at end of input."""
    prefix = f.read(PREFIX.size)
    if not prefix:
        return None
    magic, hlen, blen = PREFIX.unpack(prefix)
    if magic != b"WNNP":
        raise ValueError(f"not a frame: {prefix!r}")
    header = json.loads(f.read(hlen))
    return header, f.read(blen)


def write_frame(f, header, pieces=()):
    """pieces: byte strings laid out at 8-byte aligned offsets; returns nothing, flushes."""
    body, offsets = bytearray(), []
    for p in pieces:
        body += b"\0" * (-len(body) % 8)
        offsets.append(len(body))
        body += p
    for ref, off in zip(header.get("outputs", []) if pieces else [], offsets):
        ref["offset"] = off
    text = json.dumps(header, allow_nan=False).encode()
    f.write(PREFIX.pack(b"WNNP", len(text), len(body)) + text + bytes(body))
    f.flush()


class Error(Exception):
    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


def count(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def broadcast_index(out_shape, shape):
    """For every output element, the flat index into a tensor of `shape` (numpy broadcasting)."""
    rank = len(out_shape)
    shape = [1] * (rank - len(shape)) + list(shape)
    strides, s = [0] * rank, 1
    for i in reversed(range(rank)):
        strides[i] = s if shape[i] != 1 else 0
        s *= shape[i]
    idx = [0]
    for i in range(rank):
        idx = [base + k * strides[i] for base in idx for k in range(out_shape[i])]
    return idx


class Graph:
    """Steps over float32 buffers, one per operand."""

    def __init__(self, g, body):
        self.operands = g["operands"]
        self.values = {}
        for k, o in enumerate(self.operands):
            if o["dataType"] != "float32":
                raise Error("NotSupportedError", f"operand {o['name']}: only float32")
            if o["kind"] == "constant":
                self.values[k] = array("f", body[o["offset"]:o["offset"] + o["byteLength"]])
        self.steps = []
        for op in g["operations"]:
            args = op["arguments"]
            if op["op"] == "add":
                self.steps.append(("add", args["a"]["operand"], args["b"]["operand"], op["outputs"][0]))
            elif op["op"] == "relu":
                self.steps.append(("relu", args["input"]["operand"], None, op["outputs"][0]))
            else:
                raise Error("NotSupportedError", f"op {op['op']} is not supported")
        self.by_name = {o["name"]: k for k, o in enumerate(self.operands)}

    def run(self, inputs):
        v = dict(self.values)
        for name, data in inputs.items():
            v[self.by_name[name]] = array("f", data)
        for kind, a, b, out in self.steps:
            shape = self.operands[out]["shape"]
            if kind == "relu":
                v[out] = array("f", (0.0 if x <= 0 else x for x in v[a]))  # NaN stays NaN
            else:
                ia = broadcast_index(shape, self.operands[a]["shape"])
                ib = broadcast_index(shape, self.operands[b]["shape"])
                va, vb = v[a], v[b]
                v[out] = array("f", (va[i] + vb[j] for i, j in zip(ia, ib)))
        return v


class Adapter:
    def __init__(self):
        self.graphs, self.tensors, self.next_id = {}, {}, 1

    def new_id(self):
        self.next_id += 1
        return self.next_id

    def handle(self, h, body):
        """Returns (reply header, body pieces)."""
        t = h["type"]
        if t == "hello":
            if h["device"] not in ("cpu", "default"):
                raise Error("NotSupportedError", "the example only has a cpu device")
            return {"protocol": {"major": 1, "minor": 0}, "name": "example-python", "version": "1",
                    "tensors": True}, ()
        if t == "opSupportLimits":
            return {"limits": LIMITS}, ()
        if t == "build":
            gid = self.new_id()
            self.graphs[gid] = Graph(h["graph"], body)
            return {"graph": gid}, ()
        if t == "compute":
            g = self.graphs[h["graph"]]
            inputs = {i["name"]: body[i["offset"]:i["offset"] + i["byteLength"]] for i in h["inputs"]}
            v = g.run(inputs)
            outs, pieces = [], []
            for o in h["outputs"]:
                k = g.by_name[o["name"]]
                data = v[k].tobytes()
                outs.append({"name": o["name"], "dataType": "float32", "shape": g.operands[k]["shape"],
                             "byteLength": len(data)})
                pieces.append(data)
            return {"outputs": outs}, pieces
        if t == "releaseGraph":
            self.graphs.pop(h["graph"], None)
            return {}, ()
        if t == "createTensor":
            tid = self.new_id()
            self.tensors[tid] = {"shape": h["shape"], "data": bytes(4 * count(h["shape"]))}
            return {"tensor": tid}, ()
        if t == "writeTensor":
            self.tensors[h["tensor"]]["data"] = bytes(body)
            return {}, ()
        if t == "readTensor":
            return {}, (self.tensors[h["tensor"]]["data"],)
        if t == "dispatch":
            g = self.graphs[h["graph"]]
            v = g.run({i["name"]: self.tensors[i["tensor"]]["data"] for i in h["inputs"]})
            for o in h["outputs"]:
                self.tensors[o["tensor"]]["data"] = v[g.by_name[o["name"]]].tobytes()
            return {}, ()
        if t == "releaseTensor":
            self.tensors.pop(h["tensor"], None)
            return {}, ()
        raise Error("NotSupportedError", f"unknown request {t}")


def serve(handle, fin=sys.stdin.buffer, fout=sys.stdout.buffer):
    """The loop: one reply per request, until stdin ends."""
    while True:
        frame = read_frame(fin)
        if frame is None:
            return
        h, body = frame
        try:
            reply, pieces = handle(h, body)
            reply.update(type=h["type"], ok=True)
        except Error as e:
            reply, pieces = {"type": h["type"], "ok": False, "error": {"kind": e.kind, "message": str(e)}}, ()
        write_frame(fout, reply, pieces)


if __name__ == "__main__":
    serve(Adapter().handle)
