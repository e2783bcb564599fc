// The reader against hand-encoded protobuf, including multi-byte varints
// and packed repeated fields, so a reader bug cannot hide behind a real
// file that happens to parse.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { readMessage, readOnnx } from '../../../scripts/onnx-reader.mjs';

function varint(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

const field = (num, wire, payload) => [...varint(num * 8 + wire), ...payload];
const num = (n, v) => field(n, 0, varint(v));
const bytes = (n, b) => field(n, 2, [...varint(b.length), ...b]);
const text = (n, s) => bytes(n, [...new TextEncoder().encode(s)]);

function valueInfo(name, elemType, dims) {
  const shape = dims.flatMap((d) => bytes(1, num(1, d)));
  const tensor = [...num(1, elemType), ...bytes(2, shape)];
  return [...text(1, name), ...bytes(2, bytes(1, tensor))];
}

describe('onnx-reader', () => {
  test('decodes varints above 2^31', () => {
    const msg = readMessage(Uint8Array.from(num(3, 2 ** 40 + 5)));
    assert.equal(msg.get(3)[0], 2 ** 40 + 5);
  });

  test('reads signature, opset and initializers (packed and unpacked dims)', () => {
    const unpacked = [...num(1, 256), ...num(1, 64), ...num(2, 1), ...text(8, 'w')];
    const packed = [...bytes(1, [...varint(300), ...varint(3)]), ...num(2, 1), ...text(8, 'b')];
    const graph = [
      ...bytes(5, unpacked),
      ...bytes(5, packed),
      ...bytes(11, valueInfo('x', 1, [1, 300, 56])),
      ...bytes(12, valueInfo('y', 7, [2])),
    ];
    const model = [...num(1, 8), ...bytes(7, graph), ...bytes(8, [...text(1, ''), ...num(2, 17)])];
    const g = readOnnx(Uint8Array.from(model));
    assert.deepEqual(g.inputs, [{ name: 'x', dtype: 'float32', shape: [1, 300, 56] }]);
    assert.deepEqual(g.outputs, [{ name: 'y', dtype: 'int64', shape: [2] }]);
    assert.deepEqual(g.opsets, [{ domain: '', version: 17 }]);
    assert.deepEqual(g.initializers.map((t) => [t.name, t.numel]), [['w', 16384], ['b', 900]]);
  });

  test('rejects a truncated message', () => {
    assert.throws(() => readMessage(Uint8Array.from([0x3a, 0x05, 0x01])), RangeError);
  });
});
