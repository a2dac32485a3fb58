#!/usr/bin/env node
'use strict';
// Prints the README's coverage table from the mapping (ops.js) and the probe's table:
// WebNN op | ONNX op(s) | data types claimed | probed and refused by ONNX Runtime.
//   node adapters/onnxruntime/coverage.js build/onnxruntime/support.json
const fs = require('fs');
const { TABLE } = require('./ops');

const support = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const rows = ['| WebNN op | ONNX (opset ' + support.opset + ') | claimed data types | refused by ONNX Runtime ' + support.onnxruntime + ' |',
              '|---|---|---|---|'];
let pairs = 0;
for (const [op, e] of Object.entries(TABLE)) {
  const got = support.ops[op] || {};
  const groups = Object.keys(e).filter((k) => /^[TU]$/.test(k));
  const claimed = groups.map((g) => `${groups.length > 1 ? `${g}: ` : ''}${(got[g] || []).join(', ') || '—'}`).join('; ');
  const fixed = Object.entries(e.pos).filter(([, g]) => Array.isArray(g)).map(([p, g]) => `${p}: ${g.join('/')}`);
  const refused = Object.keys((support.failures || {})[op] || {}).map((k) => k.replace(/^[TU]=/, groups.length > 1 ? k[0] + '=' : '')).join(', ');
  pairs += (got.T || []).length;
  rows.push(`| ${op} | ${e.onnx.replace(/\|/g, '/')} | ${claimed}${fixed.length ? ` (${fixed.join('; ')})` : ''} | ${refused || '—'} |`);
}
console.log(rows.join('\n'));
console.log(`\n${Object.keys(TABLE).length} ops mapped; ${pairs} (op, data type) pairs of their main type group claimed.`);
