'use strict';
// A small protobuf encoder for the part of onnx.proto (ONNX IR, proto2) that the adapter
// writes: ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto.
// Why our own and not an npm package: the schema subset is 40 lines, the wire format is
// fixed (varints, length-delimited fields), and an encoder package would pull a protobuf
// runtime plus generated code into the lock file for nothing more. Field numbers are those
// of onnx/onnx.proto (IR version 10); repeated scalars are written unpacked (proto2's default;
// every protobuf parser accepts it).

// ONNX TensorProto.DataType
const ONNX_TYPE = {
  float32: 1, uint8: 2, int8: 3, uint16: 4, int16: 5, int32: 6, int64: 7, bool: 9,
  float16: 10, float64: 11, uint32: 12, uint64: 13,
};
// AttributeProto.AttributeType
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 };

function varint(v) {
  let x = BigInt.asUintN(64, BigInt(v)); // negative int64: ten bytes of two's complement
  const out = [];
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x) b |= 0x80;
    out.push(b);
  } while (x);
  return Buffer.from(out);
}

const key = (field, wire) => varint((field << 3) | wire);
const fVarint = (field, v) => Buffer.concat([key(field, 0), varint(v)]);
function fBytes(field, bytes) {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return Buffer.concat([key(field, 2), varint(b.length), b]);
}
const fString = (field, s) => fBytes(field, Buffer.from(s, 'utf8'));
function fFloat(field, f) {
  const b = Buffer.alloc(4);
  b.writeFloatLE(f);
  return Buffer.concat([key(field, 5), b]);
}

// TensorProto: dims=1, data_type=2, name=8, raw_data=9
function tensorProto(name, type, dims, raw) {
  return Buffer.concat([
    ...dims.map((d) => fVarint(1, d)), fVarint(2, ONNX_TYPE[type]), fString(8, name), fBytes(9, raw),
  ]);
}

// AttributeProto: name=1, f=2, i=3, s=4, t=5, floats=7, ints=8, strings=9, type=20
function attribute(name, value) {
  const parts = [fString(1, name)];
  if (value && value.tensor) {
    parts.push(fBytes(5, value.tensor), fVarint(20, ATTR.TENSOR));
  } else if (value && value.float !== undefined) {
    parts.push(fFloat(2, value.float), fVarint(20, ATTR.FLOAT));
  } else if (value && value.floats) {
    parts.push(...value.floats.map((f) => fFloat(7, f)), fVarint(20, ATTR.FLOATS));
  } else if (value && value.strings) {
    parts.push(...value.strings.map((x) => fString(9, x)), fVarint(20, ATTR.STRINGS));
  } else if (typeof value === 'string') {
    parts.push(fString(4, value), fVarint(20, ATTR.STRING));
  } else if (Array.isArray(value)) {
    parts.push(...value.map((i) => fVarint(8, i)), fVarint(20, ATTR.INTS));
  } else {
    parts.push(fVarint(3, value), fVarint(20, ATTR.INT)); // integers and booleans
  }
  return Buffer.concat(parts);
}

// NodeProto: input=1, output=2, name=3, op_type=4, attribute=5
function nodeProto(node) {
  const attrs = Object.entries(node.attrs || {}).filter(([, v]) => v !== undefined);
  return Buffer.concat([
    ...node.inputs.map((s) => fString(1, s)), ...node.outputs.map((s) => fString(2, s)),
    fString(3, node.name), fString(4, node.op), ...attrs.map(([k, v]) => fBytes(5, attribute(k, v))),
  ]);
}

// ValueInfoProto{name=1, type=2: TypeProto{tensor_type=1: {elem_type=1, shape=2: {dim=1: {dim_value=1}}}}}
function valueInfo(name, type, shape) {
  const dims = Buffer.concat(shape.map((d) => fBytes(1, fVarint(1, d))));
  const tensorType = Buffer.concat([fVarint(1, ONNX_TYPE[type]), fBytes(2, dims)]);
  return Buffer.concat([fString(1, name), fBytes(2, fBytes(1, tensorType))]);
}

// GraphProto: node=1, name=2, initializer=5, input=11, output=12.
// ModelProto: ir_version=1, producer_name=2, graph=7, opset_import=8 {domain=1, version=2}
function modelProto(g, opset) {
  const graph = Buffer.concat([
    ...g.nodes.map((n) => fBytes(1, nodeProto(n))), fString(2, 'webnn'),
    ...g.initializers.map((t) => fBytes(5, tensorProto(t.name, t.type, t.dims, t.raw))),
    ...g.inputs.map((v) => fBytes(11, valueInfo(v.name, v.type, v.shape))),
    ...g.outputs.map((v) => fBytes(12, valueInfo(v.name, v.type, v.shape))),
  ]);
  return Buffer.concat([
    fVarint(1, 10), fString(2, 'webnn-cts'), fBytes(7, graph), fBytes(8, Buffer.concat([fString(1, ''), fVarint(2, opset)])),
  ]);
}

module.exports = { modelProto, tensorProto, ONNX_TYPE };
