import { css } from 'lit';

/** The flow of stages, shortcut arcs, edge labels and the details panel. */
export const tensorShapeFlowStyles = css`
  :host {
    --_measured: var(--mw-tensor-shape-flow-measured, var(--_accent));
    --_skip-color: var(--mw-tensor-shape-flow-skip, var(--_skip));
    --_node-bg: var(--mw-tensor-shape-flow-node-bg, var(--_surface));
    --_details-width: var(--mw-tensor-shape-flow-details-width, 15rem);
    --_skip-col: 8.5rem;
  }

  [part='figure'] {
    container-type: inline-size;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .summary,
  .legend {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
    font-size: 0.85em;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 6px;
    margin-top: calc(var(--_space) / 2);
  }

  .ramp {
    display: inline-block;
    width: 48px;
    height: 8px;
    border-radius: 4px;
  }

  .mismatch,
  .error {
    color: var(--_error);
  }

  p.mismatch {
    padding: 6px 10px;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_error-bg);
  }

  .layout {
    display: grid;
    gap: var(--_space);
  }

  [part='diagram'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  [part='stage'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--_skip-col);
    grid-template-areas: 'box skips' 'edge .';
    cursor: pointer;
    border-radius: calc(var(--_radius) / 2);
  }

  [part='stage']:focus-visible {
    outline-offset: 1px;
  }

  .box {
    grid-area: box;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 2px 8px;
    align-items: center;
    padding: 6px 10px;
    background: var(--_node-bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }

  .measured .box {
    border-left: 4px solid var(--_measured);
  }

  .mismatch .box {
    border-color: var(--_error);
    background: var(--_error-bg);
  }

  [aria-selected='true'] .box {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 2px 8px;
    min-width: 0;
  }

  .name {
    font-family: var(--_mono);
    font-weight: 600;
  }

  .repeat {
    font-family: var(--_mono);
    color: var(--_muted);
  }

  .ops {
    grid-column: 1;
    font-size: 0.8em;
    color: var(--_muted);
  }

  .thumb {
    grid-column: 2;
    grid-row: 1 / span 2;
    display: flex;
  }

  .thumb canvas {
    width: 44px;
    height: 44px;
    border-radius: 3px;
  }

  .badge {
    font-size: 0.72em;
    line-height: 1.5;
    padding: 0 7px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
    white-space: nowrap;
  }

  .badge.measured {
    background: var(--_measured);
    border-color: var(--_measured);
    color: var(--_accent-fg);
  }

  .badge.error {
    background: var(--_error);
    border-color: var(--_error);
    color: var(--_error-bg);
  }

  .edge {
    grid-area: edge;
    display: flex;
    align-items: center;
    gap: 8px;
    height: 30px;
    padding-left: 22px;
  }

  .arrow {
    position: relative;
    align-self: stretch;
    width: 2px;
    background: var(--_muted);
  }

  .arrow::after {
    content: '';
    position: absolute;
    bottom: 0;
    left: -4px;
    border: 5px solid transparent;
    border-bottom: 0;
    border-top: 6px solid var(--_muted);
  }

  [part='edge-label'] {
    font-family: var(--_mono);
    font-size: 0.8em;
  }

  .skips {
    grid-area: skips;
    position: relative;
    display: flex;
    align-items: center;
  }

  .skips svg {
    position: absolute;
    inset: 0 auto 0 0;
    width: 24px;
    height: 100%;
    overflow: visible;
    fill: none;
    stroke: var(--_skip-color);
    stroke-width: 2;
  }

  .skips .identity {
    stroke-dasharray: 4 3;
  }

  .skip-labels {
    display: grid;
    gap: 2px;
    margin-left: 30px;
    font-size: 0.72em;
    line-height: 1.3;
  }

  /* One label beside each sub-block's arc. */
  .skips.around .skip-labels {
    align-self: stretch;
    align-content: space-around;
  }

  .skip-labels .proj {
    color: var(--_skip-color);
  }

  [part='details'] {
    align-self: start;
    padding: 8px 12px;
    background: var(--_node-bg);
    border-radius: calc(var(--_radius) / 2);
    font-size: 0.9em;
  }

  [part='details'] h4 {
    margin: 0 0 6px;
    font-family: var(--_mono);
  }

  dl {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 4px 10px;
    margin: 0;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
  }

  @container (min-width: 640px) {
    .layout {
      grid-template-columns: minmax(0, 1fr) var(--_details-width);
    }

    [part='details'] {
      position: sticky;
      top: var(--_space);
    }
  }

  @container (max-width: 420px) {
    [part='stage'] {
      --_skip-col: 6.5rem;
    }

    .thumb canvas {
      width: 36px;
      height: 36px;
    }
  }
`;
