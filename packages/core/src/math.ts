/**
 * Formulas as MathML, which browsers render inside shadow roots without
 * web fonts and screen readers read as mathematics. temml is loaded on
 * first use and the results are cached.
 */
const cache = new Map<string, Promise<string>>();

/** Converts a TeX formula to a MathML string. */
export function mathml(tex: string, display = false): Promise<string> {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = import('temml').then(({ default: temml }) =>
      temml.renderToString(tex, { displayMode: display, throwOnError: false }),
    );
    cache.set(key, result);
  }
  return result;
}
