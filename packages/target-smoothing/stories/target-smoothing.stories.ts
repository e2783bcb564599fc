import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';

interface Args {
  angle: number;
  velocity: number;
  sigma: number | undefined;
  clip: number | undefined;
  delay: number | undefined;
  samples: number;
  seed: number;
  backend: 'auto' | 'webgpu' | 'wasm';
  width: number;
}

export default {
  title: 'TD3/Target smoothing',
  component: 'target-smoothing',
  args: {
    angle: -15,
    velocity: 0,
    sigma: undefined,
    clip: undefined,
    delay: undefined,
    samples: 256,
    seed: 0,
    backend: 'auto',
    width: 900,
  },
  argTypes: {
    angle: {
      control: { type: 'range', min: -180, max: 180, step: 1 },
      description: 'pole angle in degrees, 0 upright, counter-clockwise positive',
    },
    velocity: { control: { type: 'range', min: -8, max: 8, step: 0.1 }, description: 'θ̇ in rad/s' },
    sigma: {
      control: { type: 'range', min: 0, max: 2, step: 0.05 },
      description: 'noise σ in N·m; unset: the recorded policyNoise × 2',
    },
    clip: {
      control: { type: 'range', min: 0, max: 2, step: 0.05 },
      description: 'noise clip c in N·m; unset: the recorded noiseClip × 2',
    },
    delay: {
      control: { type: 'range', min: 1, max: 8, step: 1 },
      description: 'policy delay d; unset: the recorded policyDelay',
    },
    samples: { control: { type: 'number', min: 16, max: 4096, step: 16 } },
    seed: { control: { type: 'number', min: 0, step: 1 } },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <target-smoothing
        angle=${args.angle}
        velocity=${args.velocity}
        sigma=${args.sigma ?? nothing}
        clip=${args.clip ?? nothing}
        delay=${args.delay ?? nothing}
        samples=${args.samples}
        seed=${args.seed}
        backend=${args.backend}
        loading="eager"
      ></target-smoothing>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control; σ, c and d start from the recorded run. */
export const Playground: Story = {};

/** c = 0 switches smoothing off: every ã is μ(s) and both values agree. */
export const NoSmoothing: Story = { args: { clip: 0 } };

/** Wide noise with a tight clip: much of the mass piles up on μ ± c. */
export const TightClip: Story = { args: { sigma: 1, clip: 0.3 } };

/** The actor moving at every update (d = 1), as DDPG does. */
export const NoDelay: Story = { args: { delay: 1 } };

/** On a phone the controls wrap and the strip scales down. */
export const Narrow: Story = { args: { width: 380 } };
