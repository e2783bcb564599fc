import { css } from 'lit';

/** Formulas, controls, the two panels side by side and the worked numbers. */
export const squashedGaussianStyles = css`
  :host {
    --_chart-height: var(--mw-squashed-gaussian-chart-height, 230px);
  }

  [part='figure'] {
    container-type: inline-size;
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

  /* Label, slider and value stay on one line when the controls wrap. */
  .field {
    display: inline-flex;
    gap: 8px;
    align-items: center;
  }

  [part='slider'] {
    width: min(200px, 40vw);
    accent-color: var(--_accent);
  }

  output {
    min-width: 3.5em;
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

  figcaption {
    margin: 0 0 4px;
    font-size: 0.9em;
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

  .actor,
  [part='measurement'],
  [part='caption'] {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 0.9em;
  }
`;
