export { ShortcutChangeEvent, SkipConnection } from './skip-connection.js';
export { SHORTCUTS, type BlockTensors, type Shortcut, type SignalPropagation } from './results.js';
export {
  depthNorms,
  l2,
  mulberry32,
  normRatio,
  normaliseImageNet,
  probeBatch,
  unitDirection,
  type DepthNorms,
} from './signal-propagation.js';
