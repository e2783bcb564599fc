import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { samplePhotos } from '@model-walkthroughs/samples';
import '../src/define.js';

interface Args {
  shortcut: 'projection' | 'identity';
  image: string;
  backend: 'auto' | 'webgpu' | 'wasm';
  src: string;
  width: number;
}

const photos = Object.fromEntries(Object.values(samplePhotos).map((p) => [p.label, p.url]));

export default {
  title: 'ResNet/Skip connection',
  component: 'skip-connection',
  args: {
    shortcut: 'projection',
    image: samplePhotos.chelsea.url,
    backend: 'auto',
    src: '',
    width: 900,
  },
  argTypes: {
    shortcut: {
      control: 'inline-radio',
      options: ['projection', 'identity'],
      description: 'layer1[0] with a 1×1 projection W_s, or layer1[1] with the identity',
    },
    image: { control: 'select', options: Object.values(photos), labels: photos },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    src: { control: 'text', description: 'URL of your own export of the block' },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <skip-connection
        shortcut=${args.shortcut}
        image=${args.image}
        backend=${args.backend}
        src=${args.src || nothing}
        loading="eager"
      ></skip-connection>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/**
 * layer1[1]: x and the output both have 256 channels, so the shortcut is x
 * itself and y = F(x) + x (He et al. 2016, Eq. 1).
 */
export const IdentityShortcut: Story = { args: { shortcut: 'identity' } };

/**
 * layer1[0] widens 64 channels to 256, so x goes through a 1×1 projection
 * W_s before the add (Eq. 2). A different photo, the same block.
 */
export const ProjectionOnAnotherPhoto: Story = {
  args: { shortcut: 'projection', image: samplePhotos.coffee.url },
};

/** On a phone the three maps stack: x, then F(x), then their sum. */
export const Narrow: Story = { args: { width: 380 } };
