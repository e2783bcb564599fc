/** One kind of embedding: the map of the selected position, and the small multiples. */
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { GAP } from './heat.js';
import { locality } from './similarity.js';

export interface PanelOptions {
  kind: 'learned' | 'sinusoidal';
  title: string;
  /** The grid² × grid² similarities; undefined before the first run. */
  matrix?: Float64Array;
  dim?: number;
  grid: number;
  selected: number;
  onKeydown: (event: KeyboardEvent) => void;
  onCellClick: (event: MouseEvent) => void;
  onMultiplesClick: (event: MouseEvent) => void;
}

/** A similarity for a label: two decimals and a true minus sign. */
export const fmt = (v: number): string => v.toFixed(2).replace('-', '−');

/**
 * The panel. The one-position map is an ARIA grid over its canvas, one tab
 * stop with `aria-activedescendant`, each cell named by its position and
 * similarity; the small multiples are a picture that a click can pick from.
 */
export function renderPanel(o: PanelOptions): unknown {
  const { kind, title, matrix: m, grid, selected: p } = o;
  const n = grid * grid;
  const rows = Array.from({ length: grid }, (_, r) => r);
  const stats = m && locality(m, grid);
  const side = grid * grid + (grid - 1) * GAP;
  const pick = {
    left: `${(((p % grid) * (grid + GAP)) / side) * 100}%`,
    top: `${((Math.floor(p / grid) * (grid + GAP)) / side) * 100}%`,
    width: `${(grid / side) * 100}%`,
  };
  const source =
    kind === 'learned' ? 'pos_embed of the trained small ViT' : `computed, D = ${o.dim ?? '…'}`;

  const cell = (r: number, c: number) => {
    const q = r * grid + c;
    const v = m ? `: ${fmt(m[p * n + q]!)}` : '';
    return html`<div
      role="gridcell"
      id="${kind}-${q}"
      data-position=${q}
      aria-selected=${q === p ? 'true' : 'false'}
      aria-label="(${r}, ${c})${v}"
    ></div>`;
  };

  return html`
    <section part="panel" data-kind=${kind} aria-labelledby="${kind}-title">
      <h4 id="${kind}-title">${title} <span class="source">${source}</span></h4>
      <div class="maps">
        <figure>
          <div class="map">
            <canvas data-map=${kind} aria-hidden="true"></canvas>
            <div
              part="grid"
              role="grid"
              tabindex="0"
              data-kind=${kind}
              style=${styleMap({ '--_n': String(grid) })}
              aria-label="${title}: similarity of the selected position to each of the ${n}"
              aria-activedescendant="${kind}-${p}"
              @keydown=${o.onKeydown}
              @click=${o.onCellClick}
            >
              ${rows.map((r) => html`<div role="row">${rows.map((c) => cell(r, c))}</div>`)}
            </div>
          </div>
          <figcaption>Position (${Math.floor(p / grid)}, ${p % grid}) against all ${n}</figcaption>
        </figure>
        <figure>
          <div class="map">
            <canvas
              part="multiples"
              data-multiples=${kind}
              role="img"
              aria-label="${title}: ${n} small maps, each position against all, laid out by position"
              @click=${o.onMultiplesClick}
            ></canvas>
            <span class="pick" style=${styleMap(pick)}></span>
          </div>
          <figcaption>Every position against all</figcaption>
        </figure>
      </div>
      ${
        stats
          ? html`<p class="stats">
              Mean similarity to a neighbour <span class="mono">${fmt(stats.adjacent)}</span>; to
              positions ${grid / 2} or more steps away <span class="mono">${fmt(stats.far)}</span>.
            </p>`
          : nothing
      }
    </section>
  `;
}
