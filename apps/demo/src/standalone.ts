// The standalone build's entry: one script that registers every figure,
// for pages with no bundler (`<script type="module" src=".../model-walkthroughs.js">`).
import '@model-walkthroughs/skip-connection/define.js';
import '@model-walkthroughs/bottleneck-block/define.js';
import '@model-walkthroughs/tensor-shape-flow/define.js';
import '@model-walkthroughs/patch-embedding/define.js';
import '@model-walkthroughs/attention-map/define.js';
import '@model-walkthroughs/position-embedding/define.js';
import '@model-walkthroughs/actor-critic/define.js';
import '@model-walkthroughs/gae-advantage/define.js';
import '@model-walkthroughs/ppo-clip-plot/define.js';
import '@model-walkthroughs/twin-critics/define.js';
import '@model-walkthroughs/target-smoothing/define.js';
import '@model-walkthroughs/entropy-temperature/define.js';
import '@model-walkthroughs/squashed-gaussian/define.js';
