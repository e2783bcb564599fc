import { css } from 'lit';

/** The curve chart's height and the bias table; they follow `td3Styles`. */
export const twinCriticsStyles = css`
  :host {
    --_chart-height: var(--mw-twin-critics-chart-height, 320px);
  }

  div[data-chart='curves'] {
    min-height: var(--_chart-height);
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
