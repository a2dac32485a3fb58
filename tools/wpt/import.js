'use strict';
// wpt-import: a web-platform-tests checkout's webnn/conformance_tests/*.https.any.js -> one
// vector file per WPT file (vectors/FORMAT.md), for run-conformance --vectors OUT.
//
// usage: node tools/wpt/import.js --wpt CHECKOUT [--out build/wpt] [--webnn-ref build/webnn-ref]
//        [--timeout SECONDS] [--max-memory-mb MB] [--quiet]
//
// Each WPT file is evaluated by sandbox.js in its own Node process under the permission model
// (read access to the checkout only; no writes, no child processes, no workers), with a time
// and memory limit. A file that throws, loops or exceeds a limit is reported and skipped. A
// tolerance function that needs intermediate operand shapes gets them in a second pass, from
// the reference's own shape inference (webnn-ref shapes).

const fs = require('fs');
const os = require('os');
const path = require('path');
const {spawnSync} = require('child_process');

function parseArgs(argv) {
  const o = {out: 'build/wpt', webnnRef: 'build/webnn-ref', timeout: 30, maxMemoryMb: 2048, quiet: false};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--wpt') o.wpt = v();
    else if (a === '--out') o.out = v();
    else if (a === '--webnn-ref') o.webnnRef = v();
    else if (a === '--timeout') o.timeout = Number(v());
    else if (a === '--max-memory-mb') o.maxMemoryMb = Number(v());
    else if (a === '--quiet') o.quiet = true;
    else usage(`unknown argument ${a}`);
  }
  if (!o.wpt) usage('--wpt CHECKOUT is required');
  if (!(o.timeout > 0) || !(o.maxMemoryMb >= 64)) usage('--timeout must be > 0 and --max-memory-mb >= 64');
  return o;
}

function usage(msg) {
  process.stderr.write(`wpt-import: ${msg}\nusage: node tools/wpt/import.js --wpt CHECKOUT [--out DIR] ` +
                       '[--webnn-ref PATH] [--timeout S] [--max-memory-mb MB] [--quiet]\n');
  process.exit(2);
}

const SANDBOX = path.join(__dirname, 'sandbox.js');
const HAVE_PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => fs.existsSync(p));

// One sandboxed evaluation. Returns {result} or {error}.
function evaluate(opts, checkout, rel, shapes) {
  const node = [
    process.execPath, '--experimental-permission', `--allow-fs-read=${checkout}/`, `--allow-fs-read=${SANDBOX}`,
    `--max-old-space-size=${Math.max(32, Math.floor(opts.maxMemoryMb / 2))}`, '--no-warnings', SANDBOX, checkout, rel,
  ];
  const cmd = HAVE_PRLIMIT ? [HAVE_PRLIMIT, `--data=${opts.maxMemoryMb * 1024 * 1024}`, '--', ...node] : node;
  const r = spawnSync(cmd[0], cmd.slice(1), {
    input: JSON.stringify({shapes}), timeout: opts.timeout * 1000, killSignal: 'SIGKILL',
    maxBuffer: 1 << 30, encoding: 'utf8', cwd: os.tmpdir(), env: {PATH: process.env.PATH || '/usr/bin:/bin'},
  });
  if (r.error && r.error.code === 'ETIMEDOUT') return {error: `ran past the ${opts.timeout} s limit`};
  if (r.error) return {error: String(r.error.message)};
  if (r.signal) return {error: `killed by ${r.signal}${r.signal === 'SIGKILL' ? ` (time limit ${opts.timeout} s)` : ''}`};
  if (r.status !== 0) {
    const lines = (r.stderr || '').trim().split('\n').filter((l) => l.trim());
    const why = lines.find((l) => /^(\w*Error|Error)\b/.test(l.trim())) || lines[lines.length - 1] || '';
    const mem = /heap out of memory|allocation failed/i.test(r.stderr || '') ? ` (memory limit ${opts.maxMemoryMb} MB)` : '';
    return {error: `exited with status ${r.status}${mem}: ${why.slice(0, 300)}`};
  }
  try {
    return {result: JSON.parse(r.stdout)};
  } catch (e) {
    return {error: `printed no valid result: ${e.message}`};
  }
}

const INT_TYPES = new Set(['int8', 'uint8', 'int32', 'uint32', 'int64', 'uint64', 'int4', 'uint4']);

