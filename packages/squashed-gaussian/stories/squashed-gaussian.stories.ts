import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';

interface Args {
  mu: number;
  sigma: number;
  state: '' | 'down' | 'horizontal' | 'upright';
  seed: number;
  backend: 'auto' | 'webgpu' | 'wasm';
  width: number;
}

export default {
  title: 'SAC/Squashed Gaussian',
  component: 'squashed-gaussian',
  args: { mu: 0.5, sigma: 1, state: '', seed: 1, backend: 'auto', width: 900 },
  argTypes: {
    mu: { control: { type: 'range', min: -4, max: 4, step: 0.05 } },
    sigma: { control: { type: 'range', min: 0.02, max: 3, step: 0.01 } },
    state: {
      control: 'select',
      options: ['', 'down', 'horizontal', 'upright'],
      description: 'a Pendulum state whose μ and σ come from the trained SAC actor',
    },
    seed: { control: 'number' },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <squashed-gaussian
        mu=${args.mu}
        sigma=${args.sigma}
        state=${args.state || nothing}
        seed=${args.seed}
        backend=${args.backend}
        loading="eager"
      ></squashed-gaussian>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/** A wide Gaussian: tanh piles the mass up against ±1, and p(a) turns bimodal. */
export const Saturated: Story = { args: { mu: 0, sigma: 2.2 } };

/** A narrow Gaussian: tanh is almost linear near 0, so a looks Gaussian too. */
export const NearlyLinear: Story = { args: { mu: 0, sigma: 0.2 } };

/** μ and σ from the trained SAC actor with the pendulum hanging down. */
export const TrainedActorHangingDown: Story = { args: { state: 'down' } };

/** μ and σ from the trained SAC actor near upright. */
export const TrainedActorNearUpright: Story = { args: { state: 'upright' } };
