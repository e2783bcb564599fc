// Checks every manifest in ../onnx against the ONNX file beside it (hash,
// sizes, graph signature, opset, operators, stored values), the internal
// consistency of the golden statistics, the recorded training results and
// scene references, and data/data-size.json. Run: node --test test/

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { dataSizeUrl, scenes, slices, sliceNames } from '../index.js';
import { readOnnx } from '../../../scripts/onnx-reader.mjs';

const dir = new URL('../onnx/', import.meta.url);
const sceneDir = new URL('../scenes/', import.meta.url);
const manifestFiles = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const product = (dims) => dims.reduce((a, b) => a * b, 1);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const read = (name) => JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
const MB = 1_000_000;

describe('slices-vit index', () => {
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
    assert.ok(existsSync(fileURLToPath(dataSizeUrl)), dataSizeUrl);
  });

  test('scenes are the PNGs on disk, named and labelled as in the manifest', () => {
    const m = read('vit-tiny-scenes');
    const pngs = readdirSync(sceneDir).filter((f) => f.endsWith('.png')).sort();
    assert.deepEqual(scenes.map((s) => `${s.name}.png`).sort(), pngs);
    assert.deepEqual(
      scenes.map(({ name, label }) => ({ name, label })),
      m.scenes.map(({ name, label }) => ({ name, label })),
    );
    for (const s of scenes) {
      assert.equal(fileURLToPath(s.url), fileURLToPath(new URL(`${s.name}.png`, sceneDir)));
      assert.ok(Object.isFrozen(s));
    }
    assert.ok(Object.isFrozen(scenes));
  });
});

for (const file of manifestFiles) {
  const m = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

  describe(`manifest ${file}`, () => {
    const onnxUrl = new URL(m.file, dir);
    const bytes = () => readFileSync(onnxUrl);

    test('names itself after its file', () => {
      assert.equal(`${m.name}.json`, file);
      assert.equal(m.file, `${m.name}.onnx`);
    });

    test('the .onnx exists with the recorded size and sha256, under 1 MB gzipped', () => {
      assert.ok(existsSync(onnxUrl), `${m.file} is missing`);
      const b = bytes();
      assert.equal(b.length, m.bytes, 'byte size');
      assert.equal(createHash('sha256').update(b).digest('hex'), m.sha256, 'sha256');
      const gz = gzipSync(b, { level: 9 }).length;
      assert.ok(gz <= MB, `${gz} bytes gzipped`);
      assert.ok(m.gzipBytes <= MB);
      // Node's zlib may pack a few bytes differently from Python's.
      assert.ok(Math.abs(gz - m.gzipBytes) <= 0.01 * m.gzipBytes, `gzip ${gz} vs ${m.gzipBytes}`);
    });

    test('graph inputs, outputs, opset and operators match the manifest', () => {
      const g = readOnnx(bytes());
      const sig = (specs) => specs.map(({ name, dtype, shape }) => ({ name, dtype, shape }));
      assert.deepEqual(g.inputs, sig(m.inputs));
      assert.deepEqual(g.outputs, sig(m.outputs));
      const opset = g.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx');
      assert.equal(opset?.version, m.opset);
      assert.equal(m.opset, 17);
      assert.deepEqual(g.operators, m.operators);
    });

    test('parameter count equals the values stored in the initializers', () => {
      const g = readOnnx(bytes());
      assert.equal(sum(g.initializers.map((t) => t.numel)), m.parameters);
      if (m.initializerValues) {
        for (const [dtype, n] of Object.entries(m.initializerValues)) {
          const got = sum(g.initializers.filter((t) => t.dtype === dtype).map((t) => t.numel));
          assert.equal(got, n, dtype);
        }
      }
    });

    test('FLOPs, weights, preprocessing and paper are stated', () => {
      assert.ok(Number.isInteger(m.flops) && m.flops > 0);
      assert.ok(m.flopsNote.length > 20);
      assert.ok(['seeded-init', 'trained'].includes(m.weights.kind));
      assert.equal(m.weights.seed, 0);
      assert.ok(m.weights.note.length > 20);
      assert.match(m.paper, /Dosovitskiy et al\..*arXiv:2010\.11929/);
      const p = m.preprocessing;
      assert.deepEqual(m.inputs[0].shape, [1, 3, p.size, p.size]);
      assert.equal(p.mean.length, 3);
      assert.ok(p.std.every((s) => s > 0));
    });

    test('golden input matches the first input and its formula', () => {
      const gi = m.golden.input;
      assert.equal(gi.name, m.inputs[0].name);
      assert.deepEqual(gi.shape, m.inputs[0].shape);
      const f = new Function(`return ${gi.js}`)();
      const x0 = (i) => 0.5 * Math.sin(0.37 * i + 0.1) + 0.25 * Math.cos(0.011 * i);
      for (const i of [0, 1, 777, product(gi.shape) - 1]) assert.equal(f(i), x0(i));
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
        assert.equal(s.samples.length, 16);
        s.samples.forEach(({ index, value }, k) => {
          assert.equal(index, Math.floor(((k + 0.5) * n) / 16), `${name} sample ${k} index`);
          assert.ok(value >= s.min && value <= s.max, `${name} sample ${k} outside [min, max]`);
        });
      }
    });
  });
}

