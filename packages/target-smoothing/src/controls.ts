/** Small pieces of markup and checks the figure's controls share. */
import { html } from 'lit';
import { rodTip } from './pendulum-state.js';

/** A number property and its allowed range: [name, value, [lo, hi, whole?]]. */
export type RangeCheck = [string, number | undefined, [number, number, boolean?]];

/**
 * The message for the first number outside its range (absent ones pass),
 * quoting what the page wrote (`fast`, not the NaN it became).
 */
export function outOfRange(host: Element, checks: RangeCheck[]): string | undefined {
  for (const [name, value, [lo, hi, whole]] of checks) {
    if (value === undefined) continue;
    const ok = Number.isFinite(value) && value >= lo && value <= hi && (!whole || Number.isInteger(value));
    if (ok) continue;
    const written = host.getAttribute(name);
    const shown = written !== null && Object.is(Number(written), value) ? written : String(value);
    return `${name}="${shown}" is not ${whole ? 'a whole number' : 'a number'} from ${lo} to ${hi}.`;
  }
  return undefined;
}

/** A labelled range input that shows its value; `name` goes to data-setting. */
export function slider(
  name: string,
  label: unknown,
  value: number,
  [min, max, step]: [number, number, number],
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

/** The pendulum at `angle` degrees, drawn small beside the controls. */
export function pendulumIcon(angle: number, velocity: number): unknown {
  const [x, y] = rodTip(angle, 28);
  const label = `Pendulum at θ = ${angle.toFixed(0)}° from upright, θ̇ = ${velocity.toFixed(1)} rad/s`;
  return html`
    <svg part="pendulum" viewBox="0 0 56 56" width="56" height="56" role="img" aria-label=${label}>
      <circle cx="28" cy="28" r="26" class="track"></circle>
      <line x1="28" y1="28" x2=${x.toFixed(2)} y2=${y.toFixed(2)} class="rod"></line>
      <circle cx="28" cy="28" r="3" class="pivot"></circle>
    </svg>
  `;
}
