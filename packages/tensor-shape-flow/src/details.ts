/** The panel that explains the selected stage. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Measurement, Node } from './flow-rows.js';
import { describeOperator, describeOps, formatShape, type Preset } from './preset.js';

const number = new Intl.NumberFormat('en-US');

/**
 * Operators, shortcut, shapes, parameters and where the shape came from
 * (the runtime, or the paper) for one row of the flow.
 */
export function renderDetails(
  preset: Preset,
  node: Node,
  total: number,
  m: Measurement | undefined,
): TemplateResult {
  const stage = node.stage;
  const a = node.analysis;
  const repeat = stage?.repeat ?? 1;
  const heading = `${node.label}${repeat > 1 ? ` · ${repeat} ${stage?.kind ?? 'repeats'}` : ''}`;
  const row = (term: string, value: unknown, mono = false) =>
    html`<dt>${term}</dt>
      <dd class=${mono ? 'mono' : ''}>${value}</dd>`;

  let ops = stage ? describeOps(stage.ops, a?.input ?? []).join(' · ') : '';
  if (repeat > 1) ops = `[${ops}] × ${repeat}`;

  const residual = stage?.residual;
  let shortcut = '';
  if (residual?.projection) {
    const rest = repeat - 1;
    shortcut = `${describeOperator(residual.projection)} projection in the first repeat`;
    if (rest > 0) shortcut += `; identity in the other ${rest}`;
  } else if (residual?.around?.length) {
    // Eq. 2 and 3 of the ViT paper: two additions per layer.
    const each = repeat > 1 ? ` in each of the ${repeat} ${stage?.kind ?? 'repeats'}` : '';
    shortcut = `identity around each sub-block${each}: ${residual.around.map((s) => s.label).join(', ')}`;
  } else if (residual) {
    shortcut = 'identity in every repeat';
  }

  // Two significant digits, so a small stage reads 0.037%, not 0.0%.
  const share = a ? Number(((100 * a.params) / total).toPrecision(2)).toString() : '';
  const params = a ? `${number.format(a.params)} (${share}% of ${number.format(total)})` : '';
  const wrong = m?.mismatch
    ? html`<strong class="error">, not the paper's ${formatShape(node.output)}</strong>`
    : nothing;
  const source = m
    ? html`measured: <span class="mono">[${m.dims.join(', ')}]</span> from ${m.from}${wrong}`
    : `from the paper (${preset.source})`;
  const photo = `${m ? 'the photo, resized' : 'a photo'} to ${formatShape(preset.input)}`;

  return html`
    <section part="details" aria-labelledby="details-title" aria-live="polite">
      <h4 id="details-title">${heading}</h4>
      <dl>
        ${stage ? row('Operators', ops) : row('Input', photo)}
        ${shortcut ? row('Shortcut', shortcut) : nothing}
        ${a ? row('In', formatShape(a.input), true) : nothing}
        ${row('Out', formatShape(node.output), true)} ${a ? row('Parameters', params) : nothing}
        ${row('Shape', source)}
      </dl>
    </section>
  `;
}
