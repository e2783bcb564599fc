import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/*.mdx', '../../../packages/*/stories/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    // Workspace packages resolve `new URL('./onnx/…', import.meta.url)` to
    // their own files; pre-bundling them would break those URLs.
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      exclude: [
        ...(viteConfig.optimizeDeps?.exclude ?? []),
        'onnxruntime-web',
        '@model-walkthroughs/samples',
        '@model-walkthroughs/slices-resnet',
      ],
    };
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['development', 'module', 'browser', 'default'],
    };
    return viteConfig;
  },
};

export default config;
