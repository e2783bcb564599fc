/**
 * The pendulum state controls the TD3 figures share: a drawing of the
 * state, the preset buttons and the angle and velocity sliders.
 */
import { slider } from '@model-walkthroughs/core';
import { html, nothing } from 'lit';
import { MAX_SPEED, PRESETS, rodTip, type Preset } from './pendulum-state.js';

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
