import { defineElement } from '@model-walkthroughs/core';
import { AttentionMap } from './attention-map.js';

defineElement('attention-map', AttentionMap);

declare global {
  interface HTMLElementTagNameMap {
    'attention-map': AttentionMap;
  }
}
