import '@model-walkthroughs/actor-critic/define.js';
import '@model-walkthroughs/gae-advantage/define.js';
import '@model-walkthroughs/ppo-clip-plot/define.js';
