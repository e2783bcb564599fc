/** The steps of a bottleneck block as the figure shows them, in words. */
import type { PlainTensor } from '@model-walkthroughs/core';
import type { BlockKind, BlockLayout, ConvShape } from './block-cost.js';

/** The block's input and everything it produced in one run. */
export interface BottleneckResult {
  /** The block's input x, [1, C, 56, 56]. */
  x: PlainTensor;
  reduce: PlainTensor;
  spatial: PlainTensor;
  /** F(x), the main path before the add. */
  residual: PlainTensor;
  shortcut: PlainTensor;
  /** F(x) + shortcut, before the last ReLU; computed here, not by the slice. */
  sum: PlainTensor;
  /** ReLU(F(x) + shortcut). */
  output: PlainTensor;
}

export type TensorName = Exclude<keyof BottleneckResult, 'shortcut'>;

export interface Step {
  name: string;
  label: string;
  tensor: TensorName;
  /** The convolution this step runs, with its BatchNorm. */
  conv?: ConvShape;
  note: string;
}

/** The six steps of `layout`, from the input x to the ReLU. */
export function blockSteps(layout: BlockLayout, kind: BlockKind): Step[] {
  const [reduce, spatial, expand] = layout.main as [ConvShape, ConvShape, ConvShape];
  const identity = kind === 'identity';
  const conv = (c: ConvShape) => `${c.kernel}×${c.kernel} conv, ${c.cin}→${c.cout}`;
  const shortcut = layout.projection;
  return [
    {
      name: 'Input x',
      label: identity ? 'layer1[0] output' : 'stem max-pool',
      tensor: 'x',
      note: identity
        ? 'The photo after the stem and the first bottleneck, layer1[0].'
        : 'The photo after the stem: 7×7 conv, stride 2, and 3×3 max-pool, stride 2.',
    },
    {
      name: conv(reduce),
      label: '(reduce)',
      tensor: 'reduce',
      conv: reduce,
      note: identity
        ? 'A 1×1 convolution mixes channels at each pixel and cuts 256 to 64, ' +
          'so the 3×3 works on a quarter of the width. BatchNorm, ReLU.'
        : 'Here the input is already 64 wide, so the 1×1 keeps the width. BatchNorm, ReLU.',
    },
    {
      name: conv(spatial),
      label: '(spatial)',
      tensor: 'spatial',
      conv: spatial,
      note:
        'The only convolution that looks at neighbours, and it runs at the narrow width. ' +
        'BatchNorm, ReLU.',
    },
    {
      name: conv(expand),
      label: '(expand)',
      tensor: 'residual',
      conv: expand,
      note: 'A 1×1 convolution restores 256 channels. BatchNorm, no ReLU: this is F(x), signed.',
    },
    {
      name: '+ shortcut',
      label: identity ? 'F(x) + x' : 'F(x) + Wₛx',
      tensor: 'sum',
      conv: shortcut,
      note: shortcut
        ? 'x is 64 wide and F(x) 256, so the shortcut is a 1×1 convolution with ' +
          'BatchNorm, Wₛx (He et al. 2016, Eq. 2).'
        : 'The shortcut is x itself: no parameters, one addition per value.',
    },
    {
      name: 'ReLU',
      label: 'output',
      tensor: 'output',
      note: 'Negative sums become zero. This is what the next block receives.',
    },
  ];
}
