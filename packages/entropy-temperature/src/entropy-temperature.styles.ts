import { css } from 'lit';

/** Formulas, the training charts, the controls and the policy chart. */
export const entropyTemperatureStyles = css`
  :host {
    --_chart-height: var(--mw-entropy-temperature-chart-height, 240px);
  }

  [part='formula'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 24px;
    align-items: baseline;
    overflow-x: auto;
  }

  .cite,
  .hint {
    font-size: 0.85em;
    color: var(--_muted);
  }

  h4 {
    margin: var(--_space) 0 4px;
    font-size: 1em;
    font-weight: 600;
  }

  [part='slider'] {
    width: min(240px, 50%);
    accent-color: var(--_accent);
  }

  output {
    min-width: 4em;
    font-weight: 600;
  }

  /* Fixed heights keep the page from jumping while vega loads. */
  div[part='chart'],
  .placeholder {
    display: block;
    width: 100%;
    height: var(--_chart-height);
    overflow: hidden;
  }

  .placeholder {
    display: grid;
  }

  div[part='chart'][data-chart='return'] {
    height: calc(var(--_chart-height) * 0.75);
  }

  .explain,
  [part='measurement'],
  [part='caption'] {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 0.9em;
  }
`;
