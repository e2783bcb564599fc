import { css } from 'lit';

/** Controls above, image and grid on the left, numbers on the right. */
export const attentionStyles = css`
  :host {
    --_size: var(--mw-attention-map-size, 256px);
    --_query: var(--mw-attention-map-query, #ffffff);
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    margin: 0;
    padding: 4px 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }

  fieldset:disabled {
    color: var(--_muted);
  }

  legend {
    padding: 0 4px;
    font-size: 0.85em;
    color: var(--_muted);
  }

  [part='scenes'] {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    margin-bottom: var(--_space);
  }

  [part='scenes'] button:has(img) {
    padding: 2px;
    line-height: 0;
  }

  [part='scenes'] img {
    image-rendering: pixelated;
  }

  .body {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(2 * var(--_space));
    align-items: flex-start;
  }

  [part='stage'] {
    position: relative;
    width: var(--_size);
    max-width: 100%;
    aspect-ratio: 1;
  }

  [part='canvas'] {
    display: block;
    width: 100%;
  }

  [part='grid'] {
    position: absolute;
    inset: 0;
    display: grid;
  }

  [role='row'] {
    display: flex;
  }

  [role='gridcell'] {
    flex: 1;
    cursor: pointer;
  }

  [role='gridcell'][aria-selected='true'] {
    outline: 2px solid var(--_query);
    outline-offset: -2px;
    box-shadow: inset 0 0 0 3px #000;
  }

  [role='gridcell']:focus-visible {
    outline: 3px dashed var(--_accent);
    outline-offset: -3px;
  }

  [part='readout'] {
    flex: 1 1 260px;
  }

  [part='readout'] p {
    margin: 0 0 8px;
  }

  .swatch {
    display: inline-block;
    width: 80px;
    height: 0.8em;
    vertical-align: middle;
    border-radius: 2px;
  }

  [part='legend'] label {
    display: block;
    font-size: 0.85em;
  }

  .classes {
    margin: 0 0 8px;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }

  .classes li {
    display: grid;
    grid-template-columns: 5em 1fr 4em;
    gap: 8px;
    align-items: center;
  }

  .bar {
    height: 8px;
    width: calc(var(--p) * 100%);
    background: var(--_accent);
    border-radius: 2px;
  }

  .classes .mono {
    text-align: end;
  }

  .share {
    padding: 6px 10px;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }
`;
