/** The charts' numbers in words and the bias table, for captions and screen readers. */
import { html } from 'lit';
import { METHODS } from './critic-charts.js';
import type { MeanInterval } from './overestimation.js';
import type { CriticEstimate, Evaluation } from './results.js';

const f = (v: number, digits = 2) => v.toFixed(digits).replace('-', '−');

/** Where the actor points and where each curve peaks. */
export function describeCurves(e: Evaluation): string {
  const peak = (name: string, q: Float32Array, i: number) =>
    `${name} at a = ${f(e.actions[i]!)} (${f(q[i]!)})`;
  return (
    `The actor's action μ(s) = ${f(e.mu)}. Highest values: ` +
    `${peak('Q1', e.q1, e.argmax[0])}, ${peak('Q2', e.q2, e.argmax[1])}, ` +
    `${peak('min(Q1, Q2)', e.min, e.argmax[2])}.`
  );
}

/** The two targets' mean bias in one sentence. */
export function describeBias(
  x: { single: MeanInterval; clipped: MeanInterval },
  sigma: number,
  samples: number,
): string {
  const side = (m: MeanInterval) => `${f(Math.abs(m.mean))} ${m.mean >= 0 ? 'above' : 'below'}`;
  return (
    `Over ${samples} draws with σ = ${f(sigma, 1)}, one critic's target lands on average ` +
    `${side(x.single)} the true maximum; TD3's clipped double-Q target ${side(x.clipped)} it.`
  );
}

/** The last recorded estimates against the measured return. */
export function describeRecord(record: CriticEstimate[]): string {
  const last = record.at(-1);
  if (last === undefined) return 'Recorded during training in models/rl.';
  return (
    `After ${last.envSteps.toLocaleString('en')} environment steps the critics estimate ` +
    `${f(last.q1, 1)} and ${f(last.q2, 1)} (minimum ${f(last.minQ, 1)}) at start states, ` +
    `against a measured discounted return of ${f(last.discountedReturn, 1)} (measured over ` +
    `the 200 steps of an episode; the critics also count what would follow, weighted ` +
    `γ²⁰⁰ ≈ 0.13).`
  );
}

/** Mean bias and 95% interval of both targets, as a table. */
export function biasTable(x: { single: MeanInterval; clipped: MeanInterval }): unknown {
  const row = (name: string, m: MeanInterval) =>
    html`<tr>
      <th scope="row">${name}</th>
      <td class="mono">${f(m.mean, 3)}</td>
      <td class="mono">${f(m.low, 3)} to ${f(m.high, 3)}</td>
    </tr>`;
  return html`<table part="table">
    <thead>
      <tr>
        <th scope="col">Target</th>
        <th scope="col">Mean bias</th>
        <th scope="col">95% interval</th>
      </tr>
    </thead>
    <tbody>
      ${row(METHODS[0]!, x.single)}${row(METHODS[1]!, x.clipped)}
    </tbody>
  </table>`;
}
