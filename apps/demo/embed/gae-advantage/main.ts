import '@model-walkthroughs/gae-advantage/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('gae-advantage');
