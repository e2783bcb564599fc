/** γ and λ sliders, the episode buttons and the seed field. */
import { html } from 'lit';

export type EpisodeKind = 'pushed' | 'free';

export interface ControlState {
  gamma: number;
  lambda: number;
  episode: EpisodeKind;
  seed: number;
  pushAt: number;
  onSlider(name: 'gamma' | 'lambda', value: number): void;
  onEpisode(kind: EpisodeKind): void;
  onSeed(seed: number): void;
}

export function renderControls(c: ControlState): unknown {
  const slider = (name: 'gamma' | 'lambda', label: string, min: number, value: number) => html`
    <label>
      <span>${label}</span>
      <input
        type="range"
        name=${name}
        min=${min}
        max="1"
        step="0.01"
        .value=${String(value)}
        @input=${(e: Event) => c.onSlider(name, (e.currentTarget as HTMLInputElement).valueAsNumber)}
      />
      <output class="mono">${value.toFixed(2)}</output>
    </label>
  `;
  const kind = (value: EpisodeKind, label: string) => html`
    <button
      type="button"
      data-episode=${value}
      aria-pressed=${c.episode === value ? 'true' : 'false'}
      @click=${() => c.onEpisode(value)}
    >
      ${label}
    </button>
  `;
  const onSeed = (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).valueAsNumber;
    if (Number.isInteger(value) && value >= 0) c.onSeed(value);
  };
  return html`
    <div part="controls">
      ${slider('gamma', 'Discount γ', 0.5, c.gamma)} ${slider('lambda', 'GAE λ', 0, c.lambda)}
      <span role="group" aria-label="Episode">
        ${kind('pushed', `Pushed at step ${c.pushAt}`)} ${kind('free', 'Free')}
      </span>
      <label>
        <span>Seed</span>
        <input
          type="number"
          name="seed"
          min="0"
          step="1"
          .value=${String(c.seed)}
          @change=${onSeed}
        />
      </label>
    </div>
  `;
}