// A captured test -> our test object.
function vectorTest(t, name) {
  const v = {name, wptName: t.wptName, graph: t.graph};
  const outs = Object.values(t.graph.expectedOutputs || {});
  const types = outs.map((o) => (o.descriptor && (o.descriptor.dataType || o.descriptor.type)) || '');
  let {metricType, value} = t.tolerance;
  // WPT's ULP distance between integers is |a - b|: our ATOL for integer outputs
  if (metricType === 'ULP' && types.length && types.every((x) => INT_TYPES.has(x))) metricType = 'ATOL';
  v.tolerance = {metricType, value};
  if (t.required !== null && t.required !== undefined) v.required = t.required;
  return v;
}

function gitCommit(checkout) {
  if (!fs.existsSync(path.join(checkout, '.git'))) return null;
  const r = spawnSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], {encoding: 'utf8'});
  return r.status === 0 ? r.stdout.trim() : null;
}

// Where the reference rejects a graph (WPT assumes something the spec does not allow), the
// tolerance function still needs shapes: ops whose output has their first operand's shape
// give them here; the case is imported and the run names the spec rule it breaks.
const SAME_SHAPE_OPS = new Set([
  'quantizeLinear', 'dequantizeLinear', 'cast', 'identity', 'abs', 'ceil', 'cos', 'erf', 'exp', 'floor',
  'log', 'neg', 'reciprocal', 'sign', 'sin', 'sqrt', 'tan', 'relu', 'sigmoid', 'tanh', 'elu', 'gelu',
  'hardSigmoid', 'hardSwish', 'leakyRelu', 'linear', 'softplus', 'softsign', 'clamp', 'softmax',
  'logicalNot', 'roundEven']);
function fallbackShapes(graph) {
  const shapes = {};
  for (const [name, v] of Object.entries(graph.inputs || {})) {
    const d = v.descriptor || {};
    shapes[name] = {dataType: d.dataType || d.type, shape: d.shape || d.dimensions};
  }
  for (const op of graph.operators || []) {
    const first = (op.arguments || []).filter((a) => a && typeof a === 'object')
                      .flatMap((a) => Object.entries(a)).find(([k, v]) => k !== 'options' && typeof v === 'string');
    const outs = [].concat(op.outputs);
    if (SAME_SHAPE_OPS.has(op.name) && first && shapes[first[1]] && outs.length === 1) {
      shapes[outs[0]] = {dataType: shapes[first[1]].dataType, shape: shapes[first[1]].shape};
    }
  }
  return shapes;
}

