/** Registers `<target-smoothing>`; the only module with a side effect. */
import { defineElement } from '@model-walkthroughs/core';
import { TargetSmoothing } from './target-smoothing.js';

defineElement('target-smoothing', TargetSmoothing);

declare global {
  interface HTMLElementTagNameMap {
    'target-smoothing': TargetSmoothing;
  }
}

export { TargetSmoothing };
