/** The table that sets the bottleneck against a basic block of the same width. */
import type { SliceManifest } from '@model-walkthroughs/slices-resnet';
import { html, nothing } from 'lit';
import { basicBlock, blockCost, matchingBasicBlock, type BlockLayout } from './block-cost.js';

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Parameters and FLOPs of `layout` against a basic block, with the ratio
 * and, when the slice's manifest is known, a cross-check against it.
 */
export function renderComparison(layout: BlockLayout, m?: SliceManifest): unknown {
  const basic = matchingBasicBlock(layout);
  const ours = blockCost(layout);
  const theirs = blockCost(basic);
  const cin = layout.main[0]!.cin;
  const ratio = (a: number, b: number) => {
    const r = a / b;
    return `${r >= 10 ? Math.round(r) : r.toFixed(1)}×`;
  };
  const row = (name: string, key: keyof typeof ours) => html`
    <tr>
      <th scope="row">${name}</th>
      <td class="mono">${fmt(ours[key])}</td>
      <td class="mono">${fmt(theirs[key])}</td>
    </tr>
  `;
  const narrow = blockCost(basicBlock(64, 64, layout.size));
  const caption =
    `One block at 56×56, ${cin}→256 channels: this bottleneck against a basic block of ` +
    `two 3×3 convolutions${layout.projection ? ' (both with a 1×1 projection shortcut)' : ''}`;
  return html`
    <table part="comparison">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <td></td>
          <th scope="col">Bottleneck</th>
          <th scope="col">Basic block</th>
        </tr>
      </thead>
      <tbody>
        ${row('Conv weights, k·k·Cin·Cout', 'conv')} ${row('BatchNorm γ and β, 2·C', 'bn')}
        ${row('Parameters', 'params')} ${row('FLOPs, 2 × multiply-adds', 'flops')}
      </tbody>
    </table>
    <p class="ratio">
      The bottleneck needs
      <strong>${ratio(theirs.params, ours.params)} fewer parameters</strong> and
      <strong>${ratio(theirs.flops, ours.flops)} fewer FLOPs</strong> than a basic block of the same
      width. He et al. (2016, Sec. 4.1) sized it to cost about what a basic block 64 channels wide
      does (${fmt(narrow.conv)} conv weights), while carrying 256.
    </p>
    ${
      m
        ? html`<p class="note">
            Cross-check: the slice's manifest counts ${fmt(m.flops)} FLOPs
            (${m.flops === ours.flops ? 'the same' : 'not the same'}) and
            ${fmt(m.trainableParameters)} trainable parameters
            (${m.trainableParameters === ours.params ? 'the same' : 'not the same'}); its file
            stores ${fmt(m.parameters)} numbers, as the exporter keeps identical BatchNorm initial
            values once.
          </p>`
        : nothing
    }
  `;
}
