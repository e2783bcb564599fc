/**
 * Vega-Lite specs: L^CLIP against r for one sign of the advantage, with the
 * flat region shaded and a real minibatch on the curve; and the clip
 * fraction the training loop logged, per iteration.
 */
import type { ChartSpec } from '@model-walkthroughs/core';
import { clipObjective, flatRegion, isZeroGradient, type RatioSample } from './clip-objective.js';
import type { PpoIteration } from './training-log.js';

/** The ratios plotted (ε up to 0.5 fits); a sample beyond is drawn at the edge. */
export const R_RANGE = [0.4, 1.6] as const;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const ZERO = 'zero (clip binds)';
const HEIGHT = 170;
const LIVE = 'non-zero';

/** Colours the chart takes from the figure's theme. */
export interface PanelColors {
  fg: string;
  accent: string;
  skip: string;
  muted: string;
}

/** One panel: Â = +1 (sign 1) or Â = −1 (sign −1). */
export function panelSpec(
  sign: 1 | -1,
  epsilon: number,
  samples: readonly RatioSample[],
  colors: PanelColors,
  caption: string,
): ChartSpec {
  const rs = new Set<number>([1 - epsilon, 1 + epsilon]);
  const [r0, r1] = R_RANGE;
  for (let i = 0; i <= 200; i++) rs.add(r0 + ((r1 - r0) * i) / 200);
  const curve = [...rs]
    .sort((a, b) => a - b)
    .map((r) => ({ r, clip: clipObjective(r, sign, epsilon), plain: r * sign }));

  const points = samples
    .filter((s) => Math.sign(s.advantage) === sign)
    .map((s) => {
      const r = Math.min(Math.max(s.ratio, r0), r1);
      return {
        r,
        y: clipObjective(r, sign, epsilon),
        gradient: isZeroGradient(s.ratio, s.advantage, epsilon) ? ZERO : LIVE,
      };
    });

  const GRADIENT = {
    field: 'gradient',
    type: 'nominal',
    title: 'gradient',
    scale: { domain: [LIVE, ZERO], range: [colors.accent, colors.skip] },
    legend: { orient: 'bottom' },
  };
  const [lo, hi] = flatRegion(sign, epsilon).map((x) => Math.min(Math.max(x, r0), r1));
  const x = {
    field: 'r',
    type: 'quantitative',
    scale: { domain: [r0, r1] },
    title: 'probability ratio r',
  };

  return {
    $schema: SCHEMA,
    description: caption,
    height: HEIGHT,
    layer: [
      {
        data: { values: [{ lo, hi }] },
        mark: { type: 'rect', color: colors.muted, opacity: 0.16, aria: false },
        encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
      },
      {
        data: { values: [{ r: 1 - epsilon }, { r: 1 + epsilon }] },
        mark: { type: 'rule', color: colors.muted, strokeDash: [3, 3], aria: false },
        encoding: { x },
      },
      {
        data: { values: curve },
        mark: { type: 'line', color: colors.muted, strokeDash: [5, 4], aria: false },
        encoding: { x, y: { field: 'plain', type: 'quantitative' } },
      },
      {
        data: { values: curve },
        mark: { type: 'line', color: colors.fg, strokeWidth: 2.5, aria: false },
        encoding: {
          x,
          y: {
            field: 'clip',
            type: 'quantitative',
            title: `clipped objective L with Â = ${sign > 0 ? '+1' : '−1'}`,
          },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 26, opacity: 0.6, aria: false },
        encoding: { x, y: { field: 'y', type: 'quantitative' }, color: GRADIENT },
      },
      {
        // A rug along the bottom shows where the ratios bunch up.
        data: { values: points },
        mark: {
          type: 'tick',
          orient: 'vertical',
          thickness: 1,
          size: 10,
          opacity: 0.5,
          aria: false,
        },
        encoding: { x, y: { value: HEIGHT - 5 }, color: GRADIENT },
      },
    ],
  };
}

/** The logged clip fraction per iteration; the plotted batch's iteration marked. */
export function historySpec(
  iterations: readonly PpoIteration[],
  batchIteration: number,
  color: string,
  caption: string,
): ChartSpec {
  const values = iterations.map((it) => ({
    envSteps: it.envSteps,
    clipFraction: it.clipFraction,
    batch: it.iteration === batchIteration,
  }));
  const x = { field: 'envSteps', type: 'quantitative', title: 'environment steps' };
  const y = {
    field: 'clipFraction',
    type: 'quantitative',
    axis: { format: '.1~%' },
    title: 'clip fraction',
  };
  return {
    $schema: SCHEMA,
    description: caption,
    height: 110,
    data: { values },
    layer: [
      { mark: { type: 'line', aria: false }, encoding: { x, y } },
      {
        transform: [{ filter: 'datum.batch' }],
        mark: { type: 'point', filled: true, size: 60, aria: false },
        encoding: { x, y, color: { value: color } },
      },
    ],
  };
}
