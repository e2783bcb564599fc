/** Fixtures shared by the tests of <attention-map>: mounting, reading, a direct run. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  acquireSession,
  imageToTensor,
  loadPixels,
  type PlainTensor,
} from '@model-walkthroughs/core';
import { loadManifest, slices, type TinyScenesManifest } from '@model-walkthroughs/slices-vit';
import type { AttentionMap } from '../src/attention-map.js';

export interface Attrs {
  layer?: string;
  head?: string;
  query?: string;
  mode?: string;
  scene?: string;
  image?: string;
  backend?: string;
}

export async function mount(attrs: Attrs = {}, timeout = 55_000) {
  const events: Event[] = [];
  const log = (e: Event) => events.push(e);
  const el = await fixture<AttentionMap>(html`
    <attention-map
      loading="eager"
      backend=${attrs.backend ?? 'wasm'}
      layer=${ifDefined(attrs.layer)}
      head=${ifDefined(attrs.head)}
      query=${ifDefined(attrs.query)}
      mode=${ifDefined(attrs.mode)}
      scene=${ifDefined(attrs.scene)}
      image=${ifDefined(attrs.image)}
      @ready=${log}
      @error=${log}
      @change=${log}
      style="width: 800px"
    ></attention-map>
  `);
  await settle(el, events, 0, timeout);
  return { el, events };
}

export async function settle(el: AttentionMap, events: Event[], after = 0, timeout = 55_000) {
  await waitUntil(
    () => events.slice(after).some((e) => e.type === 'ready' || e.type === 'error'),
    `<attention-map> did not settle; status ${el.status}`,
    { timeout, interval: 20 },
  );
  await el.updateComplete;
}

export const root = (el: AttentionMap) => el.shadowRoot!;
export const text = (el: AttentionMap, selector: string) =>
  root(el).querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();
export const cells = (el: AttentionMap) => [
  ...root(el).querySelectorAll<HTMLElement>('[role=gridcell]'),
];
export const radio = (el: AttentionMap, group: string, value: string) =>
  root(el).querySelector<HTMLInputElement>(`input[name=${group}][value="${value}"]`)!;

let manifest: Promise<TinyScenesManifest> | undefined;

/** The slice's manifest, read once per test file. */
export function tinyScenesManifest(): Promise<TinyScenesManifest> {
  manifest ??= loadManifest('vit-tiny-scenes');
  return manifest;
}

/** A direct run of the slice on a scene, outside the figure. */
export async function directRun(url: string) {
  const handle = await acquireSession(slices['vit-tiny-scenes'].model, 'wasm');
  try {
    const { size, mean, std } = (await tinyScenesManifest()).preprocessing;
    const image = imageToTensor(await loadPixels(url), size, mean, std);
    const { outputs, ms } = await handle.run({ image }, ['logits', 'attention']);
    return { attention: outputs['attention']!, logits: outputs['logits']!, ms, image };
  } finally {
    handle.release();
  }
}

/** attention[0, l, h, q, :] of a [1, L, H, N, N] tensor, 0-based. */
export function attentionRow(t: PlainTensor, l: number, h: number, q: number) {
  const [, , heads, n] = t.dims as [number, number, number, number];
  const start = ((l * heads + h) * n + q) * n;
  return t.data.subarray(start, start + n);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>) {
  expect(a.length).to.equal(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

export async function withControl(key: string) {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

export const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
