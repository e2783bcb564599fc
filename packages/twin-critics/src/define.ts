/** Registers `<twin-critics>`; the only module with a side effect. */
import { defineElement } from '@model-walkthroughs/core';
import { TwinCritics } from './twin-critics.js';

defineElement('twin-critics', TwinCritics);

declare global {
  interface HTMLElementTagNameMap {
    'twin-critics': TwinCritics;
  }
}

export { TwinCritics };
