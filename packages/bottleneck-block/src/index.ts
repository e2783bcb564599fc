export { BottleneckBlock } from './bottleneck-block.js';
export type { BottleneckResult } from './steps.js';
export {
  BLOCK_KINDS,
  BOTTLENECKS,
  basicBlock,
  blockCost,
  bnParams,
  convFlops,
  convParams,
  matchingBasicBlock,
  type BlockCost,
  type BlockKind,
  type BlockLayout,
  type ConvShape,
} from './block-cost.js';
