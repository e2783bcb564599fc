import { defineElement } from '@model-walkthroughs/core';
import { PositionEmbedding } from './position-embedding.js';

defineElement('position-embedding', PositionEmbedding);

declare global {
  interface HTMLElementTagNameMap {
    'position-embedding': PositionEmbedding;
  }
}
