/** Registers `<actor-critic>`; the only module with a side effect. */
import { defineElement } from '@model-walkthroughs/core';
import { ActorCritic } from './actor-critic.js';

defineElement('actor-critic', ActorCritic);

declare global {
  interface HTMLElementTagNameMap {
    'actor-critic': ActorCritic;
  }
}

export { ActorCritic };
