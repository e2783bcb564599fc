/** What is written beside the map: the query's weights, the scale, the prediction, the share. */
import { html } from 'lit';
import { colormapGradient, topK } from '@model-walkthroughs/core';
import { patchName } from './patch-grid.js';
import type { TinyScenesManifest as VitManifest } from '@model-walkthroughs/slices-vit';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const fixed = (v: number) => v.toFixed(3);

/**
 * The button that makes [CLS] the query, then the query, its weight on
 * [CLS] and the three patches it weighs most.
 */
export function renderQueryText(
  w: Float64Array,
  grid: number,
  query: number,
  what: string,
  pickCls: () => void,
) {
  const patches = w.subarray(1);
  return html`
    <p>
      <button part="cls" type="button" aria-pressed=${query < 0} @click=${pickCls}>
        [CLS] as query
      </button>
    </p>
    <p class="query" aria-live="polite">
      Query <strong>${query < 0 ? '[CLS]' : `patch ${patchName(query, grid)}`}</strong>, ${what}.
      Attention to [CLS]: <span class="mono" id="cls-weight">${fixed(w[0]!)}</span>. Most to
      ${topK(patches, 3).map(
        (p, i) =>
          html`${i ? '; ' : ''}${patchName(p, grid)}:
            <span class="mono">${fixed(patches[p]!)}</span>`,
      )}.
    </p>
  `;
}

/** The colour scale from 0 to the largest weight shown, and the overlay's strength. */
export function renderLegend(
  max: number,
  tokens: number,
  opacity: number,
  set: (v: number) => void,
) {
  return html`
    <p part="legend">
      <span class="mono">0</span>
      <span class="swatch" style="background: ${colormapGradient('viridis')}"></span>
      <span class="mono" id="max">${fixed(max)}</span> (max; spread evenly, each token would get
      1/${tokens} = <span class="mono">${fixed(1 / tokens)}</span>)
      <label
        ><input
          type="range"
          min="0"
          max="1"
          step="0.05"
          .value=${String(opacity)}
          @input=${(e: Event) => set(Number((e.target as HTMLInputElement).value))}
        />
        Overlay ${Math.round(opacity * 100)}%</label
      >
    </p>
  `;
}

export function renderPrediction(m: VitManifest, r: { probabilities: number[] }): unknown {
  const p = r.probabilities;
  const best = p.indexOf(Math.max(...p));
  return html`
    <p class="prediction">Predicted: <strong>${m.classes[best]}</strong> (${pct(p[best]!)})</p>
    <ul class="classes" aria-label="Class probabilities">
      ${m.classes.map(
        (c, k) =>
          html`<li>
            <span>${c}</span><span class="bar" style="--p: ${p[k]}"></span
            ><span class="mono">${pct(p[k]!)}</span>
          </li>`,
      )}
    </ul>
  `;
}

export function renderShare(
  share: { mass: number; area: number },
  m: VitManifest,
  rollout: boolean,
): unknown {
  const { scenes, ...all } = m.attentionOnObjects;
  const mean = rollout ? all.rollout : all.lastLayer;
  return html`
    <p class="share">
      [CLS] puts <strong class="mono">${pct(share.mass)}</strong> of its attention to patches on the
      shape, which covers <span class="mono">${pct(share.area)}</span> of the image. Over
      ${scenes.toLocaleString('en-US')} test scenes,
      ${rollout ? 'rolled out through every layer' : 'last layer, mean of heads'}:
      <span class="mono">${pct(mean.clsMassOnObjectPatches)}</span> on
      <span class="mono">${pct(mean.objectPatchShare)}</span>.
    </p>
  `;
}
