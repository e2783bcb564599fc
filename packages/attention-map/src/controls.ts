/**
 * Layer, head and mode as native radio groups: Tab reaches each group,
 * the arrow keys move within it, and each group is named by its legend.
 */
import { html } from 'lit';
import { MODES, type Mode } from './attributes.js';

export type ViewKey = 'layer' | 'head' | 'query' | 'mode';

interface Choice<T> {
  value: T;
  label: string;
}

function radios<T>(
  name: string,
  legend: string,
  choices: readonly Choice<T>[],
  current: T,
  pick: (value: T) => void,
  disabled = false,
): unknown {
  return html`
    <fieldset class=${name} ?disabled=${disabled}>
      <legend>${legend}</legend>
      ${choices.map(
        (c) =>
          html`<label
            ><input
              type="radio"
              name=${name}
              .value=${String(c.value)}
              .checked=${c.value === current}
              ?checked=${c.value === current}
              @change=${() => pick(c.value)}
            />${c.label}</label
          >`,
      )}
    </fieldset>
  `;
}

const count = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ value: i + 1, label: String(i + 1) }));

export function renderControls(
  arch: { depth: number; heads: number },
  layer: number,
  head: number | 'mean',
  mode: Mode,
  set: (key: ViewKey, value: unknown) => void,
): unknown {
  // Rollout averages the heads (Abnar and Zuidema 2020, §3), so the head
  // choice has nothing to act on there.
  const rollout = mode === 'rollout';
  const labels: Record<Mode, string> = { layer: 'this layer', rollout: 'rollout up to it' };
  return html`
    <div part="controls">
      ${radios('layer', 'Layer', count(arch.depth), layer, (v) => set('layer', v))}
      ${radios(
        'head',
        rollout ? 'Head (rollout takes the mean)' : 'Head',
        [...count(arch.heads), { value: 'mean' as const, label: 'mean' }],
        head,
        (v) => set('head', v),
        rollout,
      )}
      ${radios(
        'mode',
        'Show',
        MODES.map((v) => ({ value: v, label: labels[v] })),
        mode,
        (v) => set('mode', v),
      )}
    </div>
  `;
}
