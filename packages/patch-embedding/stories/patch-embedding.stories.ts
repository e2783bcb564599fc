import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { samplePhotos } from '@model-walkthroughs/samples';
import '../src/define.js';

interface Args {
  patch: number;
  image: string;
  backend: 'auto' | 'webgpu' | 'wasm';
  src: string;
  width: number;
}

const photos = Object.fromEntries(Object.values(samplePhotos).map((p) => [p.label, p.url]));

export default {
  title: 'ViT/Patch embedding',
  component: 'patch-embedding',
  args: {
    patch: 105,
    image: samplePhotos.chelsea.url,
    backend: 'auto',
    src: '',
    width: 960,
  },
  argTypes: {
    patch: {
      control: { type: 'range', min: 0, max: 195, step: 1 },
      description: 'The selected patch, row·14 + col',
    },
    image: { control: 'select', options: Object.values(photos), labels: photos },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    src: { control: 'text', description: 'URL of your own export of the patch embedding' },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <patch-embedding
        patch=${args.patch}
        image=${args.image}
        backend=${args.backend}
        src=${args.src || nothing}
        loading="eager"
      ></patch-embedding>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/** Patch 0, the top-left corner: its vector starts with the image's first 16 red values. */
export const FirstPatch: Story = { args: { patch: 0 } };

/** Another photo, the same 196 patches: the grid does not care what is in the image. */
export const AnotherPhoto: Story = { args: { image: samplePhotos.rocket.url, patch: 62 } };

/** On a phone the details go under the photo and the steps wrap in threes. */
export const Narrow: Story = { args: { width: 380 } };
