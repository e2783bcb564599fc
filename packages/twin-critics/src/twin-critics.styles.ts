import { css } from 'lit';

/** Layout of the state controls, the three charts and the bias table. */
export const twinCriticsStyles = css`
  :host {
    --_chart-height: var(--mw-twin-critics-chart-height, 320px);
  }

  [part='formula'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    align-items: baseline;
    margin-block: calc(var(--_space) / 2);
  }

  [part='formula'] math {
    font-size: 1.1em;
  }

  .cite,
  .explain {
    font-size: 0.9em;
    color: var(--_muted);
  }

  .slider {
    display: inline-flex;
    gap: 8px;
    align-items: center;
  }

  .slider input {
    width: 140px;
  }

  output {
    min-width: 5.5em;
  }

  [part='pendulum'] .track {
    fill: var(--_surface);
    stroke: var(--_border);
  }

  [part='pendulum'] .rod {
    stroke: var(--_accent);
    stroke-width: 4;
    stroke-linecap: round;
  }

  [part='pendulum'] .pivot {
    fill: var(--_fg);
  }

  h4 {
    margin: var(--_space) 0 4px;
    font-size: 1em;
    font-weight: 600;
  }

  /* Least heights keep the page from jumping while vega loads; a chart
     grows to hold its legend. */
  div[part='chart'] {
    display: block;
    width: 100%;
    min-height: 200px;
    overflow: hidden;
  }

  div[data-chart='curves'] {
    min-height: var(--_chart-height);
  }

  [part='caption'] {
    margin: 4px 0 0;
    font-size: 0.9em;
  }

  [part='table'] {
    border-collapse: collapse;
    font-size: 0.9em;
  }

  [part='table'] th,
  [part='table'] td {
    padding: 2px 12px 2px 0;
    text-align: left;
  }
`;
