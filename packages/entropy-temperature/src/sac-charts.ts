/**
 * Vega-Lite specs: the recorded temperature and entropy over training, the
 * return curve, and the Boltzmann policy over torques against Q.
 */
import type { ChartSpec } from '@model-walkthroughs/core';
import type { BoltzmannStats } from './boltzmann.js';
import type { SacLog } from './training-log.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const STEPS = { field: 'envSteps', type: 'quantitative', title: 'environment steps' };
// The width given is the whole chart's, axes included, so a second y axis
// on the right stays inside the figure and the stacked charts line up.
const FIT = { type: 'fit-x', contains: 'padding' };

/** Colours the charts take from the figure's theme. */
export interface SacColors {
  accent: string;
  skip: string;
  muted: string;
}

/** α (log scale, left) and the policy's entropy with the target (right). */
export function trainingSpec(log: SacLog, colors: SacColors, caption: string): ChartSpec {
  const target = log.hyperparameters.targetEntropy;
  return {
    $schema: SCHEMA,
    autosize: FIT,
    description: caption,
    height: 170,
    data: { values: log.curve },
    layer: [
      {
        mark: { type: 'line', color: colors.accent, strokeWidth: 2.5, aria: false },
        encoding: {
          x: STEPS,
          y: {
            field: 'alpha',
            type: 'quantitative',
            scale: { type: 'log' },
            axis: { titleColor: colors.accent },
            title: 'temperature α (log scale)',
          },
        },
      },
      {
        layer: [
          {
            transform: [{ filter: 'isValid(datum.entropy)' }],
            mark: { type: 'line', color: colors.skip, strokeWidth: 2, aria: false },
            encoding: {
              x: STEPS,
              y: {
                field: 'entropy',
                type: 'quantitative',
                axis: { titleColor: colors.skip },
                title: 'entropy −E[log π] (nats)',
              },
            },
          },
          {
            data: { values: [{ target }] },
            mark: { type: 'rule', color: colors.skip, strokeDash: [5, 4], aria: false },
            encoding: { y: { field: 'target', type: 'quantitative' } },
          },
        ],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}

/** Mean evaluation return over training. */
export function returnSpec(log: SacLog, colors: SacColors, caption: string): ChartSpec {
  return {
    $schema: SCHEMA,
    autosize: FIT,
    description: caption,
    height: 120,
    data: { values: log.curve },
    mark: { type: 'line', point: true, color: colors.muted, aria: false },
    encoding: {
      x: STEPS,
      y: { field: 'meanReturn', type: 'quantitative', title: 'mean return' },
    },
  };
}

/** π_α(a|s) over the torque grid (area, left) and min(Q₁, Q₂) (line, right). */
export function policySpec(
  actions: ArrayLike<number>,
  q: ArrayLike<number>,
  stats: BoltzmannStats,
  da: number,
  colors: SacColors,
  caption: string,
): ChartSpec {
  const values = Array.from(actions, (a, i) => ({ a, q: q[i], p: stats.probs[i]! / da }));
  const x = { field: 'a', type: 'quantitative', title: 'torque a', scale: { domain: [-2, 2] } };
  return {
    $schema: SCHEMA,
    autosize: FIT,
    description: caption,
    height: 190,
    data: { values },
    layer: [
      {
        mark: { type: 'area', color: colors.accent, opacity: 0.35, line: true, aria: false },
        encoding: {
          x,
          y: {
            field: 'p',
            type: 'quantitative',
            axis: { titleColor: colors.accent },
            title: 'π(a|s) at this α (density)',
          },
        },
      },
      {
        mark: { type: 'line', color: colors.skip, strokeWidth: 2, aria: false },
        encoding: {
          x,
          y: {
            field: 'q',
            type: 'quantitative',
            scale: { zero: false },
            axis: { titleColor: colors.skip },
            title: 'min(Q₁, Q₂)(s, a)',
          },
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
