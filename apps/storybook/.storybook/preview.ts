import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import actorCritic from '@model-walkthroughs/actor-critic/custom-elements.json';
import attentionMap from '@model-walkthroughs/attention-map/custom-elements.json';
import bottleneckBlock from '@model-walkthroughs/bottleneck-block/custom-elements.json';
import entropyTemperature from '@model-walkthroughs/entropy-temperature/custom-elements.json';
import gaeAdvantage from '@model-walkthroughs/gae-advantage/custom-elements.json';
import patchEmbedding from '@model-walkthroughs/patch-embedding/custom-elements.json';
import positionEmbedding from '@model-walkthroughs/position-embedding/custom-elements.json';
import ppoClipPlot from '@model-walkthroughs/ppo-clip-plot/custom-elements.json';
import skipConnection from '@model-walkthroughs/skip-connection/custom-elements.json';
import squashedGaussian from '@model-walkthroughs/squashed-gaussian/custom-elements.json';
import targetSmoothing from '@model-walkthroughs/target-smoothing/custom-elements.json';
import tensorShapeFlow from '@model-walkthroughs/tensor-shape-flow/custom-elements.json';
import twinCritics from '@model-walkthroughs/twin-critics/custom-elements.json';

// Storybook reads one manifest; each package generates its own, so the
// modules are merged here. Controls and docs tables come from them.
setCustomElementsManifest({
  schemaVersion: '1.0.0',
  modules: [
    actorCritic,
    attentionMap,
    bottleneckBlock,
    entropyTemperature,
    gaeAdvantage,
    patchEmbedding,
    positionEmbedding,
    ppoClipPlot,
    skipConnection,
    squashedGaussian,
    targetSmoothing,
    tensorShapeFlow,
    twinCritics,
  ].flatMap((m) => m.modules),
});

const preview: Preview = {
  // A Docs page per figure, its tables read from the manifests above.
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
