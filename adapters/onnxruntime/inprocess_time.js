#!/usr/bin/env node
'use strict';
// The process protocol's share of a bench row: times session.run of the same one-op graph
// inside Node (no pipe, no frames), to set beside the bench's onnxruntime column, which goes
// through the protocol. Same session options as the bench's launcher (threads = cores).
//   node adapters/onnxruntime/inprocess_time.js --modules build/onnxruntime
const { translate } = require('./translate');
const { TABLE } = require('./ops');
const { loadOrt, sessionOptions } = require('./session');

const ROWS = [
  { name: 'matmul 1024x1024x1024', op: 'matmul', ins: { a: [1024, 1024], b: [1024, 1024] }, out: [1024, 1024] },
  { name: 'matmul 256x256x256', op: 'matmul', ins: { a: [256, 256], b: [256, 256] }, out: [256, 256] },
  { name: 'conv2d ResNet-50 64x56x56 3x3/1 -> 64 nchw', op: 'conv2d', ins: { input: [1, 64, 56, 56], filter: [64, 64, 3, 3] },
    args: { padding: { numbers: [1, 1, 1, 1] } }, out: [1, 64, 56, 56] },
];

async function main() {
  const i = process.argv.indexOf('--modules');
  const ort = loadOrt(process.argv[i + 1]);
  for (const row of ROWS) {
    const operands = [], args = { ...(row.args || {}) };
    for (const [n, shape] of Object.entries(row.ins)) {
      operands.push({ name: n, kind: 'input', dataType: 'float32', shape });
      args[n] = { operand: operands.length - 1 };
    }
    operands.push({ name: 'y', kind: 'result', dataType: 'float32', shape: row.out });
    const k = operands.length - 1;
    const g = { operands, operations: [{ op: row.op, arguments: args, outputs: [k] }], inputs: [...Array(k).keys()], outputs: [k] };
    const s = await ort.InferenceSession.create(translate(g, Buffer.alloc(0), TABLE), sessionOptions());
    const feeds = {};
    operands.slice(0, k).forEach((o, j) => {
      const n = o.shape.reduce((x, y) => x * y, 1);
      feeds[`v${j}`] = new ort.Tensor('float32', Float32Array.from({ length: n }, (_, e) => ((e % 7) - 3) / 8), o.shape);
    });
    const times = [];
    for (let r = 0; r < 12; r++) {
      const t0 = process.hrtime.bigint();
      await s.run(feeds);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((x, y) => x - y);
    console.log(`${row.name}: ${times[6].toFixed(3)} ms median in-process session.run`);
    await s.release();
  }
}
main();
