// Where Chromium lives and the flags every headless run uses: the component
// tests (web-test-runner.config.mjs), the end-to-end tests (tests/e2e) and
// the benchmark share them so all three see the same browser.

/** Debian's Chromium unless `CHROMIUM_PATH` names another binary. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags for headless Chromium.
 *
 * `--enable-unsafe-webgpu` is the one that matters: Chromium on Linux blocks
 * WebGPU without it, and with it Dawn falls back to SwiftShader's Vulkan
 * (a CPU implementation) when there is no GPU, so `requestAdapter()`
 * returns an adapter whose `info.architecture` is `swiftshader`. Measured on
 * Chromium 156 (Debian 12): that flag alone is enough; adding
 * `--enable-features=Vulkan` together with `--use-angle=swiftshader` hung
 * the renderer, so neither is here. `MW_WEBGPU_ADAPTER=swiftshader` forces
 * the software adapter on a machine that has a GPU.
 *
 * WebGPU exists only in secure contexts: pages must come from
 * http://127.0.0.1 or http://localhost, not about:blank or data: URLs.
 *
 * The rest keep Chromium from calling Google (no network here) and from
 * throttling background tabs, which the test runner opens.
 */
export function chromiumArgs() {
  const args = [
    '--no-sandbox',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    '--enable-unsafe-webgpu',
  ];
  if (process.env.MW_WEBGPU_ADAPTER) {
    args.push(`--use-webgpu-adapter=${process.env.MW_WEBGPU_ADAPTER}`);
  }
  return args;
}
