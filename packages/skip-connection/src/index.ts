export {
  SHORTCUTS,
  ShortcutChangeEvent,
  SkipConnection,
  type BlockTensors,
  type Shortcut,
  type SignalPropagation,
} from './skip-connection.js';
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
