'use strict';
// The mapping WebNN op -> ONNX op(s) (ai.onnx opset 21), one entry per op, in the order of
// the WebNN spec's sections. Each entry:
//   onnx    the ONNX operator(s) it becomes, as a reader checks it against both specs
//   pos     the opSupportLimits positions and their type group (T, U: probed per data type;
//           a literal list: fixed by this mapping)
//   T, U    the candidate data types of each group (the spec's allowed ones); probe.js keeps
//           those with which a one-node model built and ran on ONNX Runtime's CPU provider
//   probe   the one-node graph probe.js builds: input shapes, extra arguments, output shapes
//   emit    the translation (b: translate.js Builder, a: the operation's arguments)
// An op absent here is not supported (NOTSUPPORTED); see README.md for the reasons.
const { MappingError } = require('./translate');

const ALL = ['float32', 'float16', 'int32', 'uint32', 'int64', 'uint64', 'int8', 'uint8'];
const FLOAT = ['float32', 'float16'];
const INDICES = ['int32', 'uint32', 'int64'];
const S = [2, 3]; // probe shape

const range = (n) => [...Array(n).keys()];

// ---- shared emitters ----
const same = (onnx, attrs) => (b, a) => b.node(onnx, [a.x('input')], [a.out()], attrs && attrs(a));
const binaryEmit = (onnx) => (b, a) => b.node(onnx, [a.x('a'), a.x('b')], [a.out()]);
const toUint8 = (b, boolName, out) => b.cast(boolName, 'uint8', out);

function unary(onnx, T, attrs) {
  return { onnx, pos: { input: 'T', output: 'T' }, T, probe: { ins: { input: S }, outs: [S] }, emit: same(onnx, attrs) };
}
function binary(onnx, T = ALL) {
  return { onnx, pos: { a: 'T', b: 'T', output: 'T' }, T, probe: { ins: { a: S, b: S }, outs: [S] }, emit: binaryEmit(onnx) };
}
function compare(onnx, negate) {
  return {
    onnx: negate ? `${onnx} + Not + Cast(uint8)` : `${onnx} + Cast(uint8)`, pos: { a: 'T', b: 'T', output: ['uint8'] },
    T: ALL, probe: { ins: { a: S, b: S }, outs: [S] },
    emit: (b, a) => {
      let r = b.node(onnx, [a.x('a'), a.x('b')]);
      if (negate) r = b.node('Not', [r]);
      toUint8(b, r, a.out());
    },
  };
}
function logical(onnx) {
  return {
    onnx: `Cast(bool) + ${onnx} + Cast(uint8)`, pos: { a: ['uint8'], b: ['uint8'], output: ['uint8'] }, T: ['uint8'],
    probe: { ins: { a: S, b: S }, outs: [S] },
    emit: (b, a) => toUint8(b, b.node(onnx, [b.cast(a.x('a'), 'bool'), b.cast(a.x('b'), 'bool')]), a.out()),
  };
}
function reduce(onnx, T) {
  return {
    onnx: `${onnx} (axes input, keepdims)`, pos: { input: 'T', output: 'T' }, T,
    probe: { ins: { input: S }, args: { axes: { numbers: [1] } }, outs: [[2]] },
    emit: (b, a) => {
      const axes = a.nums('axes', null);
      const attrs = { keepdims: a.bool('keepDimensions', false) ? 1 : 0 };
      const ins = [a.x('input')];
      if (axes && axes.length === 0) attrs.noop_with_empty_axes = 1; // WebNN: reduce nothing
      if (axes) ins.push(b.i64(axes));
      b.node(onnx, ins, [a.out()], attrs);
    },
  };
}
function argMinMax(onnx) {
  return {
    onnx: `${onnx} (+ Cast to int32)`, pos: { input: 'T', output: ['int32', 'int64'] }, T: ALL,
    probe: { ins: { input: S }, args: { axis: { number: 1 } }, outs: [[2]], outType: 'int32' },
    emit: (b, a) => {
      const attrs = { axis: a.num('axis'), keepdims: a.bool('keepDimensions', false) ? 1 : 0, select_last_index: 0 };
      if (a.outDesc().dataType === 'int64') return b.node(onnx, [a.x('input')], [a.out()], attrs);
      b.cast(b.node(onnx, [a.x('input')], undefined, attrs), 'int32', a.out());
    },
  };
}

// ---- layouts ----
const NHWC_TO_NCHW = [0, 3, 1, 2];
const NCHW_TO_NHWC = [0, 2, 3, 1];
// filter layout -> the permutation giving ONNX's [out, in, h, w] (conv) / [in, out, h, w] (convTranspose)
const CONV_FILTER = { oihw: null, hwio: [3, 2, 0, 1], ohwi: [0, 3, 1, 2], ihwo: [3, 0, 1, 2] };
const CONVT_FILTER = { iohw: null, hwoi: [3, 2, 0, 1], ohwi: [3, 0, 1, 2] };

