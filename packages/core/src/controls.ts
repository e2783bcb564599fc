/**
 * Checks and markup for number settings: a range check with a readable
 * message, a labelled slider that shows its value, and a chart's box.
 */
import { html } from 'lit';

/** A number property and its allowed range: [name, value, [lo, hi, whole?]]. */
export type RangeCheck = [string, number | null | undefined, readonly [number, number, boolean?]];

/**
 * The message for the first number outside its range (absent ones, null or
 * undefined, pass), quoting what the page wrote (`fast`, not the NaN it became).
 */
export function outOfRange(host: Element, checks: readonly RangeCheck[]): string | undefined {
  for (const [name, value, [lo, hi, whole]] of checks) {
    if (value === undefined || value === null) continue;
    const ok = Number.isFinite(value) && value >= lo && value <= hi;
    if (ok && (!whole || Number.isInteger(value))) continue;
    const written = host.getAttribute(name);
    const shown = written !== null && Object.is(Number(written), value) ? written : String(value);
    const kind = whole ? 'a whole number' : 'a number';
    return `${name}="${shown}" is not ${kind} from ${lo} to ${hi}.`;
  }
  return undefined;
}

/**
 * A labelled range input (in `label.slider`) that shows its value in an
 * `<output>` and as aria-valuetext; `name` goes to data-setting.
 */
export function slider(
  name: string,
  label: string,
  value: number,
  [min, max, step]: readonly [number, number, number],
  shown: string,
  onInput: (event: Event) => void,
): unknown {
  return html`
    <label class="slider">
      <span>${label}</span>
      <input
        type="range"
        data-setting=${name}
        min=${min}
        max=${max}
        step=${step}
        .value=${String(value)}
        aria-valuetext=${shown}
        @input=${onInput}
      />
      <output class="mono">${shown}</output>
    </label>
  `;
}

/** The box a chart is drawn into, named by `${name}-title` and described by `${name}-caption`. */
export function chartBox(name: string): unknown {
  return html`<div
    part="chart"
    data-chart=${name}
    role="group"
    aria-labelledby=${`${name}-title`}
    aria-describedby=${`${name}-caption`}
  ></div>`;
}
