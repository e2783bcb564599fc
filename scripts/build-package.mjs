// Builds one package: tsc writes the development build and the types, then
// esbuild derives the production build from it with dev-mode code folded away.
import { execFileSync } from 'node:child_process';
import { readdirSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { createRequire } from 'node:module';
import { transformSync } from 'esbuild';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const dev = 'dist/dev';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

for (const file of walk(dev)) {
  const out = join('dist', relative(dev, file));
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    format: 'esm',
    target: 'es2022',
    define: { __MW_DEV__: 'false' },
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
}
