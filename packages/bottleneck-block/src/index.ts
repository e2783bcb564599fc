export { BottleneckBlock, type BottleneckResult } from './bottleneck-block.js';
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
