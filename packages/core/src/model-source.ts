/**
 * Where a figure finds each model it runs. A figure's `src` is either one
 * file, the reader's export of the figure's main slice, or a folder (ending
 * in `/`) holding exports named like the built-in slices
 * (`resnet50-stem.onnx`, `bottleneck-projection.onnx`, …), as
 * models/export_user_resnet.py writes them. With a folder every slice on
 * the path comes from the reader's model, so trained features are never
 * fed into seeded layers.
 */
export function sliceUrl(src: string, name: string, builtIn: string, main = false): string {
  if (!src) return builtIn;
  if (isFolder(src)) return new URL(`${name}.onnx`, new URL(src, document.baseURI)).href;
  return main ? src : builtIn;
}

/** Whether `src` names a folder of slices rather than one file. */
export function isFolder(src: string): boolean {
  return src.endsWith('/');
}

/** The status-line sentence for a figure that runs the reader's model. */
export function userModelNote(src: string, seededParts: string): string {
  if (isFolder(src)) return `Your models from ${src}.`;
  return `Your model at ${src}. ${seededParts}`;
}
