// Launching headless Chromium the way the rest of the repository does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

/** The flags and binary the tests use (scripts/chromium.mjs), in one place. */
async function sharedSettings() {
  const shared = await import('../../scripts/chromium.mjs');
  return { path: shared.chromiumPath, args: shared.chromiumArgs() };
}

/**
 * Starts a fresh Chromium (new profile each time).
 * `webgpu: false` leaves out `--enable-unsafe-webgpu`, so the browser offers
 * no adapter and figures with backend="auto" take the WASM path, as they do
 * on most Linux desktops.
 */
export async function launchBrowser({ webgpu = false } = {}) {
  const { path, args } = await sharedSettings();
  const userDataDir = mkdtempSync(join(tmpdir(), 'mw-bench-profile-'));
  const flags = args.filter((a) => webgpu || a !== '--enable-unsafe-webgpu');
  if (webgpu && !flags.includes('--enable-unsafe-webgpu')) flags.push('--enable-unsafe-webgpu');
  for (const required of [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ]) {
    if (!flags.includes(required)) flags.push(required);
  }
  // Exact heap numbers for performance.memory (otherwise bucketed).
  flags.push('--enable-precise-memory-info', `--user-data-dir=${userDataDir}`);

  const browser = await puppeteer.launch({
    executablePath: path,
    headless: true,
    args: flags,
    timeout: 60_000,
    protocolTimeout: 240_000,
    defaultViewport: { width: 1280, height: 800 },
  });
  const version = await browser.version();
  return {
    browser,
    version,
    flags,
    async close() {
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Fails on anything not aimed at the benchmark's own loopback server. */
export function loopbackOnly(page, origin, log) {
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return;
    log.push(`request outside the local server: ${url}`);
  });
}
