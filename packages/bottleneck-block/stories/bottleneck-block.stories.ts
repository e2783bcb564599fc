import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { samplePhotos } from '@model-walkthroughs/samples';
import '../src/define.js';

interface Args {
  block: 'identity' | 'projection';
  image: string;
  backend: 'auto' | 'webgpu' | 'wasm';
  src: string;
  width: number;
}

const photos = Object.fromEntries(Object.values(samplePhotos).map((p) => [p.label, p.url]));

export default {
  title: 'ResNet/Bottleneck block',
  component: 'bottleneck-block',
  args: {
    block: 'identity',
    image: samplePhotos.chelsea.url,
    backend: 'auto',
    src: '',
    width: 960,
  },
  argTypes: {
    block: {
      control: 'inline-radio',
      options: ['identity', 'projection'],
      description: 'layer1[1] with an identity shortcut, or layer1[0] with a projection',
    },
    image: { control: 'select', options: Object.values(photos), labels: photos },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    src: { control: 'text', description: 'URL of your own export of the block' },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <bottleneck-block
        block=${args.block}
        image=${args.image}
        backend=${args.backend}
        src=${args.src || nothing}
        loading="eager"
      ></bottleneck-block>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/** 256 channels in, 64 through the 3×3, 256 out: the bars show the waist. */
export const IdentityBlock: Story = { args: { block: 'identity' } };

/**
 * The first block of conv2_x widens 64 to 256, so x cannot be added as it
 * is: a 1×1 projection matches the widths.
 */
export const ProjectionShortcut: Story = { args: { block: 'projection' } };

/** On a phone the steps stack, maps on the left, shapes on the right. */
export const Narrow: Story = { args: { width: 380 } };
