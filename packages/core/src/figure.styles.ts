import { css } from 'lit';

/** The frame every figure shares: heading, body, status line, errors. */
export const figureStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font: 15px/1.5 var(--_font);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    contain: content;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [part='title'] {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.05em;
    font-weight: 600;
  }

  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    margin-block: calc(var(--_space) / 2);
  }

  [part='footnote'] {
    margin-top: calc(var(--_space) / 2);
    font-size: 0.85em;
    color: var(--_muted);
  }

  [part='save'] {
    margin-left: 8px;
    padding: 0 8px;
    font-size: inherit;
  }

  [part='alert'] {
    margin: calc(var(--_space) / 2) 0;
    padding: 8px 12px;
    border-radius: calc(var(--_radius) / 2);
    color: var(--_error);
    background: var(--_error-bg);
    border: 1px solid currentColor;
  }

  .notice {
    color: var(--_muted);
    font-style: italic;
  }

  canvas {
    image-rendering: pixelated;
    max-width: 100%;
    height: auto;
  }

  .mono,
  code {
    font-family: var(--_mono);
    font-size: 0.9em;
  }

  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }

  button,
  select {
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    cursor: pointer;
  }

  button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .placeholder {
    display: grid;
    place-items: center;
    min-height: 120px;
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: no-preference) {
    .placeholder[data-busy] {
      animation: pulse 1.6s ease-in-out infinite;
    }
  }

  @keyframes pulse {
    50% {
      opacity: 0.6;
    }
  }
`;