describe('vit-b16-embed', () => {
  const m = read('vit-b16-embed');

  test('has ViT-B/16 shapes and int8 weights that are the dequantized model', () => {
    assert.deepEqual(m.inputs[0].shape, [1, 3, 224, 224]);
    assert.deepEqual(
      m.outputs.map((o) => [o.name, o.shape]),
      [
        ['patch_tokens', [1, 196, 768]],
        ['tokens', [1, 197, 768]],
        ['embedded', [1, 197, 768]],
      ],
    );
    const a = m.architecture;
    assert.equal(a.grid * a.grid, a.patches);
    assert.equal(a.patches + 1, a.tokens);
    assert.equal(a.patch * a.grid, a.image);
    assert.equal(a.channels * a.patch * a.patch, a.dim);
    assert.deepEqual(m.initializerValues, {
      int8: 768 * 768 + 197 * 768,
      float32: 768 + 197 + 768 + 768,
    });
    assert.equal(m.quantization.weightsAreDequantized, true);
    assert.ok(m.quantization.convProjRelativeL2Error < 0.02);
    assert.ok(m.quantization.posEmbeddingRelativeL2Error < 0.02);
    assert.ok(m.operators.includes('Cast') && m.operators.includes('Conv'));
    assert.match(m.flattenOrder.vector, /c \* 256 \+ y \* 16 \+ x/);
    assert.equal(m.flops, 2 * 196 * 768 * 768);
  });

  test('golden tokens: [CLS] and patches line up with patch_tokens', () => {
    const { patch_tokens: p, tokens: t } = m.golden.outputs;
    // tokens = [CLS (zeros at torchvision's init); patch_tokens]: same sum
    // and l2 when [CLS] is zero, and the samples of tokens lie in range.
    assert.ok(Math.abs(t.sum - p.sum) <= 1e-6 * p.l1);
    assert.ok(Math.abs(t.l2 - p.l2) <= 1e-6 * p.l2);
  });
});

