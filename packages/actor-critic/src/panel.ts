/** What the networks say about the state shown: π as two bars, V and its history. */
import { html } from 'lit';
import { sparkline, valueRange } from './sparkline.js';

/** One state of the episode and what the actor and critic say about it. */
export interface Frame {
  /** The episode's seed: its start state and its action draws. */
  seed: number;
  /** [x, ẋ, θ, θ̇] in float64. */
  state: Float64Array;
  /** π(left | s), π(right | s) for this state. */
  probs: [number, number];
  /** V(s) for this state. */
  value: number;
  /** V(s₀), V(s₁), … up to this state. */
  values: number[];
  /** Steps taken so far. */
  steps: number;
  /** Return so far: the sum of rewards (1 per step). */
  ret: number;
  /** The action that led here (none at the start). */
  action?: 0 | 1;
  /** The reader's push waiting for the next step, in newtons. */
  push: number;
  /** Why the episode ended, if it did. */
  end?: 'pole' | 'track' | 'time';
}

const ENDS = {
  pole: 'The pole leaned past 12°: the episode terminated.',
  track: 'The cart left the track: the episode terminated.',
  time: 'Still up after 500 steps: the episode was truncated.',
};

/** Two bars, the value now and over the episode, and the episode's counters. */
export function renderPanel(frame: Frame, maxSteps: number): unknown {
  const bar = (i: 0 | 1, label: string) => html`
    <div class="bar-row" ?data-chosen=${frame.action === i && frame.steps > 0}>
      <span>${label}</span>
      <span class="bar" aria-hidden="true"
        ><span style="width:${(frame.probs[i] * 100).toFixed(1)}%"></span
      ></span>
      <span class="mono">${frame.probs[i].toFixed(3)}</span>
    </div>
  `;
  const [lo, hi] = valueRange(frame.values);
  return html`
    <div class="readouts">
      <div part="policy" role="group" aria-label="Actor: action probabilities">
        <h4>Actor π(a | s)</h4>
        ${bar(0, '← left')} ${bar(1, 'right →')}
      </div>
      <div part="value" role="group" aria-label="Critic: value estimate">
        <h4>Critic V(s) = <span class="mono" data-value>${frame.value.toFixed(2)}</span></h4>
        <div class="spark">
          <span class="mono range"><span>${hi}</span><span>${lo}</span></span>
          ${sparkline(frame.values, maxSteps)}
        </div>
        <p class="hint">V over this episode, step 0 to ${maxSteps}.</p>
      </div>
    </div>
    <p part="episode">
      Step <strong class="mono" data-steps>${frame.steps}</strong> · return so far
      <strong class="mono" data-return>${frame.ret}</strong> · episode seed
      <span class="mono">${frame.seed}</span>
      ${frame.push !== 0 ? html` · <span class="pushing">push ${frame.push < 0 ? '←' : '→'} ${Math.abs(frame.push)} N</span>` : ''}
    </p>
    <p class="end" role="status">${frame.end ? `${ENDS[frame.end]} Return ${frame.ret}.` : ''}</p>
  `;
}
