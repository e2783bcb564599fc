/** Registers `<gae-advantage>`; the only module with a side effect. */
import { defineElement } from '@model-walkthroughs/core';
import { GaeAdvantage } from './gae-advantage.js';

defineElement('gae-advantage', GaeAdvantage);

declare global {
  interface HTMLElementTagNameMap {
    'gae-advantage': GaeAdvantage;
  }
}

export { GaeAdvantage };
