import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';

interface Args {
  embedding: 'both' | 'learned' | 'sinusoidal';
  position: number;
  backend: 'auto' | 'webgpu' | 'wasm';
  src: string;
  width: number;
}

export default {
  title: 'ViT/Position embedding',
  component: 'position-embedding',
  args: { embedding: 'both', position: 27, backend: 'auto', src: '', width: 900 },
  argTypes: {
    embedding: { control: 'inline-radio', options: ['both', 'learned', 'sinusoidal'] },
    position: {
      control: { type: 'range', min: 0, max: 63, step: 1 },
      description: 'The selected position, row·8 + col',
    },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    src: { control: 'text', description: 'URL of your own export of the small ViT' },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <position-embedding
        embedding=${args.embedding}
        position=${args.position}
        backend=${args.backend}
        src=${args.src || nothing}
        loading="eager"
      ></position-embedding>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/**
 * The learned embeddings alone: nothing tells the model that the patches
 * form a grid, so any likeness between neighbours was learned from the
 * scenes (Dosovitskiy et al. 2021, Fig. 7, found the same in ViT-L/32).
 */
export const Learned: Story = { args: { embedding: 'learned' } };

/**
 * Fixed sine-cosine embeddings: every map is the same pattern moved, since
 * their similarity depends only on the offset between two positions.
 */
export const Sinusoidal: Story = { args: { embedding: 'sinusoidal', position: 0 } };

/** The last position, (7, 7), in the bottom-right corner of the grid. */
export const Corner: Story = { args: { position: 63 } };

/** On a phone the two panels stack. */
export const Narrow: Story = { args: { width: 380 } };
