import '@model-walkthroughs/twin-critics/define.js';
import '@model-walkthroughs/target-smoothing/define.js';
