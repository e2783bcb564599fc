/**
 * Markup and checks the TD3 figures share: range checks with readable
 * messages, labelled sliders, the state presets and a chart's box.
 */
import { html, nothing } from 'lit';
import { MAX_SPEED, PRESETS, rodTip, type Preset } from './pendulum-state.js';

/** A number property and its allowed range: [name, value, [lo, hi, whole?]]. */
export type RangeCheck = [string, number | undefined, [number, number, boolean?]];

/**
 * The message for the first number outside its range (absent ones pass),
 * quoting what the page wrote (`fast`, not the NaN it became).
 */
export function outOfRange(host: Element, checks: RangeCheck[]): string | undefined {
  for (const [name, value, [lo, hi, whole]] of checks) {
    if (value === undefined) continue;
    const ok = Number.isFinite(value) && value >= lo && value <= hi;
    if (ok && (!whole || Number.isInteger(value))) continue;
    const written = host.getAttribute(name);
    const shown = written !== null && Object.is(Number(written), value) ? written : String(value);
    const kind = whole ? 'a whole number' : 'a number';
    return `${name}="${shown}" is not ${kind} from ${lo} to ${hi}.`;
  }
  return undefined;
}

/** A labelled range input that shows its value; `name` goes to data-setting. */
export function slider(
  name: string,
  label: string,
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

/** The drawing of the state, the preset buttons (then `extra`) and the two state sliders. */
export function stateControls(
  angle: number,
  velocity: number,
  onPreset: (event: Event) => void,
  onSlide: (event: Event) => void,
  extra: unknown = nothing,
): unknown {
  const [x, y] = rodTip(angle, 28);
  const degrees = `${angle.toFixed(0).replace('-', '−')}°`;
  const speed = `${velocity.toFixed(1).replace('-', '−')} rad/s`;
  const label = `Pendulum at θ = ${degrees} from upright, θ̇ = ${speed}`;
  const preset = (name: Preset) => {
    const p = PRESETS[name];
    const on = p.angle === angle && p.velocity === velocity;
    return html`<button type="button" data-preset=${name} aria-pressed=${on} @click=${onPreset}>
      ${p.label}
    </button>`;
  };
  return html`
    <svg part="pendulum" viewBox="0 0 56 56" width="56" height="56" role="img" aria-label=${label}>
      <circle cx="28" cy="28" r="26" class="track"></circle>
      <line x1="28" y1="28" x2=${x.toFixed(2)} y2=${y.toFixed(2)} class="rod"></line>
      <circle cx="28" cy="28" r="3" class="pivot"></circle>
    </svg>
    ${(Object.keys(PRESETS) as Preset[]).map(preset)} ${extra}
    ${slider('angle', 'Angle θ', angle, [-180, 180, 1], degrees, onSlide)}
    ${slider('velocity', 'Velocity θ̇', velocity, [-MAX_SPEED, MAX_SPEED, 0.1], speed, onSlide)}
  `;
}

/** The box a chart is drawn into, named by its heading and described by its caption. */
export function chartBox(name: string): unknown {
  return html`<div
    part="chart"
    data-chart=${name}
    role="group"
    aria-labelledby=${`${name}-title`}
    aria-describedby=${`${name}-caption`}
  ></div>`;
}
