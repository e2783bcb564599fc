/** What went wrong, in words a figure can show to a reader. */
export type FigureErrorCode =
  | 'bad-attribute'
  | 'image-decode'
  | 'model-not-found'
  | 'model-invalid'
  | 'model-mismatch'
  | 'data-not-found'
  | 'data-invalid'
  | 'runtime-load'
  | 'inference-failed'
  | 'webgpu-unavailable';

/** An error with a code and a plain-language message for the figure. */
export class FigureError extends Error {
  readonly code: FigureErrorCode;

  constructor(code: FigureErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FigureError';
    this.code = code;
  }
}

/** Wraps anything thrown into a FigureError, keeping known ones as they are. */
export function toFigureError(error: unknown, fallback: FigureErrorCode): FigureError {
  if (error instanceof FigureError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new FigureError(fallback, detail, { cause: error });
}
