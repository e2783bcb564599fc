export { TensorShapeFlow } from './tensor-shape-flow.js';
export {
  analysePreset,
  applyOperator,
  describeOperator,
  describeOps,
  formatShape,
  paperShape,
  presets,
  registerPreset,
  type AttentionOperator,
  type ConvOperator,
  type LinearOperator,
  type MaxPoolOperator,
  type MlpOperator,
  type Operator,
  type PlainOperator,
  type Preset,
  type ResidualSpec,
  type SliceRun,
  type SliceSource,
  type Stage,
  type StageAnalysis,
  type Sublayer,
} from './preset.js';
export { resnet50 } from './presets/resnet50.js';
export { vitB16 } from './presets/vit-b16.js';
