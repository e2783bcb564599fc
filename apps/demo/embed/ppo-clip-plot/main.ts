import '@model-walkthroughs/ppo-clip-plot/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('ppo-clip-plot');
