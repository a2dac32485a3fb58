#!/usr/bin/env node
'use strict';
// The ONNX Runtime process adapter (adapters/PROCESS.md, protocol 1.0): each built WebNN graph
// becomes one ONNX model (translate.js, ops.js) and one InferenceSession on the CPU execution
// provider. opSupportLimits claims the (op, data type) pairs that probe.js found to build and
// run at install time (the support table), nothing else.
//
//   node adapters/onnxruntime/adapter.js --modules DIR --support FILE [--graph-optimization LEVEL] [--threads N]
//
// --modules: the folder holding node_modules/onnxruntime-node (npm ci); --support: the probe's
// table; --graph-optimization: disabled|basic|extended|all (default: ONNX Runtime's own, all);
// --threads: intra-op threads (default: the number of cores).
const fs = require('fs');
const { readFrame, writeFrame, layout } = require('./frames');
const { translate, MappingError } = require('./translate');
const { TABLE, ALL } = require('./ops');
const { loadOrt, sessionOptions, tensorFrom, bytesOf } = require('./session');

function options(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(modules|support|graph-optimization|threads)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) throw new Error(`usage: adapter.js --modules DIR --support FILE [--graph-optimization LEVEL] [--threads N] (at "${argv[i]}")`);
    o[m[1]] = argv[++i];
  }
  if (!o.modules || !o.support) throw new Error('adapter.js needs --modules DIR and --support FILE');
  const levels = ['disabled', 'basic', 'extended', 'all'];
  if (o['graph-optimization'] && !levels.includes(o['graph-optimization']))
    throw new Error(`--graph-optimization must be one of ${levels.join(', ')}`);
  return o;
}

// opSupportLimits from the probe's table: a position's types are its group's probed ones, or
// the fixed list of the mapping.
function limits(support) {
  const ops = {};
  for (const [op, entry] of Object.entries(TABLE)) {
    const probed = support.ops[op];
    if (!probed) continue;
    const pos = {};
    let ok = true;
    for (const [p, g] of Object.entries(entry.pos)) {
      const types = Array.isArray(g) ? g : probed[g] || [];
      if (!types.length) ok = false;
      pos[p] = { dataTypes: types, rankRange: { min: 0, max: 8 } };
    }
    if (ok) ops[op] = pos;
  }
  const any = { dataTypes: ALL, rankRange: { min: 0, max: 8 } };
  return { preferredInputLayout: 'nchw', maxTensorByteLength: 2 ** 31, input: any, constant: any, output: any, ops };
}

class ProtocolError extends Error {
  constructor(kind, message) { super(message); this.kind = kind; }
}

async function main() {
  const opt = options(process.argv.slice(2));
  const ort = loadOrt(opt.modules);
  const support = JSON.parse(fs.readFileSync(opt.support, 'utf8'));
  const sessOpt = sessionOptions(opt['graph-optimization'], Number(opt.threads) || 0);
  const graphs = new Map();
  let nextId = 1;

  const handlers = {
    hello: (h) => {
      if (!['cpu', 'default'].includes(h.device)) throw new ProtocolError('NotSupportedError', `no ${h.device} device: the CPU execution provider only`);
      return { protocol: { major: 1, minor: 0 }, name: 'onnxruntime', tensors: false,
               version: `onnxruntime-node ${support.onnxruntime} (opset ${support.opset}, optimization ${opt['graph-optimization'] || 'default'})` };
    },
    opSupportLimits: () => ({ limits: limits(support) }),
    build: async (h, body) => {
      const model = translate(h.graph, body, TABLE);
      const session = await ort.InferenceSession.create(model, sessOpt);
      const id = nextId++;
      graphs.set(id, { session, graph: h.graph, byName: new Map(h.graph.operands.map((o, k) => [o.name, k])) });
      return { graph: id };
    },
    compute: async (h, body) => {
      const g = graphs.get(h.graph);
      if (!g) throw new ProtocolError('InvalidStateError', `no graph ${h.graph}`);
      const feeds = {};
      for (const t of h.inputs)
        feeds[`v${g.byName.get(t.name)}`] = tensorFrom(ort, t.dataType, t.shape, body.subarray(t.offset, t.offset + t.byteLength));
      const results = await g.session.run(feeds);
      const outs = [], pieces = [];
      for (const o of h.outputs) {
        const r = results[`v${g.byName.get(o.name)}`];
        const bytes = bytesOf(r);
        outs.push({ name: o.name, dataType: r.type, shape: r.dims.map(Number), byteLength: bytes.length });
        pieces.push(bytes);
      }
      return [{ outputs: outs }, pieces];
    },
    releaseGraph: async (h) => {
      const g = graphs.get(h.graph);
      graphs.delete(h.graph);
      if (g) await g.session.release();
      return {};
    },
  };

  for (;;) {
    const frame = readFrame();
    if (!frame) break;
    const { header: h, body } = frame;
    let reply, pieces = [];
    try {
      const handler = handlers[h.type];
      if (!handler) throw new ProtocolError('NotSupportedError', `request ${h.type} is not supported`);
      const r = await handler(h, body);
      [reply, pieces] = Array.isArray(r) ? r : [r, []];
      const offsets = layout(pieces);
      (reply.outputs || []).forEach((o, i) => { o.offset = offsets[i]; });
      Object.assign(reply, { type: h.type, ok: true });
    } catch (e) {
      const kind = e instanceof ProtocolError ? e.kind : e instanceof MappingError ? 'NotSupportedError' : 'OperationError';
      reply = { type: h.type, ok: false, error: { kind, message: String(e.message || e).slice(0, 400) } };
      pieces = [];
    }
    writeFrame(reply, pieces);
  }
  for (const g of graphs.values()) await g.session.release();
}

main().catch((e) => {
  console.error(`onnxruntime adapter: ${e.stack || e}`);
  process.exit(1);
});