// Runs inner(b, x_nchw, out_name_or_undefined) in NCHW and transposes back for nhwc.
function inNchw(b, a, inner) {
  if (a.str('inputLayout', a.str('layout', 'nchw')) === 'nchw') return inner(a.x('input'), a.out());
  const y = inner(b.transpose(a.x('input'), NHWC_TO_NCHW));
  b.node('Transpose', [y], [a.out()], { perm: NCHW_TO_NHWC });
}
// WebNN padding [beginH, endH, beginW, endW] -> ONNX pads [beginH, beginW, endH, endW]
const onnxPads = (p) => (p ? [p[0], p[2], p[1], p[3]] : [0, 0, 0, 0]);

function conv(b, a) {
  const f = a.str('filterLayout', 'oihw');
  const filter = CONV_FILTER[f] ? b.transpose(a.x('filter'), CONV_FILTER[f]) : a.x('filter');
  const attrs = { pads: onnxPads(a.nums('padding')), strides: a.nums('strides', [1, 1]),
                  dilations: a.nums('dilations', [1, 1]), group: a.num('groups', 1) };
  inNchw(b, a, (x, out) => b.node('Conv', [x, filter, ...(a.has('bias') ? [a.x('bias')] : [])], out && [out], attrs));
}

function convTranspose(b, a) {
  const f = a.str('filterLayout', 'iohw');
  const filter = CONVT_FILTER[f] ? b.transpose(a.x('filter'), CONVT_FILTER[f]) : a.x('filter');
  const strides = a.nums('strides', [1, 1]), dil = a.nums('dilations', [1, 1]), pad = a.nums('padding', [0, 0, 0, 0]);
  let outPad = a.nums('outputPadding', [0, 0]);
  const sizes = a.nums('outputSizes');
  if (sizes) { // the output padding that gives these sizes
    const nhwc = a.str('inputLayout', 'nchw') === 'nhwc';
    const ind = a.desc('input').shape, fd = b.desc(a.operand('filter')).shape;
    const inHW = nhwc ? [ind[1], ind[2]] : [ind[2], ind[3]];
    const kHW = { iohw: [fd[2], fd[3]], hwoi: [fd[0], fd[1]], ohwi: [fd[1], fd[2]] }[f];
    outPad = [0, 1].map((i) => sizes[i] - ((inHW[i] - 1) * strides[i] + (kHW[i] - 1) * dil[i] + 1 - pad[2 * i] - pad[2 * i + 1]));
  }
  const attrs = { pads: onnxPads(pad), strides, dilations: dil, group: a.num('groups', 1), output_padding: outPad };
  inNchw(b, a, (x, out) => b.node('ConvTranspose', [x, filter, ...(a.has('bias') ? [a.x('bias')] : [])], out && [out], attrs));
}

function pool(onnx, extra) {
  return (b, a) => {
    const nhwc = a.str('layout', 'nchw') === 'nhwc';
    const s = a.desc('input').shape;
    const inHW = nhwc ? [s[1], s[2]] : [s[2], s[3]];
    const win = a.nums('windowDimensions', inHW);
    const strides = a.nums('strides', [1, 1]), dil = a.nums('dilations', [1, 1]), pad = a.nums('padding', [0, 0, 0, 0]);
    let ceil = a.str('outputShapeRounding', 'floor') === 'ceil' ? 1 : 0;
    const sizes = a.nums('outputSizes');
    if (sizes) { // outputSizes pick floor or ceil rounding
      const floorSize = (i) => Math.floor((inHW[i] + pad[2 * i] + pad[2 * i + 1] - (win[i] - 1) * dil[i] - 1) / strides[i]) + 1;
      ceil = sizes[0] === floorSize(0) && sizes[1] === floorSize(1) ? 0 : 1;
    }
    const attrs = { kernel_shape: win, pads: onnxPads(pad), strides, dilations: dil, ceil_mode: ceil, ...extra };
    inNchw(b, a, (x, out) => b.node(onnx, [x], out && [out], attrs));
  };
}

// BatchNormalization's scale, B, mean, var
const ins0 = (b, a, c, t) => [a.has('scale') ? a.x('scale') : ones(b, c, t), a.has('bias') ? a.x('bias') : zeros(b, c, t),
                              a.x('mean'), a.x('variance')];
const ones = (b, n, type) => b.constant(Array(n).fill(1), type);
const zeros = (b, n, type) => b.constant(Array(n).fill(0), type);

