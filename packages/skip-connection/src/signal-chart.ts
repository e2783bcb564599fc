/**
 * The signal-propagation chart: activation and JVP norms against depth for
 * the plain and the residual stack, as a Vega-Lite spec and in words.
 */
import type { ChartSpec } from '@model-walkthroughs/core';
import type { SignalPropagation } from './results.js';

// Entries stacked, so the two legends fit side by side on a phone.
const BOTTOM = { orient: 'bottom', direction: 'vertical' };

/** The Vega-Lite spec; `caption` becomes the chart's accessible description. */
export function signalChartSpec(propagation: SignalPropagation, caption: string): ChartSpec {
  const values: { depth: number; stack: string; quantity: string; norm: number }[] = [];
  for (const stack of ['plain', 'residual'] as const) {
    const { activation, jvp } = propagation[stack];
    activation.forEach((norm, depth) => {
      values.push({ depth, stack, quantity: 'activation ‖h‖', norm });
      values.push({ depth, stack, quantity: 'JVP ‖J v‖', norm: jvp[depth]! });
    });
  }

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Activation and JVP norms against depth, log scale. ${caption}`,
    height: 200,
    data: { values: values.filter((v) => v.norm > 0) },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'depth', type: 'quantitative', title: 'depth (blocks after the stem)' },
      y: {
        field: 'norm',
        type: 'quantitative',
        scale: { type: 'log' },
        axis: { format: '.0e' },
        title: 'norm (log scale)',
      },
      color: { field: 'stack', type: 'nominal', title: 'stack', legend: BOTTOM },
      strokeDash: { field: 'quantity', type: 'nominal', title: 'quantity', legend: BOTTOM },
      tooltip: [
        { field: 'stack' },
        { field: 'quantity' },
        { field: 'depth' },
        { field: 'norm', format: '.3e' },
      ],
    },
  };
}

/** The chart's numbers in one sentence, for the caption and screen readers. */
export function describeSignal({ plain, residual }: SignalPropagation): string {
  const last = plain.activation.length - 1;
  const fmt = (v: number) => v.toExponential(1);
  return (
    `From depth 0 to ${last}, the plain stack's activation norm goes from ` +
    `${fmt(plain.activation[0]!)} to ${fmt(plain.activation[last]!)} and its JVP norm from ` +
    `${fmt(plain.jvp[0]!)} to ${fmt(plain.jvp[last]!)}; with shortcuts, from ` +
    `${fmt(residual.activation[0]!)} to ${fmt(residual.activation[last]!)} and ` +
    `${fmt(residual.jvp[0]!)} to ${fmt(residual.jvp[last]!)}.`
  );
}
