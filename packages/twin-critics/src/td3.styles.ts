import { css } from 'lit';

/**
 * What both TD3 figures draw alike: the formula line, the sliders, the
 * pendulum drawing, headings and the boxes the charts load into. Each
 * figure adds its own chart heights after it.
 */
export const td3Styles = css`
  [part='formula'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    align-items: baseline;
    margin-block: calc(var(--_space) / 2);
    overflow-x: auto;
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

  [part='caption'] {
    margin: 4px 0 0;
    font-size: 0.9em;
  }
`;
