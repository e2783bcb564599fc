import '@model-walkthroughs/entropy-temperature/define.js';
import '@model-walkthroughs/squashed-gaussian/define.js';
