/**
 * The figure's words: the formulas, log π worked through for one sample,
 * the samples' mean against E[tanh u], and the actor's output.
 */
import { html, type TemplateResult } from 'lit';
import { expectedTanh, type LogProbParts } from './tanh-gaussian.js';

// Haarnoja et al. 2018: the reparameterisation of Eq. 11, Appendix C's
// Eq. 21, and the density of a by the change of variables.
export const FORMULAS = [
  String.raw`a = \tanh(u),\quad u = \mu + \sigma\,\varepsilon,\quad ` +
    String.raw`\varepsilon \sim \mathcal{N}(0, 1)`,
  String.raw`\log \pi(a \mid s) = \log \mathcal{N}(u;\, \mu, \sigma^2) - ` +
    String.raw`\sum_i \log\!\left(1 - \tanh^2(u_i)\right)`,
  String.raw`p(a) = \frac{\mathcal{N}(\operatorname{atanh} a;\, \mu, \sigma^2)}{1 - a^2}`,
];

/** log π for one sample, step by step, with the Pendulum torque 2a. */
export function renderWorkedSample(eps: number, p: LogProbParts): TemplateResult {
  const f = (x: number) => x.toFixed(4);
  return html`
    <p part="measurement">
      The first sample (dashed line): ε = ${f(eps)}, u = μ + σε = ${f(p.u)}, a = tanh u = ${f(p.a)}.
      log N(u; μ, σ²) = ${f(p.logNormal)}, log(1 − tanh² u) = ${f(p.logJacobian)}, so log π(a) =
      ${f(p.logNormal)} − (${f(p.logJacobian)}) =
      <strong>${f(p.logProb)}</strong>. As a Pendulum torque 2a = ${f(2 * p.a)}, the density spreads
      over twice the range: log π(2a) = log π(a) − log 2 = ${f(p.logProbScaled)}.
    </p>
  `;
}

/** The samples' mean against E[tanh u] and tanh μ, in one sentence. */
export function describeSamples(actions: Float64Array, mu: number, sigma: number): string {
  const mean = actions.reduce((s, a) => s + a, 0) / actions.length;
  return (
    `The mean of the ${actions.length} samples of a is ${mean.toFixed(3)}; E[tanh u] by ` +
    `numeric integration is ${expectedTanh(mu, sigma).toFixed(3)}, while tanh μ = ` +
    `${Math.tanh(mu).toFixed(3)}: squashing pulls the mean toward 0 and piles mass up ` +
    `near ±1 as σ grows.`
  );
}

/** What the actor gave for one state, and its mean torque. */
export function renderActorLine(
  label: string,
  policy: { mu: number; logStd: number; sigma: number },
  scale: number,
): TemplateResult {
  const mean = expectedTanh(policy.mu, policy.sigma);
  // A trained policy often sits against the torque limit: say so.
  const saturated =
    1 - Math.abs(mean) < 0.01
      ? 'Nearly every sample is squashed against the torque limit, where the density of a ' +
        'piles up and log π(a) is large.'
      : '';
  return html`<p class="actor">
    The actor's output for ${label}, θ̇ = 0: mean ${policy.mu.toFixed(3)}, log_std
    ${policy.logStd.toFixed(3)}, so σ = exp(log_std) = ${policy.sigma.toFixed(3)}; its mean torque
    is 2·E[tanh u] = ${(scale * mean).toFixed(3)}. ${saturated}
  </p>`;
}
