import '@model-walkthroughs/tensor-shape-flow/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('tensor-shape-flow');
