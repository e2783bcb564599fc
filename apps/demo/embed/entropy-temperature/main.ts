import '@model-walkthroughs/entropy-temperature/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('entropy-temperature');
