import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { samplePhotos } from '@model-walkthroughs/samples';
import '../src/define.js';
import { registerPreset, type Preset } from '../src/index.js';

interface Args {
  preset: string;
  selected: string;
  image: string;
  src: string;
  backend: 'auto' | 'webgpu' | 'wasm';
}

/** A made-up three-stage network: a preset is data, nothing else. */
const toyNet: Preset = {
  id: 'toy-cnn',
  name: 'a toy CNN',
  source: 'this story',
  input: [64, 64, 3],
  stages: [
    {
      id: 'conv',
      label: 'conv',
      ops: [{ op: 'conv', kernel: 3, out: 16, stride: 2, norm: 'batch' }],
      output: [32, 32, 16],
    },
    {
      id: 'blocks',
      label: 'blocks',
      kind: 'residual blocks',
      ops: [
        { op: 'conv', kernel: 3, out: 32, stride: 2, norm: 'batch' },
        { op: 'conv', kernel: 3, out: 32, norm: 'batch' },
      ],
      repeat: 2,
      residual: { projection: { op: 'conv', kernel: 1, out: 32, stride: 2, norm: 'batch' } },
      output: [16, 16, 32],
    },
    {
      id: 'head',
      label: 'head',
      ops: [{ op: 'global-avg-pool' }, { op: 'flatten' }, { op: 'linear', out: 10 }],
      output: [10],
    },
  ],
};

const meta = {
  title: 'ResNet/Tensor shape flow',
  component: 'tensor-shape-flow',
  args: { preset: 'resnet50', selected: 'conv2_x', image: '', src: '', backend: 'auto' },
  argTypes: {
    preset: { control: 'select', options: ['resnet50', 'vit-b16', 'toy-cnn'] },
    selected: {
      control: 'select',
      options: [
        'input',
        ...['conv1', 'pool1', 'conv2_x', 'conv3_x', 'conv4_x', 'conv5_x', 'fc'],
        ...['patch', 'flatten', 'cls', 'pos', 'encoder', 'take-cls', 'head'],
      ],
    },
    image: { control: 'text', description: 'URL of the photo; empty for the default cat' },
    src: { control: 'text', description: 'URL of your own stem export (image → stem, pool)' },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
  },
  render: (args) => {
    registerPreset(toyNet);
    return html`<tensor-shape-flow
      preset=${args.preset}
      selected=${args.selected}
      image=${args.image}
      src=${args.src}
      backend=${args.backend}
      style="max-width: 700px"
    ></tensor-shape-flow>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

/** The same shapes on another photo: the architecture, not the image, fixes them. */
export const AnotherPhoto: Story = {
  args: { image: samplePhotos.rocket.url, selected: 'pool1' },
};

/**
 * ViT-B/16: the photo cut into 196 patch tokens of 768, a [CLS] token and
 * position embeddings added, then twelve encoder layers whose two shortcuts
 * go around attention and around the MLP; 86,567,656 parameters.
 */
export const VitB16: Story = {
  args: { preset: 'vit-b16', selected: 'encoder' },
};

/** A preset is plain data: register one and the figure draws it. */
export const CustomPreset: Story = {
  args: { preset: 'toy-cnn', selected: 'blocks' },
};
