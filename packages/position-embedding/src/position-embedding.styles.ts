import { css } from 'lit';

/** Two panels of maps side by side, the switch, the legend and the formulas. */
export const positionEmbeddingStyles = css`
  :host {
    --_map: var(--mw-position-embedding-map-size, 192px);
    --_select: var(--mw-position-embedding-select, var(--_accent));
  }

  [part='figure'] {
    container-type: inline-size;
  }

  .panels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
    gap: var(--_space);
  }

  [part='panel'] {
    min-width: 0;
    padding: 8px 12px;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }

  h4 {
    margin: 0 0 6px;
    font-size: 0.95em;
  }

  .source,
  figcaption,
  .stats,
  .legend,
  [part='formula'] p {
    font-size: 0.8em;
    font-weight: normal;
    color: var(--_muted);
  }

  .maps {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }

  figure {
    flex: 1 1 0;
    min-width: 140px;
    max-width: var(--_map);
    margin: 0;
  }

  .map {
    position: relative;
    aspect-ratio: 1;
  }

  .map canvas {
    display: block;
    width: 100%;
    height: 100%;
  }

  [part='multiples'] {
    cursor: pointer;
  }

  [part='grid'] {
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-rows: repeat(var(--_n, 8), 1fr);
    cursor: pointer;
  }

  [role='row'] {
    display: grid;
    grid-template-columns: repeat(var(--_n, 8), 1fr);
  }

  [role='gridcell'][aria-selected='true'],
  .pick {
    outline: 2px solid var(--_select);
    outline-offset: 1px;
  }

  [part='grid']:focus-visible [aria-selected='true'] {
    outline-width: 3px;
  }

  .pick {
    position: absolute;
    aspect-ratio: 1;
    pointer-events: none;
  }

  .stats {
    margin: 6px 0 0;
  }

  .legend {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 8px 0 0;
  }

  .swatch {
    display: inline-block;
    width: 96px;
    height: 0.8em;
    border-radius: 2px;
  }

  [part='readout'] {
    margin: 6px 0 0;
  }

  [part='formula'] {
    margin-top: 8px;
    overflow-x: auto;
  }

  [part='formula'] p {
    margin: 4px 0 0;
  }
`;
