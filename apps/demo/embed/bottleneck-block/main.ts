import '@model-walkthroughs/bottleneck-block/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('bottleneck-block');
