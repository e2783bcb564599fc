// Checks every manifest in ../onnx against the ONNX file beside it (hash,
// size, graph signature with the dynamic batch N, opset, operators,
// parameter count), the recorded evaluation against the bars of the
// brief, the golden batch, and the three training logs.
// Run: node --test test/

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { envReference, logs, slices, sliceNames } from '../index.js';
import { readOnnx } from '../../../scripts/onnx-reader.mjs';

const dir = new URL('../onnx/', import.meta.url);
const manifestFiles = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));

// The contract of the package: names, inputs and outputs with features.
const CONTRACT = {
  'ppo-actor': { inputs: { obs: 4 }, outputs: { logits: 2, probs: 2 } },
  'ppo-critic': { inputs: { obs: 4 }, outputs: { value: 1 } },
  'td3-actor': { inputs: { obs: 3 }, outputs: { action: 1 } },
  'td3-critics': { inputs: { obs: 3, action: 1 }, outputs: { q1: 1, q2: 1 } },
  'sac-actor': { inputs: { obs: 3 }, outputs: { mean: 1, log_std: 1 } },
  'sac-critics': { inputs: { obs: 3, action: 1 }, outputs: { q1: 1, q2: 1 } },
};
const BAR = { 'CartPole-v1': 475, 'Pendulum-v1': -200 };
// Only simple operators, all in onnxruntime-web's WASM and WebGPU kernels.
const SIMPLE_OPS = new Set(['Gemm', 'MatMul', 'Add', 'Mul', 'Tanh', 'Relu', 'Softmax', 'Clip',
  'Concat', 'Constant']);

describe('slices-rl index', () => {
  test('names the six slices of the contract, and only the manifests on disk', () => {
    assert.deepEqual([...sliceNames], Object.keys(CONTRACT));
    const onDisk = manifestFiles.map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepEqual([...sliceNames].sort(), onDisk);
  });

  test('URLs resolve to files that exist', () => {
    for (const name of sliceNames) {
      assert.ok(existsSync(fileURLToPath(slices[name].model)), slices[name].model);
      assert.ok(existsSync(fileURLToPath(slices[name].manifest)), slices[name].manifest);
      assert.equal(slices[name].model.split('/').at(-1), `${name}.onnx`);
    }
    for (const algo of ['ppo', 'td3', 'sac']) {
      assert.equal(logs[algo].split('/').at(-1), `${algo}-training.json`);
      assert.ok(existsSync(fileURLToPath(logs[algo])), logs[algo]);
    }
    assert.ok(existsSync(fileURLToPath(envReference)));
  });
});

