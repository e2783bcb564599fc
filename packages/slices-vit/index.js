// URLs of the ViT slices, their manifests, the sample scenes and the
// data-size experiment.
//
// Each URL is a literal `new URL('./…', import.meta.url)` so that Vite and
// other bundlers see the asset and emit it; built from a variable they
// would not. Nothing here runs at import time beyond building strings, so
// SSR builds can import this module.

/** @type {import('./index.js').Slices} */
export const slices = Object.freeze({
  'vit-b16-embed': Object.freeze({
    model: new URL('./onnx/vit-b16-embed.onnx', import.meta.url).href,
    manifest: new URL('./onnx/vit-b16-embed.json', import.meta.url).href,
  }),
  'vit-tiny-scenes': Object.freeze({
    model: new URL('./onnx/vit-tiny-scenes.onnx', import.meta.url).href,
    manifest: new URL('./onnx/vit-tiny-scenes.json', import.meta.url).href,
  }),
});

/** @type {readonly import('./index.js').SliceName[]} */
export const sliceNames = Object.freeze(
  /** @type {import('./index.js').SliceName[]} */ (Object.keys(slices)),
);

// Test scenes never seen in training; `label` is the generator's class.
// The manifest of vit-tiny-scenes holds each one's reference outputs.
/** @type {readonly import('./index.js').Scene[]} */
export const scenes = Object.freeze([
  Object.freeze({
    name: 'scene-0',
    url: new URL('./scenes/scene-0.png', import.meta.url).href,
    label: 'star',
  }),
  Object.freeze({
    name: 'scene-1',
    url: new URL('./scenes/scene-1.png', import.meta.url).href,
    label: 'square',
  }),
  Object.freeze({
    name: 'scene-2',
    url: new URL('./scenes/scene-2.png', import.meta.url).href,
    label: 'triangle',
  }),
  Object.freeze({
    name: 'scene-3',
    url: new URL('./scenes/scene-3.png', import.meta.url).href,
    label: 'star',
  }),
  Object.freeze({
    name: 'scene-4',
    url: new URL('./scenes/scene-4.png', import.meta.url).href,
    label: 'cross',
  }),
  Object.freeze({
    name: 'scene-5',
    url: new URL('./scenes/scene-5.png', import.meta.url).href,
    label: 'square',
  }),
  Object.freeze({
    name: 'scene-6',
    url: new URL('./scenes/scene-6.png', import.meta.url).href,
    label: 'cross',
  }),
  Object.freeze({
    name: 'scene-7',
    url: new URL('./scenes/scene-7.png', import.meta.url).href,
    label: 'circle',
  }),
]);

/** URL of data/data-size.json ("why ViT needs lots of data"). */
export const dataSizeUrl = new URL('./data/data-size.json', import.meta.url).href;

async function fetchJson(url, what, init) {
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new Error(`Could not load ${what} from ${response.url}: HTTP ${response.status}.`);
  }
  return response.json();
}

/**
 * Fetch and parse the manifest of one slice.
 *
 * @param {import('./index.js').SliceName} name
 * @param {RequestInit} [init] passed to fetch (signal, cache, credentials)
 * @returns {Promise<any>}
 */
export async function loadManifest(name, init) {
  if (!Object.hasOwn(slices, name)) {
    throw new TypeError(
      `Unknown ViT slice "${name}"; expected one of ${sliceNames.join(', ')}.`,
    );
  }
  return fetchJson(slices[name].manifest, `the manifest of "${name}"`, init);
}

/**
 * Fetch and parse the data-size experiment.
 *
 * @param {RequestInit} [init] passed to fetch
 * @returns {Promise<import('./index.js').DataSize>}
 */
export async function loadDataSize(init) {
  return fetchJson(dataSizeUrl, 'the data-size experiment', init);
}
