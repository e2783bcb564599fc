import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';

interface Args {
  angle: number;
  velocity: number;
  sigma: number;
  samples: number;
  seed: number;
  backend: 'auto' | 'webgpu' | 'wasm';
  src: string;
  width: number;
}

export default {
  title: 'TD3/Twin critics',
  component: 'twin-critics',
  args: {
    angle: 180,
    velocity: 0,
    sigma: 2,
    samples: 1000,
    seed: 0,
    backend: 'auto',
    src: '',
    width: 900,
  },
  argTypes: {
    angle: {
      control: { type: 'range', min: -180, max: 180, step: 1 },
      description: 'pole angle in degrees, 0 upright, counter-clockwise positive',
    },
    velocity: { control: { type: 'range', min: -8, max: 8, step: 0.1 }, description: 'θ̇ in rad/s' },
    sigma: {
      control: { type: 'range', min: 0, max: 20, step: 0.1 },
      description: 'standard deviation of the simulated critic error',
    },
    samples: { control: { type: 'number', min: 10, max: 10000, step: 10 } },
    seed: { control: { type: 'number', min: 0, step: 1 } },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    src: {
      control: 'text',
      description: 'your own td3-critics export, or a folder of both slices',
    },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <twin-critics
        angle=${args.angle}
        velocity=${args.velocity}
        sigma=${args.sigma}
        samples=${args.samples}
        seed=${args.seed}
        backend=${args.backend}
        src=${args.src || nothing}
        loading="eager"
      ></twin-critics>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/** Near upright the curves are steep: the wrong torque costs tens of return units. */
export const NearUpright: Story = { args: { angle: -15, velocity: 0 } };

/**
 * Without noise both targets equal the true maximum: the bias in the
 * histogram comes from the noise alone.
 */
export const NoNoise: Story = { args: { sigma: 0 } };

/** A large error: the single maximum runs far above the truth, the clipped target does not. */
export const LargeError: Story = { args: { sigma: 10 } };

/** On a phone the controls wrap and the charts take the full width. */
export const Narrow: Story = { args: { width: 380 } };
