import '@model-walkthroughs/patch-embedding/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('patch-embedding');
