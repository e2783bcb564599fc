import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';

interface Args {
  seed: number;
  autoplay: boolean;
  speed: number;
  policy: 'auto' | 'sampled' | 'greedy';
  backend: 'auto' | 'webgpu' | 'wasm';
  width: number;
}

export default {
  title: 'PPO/Actor and critic',
  component: 'actor-critic',
  args: { seed: 0, autoplay: true, speed: 50, policy: 'auto', backend: 'auto', width: 760 },
  argTypes: {
    seed: { control: { type: 'number', min: 0, step: 1 }, description: 'first episode' },
    autoplay: { control: 'boolean' },
    speed: { control: { type: 'range', min: 1, max: 60, step: 1 }, description: 'steps/s' },
    policy: { control: 'inline-radio', options: ['auto', 'sampled', 'greedy'] },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <actor-critic
        seed=${args.seed}
        ?autoplay=${args.autoplay}
        speed=${args.speed}
        policy=${args.policy === 'auto' ? nothing : args.policy}
        backend=${args.backend}
        loading="eager"
      ></actor-critic>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/**
 * Slow motion: 5 steps a second, time to read π and V at every step. Push
 * the cart and watch the bars swing towards the side that saves the pole.
 */
export const SlowMotion: Story = { args: { speed: 5 } };

/**
 * Paused at the start, as a reader who prefers reduced motion sees it:
 * step through with "Step once".
 */
export const StepByStep: Story = { args: { autoplay: false } };

/**
 * Greedy actions: always the likelier push. Compare the episode's return
 * with the sampled policy PPO trained.
 */
export const Greedy: Story = { args: { policy: 'greedy' } };

/** On a phone the two read-outs stack under the cart. */
export const Narrow: Story = { args: { width: 380 } };
