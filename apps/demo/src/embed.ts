/**
 * The iframe embed page: `/embed/<tag>/?attr=value…` shows one figure with
 * the allowed attributes from the query string, and tells the host page its
 * height (WordPress and Canvas LMS resize messages) whenever it changes.
 */
const ALLOWED: Record<string, readonly string[]> = {
  'skip-connection': ['shortcut'],
  'bottleneck-block': ['block'],
  'tensor-shape-flow': ['preset', 'selected'],
  'patch-embedding': ['patch'],
  'attention-map': ['layer', 'head', 'query', 'mode', 'scene'],
  'position-embedding': ['embedding', 'position'],
  'actor-critic': ['seed', 'autoplay', 'speed', 'policy'],
  'gae-advantage': ['seed', 'episode', 'steps', 'gamma', 'lambda'],
  'ppo-clip-plot': ['epsilon', 'log'],
  'twin-critics': ['angle', 'velocity', 'sigma', 'samples', 'seed'],
  'target-smoothing': ['angle', 'velocity', 'sigma', 'clip', 'delay', 'samples', 'seed'],
  'entropy-temperature': ['alpha', 'state', 'log'],
  'squashed-gaussian': ['mu', 'sigma', 'state', 'seed'],
};
const COMMON = ['src', 'image', 'backend'];

/** Shows the figure named by `tag` (already defined by the page's script). */
export function mountEmbed(tag: string): void {
  const params = new URLSearchParams(location.search);
  const figure = document.createElement(tag);
  figure.setAttribute('loading', 'eager');
  for (const name of [...COMMON, ...(ALLOWED[tag] ?? [])]) {
    const value = params.get(name);
    if (value !== null) figure.setAttribute(name, value);
  }
  document.querySelector('main')!.append(figure);

  let lastHeight = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === lastHeight || window.parent === window) return;
    lastHeight = height;
    // WordPress's wp-embed listens for { message: 'height' }; Canvas LMS for
    // lti.frameResize. Neither message carries anything but the height.
    window.parent.postMessage({ message: 'height', value: height }, '*');
    window.parent.postMessage(JSON.stringify({ subject: 'lti.frameResize', height }), '*');
  }).observe(document.body);
}
