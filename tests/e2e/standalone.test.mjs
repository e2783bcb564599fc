// The standalone build served from somewhere else entirely: copied under
// /vendor/mw/ of another site, used by a page with no bundler and a strict
// Content-Security-Policy (no 'unsafe-eval', no inline scripts, nothing
// from other origins). Every figure must find its runtime, .wasm, models
// and photos relative to the script and reach ready without a violation.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { demoDist, formatProblems, launchBrowser, openPage, waitForFigures } from './helpers.mjs';

const CSP = [
  "default-src 'self'",
  // onnxruntime compiles WebAssembly; nothing else needs any kind of eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>A blog post</title>
    <script type="module" src="/vendor/mw/model-walkthroughs.js"></script>
  </head>
  <body>
    <h1>A blog post with figures</h1>
    <skip-connection loading="eager"></skip-connection>
    <bottleneck-block loading="eager" block="projection"></bottleneck-block>
    <tensor-shape-flow loading="eager"></tensor-shape-flow>
  </body>
</html>
`;

// Many figures loading at once share one runtime and its sessions.
const MANY = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Many figures</title>
    <script type="module" src="/vendor/mw/model-walkthroughs.js"></script>
  </head>
  <body>
    ${['projection', 'identity', 'projection', 'identity', 'projection']
      .map(
        (s, i) =>
          `<skip-connection loading="eager" shortcut="${s}"` +
          `${i === 2 ? ' image="/vendor/mw/images/coffee.png"' : ''}></skip-connection>`,
      )
      .join('\n    ')}
    <bottleneck-block loading="eager"></bottleneck-block>
    <bottleneck-block loading="eager" block="projection"></bottleneck-block>
    <tensor-shape-flow loading="eager"></tensor-shape-flow>
  </body>
</html>
`;

describe(
  'standalone build under a strict CSP, served from another path',
  { timeout: 300_000 },
  () => {
    let site;
    let server;
    let browser;

    before(async () => {
      site = mkdtempSync(join(tmpdir(), 'mw-site-'));
      cpSync(join(demoDist, 'standalone'), join(site, 'vendor/mw'), { recursive: true });
      writeFileSync(join(site, 'post.html'), PAGE);
      writeFileSync(join(site, 'many.html'), MANY);
      server = await startServer({ root: site, port: 0, quiet: true });
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      rmSync(site, { recursive: true, force: true });
    });

    it('brings every figure to ready with no CSP violation or error', async () => {
      const { page, problems } = await openPage(browser, new URL('/post.html', server.url).href);
      const violations = [];
      await page.exposeFunction('reportViolation', (v) => violations.push(v));
      await page.evaluate(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
        ),
      );

      const states = await waitForFigures(page, '[status]', 240_000, { min: 3 });
      assert.equal(states.length, 3);
      assert.deepEqual(violations, []);
      assert.equal(problems.length, 0, formatProblems(problems));

      const shapes = await page.evaluate(
        () => document.querySelector('bottleneck-block').result.x.dims,
      );
      assert.deepEqual(shapes, [1, 64, 56, 56]);
    });

    it('brings eight figures loading at once to ready, three times over', async () => {
      for (let round = 0; round < 3; round++) {
        const { page, problems } = await openPage(browser, new URL('/many.html', server.url).href);
        try {
          const states = await waitForFigures(page, '[status]', 240_000, { min: 8 });
          assert.equal(states.length, 8);
          assert.equal(problems.length, 0, formatProblems(problems));
        } finally {
          await page.close();
        }
      }
    });
  },
);
