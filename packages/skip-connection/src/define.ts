/** Registers `<skip-connection>`; the only module with a side effect. */
import { defineElement } from '@model-walkthroughs/core';
import { SkipConnection } from './skip-connection.js';

defineElement('skip-connection', SkipConnection);

declare global {
  interface HTMLElementTagNameMap {
    'skip-connection': SkipConnection;
  }
}

export { SkipConnection };
