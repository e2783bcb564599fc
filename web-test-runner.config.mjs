// One configuration for every browser test in the repository.
//
// From the root:        npx wtr --config web-test-runner.config.mjs
// From inside a package: wtr --config ../../web-test-runner.config.mjs \
//                            --files 'test/**/*.test.ts'
//
// Paths resolve from this file, not from the working directory, so both
// uses serve the same tree: rootDir is the repository root, which lets a
// test fetch any file of any package (`/packages/slices-resnet/onnx/x.onnx`)
// and any runtime file under `/node_modules/`.
import { fileURLToPath } from 'node:url';
import { dirname, relative } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';

const rootDir = dirname(fileURLToPath(import.meta.url));

// Globs are matched from the working directory; anchor the default one at
// the root so a bare `wtr --config ...` finds every package's tests.
const fromCwd = relative(process.cwd(), rootDir) || '.';

// Types the dev server does not know (or guesses wrong). WebAssembly must be
// application/wasm or instantiateStreaming() refuses it and
// onnxruntime-web falls back to a slower path with a console warning.
const mimeTypes = {
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.npy': 'application/octet-stream',
};

/** @type {import('@web/dev-server-core').Plugin} */
const binaryTypes = {
  name: 'mw-binary-types',
  resolveMimeType(context) {
    const ext = context.path.slice(context.path.lastIndexOf('.'));
    return mimeTypes[ext];
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir,
  files: [`${fromCwd}/packages/*/test/**/*.test.ts`],
  // `development` picks each package's dist/dev build, the one that keeps
  // dev-mode warnings (built by `npm run build`).
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    binaryTypes,
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // esbuild reads this file raw and does not follow `extends`, so point it
      // at the base config, which holds experimentalDecorators and
      // useDefineForClassFields: false (Lit's @property needs both).
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs(),
      },
    }),
  ],
  // Two cores and multi-megabyte WebAssembly: one test file at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 600_000,
  testFramework: {
    config: { timeout: 60_000 },
  },
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countReporter(),
  ],
};
