// Builds apps/demo/dist/standalone/: one ES module that registers every
// figure, for pages without a bundler. The runtime, vega and temml stay
// separate chunks beside it, loaded only when a figure needs them. Models,
// sample photos and onnxruntime's .wasm files are copied next to the chunks
// because the code finds each with `new URL(file, import.meta.url)`, which
// resolves against the chunk's own URL wherever the folder is served from.
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const app = fileURLToPath(new URL('..', import.meta.url));
const out = join(app, 'dist/standalone');
const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { 'model-walkthroughs': join(app, 'src/standalone.ts') },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  chunkNames: '[name]-[hash]',
  define: { __MW_DEV__: 'false' },
  logLevel: 'warning',
});

// Every slices package keeps its files in onnx/, data/ and scenes/, with
// distinct names, so their folders merge into one of each beside the chunks.
for (const slices of ['slices-resnet', 'slices-vit', 'slices-rl']) {
  const dir = packageDir(`@model-walkthroughs/${slices}`);
  for (const folder of ['onnx', 'data', 'scenes']) {
    if (existsSync(join(dir, folder)))
      cpSync(join(dir, folder), join(out, folder), { recursive: true });
  }
}
cpSync(join(packageDir('@model-walkthroughs/samples'), 'images'), join(out, 'images'), {
  recursive: true,
});
// onnxruntime-web exports no ./package.json; find its dist from a file it does export.
const ortDist = dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
for (const file of readdirSync(ortDist)) {
  // The two builds core may load: WASM-only, and WebGPU (asyncify).
  if (/^ort-wasm-simd-threaded(\.asyncify)?\.wasm$/.test(file))
    cpSync(join(ortDist, file), join(out, file));
}

writeFileSync(
  join(out, 'example.html'),
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Model Walkthroughs, standalone build</title>
    <script type="module" src="./model-walkthroughs.js"></script>
  </head>
  <body style="max-width: 760px; margin: 2rem auto; font-family: system-ui, sans-serif">
    <h1>Standalone build</h1>
    <p>One script tag, no bundler: the figures below load the runtime on first need.</p>
    <skip-connection></skip-connection>
    <bottleneck-block></bottleneck-block>
    <tensor-shape-flow></tensor-shape-flow>
    <attention-map></attention-map>
    <ppo-clip-plot></ppo-clip-plot>
    <twin-critics></twin-critics>
  </body>
</html>
`,
);
