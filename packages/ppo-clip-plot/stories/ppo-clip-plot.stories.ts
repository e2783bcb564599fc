import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';

interface Args {
  epsilon: number | undefined;
  log: string;
  width: number;
}

export default {
  title: 'PPO/Clipped objective',
  component: 'ppo-clip-plot',
  args: { epsilon: undefined, log: '', width: 900 },
  argTypes: {
    epsilon: {
      control: { type: 'range', min: 0.01, max: 0.5, step: 0.01 },
      description: 'clip range ε; empty for the ε of training (0.2)',
    },
    log: { control: 'text', description: 'URL of another PPO training log' },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <ppo-clip-plot
        epsilon=${args.epsilon ?? nothing}
        log=${args.log || nothing}
        loading="eager"
      ></ppo-clip-plot>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/**
 * A tight clip range: many ratios of the same minibatch now fall outside
 * [1 − ε, 1 + ε], and those on the flat side lose their gradient.
 */
export const TightClip: Story = { args: { epsilon: 0.05 } };

/** A loose clip range: almost nothing is clipped and PPO acts like plain policy gradient. */
export const LooseClip: Story = { args: { epsilon: 0.4 } };

/** On a phone the two panels stack: Â > 0 above Â < 0. */
export const Narrow: Story = { args: { width: 380 } };
