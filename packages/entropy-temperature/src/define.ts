/** Registers `<entropy-temperature>`; the only module with a side effect. */
import { defineElement } from '@model-walkthroughs/core';
import { EntropyTemperature } from './entropy-temperature.js';

defineElement('entropy-temperature', EntropyTemperature);

declare global {
  interface HTMLElementTagNameMap {
    'entropy-temperature': EntropyTemperature;
  }
}

export { EntropyTemperature };
