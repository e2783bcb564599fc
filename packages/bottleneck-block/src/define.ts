import { defineElement } from '@model-walkthroughs/core';
import { BottleneckBlock } from './bottleneck-block.js';

defineElement('bottleneck-block', BottleneckBlock);

declare global {
  interface HTMLElementTagNameMap {
    'bottleneck-block': BottleneckBlock;
  }
}
