/** One time step with its numbers, δₜ written out with them. */
import { html } from 'lit';
import type { Estimates } from './gae.js';
import type { Rollout } from './rollout.js';

/** A signed number with a real minus sign. */
export function signed(v: number, digits: number): string {
  const s = v.toFixed(digits);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** The rows for step t: rₜ, V(sₜ), V(sₜ₊₁), doneₜ, δₜ in full, Âₜ, Gₜ − V(sₜ). */
export function renderStep(
  run: Rollout,
  values: Float64Array,
  e: Estimates,
  t: number,
  gamma: number,
): unknown {
  const done = run.dones[t]!;
  const [r, v, vNext] = [run.rewards[t]!, values[t]!, values[t + 1]!];
  const action = run.actions[t] === 1 ? 'right' : 'left';
  const push = run.pushes[t]!;
  const next = done
    ? html`${signed(vNext, 2)} <span class="muted">(not used: the episode ended)</span>`
    : signed(vNext, 2);
  return html`
    <table>
      <caption>
        Step t = ${t}: the agent pushed ${action}${push ? ` and the reader ${push} N more` : ''}.
      </caption>
      <tbody>
        <tr>
          <th scope="row">rₜ</th>
          <td>${r}</td>
        </tr>
        <tr>
          <th scope="row">V(sₜ)</th>
          <td>${signed(v, 2)}</td>
        </tr>
        <tr>
          <th scope="row">V(sₜ₊₁)</th>
          <td>${next}</td>
        </tr>
        <tr>
          <th scope="row">doneₜ</th>
          <td>${done}</td>
        </tr>
        <tr>
          <th scope="row">δₜ</th>
          <td data-delta>
            ${r} + ${gamma.toFixed(2)} × ${signed(vNext, 2)} × (1 − ${done}) − ${signed(v, 2)} =
            <strong>${signed(e.deltas[t]!, 3)}</strong>
          </td>
        </tr>
        <tr>
          <th scope="row">Âₜ</th>
          <td data-advantage><strong>${signed(e.advantages[t]!, 3)}</strong></td>
        </tr>
        <tr>
          <th scope="row">Gₜ − V(sₜ)</th>
          <td>${signed(e.returns[t]! - v, 3)}</td>
        </tr>
      </tbody>
    </table>
  `;
}