// ---- the table ----
const TABLE = {
  argMin: argMinMax('ArgMin'),
  argMax: argMinMax('ArgMax'),
  batchNormalization: {
    onnx: 'BatchNormalization (channel axis moved to 1 by Transpose, rank 1 reshaped to [1, C]; absent scale/bias = 1/0 constants)',
    pos: { input: 'T', mean: 'T', variance: 'T', scale: 'T', bias: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { input: [2, 3, 2], mean: [3], variance: [3] }, outs: [[2, 3, 2]] },
    emit: (b, a) => {
      const d = a.desc('input'), axis = a.num('axis', 1), r = d.shape.length, c = d.shape[axis];
      const t = d.dataType;
      if (r === 1) { // ONNX wants [N, C, ...]: [C] as [1, C]
        const y = b.node('BatchNormalization', [b.node('Reshape', [a.x('input'), b.i64([1, c])]), ...ins0(b, a, c, t)], undefined,
                         { epsilon: a.float('epsilon', 1e-5) });
        return b.node('Reshape', [y, b.i64([c])], [a.out()]);
      }
      const ins = (x) => [x, ...ins0(b, a, c, t)];
      const attrs = { epsilon: a.float('epsilon', 1e-5) };
      if (axis === 1) return b.node('BatchNormalization', ins(a.x('input')), [a.out()], attrs);
      const others = range(r).filter((i) => i !== axis);
      const perm = [others[0], axis, ...others.slice(1)];
      const inv = perm.map((_, i) => perm.indexOf(i));
      const y = b.node('BatchNormalization', ins(b.transpose(a.x('input'), perm)), undefined, attrs);
      b.node('Transpose', [y], [a.out()], { perm: inv });
    },
  },
  cast: {
    onnx: 'Cast', pos: { input: 'T', output: 'U' }, T: ALL, U: ALL,
    probe: { ins: { input: S }, args: { type: { string: '$U' } }, outs: [S], outType: '$U' },
    emit: (b, a) => b.cast(a.x('input'), a.outDesc().dataType, a.out()),
  },
  clamp: {
    onnx: 'Clip (min/max as constants of the input type; absent: -/+Infinity for floats)', pos: { input: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: S }, args: { minValue: { number: 0 }, maxValue: { number: 1 } }, outs: [S] },
    emit: (b, a) => {
      const t = a.desc('input').dataType;
      // absent bounds: none (ONNX's absent max would be the largest finite float, not infinity)
      const float = t === 'float32' || t === 'float16';
      const lo = a.num('minValue', float ? -Infinity : undefined), hi = a.num('maxValue', float ? Infinity : undefined);
      b.node('Clip', [a.x('input'), lo === undefined ? '' : b.scalar(lo, t), hi === undefined ? '' : b.scalar(hi, t)], [a.out()]);
    },
  },
  concat: {
    onnx: 'Concat', pos: { inputs: 'T', output: 'T' }, T: ALL,
    probe: { ins: { inputs: [S, S] }, args: { axis: { number: 0 } }, outs: [[4, 3]] },
    emit: (b, a) => b.node('Concat', a.operands('inputs').map((k) => b.name(k)), [a.out()], { axis: a.num('axis') }),
  },
  conv2d: {
    onnx: 'Conv (Transpose for nhwc input and hwio/ohwi/ihwo filters)', pos: { input: 'T', filter: 'T', bias: 'T', output: 'T' },
    T: FLOAT, probe: { ins: { input: [1, 1, 3, 3], filter: [1, 1, 2, 2] }, outs: [[1, 1, 2, 2]] }, emit: conv,
  },
  convTranspose2d: {
    onnx: 'ConvTranspose (output_padding from outputSizes; Transposes for nhwc, hwoi, ohwi)',
    pos: { input: 'T', filter: 'T', bias: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { input: [1, 1, 2, 2], filter: [1, 1, 2, 2] }, outs: [[1, 1, 3, 3]] }, emit: convTranspose,
  },
  cumulativeSum: {
    onnx: 'CumSum (exclusive, reverse)', pos: { input: 'T', output: 'T' }, T: ALL.slice(0, 6),
    probe: { ins: { input: S }, args: { axis: { number: 1 } }, outs: [S] },
    emit: (b, a) => b.node('CumSum', [a.x('input'), b.constant([BigInt(a.num('axis'))], 'int64', [])], [a.out()],
                           { exclusive: a.bool('exclusive', false) ? 1 : 0, reverse: a.bool('reversed', false) ? 1 : 0 }),
  },
  add: binary('Add'),
  sub: binary('Sub'),
  mul: binary('Mul'),
  div: binary('Div'),
  max: binary('Max'),
  min: binary('Min'),
  pow: binary('Pow'),
  equal: compare('Equal'),
  notEqual: compare('Equal', true),
  greater: compare('Greater'),
  greaterOrEqual: compare('GreaterOrEqual'),
  lesser: compare('Less'),
  lesserOrEqual: compare('LessOrEqual'),
  logicalNot: {
    onnx: 'Cast(bool) + Not + Cast(uint8)', pos: { a: ['uint8'], output: ['uint8'] }, T: ['uint8'],
    probe: { ins: { a: S }, outs: [S] },
    emit: (b, a) => toUint8(b, b.node('Not', [b.cast(a.x('a'), 'bool')]), a.out()),
  },
  logicalAnd: logical('And'),
  logicalOr: logical('Or'),
  logicalXor: logical('Xor'),
  isNaN: {
    onnx: 'IsNaN + Cast(uint8)', pos: { a: 'T', output: ['uint8'] }, T: ALL, probe: { ins: { a: S }, outs: [S] },
    emit: (b, a) => toUint8(b, b.node('IsNaN', [a.x('a')]), a.out()),
  },
  isInfinite: {
    onnx: 'IsInf + Cast(uint8)', pos: { a: 'T', output: ['uint8'] }, T: ALL, probe: { ins: { a: S }, outs: [S] },
    emit: (b, a) => toUint8(b, b.node('IsInf', [a.x('a')]), a.out()),
  },
  abs: unary('Abs', ['float32', 'float16', 'int32', 'int64', 'int8']),
  ceil: unary('Ceil', FLOAT),
  cos: unary('Cos', FLOAT),
  erf: unary('Erf', FLOAT),
  exp: unary('Exp', FLOAT),
  floor: unary('Floor', FLOAT),
  identity: unary('Identity', ALL),
  log: unary('Log', FLOAT),
  neg: unary('Neg', ['float32', 'float16', 'int32', 'int64', 'int8']),
  reciprocal: unary('Reciprocal', FLOAT),
  roundEven: unary('Round', FLOAT), // ONNX Round: halves to even
  sin: unary('Sin', FLOAT),
  sign: unary('Sign', ['float32', 'float16', 'int32', 'int64', 'int8']),
  sqrt: unary('Sqrt', FLOAT),
  tan: unary('Tan', FLOAT),
  elu: unary('Elu', FLOAT, (a) => ({ alpha: a.float('alpha', 1) })),
  expand: {
    onnx: 'Expand', pos: { input: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: [3] }, args: { newShape: { numbers: S } }, outs: [S] },
    emit: (b, a) => b.node('Expand', [a.x('input'), b.i64(a.nums('newShape'))], [a.out()]),
  },
  gather: {
    onnx: 'Gather (uint32 indices cast to int64)', pos: { input: 'T', indices: INDICES, output: 'T' }, T: ALL,
    probe: { ins: { input: S, indices: [2] }, indicesType: 'int32', args: { axis: { number: 0 } }, outs: [S] },
    emit: (b, a) => b.node('Gather', [a.x('input'), indices(b, a, false)], [a.out()], { axis: a.num('axis', 0) }),
  },
  gatherElements: {
    onnx: 'GatherElements (uint32 indices cast to int64)', pos: { input: 'T', indices: INDICES, output: 'T' }, T: ALL,
    probe: { ins: { input: S, indices: S }, indicesType: 'int32', args: { axis: { number: 0 } }, outs: [S] },
    emit: (b, a) => b.node('GatherElements', [a.x('input'), indices(b, a, false)], [a.out()], { axis: a.num('axis', 0) }),
  },
  gatherND: {
    onnx: 'GatherND (indices cast to int64)', pos: { input: 'T', indices: INDICES, output: 'T' }, T: ALL,
    probe: { ins: { input: S, indices: [2, 2] }, indicesType: 'int32', outs: [[2]] },
    emit: (b, a) => b.node('GatherND', [a.x('input'), indices(b, a, true)], [a.out()]),
  },
  gelu: unary('Gelu', FLOAT),
  gemm: {
    onnx: 'Gemm (alpha, beta, transA, transB)', pos: { a: 'T', b: 'T', c: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { a: S, b: [3, 2] }, outs: [[2, 2]] },
    emit: (b, a) => b.node('Gemm', [a.x('a'), a.x('b'), ...(a.has('c') ? [a.x('c')] : [])], [a.out()], {
      alpha: a.float('alpha', 1), beta: a.float('beta', 1),
      transA: a.bool('aTranspose', false) ? 1 : 0, transB: a.bool('bTranspose', false) ? 1 : 0,
    }),
  },
  gru: {
    onnx: 'GRU (gates zrh = WebNN zrn; rzn reordered by Split+Concat; linear_before_reset = resetAfter)',
    pos: { input: 'T', weight: 'T', recurrentWeight: 'T', bias: 'T', recurrentBias: 'T', initialHiddenState: 'T', output0: 'T', output1: 'T' },
    T: FLOAT, probe: { ins: { input: [1, 1, 2], weight: [1, 6, 2], recurrentWeight: [1, 6, 2] }, args: { hiddenSize: { number: 2 } }, outs: [[1, 1, 2]] },
    emit: recurrent('GRU', false),
  },
  gruCell: {
    onnx: 'GRU over one step (Reshape to add the steps and directions axes)',
    pos: { input: 'T', weight: 'T', recurrentWeight: 'T', hiddenState: 'T', bias: 'T', recurrentBias: 'T', output: 'T' },
    T: FLOAT, probe: { ins: { input: [1, 2], weight: [6, 2], recurrentWeight: [6, 2], hiddenState: [1, 2] }, args: { hiddenSize: { number: 2 } }, outs: [[1, 2]] },
    emit: recurrent('GRU', true),
  },
  hardSigmoid: unary('HardSigmoid', FLOAT, (a) => ({ alpha: a.float('alpha', 0.2), beta: a.float('beta', 0.5) })),
  hardSwish: unary('HardSwish', FLOAT),
  instanceNormalization: {
    onnx: 'InstanceNormalization (Transposes for nhwc; absent scale/bias = 1/0 constants)',
    pos: { input: 'T', scale: 'T', bias: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { input: [1, 2, 2, 2] }, outs: [[1, 2, 2, 2]] },
    emit: (b, a) => {
      const d = a.desc('input'), t = d.dataType, nhwc = a.str('layout', 'nchw') === 'nhwc';
      const c = nhwc ? d.shape[3] : d.shape[1];
      const scale = a.has('scale') ? a.x('scale') : ones(b, c, t), bias = a.has('bias') ? a.x('bias') : zeros(b, c, t);
      inNchw(b, a, (x, out) => b.node('InstanceNormalization', [x, scale, bias], out && [out], { epsilon: a.float('epsilon', 1e-5) }));
    },
  },
  layerNormalization: {
    onnx: 'LayerNormalization (axes moved last by Transpose when they are not the trailing ones; no axes: over an added size-1 axis)',
    pos: { input: 'T', scale: 'T', bias: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { input: S }, outs: [S] },
    emit: (b, a) => {
      const d = a.desc('input'), r = d.shape.length, t = d.dataType;
      const axes = a.nums('axes', range(r).slice(1));
      if (axes.length === 0) { // over a trailing size-1 axis added by Reshape: the same mean (x) and variance (0)
        const shape1 = [...d.shape, 1];
        const ins = [b.node('Reshape', [a.x('input'), b.i64(shape1)]),
                     a.has('scale') ? b.node('Reshape', [a.x('scale'), b.i64([1])]) : b.constant([1], t, [1])];
        if (a.has('bias')) ins.push(b.node('Reshape', [a.x('bias'), b.i64([1])]));
        const y = b.node('LayerNormalization', ins, undefined, { axis: r, epsilon: a.float('epsilon', 1e-5) });
        return b.node('Reshape', [y, b.i64(d.shape)], [a.out()]);
      }
      const rest = range(r).filter((i) => !axes.includes(i));
      const perm = [...rest, ...axes];
      const moved = perm.some((p, i) => p !== i);
      const n = axes.map((i) => d.shape[i]);
      const count = n.reduce((x, y) => x * y, 1);
      const scale = a.has('scale') ? a.x('scale') : b.constant(Array(count).fill(1), t, n);
      const ins = [moved ? b.transpose(a.x('input'), perm) : a.x('input'), scale, ...(a.has('bias') ? [a.x('bias')] : [])];
      const attrs = { axis: rest.length, epsilon: a.float('epsilon', 1e-5) };
      if (!moved) return b.node('LayerNormalization', ins, [a.out()], attrs);
      const y = b.node('LayerNormalization', ins, undefined, attrs);
      b.node('Transpose', [y], [a.out()], { perm: perm.map((_, i) => perm.indexOf(i)) });
    },
  },
  leakyRelu: unary('LeakyRelu', FLOAT, (a) => ({ alpha: a.float('alpha', 0.01) })),
  linear: {
    onnx: 'Mul + Add (alpha, beta as constants of the input type)', pos: { input: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { input: S }, outs: [S] },
    emit: (b, a) => {
      const t = a.desc('input').dataType;
      b.node('Add', [b.node('Mul', [a.x('input'), b.scalar(a.num('alpha', 1), t)]), b.scalar(a.num('beta', 0), t)], [a.out()]);
    },
  },
  lstm: {
    onnx: 'LSTM (gates iofc = WebNN iofg; ifgo reordered by Split+Concat; without peepholes)',
    // no peepholeWeight: ONNX's output gate peeps at the new cell state, WebNN's at the previous one
    pos: { input: 'T', weight: 'T', recurrentWeight: 'T', bias: 'T', recurrentBias: 'T', initialHiddenState: 'T',
           initialCellState: 'T', output0: 'T', output1: 'T', output2: 'T' },
    T: FLOAT, probe: { ins: { input: [1, 1, 2], weight: [1, 8, 2], recurrentWeight: [1, 8, 2] }, args: { hiddenSize: { number: 2 } }, outs: [[1, 1, 2], [1, 1, 2]] },
    emit: recurrent('LSTM', false),
  },
  lstmCell: {
    onnx: 'LSTM over one step (Reshape to add the steps and directions axes)',
    pos: { input: 'T', weight: 'T', recurrentWeight: 'T', hiddenState: 'T', cellState: 'T', bias: 'T', recurrentBias: 'T',
           output0: 'T', output1: 'T' }, // no peepholeWeight (see lstm)
    T: FLOAT, probe: { ins: { input: [1, 2], weight: [8, 2], recurrentWeight: [8, 2], hiddenState: [1, 2], cellState: [1, 2] }, args: { hiddenSize: { number: 2 } }, outs: [[1, 2], [1, 2]] },
    emit: recurrent('LSTM', true),
  },
  matmul: {
    onnx: 'MatMul', pos: { a: 'T', b: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { a: S, b: [3, 2] }, outs: [[2, 2]] }, emit: binaryEmit('MatMul'),
  },
  pad: {
    onnx: 'Pad (mode constant/edge/reflect; value as a constant of the input type; rank 0: Identity)', pos: { input: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: S }, args: { beginningPadding: { numbers: [1, 0] }, endingPadding: { numbers: [0, 1] } }, outs: [[3, 4]] },
    emit: (b, a) => {
      if (a.desc('input').shape.length === 0) return b.node('Identity', [a.x('input')], [a.out()]); // ORT's Pad refuses rank 0
      const mode = { constant: 'constant', edge: 'edge', reflection: 'reflect' }[a.str('mode', 'constant')];
      const ins = [a.x('input'), b.i64([...a.nums('beginningPadding'), ...a.nums('endingPadding')])];
      if (mode === 'constant') ins.push(b.scalar(a.num('value', 0), a.desc('input').dataType));
      b.node('Pad', ins, [a.out()], { mode });
    },
  },
  averagePool2d: {
    onnx: 'AveragePool (count_include_pad 0; ceil_mode from outputShapeRounding or outputSizes)', pos: { input: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { input: [1, 1, 2, 2] }, outs: [[1, 1, 1, 1]] }, emit: pool('AveragePool', { count_include_pad: 0 }),
  },
  l2Pool2d: {
    onnx: 'LpPool (p 2)', pos: { input: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { input: [1, 1, 2, 2] }, outs: [[1, 1, 1, 1]] }, emit: pool('LpPool', { p: 2 }),
  },
  maxPool2d: {
    onnx: 'MaxPool', pos: { input: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: [1, 1, 2, 2] }, outs: [[1, 1, 1, 1]] }, emit: pool('MaxPool', {}),
  },
  prelu: {
    onnx: 'PRelu (input Expanded to the output shape when slope broadcasts it)', pos: { input: 'T', slope: 'T', output: 'T' },
    T: ['float32', 'float16', 'int32', 'int64', 'int8'], probe: { ins: { input: S, slope: S }, outs: [S] },
    emit: (b, a) => {
      const out = a.outDesc().shape, ind = a.desc('input').shape;
      const same = out.length === ind.length && out.every((v, i) => v === ind[i]);
      const x = same ? a.x('input') : b.node('Expand', [a.x('input'), b.i64(out)]);
      b.node('PRelu', [x, a.x('slope')], [a.out()]);
    },
  },
  quantizeLinear: {
    onnx: 'QuantizeLinear (blockwise scale/zeroPoint repeated to the input shape by Reshape+Expand; blocked, block_size 1)',
    pos: { input: 'U', scale: 'U', zeroPoint: 'T', output: 'T' }, T: ['uint8', 'int8', 'uint32', 'int32'], U: FLOAT,
    probe: { ins: { input: [2, 4], scale: [2, 1], zeroPoint: [2, 1] }, outs: [[2, 4]] },
    emit: (b, a) => quantize(b, a, 'QuantizeLinear'),
  },
  dequantizeLinear: {
    onnx: 'DequantizeLinear (blockwise scale/zeroPoint repeated to the input shape by Reshape+Expand; blocked, block_size 1)',
    pos: { input: 'T', scale: 'U', zeroPoint: 'T', output: 'U' }, T: ['uint8', 'int8', 'uint32', 'int32'], U: FLOAT,
    probe: { ins: { input: [2, 4], scale: [2, 1], zeroPoint: [2, 1] }, outs: [[2, 4]], outType: '$U' },
    emit: (b, a) => quantize(b, a, 'DequantizeLinear'),
  },
  reduceL1: reduce('ReduceL1', ALL.slice(0, 6)),
  reduceL2: reduce('ReduceL2', FLOAT),
  reduceLogSum: reduce('ReduceLogSum', FLOAT),
  reduceLogSumExp: reduce('ReduceLogSumExp', FLOAT),
  reduceMax: reduce('ReduceMax', ALL),
  reduceMean: reduce('ReduceMean', FLOAT),
  reduceMin: reduce('ReduceMin', ALL),
  reduceProduct: reduce('ReduceProd', ALL.slice(0, 6)),
  reduceSum: reduce('ReduceSum', ALL.slice(0, 6)),
  reduceSumSquare: reduce('ReduceSumSquare', ALL.slice(0, 6)),
  relu: unary('Relu', ['float32', 'float16', 'int32', 'int64', 'int8']),
  resample2d: {
    onnx: 'Resize (sizes = the output shape; half_pixel; nearest: round_prefer_floor, i.e. ceil(x - 0.5); axes moved innermost by Transpose)',
    pos: { input: 'T', output: 'T' }, T: ['float32', 'float16', 'int8', 'uint8'],
    probe: { ins: { input: [1, 1, 2, 2] }, args: { sizes: { numbers: [4, 4] } }, outs: [[1, 1, 4, 4]] },
    emit: (b, a) => {
      const linear = a.str('mode', 'nearest-neighbor') === 'linear';
      const attrs = { mode: linear ? 'linear' : 'nearest', coordinate_transformation_mode: 'half_pixel',
                      ...(linear ? {} : { nearest_mode: 'round_prefer_floor' }) };
      // ONNX Runtime's linear Resize of a 4-D tensor works on the two innermost axes only
      const axes = a.nums('axes', [2, 3]), out = a.outDesc().shape;
      const perm = [...range(4).filter((i) => !axes.includes(i)), ...axes];
      if (perm.every((p, i) => p === i)) return b.node('Resize', [a.x('input'), '', '', b.i64(out)], [a.out()], attrs);
      const y = b.node('Resize', [b.transpose(a.x('input'), perm), '', '', b.i64(perm.map((p) => out[p]))], undefined, attrs);
      b.node('Transpose', [y], [a.out()], { perm: perm.map((_, i) => perm.indexOf(i)) });
    },
  },
  reshape: {
    onnx: 'Reshape', pos: { input: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: S }, args: { newShape: { numbers: [3, 2] } }, outs: [[3, 2]] },
    emit: (b, a) => b.node('Reshape', [a.x('input'), b.i64(a.nums('newShape'))], [a.out()]),
  },
  reverse: {
    onnx: 'Slice (step -1 on each reversed axis)', pos: { input: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: S }, outs: [S] },
    emit: (b, a) => {
      const r = a.desc('input').shape.length, axes = a.nums('axes', range(r));
      if (axes.length === 0) return b.node('Identity', [a.x('input')], [a.out()]);
      b.node('Slice', [a.x('input'), b.i64(axes.map(() => -1)), b.i64(axes.map(() => -(2n ** 63n))), b.i64(axes),
                       b.i64(axes.map(() => -1))], [a.out()]);
    },
  },
  scatterElements: {
    onnx: 'ScatterElements (uint32 indices cast to int64)', pos: { input: 'T', indices: INDICES, updates: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: S, indices: S, updates: S }, indicesType: 'int32', args: { axis: { number: 0 } }, outs: [S] },
    emit: (b, a) => b.node('ScatterElements', [a.x('input'), indices(b, a, false), a.x('updates')], [a.out()], { axis: a.num('axis', 0) }),
  },
  scatterND: {
    onnx: 'ScatterND (indices cast to int64)', pos: { input: 'T', indices: INDICES, updates: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: S, indices: [1, 2], updates: [1] }, indicesType: 'int32', outs: [S] },
    emit: (b, a) => b.node('ScatterND', [a.x('input'), indices(b, a, true), a.x('updates')], [a.out()]),
  },
  sigmoid: unary('Sigmoid', FLOAT),
  slice: {
    onnx: 'Slice (ends = starts + (sizes - 1) * strides + 1)', pos: { input: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: S }, args: { starts: { numbers: [0, 1] }, sizes: { numbers: [2, 2] } }, outs: [[2, 2]] },
    emit: (b, a) => {
      const starts = a.nums('starts'), sizes = a.nums('sizes'), r = starts.length;
      if (r === 0) return b.node('Identity', [a.x('input')], [a.out()]);
      const strides = a.nums('strides', starts.map(() => 1));
      const ends = starts.map((s, i) => s + (sizes[i] - 1) * strides[i] + 1);
      b.node('Slice', [a.x('input'), b.i64(starts), b.i64(ends), b.i64(range(r)), b.i64(strides)], [a.out()]);
    },
  },
  softmax: {
    onnx: 'Softmax (axis)', pos: { input: 'T', output: 'T' }, T: FLOAT,
    probe: { ins: { input: S }, args: { axis: { number: 1 } }, outs: [S] },
    emit: (b, a) => b.node('Softmax', [a.x('input')], [a.out()], { axis: a.num('axis') }),
  },
  softplus: unary('Softplus', FLOAT),
  softsign: unary('Softsign', FLOAT),
  split: {
    onnx: 'Split (split sizes as an input)', pos: { input: 'T', outputs: 'T' }, T: ALL,
    probe: { ins: { input: [4, 3] }, args: { splits: { number: 2 } }, outs: [S, S] },
    emit: (b, a) => {
      const axis = a.num('axis', 0), outs = a.op.outputs.map((k) => b.name(k));
      const sizes = a.op.outputs.map((k) => b.desc(k).shape[axis]);
      b.node('Split', [a.x('input'), b.i64(sizes)], outs, { axis });
    },
  },
  tanh: unary('Tanh', FLOAT),
  tile: {
    onnx: 'Tile', pos: { input: 'T', output: 'T' }, T: ALL,
    probe: { ins: { input: S }, args: { repetitions: { numbers: [1, 2] } }, outs: [[2, 6]] },
    emit: (b, a) => b.node('Tile', [a.x('input'), b.i64(a.nums('repetitions'))], [a.out()]),
  },
  transpose: {
    onnx: 'Transpose', pos: { input: 'T', output: 'T' }, T: ALL, probe: { ins: { input: S }, outs: [[3, 2]] },
    emit: (b, a) => {
      const r = a.desc('input').shape.length;
      b.node('Transpose', [a.x('input')], [a.out()], { perm: a.nums('permutation', range(r).reverse()) });
    },
  },
  triangular: {
    onnx: 'Trilu (k = diagonal)', pos: { input: 'T', output: 'T' }, T: ALL, probe: { ins: { input: S }, outs: [S] },
    emit: (b, a) => b.node('Trilu', [a.x('input'), b.constant([BigInt(a.num('diagonal', 0))], 'int64', [])], [a.out()],
                           { upper: a.bool('upper', true) ? 1 : 0 }),
  },
  where: {
    onnx: 'Cast(bool) + Where', pos: { condition: ['uint8'], trueValue: 'T', falseValue: 'T', output: 'T' }, T: ALL,
    probe: { ins: { condition: S, trueValue: S, falseValue: S }, conditionType: 'uint8', outs: [S] },
    emit: (b, a) => b.node('Where', [b.cast(a.x('condition'), 'bool'), a.x('trueValue'), a.x('falseValue')], [a.out()]),
  },
};

