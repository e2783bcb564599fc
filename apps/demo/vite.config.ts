import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** Every index.html under the app becomes a page of the static build. */
function pages(dir = root, found: Record<string, string> = {}): Record<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'public', 'src'].includes(entry.name)) continue;
    const path = resolve(dir, entry.name);
    if (entry.isDirectory()) pages(path, found);
    else if (entry.name === 'index.html') {
      const name = path.slice(root.length + 1).replace(/\/?index\.html$/, '') || 'home';
      found[name] = path;
    }
  }
  return found;
}

/** Names chunks after what they hold, so the benchmark can sort bytes. */
function chunkFor(id: string): string | undefined {
  // The WASM-only and WebGPU builds stay apart: a page loads one of them.
  if (id.includes('onnxruntime-web'))
    return id.includes('webgpu') ? 'runtime-webgpu' : 'runtime-wasm';
  if (
    /node_modules\/(vega|d3-|delaunator|robust-predicates|fast-json-patch|json-stringify-pretty|vega-)/.test(
      id,
    )
  ) {
    return 'vega';
  }
  if (id.includes('node_modules/temml')) return 'temml';
  if (/node_modules\/(lit|@lit|lit-html|lit-element)\//.test(id)) return 'core';
  const own = /packages\/([a-z-]+)\//.exec(id);
  if (own && existsSync(resolve(root, '../../packages', own[1]!))) {
    return own[1] === 'core' ? 'core' : `figure-${own[1]}`;
  }
  return undefined;
}

export default defineConfig({
  appType: 'mpa',
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: pages(),
      output: {
        manualChunks: chunkFor,
        chunkFileNames: 'assets/[name]-[hash].js',
      },
    },
  },
  optimizeDeps: {
    // onnxruntime-web finds its .wasm files next to its own module; a
    // pre-bundled copy would look in the wrong place.
    exclude: [
      'onnxruntime-web',
      '@model-walkthroughs/slices-resnet',
      '@model-walkthroughs/samples',
    ],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
