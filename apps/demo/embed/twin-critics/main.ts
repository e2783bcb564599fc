import '@model-walkthroughs/twin-critics/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('twin-critics');
