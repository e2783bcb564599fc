import '@model-walkthroughs/attention-map/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('attention-map');
