import { css } from 'lit';

/** Layout of the three maps, the legend, the formula and the chart. */
export const skipConnectionStyles = css`
  :host {
    --_chart-height: var(--mw-skip-connection-chart-height, 300px);
  }

  [part='formula'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    align-items: baseline;
    margin-block: calc(var(--_space) / 2);
  }

  [part='formula'] canvas {
    width: 64px;
    height: 64px;
    align-self: center;
    border-radius: 4px;
    image-rendering: auto;
  }

  [part='formula'] math {
    font-size: 1.15em;
  }

  .cite {
    font-size: 0.85em;
    color: var(--_muted);
  }

  /* Three panels side by side, or all three stacked: never two and one,
     which would break the x + F(x) = y reading order. */
  [part='figure'] {
    container-type: inline-size;
  }

  [part='panels'] {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--_space);
    margin: 0;
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

  figcaption {
    font-size: 0.9em;
  }

  figure canvas {
    display: block;
    width: 100%;
    border-radius: 2px;
  }

  .op {
    color: var(--_skip);
    font-weight: 600;
  }

  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 24px;
    margin-top: calc(var(--_space) / 2);
    font-size: 0.8em;
    color: var(--_muted);
  }

  .scale {
    display: inline-grid;
    grid-template-columns: auto auto 96px auto;
    gap: 6px;
    align-items: center;
  }

  .bar {
    height: 10px;
    border-radius: 2px;
  }

  [part='measurement'] {
    margin: calc(var(--_space) / 2) 0 var(--_space);
  }

  h4 {
    margin: var(--_space) 0 4px;
    font-size: 1em;
    font-weight: 600;
  }

  /* A fixed height keeps the page from jumping while vega loads. */
  div[part='chart'] {
    display: block;
    width: 100%;
    height: var(--_chart-height);
    overflow: hidden;
  }

  [part='caption'] {
    margin: 4px 0 0;
    font-size: 0.9em;
  }
`;
