// Cross-check the golden outputs in the manifests with onnxruntime-web.
//
//   node models/check_golden_ort.mjs [folder]
//
// Runs every slice in packages/slices-resnet/onnx/ on the WASM backend in
// Node (the same kernels a browser without WebGPU uses) and applies the
// manifest's own tolerance rules, so it also tells whether those rules are
// wide enough. onnxruntime-web comes from the workspace (packages/core
// depends on it); without it the script says so and exits 0.

import { readFile, readdir } from 'node:fs/promises';

import { pathToFileURL } from 'node:url';

// Default: the shipped slices; or a folder from export_user_resnet.py.
const dir = process.argv[2]
  ? pathToFileURL(`${process.argv[2].replace(/\/$/, '')}/`)
  : new URL('../packages/slices-resnet/onnx/', import.meta.url);

let ort;
try {
  ort = await import('onnxruntime-web');
} catch {
  console.log('onnxruntime-web is not installed; nothing checked.');
  process.exit(0);
}
ort.env.wasm.numThreads = 1;

function stats(data) {
  let sum = 0, l1 = 0, sq = 0, min = Infinity, max = -Infinity;
  for (const v of data) {
    sum += v; l1 += Math.abs(v); sq += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { sum, l1, l2: Math.sqrt(sq), mean: sum / data.length, min, max };
}

function depthNorms(data, shape, eps) {
  const per = shape.slice(2).reduce((a, b) => a * b, 1);
  const act = [], jvp = [];
  for (let d = 0; d < shape[0]; d++) {
    const base = d * shape[1] * per;
    let a = 0, j = 0;
    for (let k = 0; k < per; k++) {
      const h0 = data[base + k];
      const fd = (data[base + per + k] - data[base + 2 * per + k]) / (2 * eps);
      a += h0 * h0; j += fd * fd;
    }
    act.push(Math.sqrt(a)); jvp.push(Math.sqrt(j));
  }
  return { act, jvp };
}

let failed = 0;
const report = (ok, line) => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
};

const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
for (const file of names) {
  const m = JSON.parse(await readFile(new URL(file, dir), 'utf8'));
  const gi = m.golden.input;
  const f = new Function(`return ${gi.js}`)();
  const n = gi.shape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.fround(f(i));

  const bytes = await readFile(new URL(m.file, dir));
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: ['wasm'],
  });
  const t0 = performance.now();
  const out = await session.run({ [gi.name]: new ort.Tensor('float32', x, gi.shape) });
  const ms = (performance.now() - t0).toFixed(0);
  console.log(`${m.name} (${ms} ms)`);

  const { values, stats: st } = m.golden.tolerance;
  for (const [name, want] of Object.entries(m.golden.outputs)) {
    const data = out[name].data;
    const got = stats(data);
    const maxAbs = Math.max(Math.abs(want.min), Math.abs(want.max));
    const within = (g, w) => Math.abs(g - w) <= values.atol * maxAbs + values.rtol * Math.abs(w);
    let worst = 0;
    let ok = true;
    for (const s of want.samples) {
      worst = Math.max(worst, Math.abs(data[s.index] - s.value) / maxAbs);
      ok &&= within(data[s.index], s.value);
    }
    ok &&= within(got.min, want.min) && within(got.max, want.max);
    const dl2 = Math.abs(got.l2 - want.l2) / want.l2;
    const dsum = Math.abs(got.sum - want.sum) / want.l1;
    const dmean = Math.abs(got.mean - want.mean) / (want.l1 / data.length);
    ok &&= dl2 <= st.rtol && dsum <= st.rtol && dmean <= st.rtol;
    report(ok, `  ${name}: samples max |d|/maxAbs ${worst.toExponential(1)}, ` +
      `l2 rel ${dl2.toExponential(1)}, sum/l1 ${dsum.toExponential(1)}`);
  }

  if (m.reference) {
    const r = m.reference;
    const { act, jvp } = depthNorms(out.hidden.data, out.hidden.dims, r.epsilon);
    const rel = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i]) / b[i]));
    const da = rel(act, r.activationNorms), dj = rel(jvp, r.jvpNorms);
    report(da <= r.tolerance.activationNorms.rtol && dj <= r.tolerance.jvpNorms.rtol,
      `  reference: activation norms max rel ${da.toExponential(1)}, ` +
      `JVP norms max rel ${dj.toExponential(1)}`);
    console.log(`    act d=0,15,30: ${[0, 15, 30].map((d) => act[d].toPrecision(4)).join(', ')}`);
    console.log(`    jvp d=0,15,30: ${[0, 15, 30].map((d) => jvp[d].toPrecision(4)).join(', ')}`);
  }
  await session.release();
}
console.log(failed ? `${failed} check(s) failed` : 'all golden outputs reproduced');
process.exit(failed ? 1 : 0);
