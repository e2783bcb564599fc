import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import bottleneckBlock from '@model-walkthroughs/bottleneck-block/custom-elements.json';
import skipConnection from '@model-walkthroughs/skip-connection/custom-elements.json';
import tensorShapeFlow from '@model-walkthroughs/tensor-shape-flow/custom-elements.json';

// Storybook reads one manifest; each package generates its own, so the
// modules are merged here. Controls and docs tables come from them.
setCustomElementsManifest({
  schemaVersion: '1.0.0',
  modules: [skipConnection, bottleneckBlock, tensorShapeFlow].flatMap((m) => m.modules),
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
