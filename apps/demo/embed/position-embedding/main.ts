import '@model-walkthroughs/position-embedding/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('position-embedding');
