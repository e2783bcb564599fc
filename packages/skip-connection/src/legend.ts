/** Labels of the feature-map panels: shapes and colour scales. */
import { colormapGradient, type PlainTensor } from '@model-walkthroughs/core';
import { html } from 'lit';

/**
 * The colour scale's end: the 99th percentile of |value| over the shown
 * channels, so a few extreme pixels do not wash every tile out to grey.
 */
export function bound(tensors: PlainTensor[], channels: readonly number[]): number {
  const plane = tensors[0]!.dims.at(-1)! * tensors[0]!.dims.at(-2)!;
  const values = new Float32Array(tensors.length * channels.length * plane);
  let n = 0;
  for (const t of tensors) {
    for (const c of channels) {
      for (let i = c * plane; i < (c + 1) * plane; i++) values[n++] = Math.abs(t.data[i]!);
    }
  }
  values.sort();
  return values[Math.floor(0.99 * (values.length - 1))] || 1;
}

/** A colour bar with its two ends and what it encodes. */
export function scale(
  map: 'diverging' | 'viridis',
  low: number,
  high: number,
  label: string,
): unknown {
  const signed = low < 0;
  const [lo, hi] = [low, high].map(
    (v) => (signed && v > 0 ? '+' : '') + v.toFixed(2).replace('-', '−'),
  );
  return html`<span
    class="scale"
    role="img"
    aria-label=${`${label}: colour scale from ${lo} to ${hi}`}
  >
    <span>${label}</span>
    ${lo}<span class="bar" style="background:${colormapGradient(map)}"></span>${hi}
  </span>`;
}

/** A tensor's shape as the paper writes it, H×W×C. */
export function shape(t: PlainTensor): string {
  const [c, h, w] = t.dims.slice(-3);
  return `${h}×${w}×${c}`;
}
