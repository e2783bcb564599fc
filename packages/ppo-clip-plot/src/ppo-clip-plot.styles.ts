import { css } from 'lit';

/** Formula, slider, the two panels side by side and the history chart. */
export const ppoClipPlotStyles = css`
  :host {
    --_chart-height: var(--mw-ppo-clip-plot-chart-height, 270px);
  }

  [part='figure'] {
    container-type: inline-size;
  }

  [part='formula'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    align-items: baseline;
    overflow-x: auto;
  }

  [part='formula'] math {
    font-size: 1.1em;
  }

  .cite,
  .hint {
    font-size: 0.85em;
    color: var(--_muted);
  }

  [part='slider'] {
    width: min(260px, 60%);
    accent-color: var(--_accent);
  }

  output {
    min-width: 3em;
    font-weight: 600;
  }

  [part='panels'] {
    display: grid;
    grid-template-columns: repeat(2, 1fr);
    gap: var(--_space);
  }

  @container (width < 560px) {
    [part='panels'] {
      grid-template-columns: 1fr;
    }
  }

  figure {
    margin: 0;
    min-width: 0;
  }

  figcaption,
  h4 {
    margin: 0 0 4px;
    font-size: 0.95em;
    font-weight: 600;
  }

  h4 {
    margin-top: var(--_space);
  }

  /* Fixed heights keep the page from jumping while vega loads. */
  div[part='chart'] {
    display: block;
    width: 100%;
    height: var(--_chart-height);
    overflow: hidden;
  }

  div[part='chart'][data-history] {
    height: calc(var(--_chart-height) * 0.6);
  }

  .placeholder {
    height: var(--_chart-height);
  }

  [part='measurement'],
  [part='caption'] {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 0.9em;
  }
`;
