import { css } from 'lit';

/** The photo with its grid, the selected patch's strips and the row of steps. */
export const patchEmbeddingStyles = css`
  :host {
    --_photo: var(--mw-patch-embedding-photo-size, 336px);
    --_select: var(--mw-patch-embedding-select, var(--_accent));
  }

  [part='figure'] {
    container-type: inline-size;
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(0, var(--_photo)) minmax(0, 1fr);
    gap: var(--_space);
    align-items: start;
  }

  .photo {
    position: relative;
    width: 100%;
    aspect-ratio: 1;
  }

  .photo canvas {
    display: block;
    width: 100%;
    height: 100%;
    border-radius: 2px;
  }

  [part='grid'] {
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-rows: repeat(14, 1fr);
    cursor: pointer;
  }

  [role='row'] {
    display: grid;
    grid-template-columns: repeat(14, 1fr);
  }

  [role='gridcell'][aria-selected='true'] {
    outline: 2px solid var(--_select);
    outline-offset: -1px;
    box-shadow: inset 0 0 0 2px rgb(255 255 255 / 0.8);
  }

  [part='grid']:focus-visible [aria-selected='true'] {
    outline-width: 3px;
    outline-offset: 0;
  }

  [part='details'] {
    display: grid;
    gap: 8px;
    min-width: 0;
  }

  [part='readout'] {
    margin: 0;
    font-weight: 600;
  }

  .pixels {
    display: flex;
    gap: 12px;
    align-items: center;
  }

  .pixels canvas {
    flex: none;
    width: 96px;
    height: 96px;
    border: 1px solid var(--_border);
  }

  .pixels p,
  .note,
  .legend {
    margin: 0;
    font-size: 0.8em;
    color: var(--_muted);
  }

  figure {
    margin: 0;
  }

  figcaption {
    font-size: 0.85em;
  }

  [part='strip'] {
    display: block;
    width: 100%;
    height: 18px;
  }

  .channels {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    margin: -6px 0 0;
    text-align: center;
    color: var(--_muted);
    border-top: 1px solid var(--_border);
  }

  .channels span + span {
    border-left: 1px solid var(--_border);
  }

  [part='sequence'] {
    display: grid;
    grid-template-columns: repeat(6, minmax(0, 1fr));
    gap: 14px;
    margin: var(--_space) 0 6px;
    padding: 0;
    list-style: none;
  }

  [part='step'] {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 3px;
    line-height: 1.3;
  }

  /* The arrow between steps: the data flows left to right. */
  [part='step']:not(:last-child)::after {
    content: '→';
    position: absolute;
    inset-inline-end: -12px;
    top: 40%;
    color: var(--_muted);
    font-size: 12px;
  }

  .name {
    font-weight: 600;
    font-size: 0.85em;
  }

  .frame {
    position: relative;
    display: block;
    aspect-ratio: 1;
  }

  .frame canvas {
    display: block;
    width: 100%;
    height: 100%;
    background: var(--_surface);
  }

  /* Token matrices are 768 wide: averaged down rather than sampled. */
  .matrix canvas {
    image-rendering: auto;
  }

  .marker {
    position: absolute;
    inset-inline: -3px;
    height: 2px;
    transform: translateY(-50%);
    background: var(--_select);
  }

  .shape {
    font-size: 0.8em;
  }

  .swatch {
    display: inline-block;
    width: 48px;
    height: 0.8em;
    vertical-align: middle;
    border-radius: 2px;
  }

  @container (max-width: 640px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }

    .photo {
      max-width: var(--_photo);
    }

    [part='sequence'] {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }

    [part='step']:nth-child(3)::after {
      content: none;
    }
  }
`;
