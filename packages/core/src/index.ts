export { DEV_MODE, warnOnce } from './dev-mode.js';
export { defineElement, type VersionedElement } from './define.js';
export { FigureError, toFigureError, type FigureErrorCode } from './errors.js';
export { FigureErrorEvent, FigureReadyEvent } from './events.js';
export {
  WalkthroughFigure,
  badValue,
  type FigureStatus,
  type FigureTimings,
  type RunContext,
} from './figure.js';
export { figureStyles } from './figure.styles.js';
export { themeColors, themeStyles } from './theme.js';
export {
  BACKEND_CHOICES,
  acquireSession,
  configureRuntime,
  hasWebGpuAdapter,
  webGpuAdapter,
  type AdapterReport,
  loadRuntime,
  openSessionCount,
  resolveBackend,
  type BackendChoice,
  type ModelContract,
  type PlainTensor,
  type ResolvedBackend,
  type RunResult,
  type RuntimeOptions,
  type SessionHandle,
} from './runtime.js';
export {
  IMAGENET_MEAN,
  IMAGENET_STD,
  imageToTensor,
  loadPixels,
  resizeBilinear,
  resizeToFloat,
  type Pixels,
} from './image.js';
export {
  add,
  channelEnergy,
  distance,
  goldenInput,
  linspace,
  numel,
  slice0,
  tensorStats,
  topK,
  type TensorStats,
} from './tensor.js';
export { colormap, colormapGradient, type ColormapName } from './colormap.js';
export { channelRange, drawFeatureTiles, drawRgb, type TileOptions } from './feature-tiles.js';
export { renderChart, type Chart, type ChartSpec } from './charts.js';
export { ChartSlot, coalesce, replaceChart } from './chart-redraw.js';
export { fetchJson } from './fetch-json.js';
export { gridMove } from './grid-keys.js';
export { chartBox, outOfRange, slider, type RangeCheck } from './controls.js';
export { mathml } from './math.js';
export { isFolder, sliceUrl, userModelNote } from './model-source.js';
export { snapshotPng, snapshotSvg } from './snapshot.js';
