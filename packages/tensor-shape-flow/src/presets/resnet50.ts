/**
 * ResNet-50 as data: He, Zhang, Ren and Sun, "Deep Residual Learning for
 * Image Recognition", CVPR 2016 (arXiv:1512.03385), Table 1, with the
 * bottleneck of Fig. 5 (right) and projection shortcuts (option B, Sec. 3.3)
 * where a stage changes shape. The stride sits on the 3×3 convolution, as
 * in torchvision's ResNet v1.5; the shapes and parameters are the same as
 * with the paper's stride on the first 1×1.
 */
import { slices } from '@model-walkthroughs/slices-resnet';
import type { ConvOperator, Preset, Stage } from '../preset.js';

const conv = (kernel: number, out: number, stride = 1): ConvOperator => ({
  op: 'conv',
  kernel,
  out,
  stride,
  norm: 'batch',
});

/** One conv stage: [1×1 w, 3×3 w, 1×1 4w] × n, the first block projecting. */
function bottlenecks(
  id: string,
  width: number,
  repeat: number,
  stride: number,
  size: number,
  extra?: Partial<Stage>,
): Stage {
  return {
    id,
    label: id,
    kind: 'bottleneck blocks',
    ops: [conv(1, width), conv(3, width, stride), conv(1, 4 * width)],
    repeat,
    residual: { projection: conv(1, 4 * width, stride), adds: 1 },
    output: [size, size, 4 * width],
    ...extra,
  };
}

export const resnet50: Preset = {
  id: 'resnet50',
  name: 'ResNet-50',
  source: 'He et al. 2016, Table 1',
  input: [224, 224, 3],
  userSlice: 'resnet50-stem',
  slices,
  stages: [
    {
      id: 'conv1',
      label: 'conv1',
      kind: 'stem',
      ops: [conv(7, 64, 2)],
      output: [112, 112, 64],
      slices: [{ name: 'resnet50-stem', input: 'image', output: 'stem' }],
    },
    {
      id: 'pool1',
      label: 'max pool',
      ops: [{ op: 'max-pool', kernel: 3, stride: 2, padding: 1 }],
      output: [56, 56, 64],
      slices: [{ name: 'resnet50-stem', input: 'image', output: 'pool' }],
    },
    // conv2_x keeps 56×56, so its projection only widens 64 → 256 channels.
    bottlenecks('conv2_x', 64, 3, 1, 56, {
      slices: [
        { name: 'bottleneck-projection', input: 'x', output: 'output' },
        { name: 'bottleneck-identity', input: 'x', output: 'output' },
      ],
    }),
    bottlenecks('conv3_x', 128, 4, 2, 28),
    bottlenecks('conv4_x', 256, 6, 2, 14),
    bottlenecks('conv5_x', 512, 3, 2, 7),
    {
      id: 'avgpool',
      label: 'average pool',
      kind: 'global',
      ops: [{ op: 'global-avg-pool' }],
      output: [1, 1, 2048],
    },
    {
      id: 'fc',
      label: 'fc',
      kind: '1000-way',
      ops: [{ op: 'flatten' }, { op: 'linear', out: 1000 }],
      output: [1000],
    },
    {
      id: 'softmax',
      label: 'softmax',
      ops: [{ op: 'softmax' }],
      output: [1000],
    },
  ],
};