// ---- recurrent: WebNN gru/lstm(Cell) -> ONNX GRU/LSTM (gates zrh / iofc) ----
const ACT = { relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh' };
// gate order of a WebNN layout, as indices into ONNX's order
const GATES = { zrn: null, rzn: [1, 0, 2], iofg: null, ifgo: [0, 3, 1, 2] };

function recurrent(onnx, cell) {
  return (b, a) => {
    const lstm = onnx === 'LSTM', g = lstm ? 4 : 3, h = a.num('hiddenSize');
    const layout = a.str('layout', lstm ? 'iofg' : 'zrn'), order = GATES[layout];
    const dirs = cell ? 1 : a.str('direction', 'forward') === 'both' ? 2 : 1;
    const t = a.desc('input').dataType;
    const lead = (name, shape) => (cell ? b.node('Reshape', [a.x(name), b.i64([1, ...shape])]) : a.x(name)); // add the directions axis
    // gate blocks along axis 1 in ONNX's order (Split + Concat: layout glue)
    const reorder = (x) => {
      if (!order) return x;
      const parts = Array.from({ length: g }, () => b.tmp());
      b.node('Split', [x, b.i64(Array(g).fill(h))], parts, { axis: 1 });
      return b.node('Concat', order.map((i) => parts[i]), undefined, { axis: 1 });
    };
    const inShape = a.desc('input').shape, inputSize = inShape[inShape.length - 1];
    const X = cell ? b.node('Reshape', [a.x('input'), b.i64([1, ...inShape])]) : a.x('input');
    const W = reorder(lead('weight', [g * h, inputSize])), R = reorder(lead('recurrentWeight', [g * h, h]));
    let B = '';
    if (a.has('bias') || a.has('recurrentBias')) {
      const part = (n) => (a.has(n) ? reorder(lead(n, [g * h])) : b.constant(Array(dirs * g * h).fill(0), t, [dirs, g * h]));
      B = b.node('Concat', [part('bias'), part('recurrentBias')], undefined, { axis: 1 });
    }
    const batch = inShape[cell ? 0 : 1];
    const H0 = cell ? lead('hiddenState', [batch, h]) : a.x('initialHiddenState');
    const ins = [X, W, R, B, '', H0];
    if (lstm) ins.push(cell ? lead('cellState', [batch, h]) : a.x('initialCellState'));
    const acts = (a.a.activations ? a.a.activations.strings : lstm ? ['sigmoid', 'tanh', 'tanh'] : ['sigmoid', 'tanh']).map((x) => ACT[x]);
    const attrs = {
      hidden_size: h, activations: { strings: dirs === 2 ? [...acts, ...acts] : acts },
      direction: cell ? 'forward' : { forward: 'forward', backward: 'reverse', both: 'bidirectional' }[a.str('direction', 'forward')],
      ...(lstm ? {} : { linear_before_reset: a.bool('resetAfter', true) ? 1 : 0 }),
    };
    while (ins[ins.length - 1] === '') ins.pop();
    const n = a.op.outputs.length;
    if (cell) { // outputs [1, batch, h] -> [batch, h]
      const hs = lstm ? [b.tmp(), b.tmp()] : [b.tmp()];
      b.node(onnx, ins, ['', ...hs], attrs);
      hs.forEach((y, i) => b.node('Reshape', [y, b.i64([batch, h])], [a.out(i)]));
      return;
    }
    // WebNN [hidden, (cell,) sequence?]; ONNX [Y (sequence), Y_h, (Y_c)]
    const seq = n > (lstm ? 2 : 1) ? a.out(n - 1) : '';
    b.node(onnx, ins, [seq, ...range(lstm ? 2 : 1).map((i) => a.out(i))], attrs);
  };
}

// WebNN's blockwise broadcast (each scale element covers a block of input elements): the
// scale (and zero point) repeated to the input's shape, then ONNX's blocked form with blocks
// of 1 along axis 0; a scalar input is per-tensor. The repetition is layout glue.
function quantize(b, a, onnx) {
  const shape = a.desc('input').shape, r = shape.length;
  const full = (name) => {
    const s = a.desc(name).shape;
    if (s.every((d, i) => d === shape[i])) return a.x(name);
    const split = s.flatMap((d) => [d, 1]), expanded = s.flatMap((d, i) => [d, shape[i] / d]);
    return b.node('Reshape', [b.node('Expand', [b.node('Reshape', [a.x(name), b.i64(split)]), b.i64(expanded)]), b.i64(shape)]);
  };
  const attrs = r === 0 ? {} : { axis: 0, block_size: 1 };
  b.node(onnx, [a.x('input'), full('scale'), full('zeroPoint')], [a.out()], attrs);
}

// ONNX Gather/GatherElements/ScatterElements take int32 or int64 indices, GatherND/ScatterND
// int64 only: cast what they do not take (layout glue, the values are unchanged).
function indices(b, a, int64Only) {
  const t = a.desc('indices').dataType;
  return t === 'int64' || (t === 'int32' && !int64Only) ? a.x('indices') : b.cast(a.x('indices'), 'int64');
}

module.exports = { TABLE, ALL };
