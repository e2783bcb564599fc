/**
 * Perceptual colour maps as 256-entry RGB lookup tables, interpolated in
 * linear light between published anchor colours: viridis (sequential, van
 * der Walt and Smith 2015) for magnitudes, a blue-grey-red diverging map
 * (Moreland 2009) for signed values centred on zero.
 */
export type ColormapName = 'viridis' | 'diverging' | 'grey';

const ANCHORS: Record<ColormapName, readonly string[]> = {
  viridis: [
    '#440154',
    '#482878',
    '#3e4989',
    '#31688e',
    '#26828e',
    '#1f9e89',
    '#35b779',
    '#6ece58',
    '#b5de2b',
    '#fde725',
  ],
  diverging: ['#3b4cc0', '#7b9ff9', '#c0d4f5', '#dddddd', '#f2cbb7', '#ee8468', '#b40426'],
  grey: ['#000000', '#ffffff'],
};

const tables = new Map<ColormapName, Uint8Array>();

function toLinear(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function toSrgb(v: number): number {
  const c = v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055;
  return Math.round(Math.min(1, Math.max(0, c)) * 255);
}

function parse(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [toLinear((n >> 16) & 255), toLinear((n >> 8) & 255), toLinear(n & 255)];
}

/** The 256 × RGB table for a colour map, built on first use. */
export function colormap(name: ColormapName): Uint8Array {
  let table = tables.get(name);
  if (table) return table;

  const anchors = ANCHORS[name].map(parse);
  table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (anchors.length - 1);
    const k = Math.min(Math.floor(t), anchors.length - 2);
    const f = t - k;
    for (let c = 0; c < 3; c++) {
      table[i * 3 + c] = toSrgb(anchors[k]![c]! * (1 - f) + anchors[k + 1]![c]! * f);
    }
  }
  tables.set(name, table);
  return table;
}

/** CSS gradient of a colour map, for legends. */
export function colormapGradient(name: ColormapName): string {
  const table = colormap(name);
  const stops = [0, 64, 128, 191, 255].map(
    (i) => `rgb(${table[i * 3]} ${table[i * 3 + 1]} ${table[i * 3 + 2]})`,
  );
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
