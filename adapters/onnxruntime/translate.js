'use strict';
// A WebNN graph, as adapters/PROCESS.md delivers it (already validated by the runner's
// builder, every result descriptor known), -> an ONNX ModelProto. The per-op mapping is the
// table in ops.js; this file holds what every mapping shares: operand names, constants,
// argument access, layout transposes.
const { modelProto } = require('./onnx_proto');

const OPSET = 21; // ai.onnx opset; ONNX Runtime 1.30's CPU provider implements it

class MappingError extends Error {} // the mapping cannot express this graph: NotSupportedError

// IEEE binary16 bits of a double, rounded to nearest even (for float16 constants we make).
function f16bits(x) {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  const exp = (v) => { let e = Math.floor(Math.log2(v)); if (2 ** e > v) e--; else if (2 ** (e + 1) <= v) e++; return e; };
  const q = 2 ** Math.max(a === 0 ? -24 : exp(a) - 10, -24); // the spacing of float16 values near a
  let n = Math.floor(a / q); // a / q and n * q are exact: q is a power of two
  const frac = a / q - n;
  if (frac > 0.5 || (frac === 0.5 && n % 2 === 1)) n++;
  const v = n * q;
  if (v > 65504) return sign | 0x7c00;
  if (v < 2 ** -14) return sign | (v / 2 ** -24); // subnormal or zero
  const e = exp(v);
  return sign | ((e + 15) << 10) | (v / 2 ** e * 1024 - 1024);
}

// The float16 value nearest x (a float attribute of a float16 op: the spec casts it first).
function f16value(x) {
  const h = f16bits(x), e = (h >> 10) & 31, m = h & 1023, sign = h & 0x8000 ? -1 : 1;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (e ? (1 + m / 1024) * 2 ** (e - 15) : m * 2 ** -24);
}

// An MLNumber cast to an integer type: halves to even (as the spec's examples have it).
function roundEven(v) {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const BYTES = { float32: 4, float16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, int8: 1, uint8: 1, bool: 1 };
const INT_RANGE = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n], uint32: [0n, 2n ** 32n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n], int8: [-128n, 127n], uint8: [0n, 255n],
};

// A protocol number (JSON number, or a string for big integers and non-finite values).
function numValue(v) {
  if (typeof v !== 'string') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return BigInt(v);
}

// Little-endian bytes of values (numbers or BigInts) in a WebNN data type; integers saturate.
function encode(values, type) {
  const b = Buffer.alloc(values.length * BYTES[type]);
  values.forEach((v0, i) => {
    const v = typeof v0 === 'bigint' && (type === 'float32' || type === 'float16') ? Number(v0) : v0;
    switch (type) {
      case 'float32': b.writeFloatLE(v, 4 * i); break;
      case 'float16': b.writeUInt16LE(f16bits(v), 2 * i); break;
      default: {
        const [lo, hi] = INT_RANGE[type];
        let x = typeof v === 'bigint' ? v : Number.isNaN(v) ? 0n : v === Infinity ? hi : v === -Infinity ? lo : BigInt(roundEven(v));
        x = x < lo ? lo : x > hi ? hi : x;
        if (type === 'int32') b.writeInt32LE(Number(x), 4 * i);
        else if (type === 'uint32') b.writeUInt32LE(Number(x), 4 * i);
        else if (type === 'int64') b.writeBigInt64LE(x, 8 * i);
        else if (type === 'uint64') b.writeBigUInt64LE(x, 8 * i);
        else if (type === 'int8') b.writeInt8(Number(x), i);
        else b.writeUInt8(Number(x), i);
      }
    }
  });
  return b;
}

class Builder {
  constructor(graph, body) {
    this.g = graph;
    this.body = body;
    this.nodes = [];
    this.initializers = [];
    this.counter = 0;
  }

  name(idx) { return `v${idx}`; }
  desc(idx) { return this.g.operands[idx]; }
  tmp() { return `t${this.counter++}`; }

  node(op, inputs, outputs, attrs) {
    const outs = outputs || [this.tmp()];
    this.nodes.push({ name: `n${this.nodes.length}`, op, inputs, outputs: outs, attrs });
    return outs[0];
  }

  constant(values, type, dims) {
    const name = this.tmp();
    this.initializers.push({ name, type, dims: dims === undefined ? [values.length] : dims, raw: encode(values, type) });
    return name;
  }
  i64(values) { return this.constant(values.map((v) => BigInt(v)), 'int64'); }
  scalar(value, type) { return this.constant([value], type, []); }

  transpose(x, perm) { return this.node('Transpose', [x], undefined, { perm }); }
  cast(x, to, out) { return this.node('Cast', [x], out && [out], { to: ONNX_CAST[to] }); }

  model() {
    const g = this.g;
    for (const [k, o] of g.operands.entries())
      if (o.kind === 'constant')
        this.initializers.push({ name: this.name(k), type: o.dataType, dims: o.shape,
                                 raw: this.body.subarray(o.offset, o.offset + o.byteLength) });
    const vi = (k) => ({ name: this.name(k), type: g.operands[k].dataType, shape: g.operands[k].shape });
    return modelProto({ nodes: this.nodes, initializers: this.initializers, inputs: g.inputs.map(vi),
                        outputs: g.outputs.map(vi) }, OPSET);
  }
}

const ONNX_CAST = { float32: 1, uint8: 2, int8: 3, int32: 6, int64: 7, bool: 9, float16: 10, uint32: 12, uint64: 13 };

// Argument access on one operation ({"a": {"operand": 0}, "axes": {"numbers": [...]}, ...}).
class Args {
  constructor(op, b) { this.a = op.arguments; this.b = b; this.op = op; }
  has(n) { return this.a[n] !== undefined; }
  operand(n) { return this.a[n] ? this.a[n].operand : undefined; }
  x(n) { const k = this.operand(n); return k === undefined ? '' : this.b.name(k); } // ONNX name ('' = absent)
  desc(n) { return this.b.desc(this.operand(n)); }
  // a float attribute in the precision of the op's data type
  float(n, dflt) {
    const v = this.num(n, dflt);
    const t = (this.desc(this.has('input') ? 'input' : 'a') || {}).dataType;
    return { float: t === 'float16' ? f16value(v) : v };
  }
  num(n, dflt) { return this.a[n] ? numValue(this.a[n].number) : dflt; }
  nums(n, dflt) { return this.a[n] ? this.a[n].numbers.map(numValue).map((v) => (typeof v === 'bigint' ? Number(v) : v)) : dflt; }
  bool(n, dflt) { return this.a[n] ? this.a[n].bool : dflt; }
  str(n, dflt) { return this.a[n] ? this.a[n].string : dflt; }
  operands(n) { return this.a[n].operands; }
  out(i = 0) { return this.b.name(this.op.outputs[i]); }
  outDesc(i = 0) { return this.b.desc(this.op.outputs[i]); }
}

// Translates a graph with the op table; returns the ModelProto bytes.
function translate(graph, body, table) {
  const b = new Builder(graph, body);
  for (const op of graph.operations) {
    const entry = table[op.op];
    if (!entry) throw new MappingError(`${op.op} has no ONNX mapping`);
    entry.emit(b, new Args(op, b));
  }
  return b.model();
}

module.exports = { translate, MappingError, encode, numValue, f16bits, f16value, BYTES, OPSET };