describe('vit-tiny-scenes', () => {
  const m = read('vit-tiny-scenes');
  const a = m.architecture;

  test('architecture agrees with the graph outputs', () => {
    assert.equal(a.grid, a.image / a.patch);
    assert.equal(a.tokens, a.grid * a.grid + 1);
    assert.equal(a.tokens, 65);
    assert.equal(a.headDim * a.heads, a.dim);
    assert.equal(a.classes, m.classes.length);
    assert.equal(a.parameters, m.trainableParameters);
    const shape = Object.fromEntries(m.outputs.map((o) => [o.name, o.shape]));
    assert.deepEqual(shape.logits, [1, a.classes]);
    assert.deepEqual(shape.attention, [1, a.depth, a.heads, a.tokens, a.tokens]);
    assert.deepEqual(shape.pos_embed, [1, a.tokens, a.dim]);
    assert.ok(m.operators.includes('Softmax') && m.operators.includes('LayerNormalization'));
  });

  test('golden attention rows each sum to 1', () => {
    const s = m.golden.outputs.attention;
    const rows = product(s.shape) / a.tokens;
    assert.ok(Math.abs(s.sum - rows) <= 1e-4 * rows, `sum ${s.sum} for ${rows} rows`);
    assert.ok(s.min >= 0 && s.max <= 1);
  });

  test('training and test accuracy are recorded, and the note says them', () => {
    const t = m.training;
    assert.equal(m.weights.kind, 'trained');
    assert.equal(t.seed, 0);
    assert.ok(t.trainImages >= 10_000 && t.testImages >= 1000);
    assert.equal(t.steps, Math.floor((t.epochs * t.trainImages) / t.optimizer.batch));
    assert.ok(m.testAccuracy > 1 / a.classes && m.testAccuracy <= 1, `${m.testAccuracy}`);
    assert.ok(m.weights.note.includes(`${(100 * m.testAccuracy).toFixed(1)}% test accuracy`));
    assert.ok(m.weights.note.includes(t.trainImages.toLocaleString('en-US')));
  });

  test('[CLS] attention concentrates on object patches', () => {
    const o = m.attentionOnObjects;
    assert.ok(o.minimumRatio >= 1.5);
    assert.equal(o.scenes, m.training.testImages);
    const used = o[o.used];
    assert.equal(o.clsMassOnObjectPatches, used.clsMassOnObjectPatches);
    assert.equal(o.objectPatchShare, used.objectPatchShare);
    assert.ok(Math.abs(used.ratio - used.clsMassOnObjectPatches / used.objectPatchShare) < 1e-5);
    assert.ok(used.ratio >= o.minimumRatio, `ratio ${used.ratio}`);
    assert.ok(o.objectPatchShare > 0 && o.objectPatchShare < 0.5);
    assert.equal(o.lastLayer.objectPatchShare, o.rollout.objectPatchShare);
  });

  test('scene references are complete and consistent', () => {
    assert.equal(m.scenes.length, 8);
    assert.ok(new Set(m.scenes.map((s) => s.label)).size >= 4, 'several classes');
    for (const s of m.scenes) {
      const png = readFileSync(new URL(s.file, sceneDir));
      // PNG signature, then IHDR: width, height, bit depth 8, colour type 2 (RGB).
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.equal(png.readUInt32BE(16), 64);
      assert.equal(png.readUInt32BE(20), 64);
      assert.deepEqual([png[24], png[25]], [8, 2]);

      assert.ok(m.classes.includes(s.label) && m.classes.includes(s.predicted));
      assert.equal(s.probabilities.length, m.classes.length);
      assert.ok(Math.abs(sum(s.probabilities) - 1) < 1e-6);
      const best = s.probabilities.indexOf(Math.max(...s.probabilities));
      assert.equal(m.classes[best], s.predicted);

      assert.ok(s.objectPatches.length > 0);
      assert.deepEqual(s.objectPatches, [...new Set(s.objectPatches)].sort((x, y) => x - y));
      assert.ok(s.objectPatches.every((p) => Number.isInteger(p) && p >= 0 && p < 64));

      for (const key of ['clsAttentionLastLayerMeanHeads', 'clsAttentionRollout']) {
        const w = s[key];
        assert.equal(w.length, 64, key);
        assert.ok(w.every((v) => v >= 0), key);
        assert.ok(sum(w) > 0 && sum(w) < 1 + 1e-6, key);
      }
    }
  });
});

describe('data/data-size.json', () => {
  const d = JSON.parse(readFileSync(fileURLToPath(dataSizeUrl), 'utf8'));
  const m = read('vit-tiny-scenes');

  test('describes the same dataset and models', () => {
    assert.equal(d.dataset.imageSize, 64);
    assert.deepEqual(d.dataset.classes, m.classes);
    assert.equal(d.dataset.testImages, m.training.testImages);
    assert.ok(d.dataset.description.length > 20);
    assert.equal(d.models.vit.parameters, m.architecture.parameters);
    const ratio = d.models.cnn.parameters / d.models.vit.parameters;
    assert.ok(ratio > 0.5 && ratio < 2, `CNN/ViT parameters ${ratio}`);
  });

  test('one run per model and fraction, on nested subsets', () => {
    const f = d.fractions;
    assert.ok(f.length >= 5);
    assert.equal(f.at(-1), 1);
    f.slice(1).forEach((x, i) => assert.ok(x > f[i], 'fractions increase'));
    assert.equal(d.runs.length, 2 * f.length);
    for (const model of ['vit', 'cnn']) {
      const runs = d.runs.filter((r) => r.model === model);
      assert.deepEqual(runs.map((r) => r.fraction), f);
      for (const r of runs) {
        assert.equal(r.trainImages, Math.round(r.fraction * d.dataset.trainImages));
        assert.ok(r.testAccuracy >= 0 && r.testAccuracy <= 1);
        assert.ok(Number.isInteger(r.seed));
        // Accuracy on 2,000 scenes is a multiple of 1/2000.
        const hits = r.testAccuracy * d.dataset.testImages;
        assert.ok(Math.abs(hits - Math.round(hits)) < 1e-3, `${model} ${r.fraction}`);
      }
    }
    assert.ok(d.budget.rule.length > 20 && d.budget.steps > 0);
  });
});
