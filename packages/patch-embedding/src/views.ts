/** The figure's pieces as templates: the patch grid, a strip of numbers, a step. */
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatValue as fmt } from './patches.js';
import type { Step } from './sequence.js';

/** "1.12, 1.12, 1.27, …, −0.34": the start and the end of a long vector. */
const preview = (v: Float32Array) =>
  `${[...v.subarray(0, 3)].map(fmt).join(', ')}, …, ${fmt(v[v.length - 1]!)}`;

/**
 * The patches over the photo as an ARIA grid: one tab stop, the selected
 * patch named by `aria-activedescendant`, every cell labelled.
 */
export function renderGrid(
  grid: number,
  selected: number,
  onKeydown: (event: KeyboardEvent) => void,
  onClick: (event: MouseEvent) => void,
): unknown {
  const rows = Array.from({ length: grid }, (_, r) => r);
  const cell = (r: number, c: number) => {
    const p = r * grid + c;
    return html`<div
      role="gridcell"
      id="cell-${p}"
      data-patch=${p}
      aria-selected=${p === selected ? 'true' : 'false'}
      aria-label="patch (${r}, ${c})"
    ></div>`;
  };
  return html`
    <div
      part="grid"
      role="grid"
      tabindex="0"
      aria-label="The photo's ${grid * grid} patches, ${grid} by ${grid}"
      aria-activedescendant="cell-${selected}"
      @keydown=${onKeydown}
      @click=${onClick}
    >
      ${rows.map((r) => html`<div role="row">${rows.map((c) => cell(r, c))}</div>`)}
    </div>
  `;
}

/** A captioned strip for `name`'s numbers; the canvas is drawn later. */
export function renderStrip(name: string, label: string, values?: Float32Array): unknown {
  const text = values ? preview(values) : '…';
  return html`
    <figure class="strip">
      <figcaption>${label}: <span class="mono">${text}</span></figcaption>
      <canvas part="strip" data-draw=${name} role="img" aria-label="${label}: ${text}"></canvas>
    </figure>
  `;
}

/** One step of the sequence, with a marker on patch `p`'s row of a matrix. */
export function renderStep(step: Step, p: number): unknown {
  const marker =
    step.rows === undefined
      ? nothing
      : html`<span
          class="marker"
          style=${styleMap({ top: `${((p + step.offset! + 0.5) / step.rows) * 100}%` })}
        ></span>`;
  return html`
    <li part="step" data-step=${step.id}>
      <span class="name">${step.name}</span>
      <span class="frame ${step.rows ? 'matrix' : ''}"
        ><canvas aria-hidden="true"></canvas>${marker}</span
      >
      <span class="shape mono">${step.shape}</span>
      <span class="note">${step.note}</span>
    </li>
  `;
}
