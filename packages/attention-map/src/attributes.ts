/**
 * Attribute parsing and checks. Layer, head and query are numbers or a
 * keyword; a value that is neither is kept as written, so the message can
 * quote it back to the author.
 */
import { badValue } from '@model-walkthroughs/core';

export const MODES = ['layer', 'rollout'] as const;
export type Mode = (typeof MODES)[number];

/** Integers become numbers; anything else stays the string it was. */
export const intOrKeyword = {
  fromAttribute: (v: string | null): unknown =>
    v === null ? undefined : /^\s*-?\d+\s*$/.test(v) ? Number(v) : v,
  toAttribute: (v: unknown): string | null => (v == null ? null : String(v)),
};

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const isInt = (v: unknown, lo: number, hi: number): v is number =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

export interface ViewAttributes {
  layer?: unknown;
  head: unknown;
  query: unknown;
  mode: unknown;
}

/** What the model allows, once known: layers, heads and patches. */
export interface Limits {
  depth: number;
  heads: number;
  patches: number;
}

/**
 * The first bad value among layer, head, query and mode. The form is
 * checked at once; the ranges once `limits` are known, from the manifest.
 */
export function viewProblem(a: ViewAttributes, limits?: Limits): string | undefined {
  const { depth, heads, patches } = limits ?? { depth: 1e9, heads: 1e9, patches: 1e9 };
  const q = `"${String(a.query)}"`;
  if (!MODES.includes(a.mode as Mode)) return badValue('mode', a.mode, MODES);
  if (a.layer !== undefined && !Number.isInteger(a.layer)) {
    return `layer="${String(a.layer)}" is not a layer number (1, 2, …).`;
  }
  if (limits && a.layer !== undefined && !isInt(a.layer, 1, depth)) {
    return badValue('layer', a.layer, range(1, depth));
  }
  if (a.head !== 'mean' && !Number.isInteger(a.head)) {
    return `head="${String(a.head)}" is not "mean" or a head number (1, 2, …).`;
  }
  if (limits && a.head !== 'mean' && !isInt(a.head, 1, heads)) {
    return badValue('head', a.head, ['mean', ...range(1, heads)]);
  }
  if (a.query !== 'cls' && !isInt(a.query, 0, patches - 1)) {
    const to = limits ? ` 0–${patches - 1}` : '';
    return `query=${q} is not "cls" or a patch index${to}.`;
  }
  return undefined;
}

/** Index of a scene given by index or name; -1 when it names none. */
export function sceneIndex(scene: unknown, names: readonly string[]): number {
  if (Number.isInteger(scene)) return isInt(scene, 0, names.length - 1) ? scene : -1;
  return names.indexOf(String(scene));
}

export function sceneProblem(scene: unknown, names: readonly string[]): string | undefined {
  if (sceneIndex(scene, names) >= 0) return undefined;
  const list = names.map((n) => `"${n}"`).join(', ');
  return `scene="${String(scene)}" is not an index 0–${names.length - 1} or one of ${list}.`;
}
