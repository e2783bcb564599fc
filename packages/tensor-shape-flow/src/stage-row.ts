/** One row of the flow: a stage's box, its shortcut arcs and the shape on its edge. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Measurement, Node } from './flow-rows.js';
import { describeOps, formatShape, paperShape } from './preset.js';
import { renderSkips, skipText } from './shortcut-arcs.js';

/** How a row stands in the listbox, and what a click on it does. */
export interface RowState {
  selected: boolean;
  focused: boolean;
  onChoose: () => void;
}

/** The `option` for one node, badged measured or from the paper. */
export function renderStageRow(
  node: Node,
  m: Measurement | undefined,
  { selected, focused, onChoose }: RowState,
): TemplateResult {
  const stage = node.stage;
  const repeat = stage?.repeat ?? 1;
  const input = node.analysis?.input ?? [];
  let ops = stage ? describeOps(stage.ops, input).join(' · ') : '';
  if (ops === node.label) ops = '';
  const skips = skipText(node);
  const state = m ? (m.mismatch ? 'mismatch' : 'measured') : '';
  let badge = m ? 'measured' : 'from the paper';
  if (m?.mismatch) badge = `measured ${formatShape(paperShape(m.dims))}`;
  const kind = html`<span class="sr-only"> ${stage?.kind ?? 'repeats'}</span>`;

  return html`
    <li
      part="stage"
      role="option"
      id="stage-${node.id}"
      class=${state}
      data-stage=${node.id}
      tabindex=${focused ? 0 : -1}
      aria-selected=${selected ? 'true' : 'false'}
      @click=${onChoose}
    >
      <div class="box">
        <div class="head">
          <span class="name">${node.label}</span>
          ${repeat > 1 ? html`<span class="repeat">×${repeat}${kind}</span>` : nothing}
          <span class="badge ${m?.mismatch ? 'error' : state}">${badge}</span>
        </div>
        ${ops ? html`<div class="ops">${ops}</div>` : nothing}
        ${m?.thumb ? html`<div class="thumb">${m.thumb}</div>` : nothing}
      </div>
      ${skips.length ? renderSkips(node, skips) : nothing}
      <div class="edge">
        <span class="arrow"></span>
        <span class="sr-only">output</span>
        <span part="edge-label">${formatShape(node.output)}</span>
      </div>
    </li>
  `;
}
