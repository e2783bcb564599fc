// Writes a figure package's custom-elements.json. The analyser reads one
// package at a time, so it cannot see what the figure inherits from core's
// WalkthroughFigure (status, backend, src, image, loading, the ready and
// error events), nor the tag, which define.ts registers through core's
// defineElement(). Both are filled in here, so Storybook, editors and docs
// see the whole public surface.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('@custom-elements-manifest/analyzer/cem.js');
const BASE = '../core/src/figure.ts';

const tag = JSON.parse(readFileSync('package.json', 'utf8')).name.split('/').pop();
execFileSync(
  process.execPath,
  [cli, 'analyze', '--litelement', '--quiet', '--globs', `src/${tag}.ts`, BASE, '--outdir', '.'],
  { stdio: 'inherit' },
);

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const baseModule = manifest.modules.find((m) => m.path === BASE);
const base = baseModule?.declarations.find((d) => d.name === 'WalkthroughFigure');
if (!base) throw new Error(`WalkthroughFigure not found in ${BASE}`);

const define = readFileSync('src/define.ts', 'utf8');
const registered = new Map(
  [...define.matchAll(/defineElement\(\s*'([a-z-]+)'\s*,\s*(\w+)\s*\)/g)].map((m) => [m[2], m[1]]),
);

const inheritedFrom = { name: 'WalkthroughFigure', package: '@model-walkthroughs/core' };
const publicOnly = (items = []) =>
  items.filter(
    (i) =>
      i.privacy !== 'private' &&
      i.privacy !== 'protected' &&
      !String(i.name ?? i.fieldName ?? '').startsWith('#'),
  );

manifest.modules = manifest.modules.filter((m) => m !== baseModule);
for (const module of manifest.modules) {
  for (const decl of module.declarations ?? []) {
    if (decl.superclass?.name !== 'WalkthroughFigure') continue;

    for (const key of ['attributes', 'members', 'events', 'cssParts', 'cssProperties']) {
      const own = decl[key] ?? [];
      const names = new Set(own.map((i) => i.name));
      const extra = publicOnly(base[key]).filter((i) => !names.has(i.name));
      decl[key] = [...own, ...extra.map((i) => ({ ...i, inheritedFrom }))];
    }
    // Private and protected members are implementation, not API; the base's
    // events are declared by its @fires tags (`ready`, `error`), and the
    // analyser's guesses from dispatchEvent() arguments are dropped.
    decl.members = publicOnly(decl.members);
    decl.events = decl.events.filter(
      (e) => /^[a-z]+(-[a-z]+)*$/.test(e.name ?? '') && e.name !== 'backend',
    );

    const tagName = registered.get(decl.name);
    if (tagName) {
      decl.tagName = tagName;
      decl.customElement = true;
    }
  }
}

writeFileSync('custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);
