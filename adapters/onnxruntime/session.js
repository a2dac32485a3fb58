'use strict';
// ONNX Runtime glue shared by the adapter and the probe: loading onnxruntime-node from the
// installed folder, session options, tensors from and to little-endian bytes.
const os = require('os');
const path = require('path');

function loadOrt(modulesDir) {
  const ort = require(require.resolve('onnxruntime-node', { paths: [path.resolve(modulesDir)] }));
  ort.env.logLevel = 'fatal'; // a failed run is reported through the protocol, not stderr
  return ort;
}

// level: undefined (ONNX Runtime's default, "all"), "disabled", "basic", "extended", "all".
function sessionOptions(level, threads) {
  const o = { executionProviders: ['cpu'], intraOpNumThreads: threads || os.availableParallelism(),
              interOpNumThreads: 1, executionMode: 'sequential', logSeverityLevel: 4 };
  if (level) o.graphOptimizationLevel = level;
  return o;
}

const ARRAY = { float32: Float32Array, float16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array,
                uint64: BigUint64Array, int8: Int8Array, uint8: Uint8Array };

// A tensor of bytes (copied: typed arrays need an aligned, exclusive buffer).
function tensorFrom(ort, type, shape, bytes) {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  return new ort.Tensor(type, new ARRAY[type](ab), shape);
}

const bytesOf = (t) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);

module.exports = { loadOrt, sessionOptions, tensorFrom, bytesOf };
