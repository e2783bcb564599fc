/** Registers `<squashed-gaussian>`; the only module with a side effect. */
import { defineElement } from '@model-walkthroughs/core';
import { SquashedGaussian } from './squashed-gaussian.js';

defineElement('squashed-gaussian', SquashedGaussian);

declare global {
  interface HTMLElementTagNameMap {
    'squashed-gaussian': SquashedGaussian;
  }
}

export { SquashedGaussian };
