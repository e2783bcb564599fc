/**
 * Images in, tensors out. Resizing is plain bilinear with half-pixel
 * centres and no antialiasing, the same arithmetic as PyTorch's
 * `F.interpolate(mode='bilinear', align_corners=False)`, so golden values
 * computed in models/ hold in the browser.
 */
import { FigureError } from './errors.js';
import type { PlainTensor } from './runtime.js';

/** Decoded RGBA pixels at the image's own size. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** ImageNet channel means and standard deviations (torchvision's). */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** Fetches and decodes an image from a URL, a Blob or a File. */
export async function loadPixels(source: string | Blob): Promise<Pixels> {
  const name = typeof source === 'string' ? source : 'the chosen file';
  let blob: Blob;
  if (typeof source === 'string') {
    let response: Response;
    try {
      response = await fetch(source);
    } catch (error) {
      throw new FigureError('image-decode', `The image ${name} could not be fetched.`, {
        cause: error,
      });
    }
    if (!response.ok) {
      throw new FigureError(
        'image-decode',
        `The image ${name} could not be loaded (HTTP ${response.status}).`,
      );
    }
    blob = await response.blob();
  } else {
    blob = source;
  }

  let bitmap: ImageBitmap;
  try {
    // No colour-space conversion: the pixel values must be the file's own.
    bitmap = await createImageBitmap(blob, {
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
    });
  } catch (error) {
    throw new FigureError(
      'image-decode',
      `${capitalise(name)} is not an image the browser can decode.`,
      {
        cause: error,
      },
    );
  }

  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null)
    throw new FigureError('image-decode', 'This browser cannot read image pixels.');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Bilinear resize of RGBA pixels to width × height, half-pixel centres. */
export function resizeBilinear(src: Pixels, width: number, height: number): Pixels {
  const out = new Uint8ClampedArray(width * height * 4);
  const float = resizeToFloat(src, width, height);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(float[c * width * height + i]! * 255);
    out[i * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

/**
 * Resizes to width × height and returns planar RGB floats in 0..1
 * (CHW order), computed from the 8-bit values divided by 255.
 */
export function resizeToFloat(src: Pixels, width: number, height: number): Float32Array {
  const out = new Float32Array(3 * width * height);
  const plane = width * height;
  const sx = src.width / width;
  const sy = src.height / height;

  for (let y = 0; y < height; y++) {
    const fy = Math.max((y + 0.5) * sy - 0.5, 0);
    const y0 = Math.min(Math.floor(fy), src.height - 1);
    const y1 = Math.min(y0 + 1, src.height - 1);
    const wy = fy - y0;

    for (let x = 0; x < width; x++) {
      const fx = Math.max((x + 0.5) * sx - 0.5, 0);
      const x0 = Math.min(Math.floor(fx), src.width - 1);
      const x1 = Math.min(x0 + 1, src.width - 1);
      const wx = fx - x0;

      for (let c = 0; c < 3; c++) {
        const p00 = src.data[(y0 * src.width + x0) * 4 + c]! / 255;
        const p01 = src.data[(y0 * src.width + x1) * 4 + c]! / 255;
        const p10 = src.data[(y1 * src.width + x0) * 4 + c]! / 255;
        const p11 = src.data[(y1 * src.width + x1) * 4 + c]! / 255;
        const top = p00 * (1 - wx) + p01 * wx;
        const bottom = p10 * (1 - wx) + p11 * wx;
        out[c * plane + y * width + x] = top * (1 - wy) + bottom * wy;
      }
    }
  }
  return out;
}

/**
 * The image as a [1, 3, size, size] tensor, resized and normalised with
 * the ImageNet statistics, ready for a torchvision-style model.
 */
export function imageToTensor(
  src: Pixels,
  size = 224,
  mean: readonly number[] = IMAGENET_MEAN,
  std: readonly number[] = IMAGENET_STD,
): PlainTensor {
  const data = resizeToFloat(src, size, size);
  const plane = size * size;
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < plane; i++) {
      data[c * plane + i] = (data[c * plane + i]! - mean[c]!) / std[c]!;
    }
  }
  return { data, dims: [1, 3, size, size] };
}
