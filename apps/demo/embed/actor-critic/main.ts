import '@model-walkthroughs/actor-critic/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('actor-critic');
