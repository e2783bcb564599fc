import '@model-walkthroughs/patch-embedding/define.js';
import '@model-walkthroughs/tensor-shape-flow/define.js';
import '@model-walkthroughs/attention-map/define.js';
import '@model-walkthroughs/position-embedding/define.js';
import { bindImagePicker } from './image-picker.js';
import { mountDataSizeChart } from './data-size-chart.js';

bindImagePicker(document.querySelector('.picker')!, 'patch-embedding');
mountDataSizeChart(document.querySelector('#data-size')!);
