import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';

interface Args {
  alpha: number | undefined;
  state: 'down' | 'horizontal' | 'upright';
  backend: 'auto' | 'webgpu' | 'wasm';
  log: string;
  width: number;
}

export default {
  title: 'SAC/Entropy temperature',
  component: 'entropy-temperature',
  args: { alpha: undefined, state: 'upright', backend: 'auto', log: '', width: 900 },
  argTypes: {
    alpha: {
      control: { type: 'number', min: 0.001, max: 10, step: 0.001 },
      description: 'temperature α; empty for the last one of training',
    },
    state: { control: 'inline-radio', options: ['down', 'horizontal', 'upright'] },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    log: { control: 'text', description: 'URL of another SAC training log' },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <entropy-temperature
        alpha=${args.alpha ?? nothing}
        state=${args.state}
        backend=${args.backend}
        log=${args.log || nothing}
        loading="eager"
      ></entropy-temperature>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/** A cold policy: almost all mass on the torque the critics rate best. */
export const Cold: Story = { args: { alpha: 0.003 } };

/** A hot policy: close to uniform over [−2, 2], giving up Q for entropy. */
export const Hot: Story = { args: { alpha: 5 } };

/**
 * Hanging down, the critics rate full torque far above the rest: at the
 * trained α the policy is a point mass, and only a much larger α spreads it.
 */
export const HangingDown: Story = { args: { state: 'down' } };

/** On a phone the charts keep their order and the controls wrap. */
export const Narrow: Story = { args: { width: 380 } };
