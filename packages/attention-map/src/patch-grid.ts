/**
 * The 8 × 8 grid of patches laid over the image, as a WAI-ARIA grid: one
 * tab stop, arrows move between patches, Home and End to the ends of a
 * row (with Ctrl, of the grid), Enter or Space makes a patch the query.
 */
import { gridMove } from '@model-walkthroughs/core';
import { html } from 'lit';

/** "row 3, column 5" for patch p (1-based, as readers count). */
export function patchName(p: number, grid: number): string {
  return `row ${Math.floor(p / grid) + 1}, column ${(p % grid) + 1}`;
}

/**
 * Where a key moves the cursor from patch `i`; undefined for other keys.
 * The grid pattern's moves, less Page Up and Page Down, which this grid
 * does not offer.
 */
export function moveInGrid(key: string, ctrl: boolean, i: number, grid: number) {
  return key.startsWith('Page') ? undefined : gridMove(key, i, grid, grid, ctrl);
}

export interface GridOptions {
  grid: number;
  /** Weight of each patch for the current query, shown in its label. */
  weights: ArrayLike<number>;
  /** The query patch, or -1 when the query is [CLS]. */
  query: number;
  /** The patch that holds the tab stop. */
  cursor: number;
  onKeydown: (e: KeyboardEvent) => void;
  onPick: (p: number) => void;
}

export function renderGrid(o: GridOptions): unknown {
  const { grid } = o;
  const rows = Array.from({ length: grid }, (_, r) => r);
  return html`
    <div
      part="grid"
      role="grid"
      aria-label="Patches: choose a query with the arrow keys and Enter"
      @keydown=${o.onKeydown}
    >
      ${rows.map(
        (r) => html`
          <div role="row">
            ${rows.map((c) => {
              const p = r * grid + c;
              return html`<div
                role="gridcell"
                id="p${p}"
                tabindex=${p === o.cursor ? 0 : -1}
                aria-selected=${p === o.query ? 'true' : 'false'}
                aria-label="Patch ${patchName(p, grid)}: ${(o.weights[p] ?? 0).toFixed(3)}"
                @click=${() => o.onPick(p)}
              ></div>`;
            })}
          </div>
        `,
      )}
    </div>
  `;
}
