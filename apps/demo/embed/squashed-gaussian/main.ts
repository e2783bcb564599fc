import '@model-walkthroughs/squashed-gaussian/define.js';
import { mountEmbed } from '../../src/embed.js';

mountEmbed('squashed-gaussian');
