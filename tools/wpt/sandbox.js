'use strict';
// Evaluates one WPT webnn conformance file with its tree's resources/utils.js and prints what
// it declares as one JSON object on stdout. Run only by import.js, inside Node's permission
// model (read access to the checkout, no writes, no child processes, no workers): the file is
// code from a checkout the user may not control, and the vm module alone is no boundary.
//
// usage: node --experimental-permission --allow-fs-read=CHECKOUT ... sandbox.js CHECKOUT REL_FILE
// stdin: {"shapes": {"<case index>": {"<operand>": {"dataType": DT, "shape": [...]}}}}
//   (intermediate operand shapes for tolerance functions, from a first pass; may be empty)

const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [checkout, relFile] = process.argv.slice(2);
const stdinText = fs.readFileSync(0, 'utf8');
const shapesIn = (stdinText.trim() ? JSON.parse(stdinText) : {}).shapes || {};

const file = path.join(checkout, relFile);
const out = {file: relFile, signature: null, tests: [], skipped: [], errors: []};

// ---- values -> our JSON encodings (vectors/FORMAT.md, DATA) ----
function encodeNumber(v) {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'number') return v;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  // integers beyond 2^53 are decimal strings; BigInt(v) is what BigInt64Array.from gets
  if (Number.isInteger(v) && Math.abs(v) > 2 ** 53) return BigInt(v).toString();
  return v;
}

// A deep copy as plain JSON values (typed arrays become arrays); functions and symbols are
// refused so that nothing executable leaves the sandbox.
function plain(v, depth = 0) {
  if (depth > 64) throw new Error('value nests too deeply');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return encodeNumber(v);
  if (v === undefined) return null;
  if (ArrayBuffer.isView(v)) return Array.from(v, encodeNumber);
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  if (typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v)) o[k] = plain(v[k], depth + 1);
    return o;
  }
  throw new Error(`a ${typeof v} in the test data`);
}

// ---- the sandbox: testharness and navigator.ml stubs ----
const captured = [];   // {test, toleranceFunc, signature}
const direct = [];     // promise_test/test calls not made through webnn_conformance_test
const noop = () => {};
const sandbox = {
  console: {log: noop, warn: noop, error: noop, info: noop, debug: noop},
  location: {search: '?cpu', href: 'https://web-platform.test/' + relFile},
  navigator: {ml: {createContext: async () => { throw new Error('no context in the importer'); }}},
  promise_test: (fn, name) => direct.push({kind: 'promise_test', name: String(name)}),
  test: (fn, name) => direct.push({kind: 'test', name: String(name === undefined ? '(unnamed test)' : name)}),
  promise_setup: noop, setup: noop, done: noop, add_completion_callback: noop,
  assert_implements: noop, assert_true: noop, assert_equals: noop,
  AssertionError: class AssertionError extends Error {},
  MLGraphBuilder: class MLGraphBuilder {},
  MLTensorUsage: {}, fetch: async () => { throw new Error('no fetch in the importer'); },
  setTimeout: noop, clearTimeout: noop,
  BigInt, Float32Array, Float64Array, Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array,
  Uint32Array, BigInt64Array, BigUint64Array, ArrayBuffer, DataView, URLSearchParams, URL,
};
sandbox.self = sandbox;
sandbox.window = sandbox;
const context = vm.createContext(sandbox);

// Scripts named by "// META: script=..." lines, in order, then the file itself wrapped in a
// function whose parameter shadows the harness's webnn_conformance_test: both signatures land
// in capture() (2025: (buildFunc, toleranceFunc, test[, cast]); later: (tests, buildFunc, toleranceFunc)).
const source = fs.readFileSync(file, 'utf8');
const metaScripts = [];
for (const m of source.matchAll(/^\/\/ META: script=(.+)$/gm)) metaScripts.push(m[1].trim());
function capture(a, b, c) {
  if (Array.isArray(a)) {
    out.signature = out.signature || 'later';
    for (const t of a) captured.push({test: t, toleranceFunc: c, signature: 'later'});
  } else {
    out.signature = out.signature || '2025';
    captured.push({test: c, toleranceFunc: b, signature: '2025'});
  }
}
sandbox.__capture = capture;
for (const s of metaScripts) {
  const p = path.resolve(path.dirname(file), s);
  vm.runInContext(fs.readFileSync(p, 'utf8'), context, {filename: p});
}
// the minimum data type set, for the later harness's own isMinimumTest
const minSetPath = path.join(checkout, 'webnn/resources/minimum_datatype_set.json');
let haveMinSet = false;
if (fs.existsSync(minSetPath)) {
  const text = fs.readFileSync(minSetPath, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
  sandbox.__minSet = JSON.parse(text);
  vm.runInContext('minimumDataTypeSet = __minSet;', context);
  haveMinSet = vm.runInContext('typeof isMinimumTest === "function"', context);
}
vm.runInContext(`(function (webnn_conformance_test) {\n${source}\n})(__capture);`, context, {filename: file});

// ---- per case: the graph, the tolerance from the file's own function, required or not ----
function operandsOf(graph) {
  const names = new Set(Object.keys(graph.inputs || {}));
  for (const op of graph.operators || []) for (const o of [].concat(op.outputs)) names.add(o);
  return names;
}

captured.forEach((c, index) => {
  const name = c.test && c.test.name;
  try {
    if (!c.test || typeof c.test !== 'object' || !c.test.graph) throw new Error('the test has no graph');
    const graph = plain(c.test.graph);
    // the tolerance function sees a fresh copy, and intermediate operands as the harness
    // would give them after building (MLOperand-like: shape and dataType)
    const shapes = shapesIn[String(index)] || null;
    const missing = new Set();
    const known = operandsOf(c.test.graph);
    const intermediates = new Proxy({}, {
      get(_, key) {
        if (typeof key !== 'string' || !known.has(key)) return undefined;
        if (!shapes || !shapes[key]) { missing.add(key); throw new Error(`needs the shape of ${key}`); }
        return {shape: shapes[key].shape.slice(), dataType: shapes[key].dataType};
      },
      has(_, key) { return typeof key === 'string' && known.has(key); },
    });
    const copy = vm.runInContext('(t) => JSON.parse(JSON.stringify(t, (k, v) => typeof v === "bigint" ? Number(v) : v))', context);
    let tolerance = null, toleranceError = null;
    try {
      // (BigInt data matter to the graph, not to a tolerance function's shape arithmetic)
      const tol = c.toleranceFunc(copy(c.test.graph), intermediates);
      tolerance = {metricType: String(tol.metricType), value: Number(tol.value)};
    } catch (e) {
      if (missing.size) toleranceError = {needShapes: [...missing]};
      else toleranceError = {message: String(e && e.message || e)};
    }
    let required = null;
    if (haveMinSet) {
      try { required = !!vm.runInContext('isMinimumTest', context)(c.test); } catch (e) { required = null; }
    }
    const wptName = c.signature === 'later' && required !== null ?
        `${required ? '[required]' : '[optional]'} ${name}` : String(name);
    out.tests.push({index, name: String(name), wptName, signature: c.signature, graph, tolerance, toleranceError, required});
  } catch (e) {
    out.errors.push({index, name: String(name), message: String(e && e.message || e)});
  }
});

for (const d of direct) {
  out.skipped.push({name: d.name, reason: `not a graph test: a ${d.kind}() with its own code (tensor, scalar or dispatch test)`});
}
process.stdout.write(JSON.stringify(out));
