// Cross-check the RL slices' golden outputs with onnxruntime-web (WASM) in
// Node, and that the batch dimension is really dynamic.
//
//   node models/rl/check_golden_ort.mjs
//
// Feeds each manifest's golden batch (8 rows), compares every output value
// with the manifest's tolerance, then runs the first row alone (N = 1) and
// rows 0..2 (N = 3) and checks they give the same rows. onnxruntime-web
// comes from the workspace; without it the script says so and exits 0.

import { readFile, readdir } from 'node:fs/promises';

const dir = new URL('../../packages/slices-rl/onnx/', import.meta.url);

let ort;
try {
  ort = await import('onnxruntime-web');
} catch {
  console.log('onnxruntime-web is not installed; nothing checked.');
  process.exit(0);
}
ort.env.wasm.numThreads = 1;

let failed = 0;
const report = (ok, line) => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
};

const feeds = (m, rows) => {
  const out = {};
  for (const [name, t] of Object.entries(m.golden.inputs)) {
    const k = t.shape[1];
    const data = Float32Array.from(rows.flatMap((r) => t.values[r]));
    out[name] = new ort.Tensor('float32', data, [rows.length, k]);
  }
  return out;
};

for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
  const m = JSON.parse(await readFile(new URL(file, dir), 'utf8'));
  const session = await ort.InferenceSession.create(await readFile(new URL(m.file, dir)), {
    executionProviders: ['wasm'],
  });
  const { atol, rtol } = m.golden.tolerance;
  const all = [0, 1, 2, 3, 4, 5, 6, 7];
  const out = await session.run(feeds(m, all));
  for (const [name, want] of Object.entries(m.golden.outputs)) {
    const got = out[name];
    const k = want.shape[1];
    let worst = 0;
    let ok = got.dims.join() === want.shape.join();
    want.values.flat().forEach((w, i) => {
      const d = Math.abs(got.data[i] - w);
      worst = Math.max(worst, d);
      ok &&= d <= atol + rtol * Math.abs(w);
    });
    for (const rows of [[0], [0, 1, 2]]) {
      const part = (await session.run(feeds(m, rows)))[name];
      ok &&= part.dims[0] === rows.length;
      rows.forEach((r, j) => {
        for (let c = 0; c < k; c++) {
          ok &&= Math.abs(part.data[j * k + c] - got.data[r * k + c]) <= 1e-6;
        }
      });
    }
    report(ok, `${m.name} ${name}: max |d| ${worst.toExponential(1)} (N = 8, 1, 3)`);
  }
  await session.release();
}
console.log(failed ? `${failed} check(s) failed` : 'all golden outputs reproduced');
process.exit(failed ? 1 : 0);