for (const file of manifestFiles) {
  const m = readJson(new URL(file, dir));
  const contract = CONTRACT[m.name];

  describe(`manifest ${file}`, () => {
    const onnxUrl = new URL(m.file, dir);
    const bytes = readFileSync(onnxUrl);
    const g = readOnnx(bytes);

    test('names itself after its file', () => {
      assert.equal(`${m.name}.json`, file);
      assert.equal(m.file, `${m.name}.onnx`);
    });

    test('the .onnx has the recorded size and sha256', () => {
      assert.equal(bytes.length, m.bytes, 'byte size');
      assert.equal(createHash('sha256').update(bytes).digest('hex'), m.sha256, 'sha256');
    });

    test('graph inputs and outputs are the contract, batch dynamic (N)', () => {
      const sig = (specs) => specs.map(({ name, dtype, shape }) => ({ name, dtype, shape }));
      assert.deepEqual(g.inputs, sig(m.inputs));
      assert.deepEqual(g.outputs, sig(m.outputs));
      const want = (o) => Object.entries(o).map(([name, k]) => ({ name, dtype: 'float32', shape: ['N', k] }));
      assert.deepEqual(g.inputs, want(contract.inputs));
      assert.deepEqual(g.outputs, want(contract.outputs));
    });

    test('opset 17, simple operators only, as recorded', () => {
      const opset = g.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx');
      assert.equal(opset?.version, 17);
      assert.equal(m.opset, 17);
      assert.deepEqual(g.operators, m.operators);
      for (const op of g.operators) assert.ok(SIMPLE_OPS.has(op), op);
      if (m.name.endsWith('critics')) assert.ok(g.operators.includes('Concat'));
    });

    test('parameter count equals the float initializers in the file', () => {
      const floats = g.initializers.filter((t) => t.dtype === 'float32');
      assert.equal(floats.reduce((a, t) => a + t.numel, 0), m.parameters);
      assert.ok(m.parameters > 1000);
    });

    test('trained weights, paper and a note a figure can show', () => {
      assert.equal(m.weights.kind, 'trained');
      assert.equal(m.weights.seed, 0);
      assert.equal(typeof m.weights.provisional, 'boolean');
      assert.match(m.weights.note, /^(Provisional weights.*t|T)rained here with (PPO|TD3|SAC) on (CartPole|Pendulum)-v1, seed 0; -?\d+\.\d average return over 20 episodes/);
      assert.ok(!/\n/.test(m.weights.note));
      const arxiv = { ppo: '1707.06347', td3: '1802.09477', sac: '1801.01290' }[m.name.split('-')[0]];
      assert.ok(m.paper.includes(`arXiv:${arxiv}`), m.paper);
      if (m.name.startsWith('ppo')) assert.ok(m.paper.includes('arXiv:1506.02438'));
      if (m.name.startsWith('sac')) assert.ok(m.paper.includes('arXiv:1812.05905'));
      const env = m.name.startsWith('ppo') ? 'CartPole-v1' : 'Pendulum-v1';
      assert.equal(m.environment.name, env);
    });

    test('evaluation: 20 fixed-seed episodes, statistics of the listed returns', () => {
      const e = m.evaluation;
      assert.equal(e.episodes, 20);
      assert.equal(e.returns.length, 20);
      assert.equal(e.seeds.length, 20);
      assert.equal(e.seed, e.seeds[0]);
      assert.equal(new Set(e.seeds).size, 20);
      assert.equal(e.startStates.length, 20);
      const n = e.returns.length;
      const mean = e.returns.reduce((a, b) => a + b, 0) / n;
      const std = Math.sqrt(e.returns.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
      assert.ok(Math.abs(mean - e.meanReturn) <= 1e-4 * Math.max(1, Math.abs(mean)), 'mean');
      assert.ok(Math.abs(std - e.stdReturn) <= 1e-3 * Math.max(1, std), 'std');
      assert.equal(Math.min(...e.returns), e.minReturn);
      assert.equal(Math.max(...e.returns), e.maxReturn);
      if (m.environment.name === 'CartPole-v1') {
        for (const r of e.returns) assert.ok(Number.isInteger(r) && r >= 1 && r <= 500);
        for (const s of e.startStates) for (const v of s) assert.ok(Math.abs(v) <= 0.05);
        assert.ok(e.sampled && e.greedy, 'both PPO evaluations are recorded');
      } else {
        for (const r of e.returns) assert.ok(r <= 0);
        for (const s of e.startStates) assert.ok(Math.abs(s[0]) <= Math.PI && Math.abs(s[1]) <= 1);
      }
      assert.ok(m.weights.note.includes(e.meanReturn.toFixed(1)), 'the note quotes the mean');
      if (!m.weights.provisional) {
        assert.ok(e.meanReturn >= BAR[m.environment.name], `${e.meanReturn} misses the bar`);
      }
    });

    test('golden batch: 8 listed inputs, outputs of the right shape', () => {
      const gold = m.golden;
      assert.deepEqual(Object.keys(gold.inputs), Object.keys(contract.inputs));
      for (const [name, k] of Object.entries(contract.inputs)) {
        assert.deepEqual(gold.inputs[name].shape, [8, k]);
        assert.equal(gold.inputs[name].values.length, 8);
        for (const row of gold.inputs[name].values) {
          assert.equal(row.length, k);
          for (const v of row) assert.equal(Math.fround(v), v, 'float32 value');
        }
      }
      assert.deepEqual(Object.keys(gold.outputs), Object.keys(contract.outputs));
      for (const [name, k] of Object.entries(contract.outputs)) {
        assert.deepEqual(gold.outputs[name].shape, [8, k]);
        for (const row of gold.outputs[name].values) for (const v of row) assert.ok(Number.isFinite(v));
      }
      assert.ok(gold.tolerance.atol > 0 && gold.tolerance.rtol > 0);
      assert.ok(gold.tolerance.atol <= 1e-4 && gold.tolerance.rtol <= 1e-3);
    });

    test('golden outputs keep their own invariants', () => {
      const out = m.golden.outputs;
      const tol = 1e-6;
      if (m.name === 'ppo-actor') {
        out.probs.values.forEach((p, i) => {
          assert.ok(Math.abs(p[0] + p[1] - 1) < tol, `probs row ${i} sums to 1`);
          // softmax of two logits: p1 = sigmoid(l1 - l0)
          const [l0, l1] = out.logits.values[i];
          assert.ok(Math.abs(p[1] - 1 / (1 + Math.exp(l0 - l1))) < 1e-6, `row ${i}`);
        });
      }
      if (m.name === 'td3-actor') {
        for (const [a] of out.action.values) assert.ok(Math.abs(a) <= 2);
      }
      if (m.name === 'sac-actor') {
        for (const [s] of out.log_std.values) assert.ok(s >= -20 && s <= 2);
      }
      if (m.name.endsWith('critics')) {
        const q = [...out.q1.values, ...out.q2.values].flat();
        // Pendulum rewards lie in [-16.3, 0]: a trained critic is below 0
        // and above -16.3 / (1 - 0.99) (SAC adds an entropy term, so allow
        // a little above 0).
        for (const v of q) assert.ok(v < 50 && v > -1700, `${v}`);
      }
    });
  });
}

describe('training logs', () => {
  const size = (algo) => statSync(fileURLToPath(logs[algo])).size;
  const log = (algo) => readJson(new URL(logs[algo]));

  test('each log is compact (<= 200 KB)', () => {
    for (const algo of ['ppo', 'td3', 'sac']) assert.ok(size(algo) <= 200_000, `${algo} ${size(algo)}`);
  });

  test('ppo: iterations well-formed, a real ratio minibatch', () => {
    const l = log('ppo');
    const hp = l.hyperparameters;
    for (const k of ['gamma', 'lambda', 'clipEpsilon']) assert.equal(typeof hp[k], 'number');
    assert.ok(l.iterations.length >= 10);
    let steps = 0;
    for (const [i, it] of l.iterations.entries()) {
      assert.equal(it.iteration, i + 1);
      assert.ok(it.envSteps > steps);
      steps = it.envSteps;
      assert.ok(it.clipFraction >= 0 && it.clipFraction <= 1, `clip ${it.clipFraction}`);
      assert.ok(it.entropy >= 0 && it.entropy <= Math.log(2) + 1e-4, `entropy ${it.entropy}`);
      assert.ok(it.valueLoss >= 0 && Number.isFinite(it.approxKl));
      assert.ok(it.meanReturn >= 1 && it.meanReturn <= 500);
    }
    assert.equal(steps, hp.totalEnvSteps);
    const rb = l.ratioBatch;
    assert.ok(rb, 'ratioBatch present');
    assert.equal(rb.clipEpsilon, hp.clipEpsilon);
    assert.ok(rb.epoch > 1 && rb.epoch <= rb.epochs, 'a later epoch');
    assert.ok(rb.samples.length > 16 && rb.samples.length <= 512);
    const eps = rb.clipEpsilon;
    const outside = rb.samples.filter(({ ratio }) => Math.abs(ratio - 1) > eps).length;
    assert.ok(rb.samples.some(({ ratio }) => Math.abs(ratio - 1) > 1e-3), 'ratios differ from 1');
    if (!l.provisional) assert.ok(outside > 0, 'some ratios outside [1-eps, 1+eps]');
    assert.ok(Math.abs(outside / rb.samples.length - rb.clipFraction) < 1e-3, 'clipFraction of the batch');
    for (const { ratio, advantage } of rb.samples) assert.ok(ratio > 0 && Number.isFinite(advantage));
  });

  test('td3: curve, critic estimates and the delayed-update timeline', () => {
    const l = log('td3');
    const hp = l.hyperparameters;
    for (const k of ['gamma', 'tau', 'policyNoise', 'noiseClip', 'policyDelay']) {
      assert.equal(typeof hp[k], 'number', k);
    }
    assert.equal(hp.tau, 0.005);
    assert.equal(hp.policyDelay, 2);
    assert.ok(l.curve.length >= 3);
    for (const p of l.curve) assert.ok(p.meanReturn <= 0 && p.meanReturn > -2000);
    assert.equal(l.criticEstimates.length, l.curve.length);
    for (const c of l.criticEstimates) {
      assert.equal(c.minQ <= Math.max(c.q1, c.q2) + 1e-3, true);
      assert.ok(c.discountedReturn <= 0);
    }
    assert.equal(l.updates.length, 40);
    l.updates.forEach((u, i) => {
      assert.equal(u.update, i + 1);
      assert.equal(u.criticUpdated, true);
      assert.equal(u.actorUpdated, (i + 1) % hp.policyDelay === 0);
      assert.equal('actorLoss' in u, u.actorUpdated);
    });
  });

  test('sac: curve with alpha > 0 and an entropy estimate', () => {
    const l = log('sac');
    const hp = l.hyperparameters;
    for (const k of ['gamma', 'tau', 'targetEntropy', 'initialAlpha']) {
      assert.equal(typeof hp[k], 'number', k);
    }
    assert.equal(hp.targetEntropy, -1);
    assert.ok(l.curve.length >= 3);
    assert.equal(l.curve[0].alpha, hp.initialAlpha);
    for (const p of l.curve) {
      assert.ok(p.alpha > 0, `alpha ${p.alpha}`);
      assert.ok(Number.isFinite(p.entropy));
      assert.ok(p.meanReturn <= 0);
    }
  });
});
