/** Registers `<ppo-clip-plot>`; the only module with a side effect. */
import { defineElement } from '@model-walkthroughs/core';
import { PpoClipPlot } from './ppo-clip-plot.js';

defineElement('ppo-clip-plot', PpoClipPlot);

declare global {
  interface HTMLElementTagNameMap {
    'ppo-clip-plot': PpoClipPlot;
  }
}

export { PpoClipPlot };
