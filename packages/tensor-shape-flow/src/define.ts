import { defineElement } from '@model-walkthroughs/core';
import { TensorShapeFlow } from './tensor-shape-flow.js';

defineElement('tensor-shape-flow', TensorShapeFlow);

declare global {
  interface HTMLElementTagNameMap {
    'tensor-shape-flow': TensorShapeFlow;
  }
}
