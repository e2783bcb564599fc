import { defineElement } from '@model-walkthroughs/core';
import { PatchEmbedding } from './patch-embedding.js';

defineElement('patch-embedding', PatchEmbedding);

declare global {
  interface HTMLElementTagNameMap {
    'patch-embedding': PatchEmbedding;
  }
}
