// Checks every manifest in ../onnx against the ONNX file beside it:
// hash, size, graph signature, opset, parameter count, and the internal
// consistency of the golden statistics. Run: node --test test/

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { slices, sliceNames } from '../index.js';
import { readOnnx } from '../../../scripts/onnx-reader.mjs';

const dir = new URL('../onnx/', import.meta.url);
const manifestFiles = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const product = (dims) => dims.reduce((a, b) => a * b, 1);

describe('slices-resnet index', () => {
  test('names every manifest on disk, and only those', () => {
    const onDisk = manifestFiles.map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepEqual([...sliceNames].sort(), onDisk);
  });

  test('URLs resolve to files that exist', () => {
    for (const name of sliceNames) {
      assert.ok(existsSync(fileURLToPath(slices[name].model)), slices[name].model);
      assert.ok(existsSync(fileURLToPath(slices[name].manifest)), slices[name].manifest);
      assert.equal(slices[name].model.split('/').at(-1), `${name}.onnx`);
    }
  });
});

for (const file of manifestFiles) {
  const m = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

  describe(`manifest ${file}`, () => {
    const onnxUrl = new URL(m.file, dir);

    test('names itself after its file', () => {
      assert.equal(`${m.name}.json`, file);
      assert.equal(m.file, `${m.name}.onnx`);
    });

    test('the .onnx exists with the recorded size and sha256', () => {
      assert.ok(existsSync(onnxUrl), `${m.file} is missing`);
      const bytes = readFileSync(onnxUrl);
      assert.equal(bytes.length, m.bytes, 'byte size');
      assert.equal(createHash('sha256').update(bytes).digest('hex'), m.sha256, 'sha256');
    });

    test('graph inputs, outputs and opset match the manifest', () => {
      const g = readOnnx(readFileSync(onnxUrl));
      const sig = (specs) => specs.map(({ name, dtype, shape }) => ({ name, dtype, shape }));
      assert.deepEqual(g.inputs, sig(m.inputs));
      assert.deepEqual(g.outputs, sig(m.outputs));
      const opset = g.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx');
      assert.equal(opset?.version, m.opset);
    });

    test('parameter count equals the float initializers in the file', () => {
      const g = readOnnx(readFileSync(onnxUrl));
      const floats = g.initializers.filter((t) => t.dtype === 'float32');
      assert.equal(floats.reduce((a, t) => a + t.numel, 0), m.parameters);
      assert.ok(m.parameters <= 2 * m.trainableParameters);
    });

    test('FLOPs, weights and architecture are stated', () => {
      assert.ok(Number.isInteger(m.flops) && m.flops > 0);
      assert.match(m.flopsNote, /conv/i);
      assert.ok(['seeded-init', 'user-checkpoint'].includes(m.weights.kind));
      assert.ok(m.weights.note.length > 20);
      assert.match(m.architecture + m.paper, /He et al\.|He, Zhang/);
    });

    test('golden input matches the first input and its formula', () => {
      const gi = m.golden.input;
      assert.equal(gi.name, m.inputs[0].name);
      assert.deepEqual(gi.shape, m.inputs[0].shape);
      const f = new Function(`return ${gi.js}`)();
      const x0 = (i) => 0.5 * Math.sin(0.37 * i + 0.1) + 0.25 * Math.cos(0.011 * i);
      const last = product(gi.shape.slice(1)) - 1;
      for (const i of [0, 1, 777, last]) assert.equal(f(i), x0(i));
      if (m.reference) {
        const n = product(gi.shape.slice(1));
        const eps = m.reference.epsilon;
        for (const j of [0, 5, n - 1]) {
          const v = Math.sin(0.731 * j + 0.3);
          assert.ok(Math.abs(f(n + j) - f(j) - eps * v) < 1e-12);
          assert.ok(Math.abs(f(2 * n + j) - f(j) + eps * v) < 1e-12);
        }
      }
    });

    test('golden statistics are self-consistent', () => {
      const outs = m.golden.outputs;
      assert.deepEqual(Object.keys(outs), m.outputs.map((o) => o.name));
      for (const [name, s] of Object.entries(outs)) {
        const spec = m.outputs.find((o) => o.name === name);
        assert.deepEqual(s.shape, spec.shape, `${name} shape`);
        const n = product(s.shape);
        const maxAbs = Math.max(Math.abs(s.min), Math.abs(s.max));
        assert.ok(Math.abs(s.mean * n - s.sum) <= 1e-8 * s.l1 + 1e-30, `${name} mean*numel != sum`);
        assert.ok(Math.abs(s.sum) <= s.l1 * (1 + 1e-9), `${name} |sum| > l1`);
        assert.ok(s.l1 <= Math.sqrt(n) * s.l2 * (1 + 1e-9), `${name} l1 > sqrt(n) l2`);
        assert.ok(s.l2 >= maxAbs * (1 - 1e-9), `${name} l2 < max |x|`);
        assert.ok(s.l2 ** 2 <= n * maxAbs ** 2 * (1 + 1e-9), `${name} l2 too large`);
        assert.equal(s.samples.length, 16);
        s.samples.forEach(({ index, value }, k) => {
          assert.equal(index, Math.floor(((k + 0.5) * n) / 16), `${name} sample ${k} index`);
          assert.ok(value >= s.min && value <= s.max, `${name} sample ${k} outside [min, max]`);
        });
      }
      const t = m.golden.tolerance;
      assert.ok(t.values.atol > 0 && t.values.rtol > 0 && t.stats.rtol > 0);
    });

    if (m.reference) {
      test('per-depth reference norms show the promised contrast', () => {
        const r = m.reference;
        const depths = m.outputs[0].shape[0];
        for (const key of ['activationNorms', 'jvpNorms', 'jvpNormsExactFloat64']) {
          assert.equal(r[key].length, depths, key);
          const ratio = r[key].at(-1) / r[key][0];
          if (m.name === 'deep-plain') assert.ok(ratio < 1e-3 || ratio > 1e3, `${key} ${ratio}`);
          else assert.ok(ratio > 0.1 && ratio < 10, `${key} ${ratio}`);
        }
        assert.ok(r.activationNorms[0] > 0 && r.epsilon > 0);
      });
    }

    if (m.imageReference) {
      test('image reference covers every output', () => {
        const ir = m.imageReference;
        assert.deepEqual(Object.keys(ir.outputs), m.outputs.map((o) => o.name));
        for (const s of Object.values(ir.outputs)) assert.ok(s.l2 > 0 && Number.isFinite(s.mean));
        assert.ok(ir.preprocessing.some((p) => /align_corners=False/.test(p)));
      });
    }
  });
}