// Shapes of every operand of the cases that need them, from the reference's validation.
function inferShapes(opts, tmpDir, base, tests) {
  const file = path.join(tmpDir, `${base}.shapes.json`);
  fs.writeFileSync(file, JSON.stringify({tests: tests.map((t) => ({name: `case ${t.index}`, graph: t.graph}))}));
  const r = spawnSync(opts.webnnRef, ['shapes', file], {encoding: 'utf8', maxBuffer: 1 << 28});
  fs.rmSync(file, {force: true});
  if (r.status !== 0) return {error: `webnn-ref shapes failed: ${(r.stderr || r.error || '').toString().trim().slice(0, 300)}`};
  const shapes = {}, errors = {};
  JSON.parse(r.stdout).cases.forEach((c, k) => {
    if (c.operands) shapes[String(tests[k].index)] = c.operands;
    else {
      errors[String(tests[k].index)] = c.error;
      shapes[String(tests[k].index)] = fallbackShapes(tests[k].graph);
    }
  });
  return {shapes, errors};
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  // without the permission model the WPT files would run unconfined: refuse
  if (Number(process.versions.node.split('.')[0]) < 20) usage(`needs Node 20 or later (found ${process.version})`);
  const checkout = fs.realpathSync(opts.wpt);
  const confDir = path.join(checkout, 'webnn', 'conformance_tests');
  if (!fs.existsSync(confDir)) usage(`${opts.wpt}: no webnn/conformance_tests folder`);
  const commit = gitCommit(checkout);
  const minSet = fs.existsSync(path.join(checkout, 'webnn/resources/minimum_datatype_set.json'));
  fs.mkdirSync(opts.out, {recursive: true});
  // an earlier import's files go (only ours: other JSON in the folder stays)
  for (const f of fs.readdirSync(opts.out).filter((x) => x.endsWith('.json'))) {
    try {
      const p = JSON.parse(fs.readFileSync(path.join(opts.out, f), 'utf8')).provenance;
      if (p && p.generator === 'tools/wpt/import.js') fs.rmSync(path.join(opts.out, f));
    } catch (e) { /* not ours */ }
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wpt-import-'));
  const report = {checkout, commit, files: [], failedFiles: [], imported: 0, skipped: {}, skippedCases: []};
  const skip = (file, name, reason) => {
    const key = reason.replace(/: .*$/, '');
    report.skipped[key] = (report.skipped[key] || 0) + 1;
    report.skippedCases.push({file, name, reason});
  };
  const files = fs.readdirSync(confDir).filter((f) => f.endsWith('.https.any.js')).sort();
  for (const f of files) {
    const rel = `webnn/conformance_tests/${f}`;
    let ev = evaluate(opts, checkout, rel, {});
    if (ev.result) {
      const need = ev.result.tests.filter((t) => t.toleranceError && t.toleranceError.needShapes);
      if (need.length) {
        const inf = inferShapes(opts, tmpDir, f, need);
        if (inf.error) {
          for (const t of need) t.toleranceError = {message: inf.error};
        } else {
          const second = evaluate(opts, checkout, rel, inf.shapes);
          if (second.error) ev = {error: `second pass (with intermediate shapes): ${second.error}`};
          else {
            ev = second;
            for (const t of ev.result.tests) {
              const why = inf.errors[String(t.index)];
              if (!why) continue;
              if (t.toleranceError) t.toleranceError = {message: `the reference cannot infer its shapes: ${why}`};
              else t.toleranceNote = `intermediate shapes for the tolerance function from the importer (the reference rejects the graph: ${why})`;
            }
          }
        }
      }
    }
    if (ev.error) {
      report.failedFiles.push({file: rel, error: ev.error});
      if (!opts.quiet) process.stderr.write(`wpt-import: ${rel}: skipped: ${ev.error}\n`);
      continue;
    }
    const res = ev.result;
    const tests = [], used = new Map(), notes = {};
    for (const t of res.tests) {
      if (!t.tolerance || !(t.tolerance.value >= 0)) {
        const why = t.toleranceError && t.toleranceError.message || 'no usable tolerance';
        skip(rel, t.wptName, `tolerance function failed: ${why}`);
        continue;
      }
      const n = (used.get(t.name) || 0) + 1;
      used.set(t.name, n);
      tests.push(vectorTest(t, n > 1 ? `${t.name} #${n}` : t.name));
      if (t.toleranceNote) notes[tests[tests.length - 1].name] = t.toleranceNote;
    }
    for (const e of res.errors) skip(rel, e.name, `not importable: ${e.message}`);
    for (const s of res.skipped) skip(rel, s.name, s.reason);
    const base = f.replace(/\.https\.any\.js$/, '');
    const provenance = {
      generator: 'tools/wpt/import.js', wpt: {commit, path: rel, harness: res.signature, minimumDataTypeSet: minSet},
      skipped: res.skipped.concat(res.errors.map((e) => ({name: e.name, reason: e.message}))),
    };
    if (Object.keys(notes).length) provenance.notes = notes;
    if (tests.length || res.skipped.length) {
      fs.writeFileSync(path.join(opts.out, `${base}.json`),
                       JSON.stringify({format: 'webnn-cts-vectors/1', provenance, tests}, null, 1) + '\n');
    }
    report.imported += tests.length;
    report.files.push({file: rel, harness: res.signature, imported: tests.length, skipped: res.skipped.length + res.errors.length});
  }
  fs.rmSync(tmpDir, {recursive: true, force: true});
  fs.writeFileSync(path.join(opts.out, 'import-report.txt'), formatReport(report));
  fs.writeFileSync(path.join(opts.out, 'import-report.jsonl'),
                   report.skippedCases.map((s) => JSON.stringify(s)).join('\n') + (report.skippedCases.length ? '\n' : ''));
  if (!opts.quiet) process.stdout.write(formatReport(report));
  return 0;
}

function formatReport(r) {
  const lines = [`wpt-import: ${r.checkout} (${r.commit ? `commit ${r.commit}` : 'not a git checkout'})`];
  lines.push(`${r.files.length} files imported, ${r.failedFiles.length} failed; ${r.imported} graph cases imported`);
  for (const [k, n] of Object.entries(r.skipped).sort()) lines.push(`  skipped ${n}: ${k}`);
  for (const f of r.failedFiles) lines.push(`  failed file ${f.file}: ${f.error}`);
  return lines.join('\n') + '\n';
}

process.exit(main());
