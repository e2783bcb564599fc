import { css } from 'lit';

/** Layout of the step row, the details panel and the cost table. */
export const bottleneckStyles = css`
  :host {
    --_bar: var(--mw-bottleneck-block-bar, var(--_accent));
    --_tile: var(--mw-bottleneck-block-tile-size, 120px);
  }

  .body {
    container-type: inline-size;
  }

  [part='pipeline'] {
    display: grid;
    grid-template-columns: repeat(6, minmax(0, 1fr));
    gap: 14px;
    counter-reset: step;
  }

  [part='step'] {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 4px;
    align-items: stretch;
    padding: 8px;
    text-align: start;
    line-height: 1.3;
    counter-increment: step;
  }

  /* The arrow between steps: the data flows left to right. */
  [part='step']:not(:last-child)::after {
    content: '→';
    position: absolute;
    inset-inline-end: -13px;
    top: 40%;
    color: var(--_muted);
    font-size: 12px;
  }

  [part='step'][aria-selected='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  .name {
    font-weight: 600;
    font-size: 0.85em;
  }

  .label,
  .shape {
    font-size: 0.8em;
    color: var(--_muted);
  }

  [part='tiles'] {
    width: 100%;
    max-width: var(--_tile);
    aspect-ratio: 1;
    background: var(--_bg);
  }

  /* Width proportional to the channel count: the bottleneck's waist. */
  .bar {
    height: 6px;
    width: calc(var(--c) * 100%);
    border-radius: 3px;
    background: var(--_bar);
  }

  [part='details'] {
    margin-top: var(--_space);
    padding: 8px 12px;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }

  [part='details'] p {
    margin: 0 0 6px;
  }

  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 20px;
    margin: 0;
  }

  dt {
    font-size: 0.8em;
    color: var(--_muted);
  }

  dd {
    margin: 0;
  }

  .legend,
  .note {
    margin: 6px 0 0;
    font-size: 0.8em;
    color: var(--_muted);
  }

  .swatch {
    display: inline-block;
    width: 36px;
    height: 0.8em;
    vertical-align: middle;
    border-radius: 2px;
  }

  [part='comparison'] {
    width: 100%;
    max-width: 640px;
    margin-top: var(--_space);
    border-collapse: collapse;
    font-size: 0.9em;
  }

  caption {
    text-align: start;
    padding-bottom: 4px;
    color: var(--_muted);
  }

  th,
  td {
    padding: 3px 12px 3px 0;
    border-bottom: 1px solid var(--_border);
    text-align: end;
  }

  th[scope='row'] {
    text-align: start;
    font-weight: normal;
  }

  .ratio {
    margin: 8px 0 0;
  }

  @container (max-width: 720px) {
    [part='pipeline'] {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }

    [part='step']:nth-child(3)::after {
      content: none;
    }
  }

  /* Narrow: one step a row, maps on the left, words on the right. */
  @container (max-width: 440px) {
    [part='pipeline'] {
      grid-template-columns: 1fr;
      gap: 8px;
    }

    [part='step'] {
      display: grid;
      grid-template-columns: 72px 1fr;
      column-gap: 10px;
    }

    [part='step'] > :not(canvas) {
      grid-column: 2;
    }

    [part='tiles'] {
      grid-column: 1;
      grid-row: 1 / span 4;
    }

    [part='step']::after {
      content: none !important;
    }
  }
`;
