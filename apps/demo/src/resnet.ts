import '@model-walkthroughs/skip-connection/define.js';
import '@model-walkthroughs/bottleneck-block/define.js';
import '@model-walkthroughs/tensor-shape-flow/define.js';
import { bindImagePicker } from './image-picker.js';

bindImagePicker(
  document.querySelector('.picker')!,
  'skip-connection, bottleneck-block, tensor-shape-flow',
);
