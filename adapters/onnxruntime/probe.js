#!/usr/bin/env node
'use strict';
// The install-time probe: for every op of the mapping (ops.js) and every candidate data type
// of each of its type groups, a one-node WebNN graph is translated exactly as the adapter
// translates, and ONNX Runtime must create a session for it and run it (all inputs 1). The
// types that pass are the support table the adapter claims; the others are recorded with
// ONNX Runtime's message (the README's coverage table is made from this file).
//
//   node adapters/onnxruntime/probe.js --modules DIR --out FILE
const fs = require('fs');
const { translate, encode } = require('./translate');
const { TABLE } = require('./ops');
const { loadOrt, sessionOptions, tensorFrom } = require('./session');

function probeGraph(op, entry, types) {
  const p = entry.probe;
  const operands = [], inputs = [], args = {};
  const fixed = (pos) => (pos === 'indices' ? p.indicesType : entry.pos[pos][0]);
  const typeOf = (pos) => (Array.isArray(entry.pos[pos]) ? fixed(pos) : types[entry.pos[pos]]);
  const add = (name, dataType, shape) => {
    operands.push({ name, kind: 'input', dataType, shape });
    inputs.push(operands.length - 1);
    return operands.length - 1;
  };
  for (const [name, shape] of Object.entries(p.ins)) {
    if (name === 'inputs') args.inputs = { operands: shape.map((s, i) => add(`inputs${i}`, typeOf('inputs'), s)) };
    else args[name] = { operand: add(name, typeOf(name), shape) };
  }
  for (const [k, v] of Object.entries(p.args || {})) args[k] = v.string === '$U' ? { string: types.U } : v;
  const outPos = ['output', 'outputs', 'output0'].find((n) => entry.pos[n]);
  const outType = p.outType === '$U' ? types.U : p.outType || typeOf(outPos);
  const outputs = p.outs.map((shape, i) => {
    operands.push({ name: `out${i}`, kind: 'result', dataType: outType, shape });
    return operands.length - 1;
  });
  return { operands, operations: [{ op, arguments: args, outputs }], inputs, outputs };
}

async function tryOne(ort, op, entry, types) {
  const g = probeGraph(op, entry, types);
  const session = await ort.InferenceSession.create(translate(g, Buffer.alloc(0), TABLE), sessionOptions(undefined, 1));
  try {
    const feeds = {};
    for (const k of g.inputs) {
      const o = g.operands[k];
      const n = o.shape.reduce((x, y) => x * y, 1);
      feeds[`v${k}`] = tensorFrom(ort, o.dataType, o.shape, encode(Array(n).fill(1), o.dataType));
    }
    await session.run(feeds);
  } finally {
    await session.release();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const arg = (n) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
  const modules = arg('--modules'), out = arg('--out');
  if (!modules || !out) throw new Error('usage: probe.js --modules DIR --out FILE');
  const ort = loadOrt(modules);
  const pkg = JSON.parse(fs.readFileSync(require.resolve('onnxruntime-node/package.json', { paths: [require('path').resolve(modules)] }), 'utf8'));
  const table = { onnxruntime: pkg.version, opset: require('./translate').OPSET, ops: {}, failures: {} };
  for (const [op, entry] of Object.entries(TABLE)) {
    const groups = Object.keys(entry).filter((k) => /^[TU]$/.test(k));
    const base = Object.fromEntries(groups.map((g) => [g, entry[g][0]]));
    table.ops[op] = {};
    for (const g of groups) {
      table.ops[op][g] = [];
      for (const t of entry[g]) {
        try {
          await tryOne(ort, op, entry, { ...base, [g]: t });
          table.ops[op][g].push(t);
        } catch (e) {
          (table.failures[op] = table.failures[op] || {})[`${g}=${t}`] = String(e.message || e).split('\n')[0].slice(0, 300);
        }
      }
    }
  }
  fs.writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
  const pairs = Object.values(table.ops).reduce((n, o) => n + (o.T ? o.T.length : 0), 0);
  console.error(`probe: ${Object.keys(table.ops).length} ops mapped, ${pairs} (op, data type) pairs built and ran -> ${out}`);
}

main().catch((e) => {
  console.error(`probe: ${e.stack || e}`);
  process.exit(1);
});
