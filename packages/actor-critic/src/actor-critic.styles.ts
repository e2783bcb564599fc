import { css } from 'lit';

/** The canvas, the controls and the two read-outs beside each other. */
export const actorCriticStyles = css`
  :host {
    --_bar: var(--mw-actor-critic-bar, var(--_accent));
    --_push: var(--mw-actor-critic-push, var(--_skip));
  }

  [part='figure'] {
    container-type: inline-size;
  }

  canvas[part='canvas'] {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 640 / 220;
    image-rendering: auto;
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
  }

  .push {
    border-color: var(--_push);
  }

  .readouts {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_space);
  }

  @container (width < 520px) {
    .readouts {
      grid-template-columns: 1fr;
    }
  }

  h4 {
    margin: 0 0 4px;
    font-size: 0.95em;
    font-weight: 600;
  }

  .bar-row {
    display: grid;
    grid-template-columns: 4.5em 1fr 3.5em;
    gap: 8px;
    align-items: center;
  }

  .bar-row[data-chosen] > span:first-child {
    font-weight: 600;
  }

  .bar {
    height: 12px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 2px;
    overflow: hidden;
  }

  .bar > span {
    display: block;
    height: 100%;
    background: var(--_bar);
  }

  .spark {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 6px;
    height: 60px;
  }

  .range {
    display: flex;
    flex-direction: column;
    justify-content: space-between;
    font-size: 0.75em;
    color: var(--_muted);
    text-align: right;
  }

  svg {
    width: 100%;
    height: 60px;
    background: var(--_surface);
  }

  polyline {
    fill: none;
    stroke: var(--_bar);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }

  .axis {
    stroke: var(--_border);
    vector-effect: non-scaling-stroke;
  }

  .hint {
    margin: 2px 0 0;
    font-size: 0.8em;
    color: var(--_muted);
  }

  [part='episode'] {
    margin: calc(var(--_space) / 2) 0 0;
  }

  .pushing {
    color: var(--_push);
    font-weight: 600;
  }

  .end {
    margin: 0;
    min-height: 1.5em;
  }
`;
