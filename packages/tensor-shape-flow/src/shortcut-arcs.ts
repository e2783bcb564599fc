/** The shortcut arcs drawn beside a residual stage, and what they say. */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Node } from './flow-rows.js';
import { applyOperator, formatShape } from './preset.js';

/**
 * The shortcut arcs beside a residual stage: projection solid, identity
 * dashed; a transformer layer gets one arc per sub-block it goes around.
 */
export function renderSkips(node: Node, text: string[]): TemplateResult {
  const around = node.stage?.residual?.around ?? [];
  if (around.length) {
    const band = 94 / around.length;
    const arc = (i: number) => {
      const [top, bottom] = [3 + i * band + 2, 3 + (i + 1) * band - 2];
      return svgPath('identity', `M0 ${top} C30 ${top} 30 ${bottom} 0 ${bottom}`);
    };
    return html`
      <div class="skips around">
        <svg viewBox="0 0 40 100" preserveAspectRatio="none" aria-hidden="true">
          ${around.map((_, i) => arc(i))}
        </svg>
        <span class="skip-labels">
          ${text.map((t) => html`<span class="identity">${t}</span>`)}
        </span>
      </div>
    `;
  }

  const projection = Boolean(node.stage?.residual?.projection);
  const identity = text.length > (projection ? 1 : 0);
  const outer = 'M0 3 C36 3 36 97 0 97';
  const inner = projection ? 'M0 14 C20 14 20 86 0 86' : outer;
  const kind = (i: number) => (projection && i === 0 ? 'proj' : 'identity');
  return html`
    <div class="skips">
      <svg viewBox="0 0 40 100" preserveAspectRatio="none" aria-hidden="true">
        ${projection ? svgPath('proj', outer) : nothing}
        ${identity ? svgPath('identity', inner) : nothing}
      </svg>
      <span class="skip-labels">
        ${text.map((t, i) => html`<span class=${kind(i)}>${t}</span>`)}
      </span>
    </div>
  `;
}

/** "1×1 proj, stride 2 → 28×28×512" and "×3 identity", as the arcs say. */
export function skipText(node: Node): string[] {
  const residual = node.stage?.residual;
  if (!residual || !node.analysis) return [];
  if (residual.around?.length) return residual.around.map((s) => s.label);
  const out: string[] = [];
  const adds = (node.stage!.repeat ?? 1) * (residual.adds ?? 1);
  if (residual.projection) {
    const p = residual.projection;
    const shape = applyOperator(node.analysis.input, p).shape;
    const stride = (p.stride ?? 1) > 1 ? `, stride ${p.stride}` : '';
    out.push(`${p.kernel}×${p.kernel} proj${stride} → ${formatShape(shape)}`);
  }
  const identity = adds - (residual.projection ? 1 : 0);
  if (identity > 0) out.push(`×${identity} identity`);
  return out;
}

function svgPath(kind: string, d: string): SVGTemplateResult {
  return svg`<path class=${kind} d=${d} vector-effect="non-scaling-stroke"></path>`;
}
