import { css } from 'lit';

/** The critic chart's height, the values line and the update strip; they follow `td3Styles`. */
export const targetSmoothingStyles = css`
  :host {
    --_chart-height: var(--mw-target-smoothing-chart-height, 260px);
  }

  div[data-chart='critic'] {
    min-height: var(--_chart-height);
  }

  [part='values'] {
    margin: 4px 0 0;
    font-size: 0.95em;
  }

  [part='strip'] {
    display: block;
    width: 100%;
    max-width: 640px;
    font-size: 11px;
    fill: var(--_fg);
  }

  [part='strip'] rect.off {
    fill: none;
    stroke: var(--_border);
  }

  [part='strip'] .critic {
    fill: var(--_accent);
  }

  [part='strip'] .actor {
    fill: var(--mw-target-smoothing-actor-color, var(--_skip));
  }

  [part='strip'] .recorded {
    fill: var(--_muted);
  }

  [part='strip'] .tick {
    fill: var(--_muted);
  }
`;
