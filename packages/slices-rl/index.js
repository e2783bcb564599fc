// URLs of the RL slices (PPO on CartPole, TD3 and SAC on Pendulum), their
// manifests and the training logs.
//
// Each URL is a literal `new URL('./…', import.meta.url)` so that Vite and
// other bundlers see the asset and emit it; built from a variable they
// would not. Nothing here runs at import time beyond building strings, so
// SSR builds can import this module.

/** @type {import('./index.js').Slices} */
export const slices = Object.freeze({
  'ppo-actor': Object.freeze({
    model: new URL('./onnx/ppo-actor.onnx', import.meta.url).href,
    manifest: new URL('./onnx/ppo-actor.json', import.meta.url).href,
  }),
  'ppo-critic': Object.freeze({
    model: new URL('./onnx/ppo-critic.onnx', import.meta.url).href,
    manifest: new URL('./onnx/ppo-critic.json', import.meta.url).href,
  }),
  'td3-actor': Object.freeze({
    model: new URL('./onnx/td3-actor.onnx', import.meta.url).href,
    manifest: new URL('./onnx/td3-actor.json', import.meta.url).href,
  }),
  'td3-critics': Object.freeze({
    model: new URL('./onnx/td3-critics.onnx', import.meta.url).href,
    manifest: new URL('./onnx/td3-critics.json', import.meta.url).href,
  }),
  'sac-actor': Object.freeze({
    model: new URL('./onnx/sac-actor.onnx', import.meta.url).href,
    manifest: new URL('./onnx/sac-actor.json', import.meta.url).href,
  }),
  'sac-critics': Object.freeze({
    model: new URL('./onnx/sac-critics.onnx', import.meta.url).href,
    manifest: new URL('./onnx/sac-critics.json', import.meta.url).href,
  }),
});

/** @type {readonly import('./index.js').SliceName[]} */
export const sliceNames = Object.freeze(
  /** @type {import('./index.js').SliceName[]} */ (Object.keys(slices)),
);

/** @type {import('./index.js').Logs} */
export const logs = Object.freeze({
  ppo: new URL('./data/ppo-training.json', import.meta.url).href,
  td3: new URL('./data/td3-training.json', import.meta.url).href,
  sac: new URL('./data/sac-training.json', import.meta.url).href,
});

/** URL of the float64 reference trajectories of models/rl/envs.py. */
export const envReference = new URL('./data/env-reference.json', import.meta.url).href;

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
 * @returns {Promise<import('./index.js').SliceManifest>}
 */
export async function loadManifest(name, init) {
  if (!Object.hasOwn(slices, name)) {
    throw new TypeError(`Unknown RL slice "${name}"; expected one of ${sliceNames.join(', ')}.`);
  }
  return fetchJson(slices[name].manifest, `the manifest of "${name}"`, init);
}

/**
 * Fetch and parse the training log of one algorithm.
 *
 * @template {import('./index.js').Algorithm} A
 * @param {A} algo 'ppo', 'td3' or 'sac'
 * @param {RequestInit} [init] passed to fetch
 * @returns {Promise<import('./index.js').TrainingLogs[A]>}
 */
export async function loadLog(algo, init) {
  if (!Object.hasOwn(logs, algo)) {
    throw new TypeError(`Unknown algorithm "${algo}"; expected one of ppo, td3, sac.`);
  }
  return fetchJson(logs[algo], `the ${algo} training log`, init);
}
