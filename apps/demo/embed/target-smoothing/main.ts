import '@model-walkthroughs/target-smoothing/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('target-smoothing');
