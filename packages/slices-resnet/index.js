// URLs of the ResNet slices and their manifests.
//
// Each URL is a literal `new URL('./onnx/…', import.meta.url)` so that Vite
// and other bundlers see the asset and emit it; built from a variable they
// would not. Nothing here runs at import time beyond building strings, so
// SSR builds can import this module.

/** @type {import('./index.js').Slices} */
export const slices = Object.freeze({
  'resnet50-stem': Object.freeze({
    model: new URL('./onnx/resnet50-stem.onnx', import.meta.url).href,
    manifest: new URL('./onnx/resnet50-stem.json', import.meta.url).href,
  }),
  'bottleneck-projection': Object.freeze({
    model: new URL('./onnx/bottleneck-projection.onnx', import.meta.url).href,
    manifest: new URL('./onnx/bottleneck-projection.json', import.meta.url).href,
  }),
  'bottleneck-identity': Object.freeze({
    model: new URL('./onnx/bottleneck-identity.onnx', import.meta.url).href,
    manifest: new URL('./onnx/bottleneck-identity.json', import.meta.url).href,
  }),
  'deep-plain': Object.freeze({
    model: new URL('./onnx/deep-plain.onnx', import.meta.url).href,
    manifest: new URL('./onnx/deep-plain.json', import.meta.url).href,
  }),
  'deep-residual': Object.freeze({
    model: new URL('./onnx/deep-residual.onnx', import.meta.url).href,
    manifest: new URL('./onnx/deep-residual.json', import.meta.url).href,
  }),
});

/** @type {readonly import('./index.js').SliceName[]} */
export const sliceNames = Object.freeze(
  /** @type {import('./index.js').SliceName[]} */ (Object.keys(slices)),
);

/**
 * Fetch and parse the manifest of one slice.
 *
 * @param {import('./index.js').SliceName} name
 * @param {RequestInit} [init] passed to fetch (signal, cache, credentials)
 * @returns {Promise<import('./index.js').SliceManifest>}
 */
export async function loadManifest(name, init) {
  if (!Object.hasOwn(slices, name)) {
    throw new TypeError(
      `Unknown ResNet slice "${name}"; expected one of ${sliceNames.join(', ')}.`,
    );
  }
  const response = await fetch(slices[name].manifest, init);
  if (!response.ok) {
    throw new Error(
      `Could not load the manifest of "${name}" from ${response.url}: ` +
        `HTTP ${response.status}.`,
    );
  }
  return response.json();
}
