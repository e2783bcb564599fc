import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { samplePhotos } from '@model-walkthroughs/samples';
import { scenes } from '@model-walkthroughs/slices-vit';
import '../src/define.js';

interface Args {
  layer: number;
  head: string;
  query: string;
  mode: 'layer' | 'rollout';
  scene: string;
  image: string;
  backend: 'auto' | 'webgpu' | 'wasm';
  width: number;
}

const sceneLabels = Object.fromEntries(scenes.map((s, k) => [s.name, `${k + 1}: ${s.label}`]));
const photos = Object.fromEntries(Object.values(samplePhotos).map((p) => [p.url, p.label]));

export default {
  title: 'ViT/Attention map',
  component: 'attention-map',
  args: {
    layer: 4,
    head: 'mean',
    query: 'cls',
    mode: 'layer',
    scene: scenes[0]!.name,
    image: '',
    backend: 'auto',
    width: 760,
  },
  argTypes: {
    layer: { control: { type: 'range', min: 1, max: 4, step: 1 } },
    head: { control: 'inline-radio', options: ['mean', '1', '2', '3', '4'] },
    query: { control: 'text', description: '"cls" or a patch index 0..63 (row × 8 + column)' },
    mode: { control: 'inline-radio', options: ['layer', 'rollout'] },
    scene: { control: 'select', options: scenes.map((s) => s.name), labels: sceneLabels },
    image: { control: 'select', options: ['', ...Object.keys(photos)], labels: photos },
    backend: { control: 'inline-radio', options: ['auto', 'webgpu', 'wasm'] },
    width: { control: { type: 'range', min: 320, max: 1200, step: 20 } },
  },
  render: (args) => html`
    <div style="max-width: ${args.width}px">
      <attention-map
        layer=${args.layer}
        head=${args.head}
        query=${args.query}
        mode=${args.mode}
        scene=${args.scene}
        image=${args.image || nothing}
        backend=${args.backend}
        loading="eager"
      ></attention-map>
    </div>
  `,
} satisfies Meta<Args>;

type Story = StoryObj<Args>;

/** Every attribute as a control. */
export const Playground: Story = {};

/**
 * One head of the first layer, asked from one patch of the shape: early
 * heads often look at neighbours, a sign of what position embeddings
 * taught them.
 */
export const OneHead: Story = { args: { layer: 1, head: '2', query: '27' } };

/**
 * Rollout up to the last layer: how much of the image flows into [CLS]
 * through every layer, residual path included.
 */
export const Rollout: Story = { args: { mode: 'rollout', layer: 4, query: 'cls' } };

/**
 * A photo the model never saw anything like: it still predicts one of its
 * five shapes, and its attention shows what it took for one.
 */
export const UserImage: Story = { args: { image: samplePhotos.chelsea.url } };
