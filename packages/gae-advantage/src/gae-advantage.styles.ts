import { css } from 'lit';

/** Formulas, sliders, the two charts and the step table. */
export const gaeAdvantageStyles = css`
  :host {
    --_chart-height: var(--mw-gae-advantage-chart-height, 250px);
  }

  [part='formula'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 24px;
    align-items: baseline;
    overflow-x: auto;
  }

  [part='formula'] math {
    font-size: 1.1em;
  }

  .cite,
  .muted {
    font-size: 0.85em;
    color: var(--_muted);
  }

  label {
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }

  input[type='range'] {
    width: 9em;
    accent-color: var(--_accent);
  }

  input[type='number'] {
    width: 7em;
    padding: 2px 6px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
  }

  output {
    min-width: 2.5em;
  }

  [part='identity'] {
    margin: calc(var(--_space) / 2) 0;
    padding: 6px 10px;
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
    font-size: 0.95em;
  }

  h4 {
    margin: var(--_space) 0 4px;
    font-size: 1em;
    font-weight: 600;
  }

  div[part='chart'] {
    display: block;
    width: 100%;
    height: var(--_chart-height);
    overflow: hidden;
  }

  div[part='chart'][data-chart='value'] {
    height: calc(var(--_chart-height) - 60px);
  }

  [part='step'] {
    margin-top: var(--_space);
  }

  table {
    margin-top: 6px;
    border-collapse: collapse;
    font-size: 0.9em;
  }

  caption {
    text-align: left;
    padding-bottom: 4px;
  }

  th,
  td {
    padding: 2px 10px 2px 0;
    text-align: left;
    font-weight: normal;
  }

  td {
    font-family: var(--_mono);
  }

  [part='caption'] {
    margin: var(--_space) 0 0;
    font-size: 0.9em;
  }
`;
