import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';

interface Args {
  seed: number;
  episode: 'pushed' | 'free';
  steps: number;
  gamma: number | undefined;
  lambda: number | undefined;
  backend: 'auto' | 'webgpu' | 'wasm';
  width: number;
}

export default {
  title: 'PPO/GAE advantage',
  component: 'gae-advantage',
  args: {
    seed: 0,
    episode: 'pushed',
    steps: 200,
    gamma: undefined,
    lambda: undefined,
    backend: 'auto',
    width: 800,
  },
  argTypes: {
    seed: { control: { type: 'number', min: 0, step: 1 } },
    episode: {
      control: 'inline-radio',
      options: ['pushed', 'free'],
      description: 'a 30 N push at step 60 that topples the pole, or the policy alone',
    },
    steps: { control: { type: 'range', min: 10, max: 500, step: 10 } },
    gamma: { control: { type: 'range', min: 0.5, max: 1, step: 0.01 } },
    lambda: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <gae-advantage
        seed=${args.seed}
        episode=${args.episode}
        steps=${args.steps}
        gamma=${args.gamma ?? nothing}
        lambda=${args.lambda ?? nothing}
        backend=${args.backend}
        loading="eager"
      ></gae-advantage>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control; γ and λ start where PPO trained. */
export const Playground: Story = {};

/** λ = 0: each advantage is the one-step TD error, Âₜ = δₜ. */
export const TdZero: Story = { args: { lambda: 0 } };

/**
 * λ = 1: the advantage is the Monte Carlo return minus V(sₜ). Every step
 * before the push shares the blame for the fall.
 */
export const MonteCarlo: Story = { args: { lambda: 1 } };

/**
 * The policy alone for 200 steps: rewards match the critic's expectation,
 * so δ and Â stay near 0. The rollout is cut and bootstraps from V(s₂₀₀).
 */
export const Free: Story = { args: { episode: 'free' } };

/** On a phone the sliders wrap and the charts shrink to the width. */
export const Narrow: Story = { args: { width: 380 } };
