/** Fixtures shared by the element tests of <tensor-shape-flow>. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { FigureErrorEvent } from '@model-walkthroughs/core';
import type { TensorShapeFlow } from '../src/tensor-shape-flow.js';
import type { Preset } from '../src/preset.js';
import { resnet50 } from '../src/presets/resnet50.js';
import { vitB16 } from '../src/presets/vit-b16.js';

export const SLICES = '/packages/slices-resnet/onnx';

/** The ViT preset with its two shortcuts given only as a count, as a preset may. */
export const vitAddsOnly: Preset = {
  ...vitB16,
  id: 'test-vit-adds',
  stages: vitB16.stages.map((s) => (s.id === 'encoder' ? { ...s, residual: { adds: 2 } } : s)),
};

/** A two-stage toy preset with no slices. */
export const tiny: Preset = {
  id: 'test-tiny',
  name: 'TinyNet',
  source: 'this test',
  input: [32, 32, 3],
  stages: [
    {
      id: 'c1',
      label: 'c1',
      ops: [{ op: 'conv', kernel: 3, out: 8, stride: 2, norm: 'batch' }],
      output: [16, 16, 8],
    },
    {
      id: 'head',
      label: 'head',
      ops: [{ op: 'global-avg-pool' }, { op: 'flatten' }, { op: 'linear', out: 10 }],
      output: [10],
    },
  ],
};

/** ResNet-50 with a wrong conv1 width: the stem slice must contradict it. */
export const wrongStem: Preset = {
  ...resnet50,
  id: 'test-wrong-stem',
  stages: resnet50.stages.map((s) => (s.id === 'conv1' ? { ...s, output: [112, 112, 32] } : s)),
};
export async function settle(el: TensorShapeFlow): Promise<void> {
  await waitUntil(() => el.status === 'ready' || el.status === 'error', 'figure settles', {
    timeout: 50_000,
  });
  await el.updateComplete;
}

export function part(el: TensorShapeFlow, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

export function stage(el: TensorShapeFlow, id: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-stage="${id}"]`)!;
}

/** Renders with an `error` listener in place before the figure connects. */
export async function failWith(
  attributes: { src?: string; image?: string; preset?: string },
  code: string,
): Promise<TensorShapeFlow> {
  const events: FigureErrorEvent[] = [];
  const el = await fixture<TensorShapeFlow>(
    html`<tensor-shape-flow
      loading="eager"
      backend="wasm"
      preset=${attributes.preset ?? 'resnet50'}
      src=${attributes.src ?? ''}
      image=${attributes.image ?? ''}
      @error=${(e: FigureErrorEvent) => events.push(e)}
    ></tensor-shape-flow>`,
  );
  await settle(el);
  expect(el.getAttribute('status')).to.equal('error');
  expect(events.map((e) => e.code)).to.deep.equal([code]);
  expect(part(el, 'alert')[0]!.textContent!.trim()).to.equal(events[0]!.message);
  return el;
}
