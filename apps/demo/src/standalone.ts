// The standalone build's entry: one script that registers every figure,
// for pages with no bundler (`<script type="module" src=".../model-walkthroughs.js">`).
import '@model-walkthroughs/skip-connection/define.js';
import '@model-walkthroughs/bottleneck-block/define.js';
import '@model-walkthroughs/tensor-shape-flow/define.js';
