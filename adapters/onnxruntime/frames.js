'use strict';
// The frames of adapters/PROCESS.md on fds 0 and 1, synchronously: one request is read, handled
// (awaiting ONNX Runtime), answered, then the next is read. Nothing else may write to fd 1,
// so logging goes to stderr (console.error), never console.log.
const fs = require('fs');

const PREFIX = 16;

function readExact(n) {
  const b = Buffer.allocUnsafe(n);
  let got = 0;
  while (got < n) {
    let r;
    try {
      r = fs.readSync(0, b, got, n - got, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') r = 0;
      else throw e;
    }
    if (r === 0) {
      if (got === 0) return null;
      throw new Error(`stdin ended in the middle of a frame (${got} of ${n} bytes)`);
    }
    got += r;
  }
  return b;
}

// {header, body} or null at the end of stdin.
function readFrame() {
  const p = readExact(PREFIX);
  if (!p) return null;
  if (p.toString('latin1', 0, 4) !== 'WNNP') throw new Error(`not a frame: ${p.toString('hex')}`);
  const hlen = p.readUInt32LE(4);
  const blen = Number(p.readBigUInt64LE(8));
  const header = JSON.parse(readExact(hlen).toString('utf8'));
  const body = blen ? readExact(blen) : Buffer.alloc(0);
  return { header, body };
}

function writeAll(buf) {
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(1, buf, off, buf.length - off);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
    }
  }
}

// pieces: Buffers laid out at 8-byte aligned offsets; returns their offsets (set them in the
// header before calling writeFrame with the same pieces).
function layout(pieces) {
  const offsets = [];
  let off = 0;
  for (const p of pieces) {
    off += -off & 7;
    offsets.push(off);
    off += p.length;
  }
  return offsets;
}

function writeFrame(header, pieces = []) {
  const offsets = layout(pieces);
  const total = pieces.length ? offsets[offsets.length - 1] + pieces[pieces.length - 1].length : 0;
  const text = Buffer.from(JSON.stringify(header), 'utf8');
  const out = Buffer.alloc(PREFIX + text.length + total);
  out.write('WNNP', 0, 'latin1');
  out.writeUInt32LE(text.length, 4);
  out.writeBigUInt64LE(BigInt(total), 8);
  text.copy(out, PREFIX);
  pieces.forEach((p, i) => p.copy(out, PREFIX + text.length + offsets[i]));
  writeAll(out);
}

module.exports = { readFrame, writeFrame, layout };
