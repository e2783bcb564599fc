/**
 * Dev-mode switch. The production build defines `__MW_DEV__` as `false`, so
 * the minifier folds every `if (DEV_MODE)` branch and the warning helper
 * away; unbundled and development builds keep them.
 */
declare const __MW_DEV__: boolean | undefined;

export const DEV_MODE: boolean = typeof __MW_DEV__ === 'undefined' ? true : __MW_DEV__;

const warned = new Set<string>();

// Every code has a section in docs/warnings.md of the project repository.
const DOCS = 'docs/warnings.md';

/**
 * Warns once per code and element, with a link that explains what to do.
 * The only console call in shipped code; absent from production builds.
 */
export function warnOnce(code: string, tag: string, message: string): void {
  if (!DEV_MODE) return;
  const key = `${code}:${tag}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`<${tag}> [${code}] ${message}\nSee ${DOCS}#${code}`);
}
