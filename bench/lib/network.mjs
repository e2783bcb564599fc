// Recording what a page downloads, and sorting it into the benchmark's
// categories by the chunk names apps/demo/vite.config.ts gives them.
import { gzipSize } from './util.mjs';

export const CATEGORIES = ['own', 'shared', 'runtime', 'charts', 'model', 'images', 'page', 'other'];

/** Which category a URL belongs to, for the figure `tag` being measured. */
export function categorize(url, tag) {
  const path = new URL(url).pathname;
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (/\.wasm$/.test(file) || /^runtime-.*\.js$/.test(file) || /^ort[.-].*\.m?js$/.test(file)) {
    return 'runtime';
  }
  if (/^(vega|temml)-.*\.js$/.test(file)) return 'charts';
  if (/\.onnx$/.test(file)) return 'model';
  if (/\.(png|jpe?g|webp|avif|gif|svg)$/i.test(file)) return 'images';
  if (tag && file.startsWith(`figure-${tag}-`)) return 'own';
  // Data-only packages (slice and sample URL maps) are shared like core.
  if (/^(core|figure-(slices-resnet|slices-vit|slices-rl|environments|samples))-.*\.js$/.test(file)) return 'shared';
  if (/^figure-.*\.js$/.test(file)) return 'other';
  if (/\.(html|css)$/.test(file) || path.endsWith('/') || /\.m?js$/.test(file)) return 'page';
  return 'other';
}

const TEXT = /\.(m?js|css|html|json|svg)$|\/$/;

/**
 * Listens to a page's responses. `entries()` waits for every body and
 * returns { url, status, bytes (body length), gzip (text and .wasm only),
 * contentLength (header) }.
 */
export function recordResponses(page) {
  const pending = [];
  const failed = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith('http')) return;
    const status = response.status();
    if (status >= 300 && status < 400) return; // redirects carry no body
    if (status >= 400) failed.push({ url, status });
    pending.push(
      response.buffer().then(
        (body) => {
          const contentLength = Number(response.headers()['content-length'] ?? NaN);
          // Chromium sometimes has no body to hand back for a fetch() whose
          // body the page already consumed as a blob; the header still
          // says how many bytes came (the server sends no compression).
          const missing = body.length === 0 && contentLength > 0;
          return {
            url,
            status,
            bytes: missing ? contentLength : body.length,
            gzip:
              !missing && (TEXT.test(new URL(url).pathname) || /\.wasm$/.test(url))
                ? gzipSize(body)
                : undefined,
            contentLength,
            ...(missing ? { bodyMissing: true } : {}),
          };
        },
        () => ({
          url,
          status,
          bytes: Number(response.headers()['content-length'] ?? 0),
          bodyMissing: true,
        }),
      ),
    );
  });
  page.on('requestfailed', (request) => failed.push({ url: request.url(), error: request.failure()?.errorText }));
  return {
    failed,
    requests: () => pending.length,
    entries: () => Promise.all(pending),
  };
}

/** Sums entries per category: bytes, and gzip where it was computed. */
export function byCategory(entries, tag) {
  const sums = Object.fromEntries(CATEGORIES.map((c) => [c, { bytes: 0, gzip: 0, files: [] }]));
  for (const entry of entries) {
    if (entry.status >= 400) continue; // a 404 page is not part of the figure
    const category = categorize(entry.url, tag);
    const sum = sums[category];
    sum.bytes += entry.bytes;
    sum.gzip += entry.gzip ?? entry.bytes; // binary images and models: as is
    sum.files.push(new URL(entry.url).pathname);
  }
  return sums;
}
