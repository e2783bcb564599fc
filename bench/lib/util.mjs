// Small helpers shared by the benchmark modules.
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

/** Rejects with a named error when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, label) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms: ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const gzipCache = new Map();

/** gzip -9 size of a buffer, cached by content (the same .wasm recurs). */
export function gzipSize(buffer) {
  const key = createHash('sha1').update(buffer).digest('hex');
  let size = gzipCache.get(key);
  if (size === undefined) {
    size = gzipSync(buffer, { level: 9 }).length;
    gzipCache.set(key, size);
  }
  return size;
}

/** Nearest-rank percentile of an unsorted list; undefined when empty. */
export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(values) {
  if (values.length === 0) return { count: 0 };
  return {
    count: values.length,
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

export function kb(bytes) {
  if (bytes === undefined || bytes === null) return '–';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function ms(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  return `${value.toFixed(digits)} ms`;
}

export function round(value, digits = 2) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A plain-text table: header row, rule, rows; numbers right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '–')));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const right = header.map((_, i) =>
    rows.every((row) => /^[-–\d.,\s%]*(ms|KB|MB|B|x)?$/.test(String(row[i] ?? '–'))),
  );
  const line = (row) =>
    row.map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)]
    .map((l) => l.trimEnd())
    .join('\n');
}
