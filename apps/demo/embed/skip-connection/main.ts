import '@model-walkthroughs/skip-connection/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('skip-connection');
