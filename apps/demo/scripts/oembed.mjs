// Writes dist/embed/<tag>/oembed.json for every embed page. An oEmbed
// answer is pasted into other sites, so its iframe URL must be absolute:
// set MW_SITE_URL to where the demo is deployed (for example
// `MW_SITE_URL=https://example.org/walkthroughs/ npm run build`). Without it
// the URL is root-relative, right only on the demo's own origin.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const site = process.env.MW_SITE_URL;
const base = site ? new URL(site.endsWith('/') ? site : `${site}/`) : undefined;

const TITLES = {
  'skip-connection': 'Skip connection: a ResNet-50 residual block on a photo',
  'bottleneck-block': 'Inside a ResNet-50 bottleneck block',
  'tensor-shape-flow': 'Tensor shapes through ResNet-50 and ViT-B/16',
  'patch-embedding': 'ViT patch embedding: an image becomes 197 tokens',
  'attention-map': 'Where a trained Vision Transformer attends',
  'position-embedding': 'Learned and sinusoidal position embeddings',
  'actor-critic': 'A PPO actor and critic balancing CartPole',
  'gae-advantage': 'Generalised advantage estimation on a real rollout',
  'ppo-clip-plot': "PPO's clipped surrogate objective",
  'twin-critics': "TD3's twin critics and overestimation",
  'target-smoothing': "TD3's target policy smoothing and delayed updates",
  'entropy-temperature': "SAC's entropy bonus and automatic temperature",
  'squashed-gaussian': "SAC's tanh-squashed Gaussian policy",
};

for (const tag of readdirSync(join(dist, 'embed'))) {
  const path = `embed/${tag}/`;
  const src = base ? new URL(path, base).href : `/${path}`;
  const title = TITLES[tag] ?? tag;
  const answer = {
    version: '1.0',
    type: 'rich',
    title: `${title} (Model Walkthroughs)`,
    provider_name: 'Model Walkthroughs',
    ...(base ? { provider_url: base.href } : {}),
    width: 760,
    height: 900,
    html:
      `<iframe src="${src}" width="760" height="900" loading="lazy" ` +
      `style="border:0;max-width:100%" title="${title}"></iframe>`,
  };
  mkdirSync(join(dist, path), { recursive: true });
  writeFileSync(join(dist, path, 'oembed.json'), `${JSON.stringify(answer, null, 2)}\n`);
}
