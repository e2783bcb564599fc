/** V(sₜ) over the episode as a small SVG line, with its scale. */
import { svg, type SVGTemplateResult } from 'lit';

const WIDTH = 500;
const HEIGHT = 60;

/**
 * The y-range shown: from min(0, values) to a tenth above max(values),
 * rounded to 10, so a value that sits near its ceiling (V ≈ 50 while the
 * pole is safe) does not run along the top edge.
 */
export function valueRange(values: readonly number[]): [number, number] {
  let lo = 0;
  let hi = 10;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [Math.floor(lo / 10) * 10, Math.ceil((hi * 1.1) / 10) * 10];
}

/** The polyline's points: step i at x = i / maxSteps of the width. */
export function sparkPoints(
  values: readonly number[],
  maxSteps: number,
  [lo, hi]: [number, number],
): string {
  const dx = WIDTH / maxSteps;
  const dy = HEIGHT / (hi - lo);
  return values
    .map((v, i) => `${(i * dx).toFixed(1)},${(HEIGHT - (v - lo) * dy).toFixed(1)}`)
    .join(' ');
}

/** The sparkline: decorative, since the numbers beside it say the same. */
export function sparkline(values: readonly number[], maxSteps: number): SVGTemplateResult {
  const range = valueRange(values);
  const zero = HEIGHT - ((0 - range[0]) * HEIGHT) / (range[1] - range[0]);
  return svg`
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true">
      <line class="axis" x1="0" x2=${WIDTH} y1=${zero} y2=${zero}></line>
      <polyline points=${sparkPoints(values, maxSteps, range)}></polyline>
    </svg>
  `;
}
