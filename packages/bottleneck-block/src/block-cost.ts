/**
 * Parameter and FLOP counts of residual blocks, from their layer shapes
 * alone. Pure arithmetic, so tests can check it by hand and the figure can
 * set the bottleneck against a basic block that no slice exists for.
 *
 * What is counted: convolution weights k·k·Cin·Cout (ResNet's convolutions
 * have no bias), BatchNorm's trainable γ and β (2·C; the running mean and
 * variance are statistics, not parameters), and FLOPs as 2 × the
 * multiply-adds of the convolutions, 2·k·k·Cin·Cout·H·W at the output size.
 * BatchNorm, ReLU and the add are left out of the FLOPs, as in the slice
 * manifests.
 */

/** One convolution, followed in ResNet by its own BatchNorm. */
export interface ConvShape {
  kernel: number;
  stride: number;
  cin: number;
  cout: number;
}

/** A residual block: its main path and, when widths differ, a projection. */
export interface BlockLayout {
  /** Height and width of the input feature map (square). */
  size: number;
  main: readonly ConvShape[];
  /** The 1×1 projection shortcut W_s (He et al. 2016, Eq. 2), if any. */
  projection?: ConvShape;
}

export interface BlockCost {
  /** Convolution weights. */
  conv: number;
  /** BatchNorm γ and β. */
  bn: number;
  /** conv + bn: the trainable parameters, as PyTorch counts them. */
  params: number;
  /** 2 × multiply-adds of the convolutions. */
  flops: number;
}

export type BlockKind = 'identity' | 'projection';

export const BLOCK_KINDS: readonly BlockKind[] = ['identity', 'projection'];

/** Weights of one convolution: k·k·Cin·Cout. */
export function convParams(c: ConvShape): number {
  return c.kernel * c.kernel * c.cin * c.cout;
}

/** BatchNorm's γ and β after a convolution: 2·Cout. */
export function bnParams(c: ConvShape): number {
  return 2 * c.cout;
}

/** FLOPs of one convolution on a size × size input, padded to keep the size. */
export function convFlops(c: ConvShape, size: number): number {
  const out = Math.ceil(size / c.stride);
  return 2 * convParams(c) * out * out;
}

/** Totals for a block; the feature map shrinks only where a stride says so. */
export function blockCost(layout: BlockLayout): BlockCost {
  let conv = 0;
  let bn = 0;
  let flops = 0;
  let size = layout.size;

  for (const c of layout.main) {
    conv += convParams(c);
    bn += bnParams(c);
    flops += convFlops(c, size);
    size = Math.ceil(size / c.stride);
  }
  if (layout.projection) {
    conv += convParams(layout.projection);
    bn += bnParams(layout.projection);
    flops += convFlops(layout.projection, layout.size);
  }
  return { conv, bn, params: conv + bn, flops };
}

const conv = (kernel: number, cin: number, cout: number): ConvShape => ({
  kernel,
  stride: 1,
  cin,
  cout,
});

/**
 * torchvision resnet50().layer1: [1] is the identity block (256 in and
 * out), [0] the first block, which widens 64 to 256 and so needs a
 * projection. Stride 1 throughout conv2_x, at 56×56.
 */
export const BOTTLENECKS: Record<BlockKind, BlockLayout> = {
  identity: { size: 56, main: [conv(1, 256, 64), conv(3, 64, 64), conv(1, 64, 256)] },
  projection: {
    size: 56,
    main: [conv(1, 64, 64), conv(3, 64, 64), conv(1, 64, 256)],
    projection: conv(1, 64, 256),
  },
};

/** A basic block (two 3×3 convolutions, ResNet-18/34) from cin to cout. */
export function basicBlock(cin: number, cout: number, size: number): BlockLayout {
  return {
    size,
    main: [conv(3, cin, cout), conv(3, cout, cout)],
    projection: cin === cout ? undefined : conv(1, cin, cout),
  };
}

/** The basic block with the same input and output width as a bottleneck. */
export function matchingBasicBlock(layout: BlockLayout): BlockLayout {
  const cin = layout.main[0]!.cin;
  const cout = layout.main[layout.main.length - 1]!.cout;
  return basicBlock(cin, cout, layout.size);
}
