import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  FigureError,
  WalkthroughFigure,
  badValue,
  colormapGradient,
  drawRgb,
  imageToTensor,
  isFolder,
  loadPixels,
  resizeToFloat,
  sliceUrl,
  userModelNote,
  warnOnce,
  type PlainTensor,
  type RunContext,
  type SessionHandle,
} from '@model-walkthroughs/core';
import { defaultPhoto } from '@model-walkthroughs/samples';
import {
  analysePreset,
  formatShape,
  paperShape,
  presets,
  type Preset,
  type StageAnalysis,
} from './preset.js';
import { renderDetails } from './details.js';
import { energyMap, type Measurement, type Node } from './flow-rows.js';
import { runsSlices, sliceOutputs } from './slice-runs.js';
import { renderStageRow } from './stage-row.js';
import { tensorShapeFlowStyles } from './tensor-shape-flow.styles.js';

const INPUT = 'input';
const number = new Intl.NumberFormat('en-US');

/**
 * An image traced through an architecture stage by stage, with the tensor
 * shape on every edge. Shapes of the stages that run as model slices are
 * read from the runtime; the rest are the paper's.
 *
 * @summary The shape of the tensor after every stage of ResNet-50 (or another preset).
 *
 * @csspart figure - The frame around everything.
 * @csspart title - The heading.
 * @csspart diagram - The flow of stages, a keyboard-navigable list.
 * @csspart stage - One stage (and the input image) in the flow.
 * @csspart edge-label - The shape on the edge below a stage.
 * @csspart details - Operators, shortcut, parameters and shapes of the selected stage.
 *
 * @cssprop [--mw-tensor-shape-flow-measured=var(--mw-color-accent)] - Colour of measured shapes.
 * @cssprop [--mw-tensor-shape-flow-skip=var(--mw-color-skip)] - Colour of shortcut arcs.
 * @cssprop [--mw-tensor-shape-flow-node-bg=var(--mw-color-surface)] - Stage background.
 * @cssprop [--mw-tensor-shape-flow-details-width=15rem] - Width of the details beside the flow.
 *
 * @fires ready - The slices ran and the measured shapes are shown.
 * @fires error - The figure could not run; `code` and `message` say why.
 * @fires change - The selected stage changed (Enter, Space or a click).
 */
export class TensorShapeFlow extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, tensorShapeFlowStyles];

  protected static override runProperties = [...WalkthroughFigure.runProperties, 'preset'];

  #analyses = new WeakMap<Preset, StageAnalysis[]>();

  /** The architecture: the id of a registered preset (`resnet50`). */
  @property()
  preset = 'resnet50';

  /** The id of the stage whose details show (`conv3_x`); the first stage when empty. */
  @property()
  selected = '';

  /** Shapes read from the runtime, by stage id. */
  @state()
  private measured = new Map<string, Measurement>();

  /** Which row holds the roving tab stop. */
  @state()
  private focusIndex = -1;

  /** The manifest's sentence on the weights, once read. */
  @state()
  private manifestNote = '';

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('preset') && changed.get('preset') !== undefined) {
      this.measured = new Map();
      this.focusIndex = -1;
    }
  }

  protected override validate(): string | undefined {
    const problem = super.validate();
    if (problem) return problem;
    const preset = presets.get(this.preset);
    if (!preset) return badValue('preset', this.preset, [...presets.keys()]);
    // A model the figure would never open must not be credited in the footnote.
    if (this.src && !runsSlices(preset)) {
      return `src="${this.src}" cannot be used with preset="${this.preset}": that preset runs no slices.`;
    }
    return undefined;
  }

  protected override get figureTitle(): string {
    const preset = presets.get(this.preset);
    return preset ? `Tensor shapes through ${preset.name}` : 'Tensor shapes';
  }

  protected override get weightsNote(): string {
    if (this.src) return userModelNote(this.src, '').trim();
    return this.manifestNote || (presets.get(this.preset)?.weightsNote ?? '');
  }

  // Nothing ran when no stage has a slice: no backend or time to report.
  protected override renderStatus(): unknown {
    const preset = presets.get(this.preset);
    if (this.status === 'ready' && preset && !runsSlices(preset)) return this.weightsNote;
    return super.renderStatus();
  }

  protected override async execute(context: RunContext): Promise<void> {
    const preset = presets.get(this.preset)!;
    const note = this.#readWeightsNote(preset);
    const pixels = await loadPixels(this.image || defaultPhoto.url);
    if (context.signal.aborted) return;

    const [size] = preset.input;
    const measured = new Map<string, Measurement>();
    const photo = document.createElement('canvas');
    drawRgb(photo, resizeToFloat(pixels, size, size), size, size);
    let current: PlainTensor = imageToTensor(pixels, size);
    measured.set(INPUT, { dims: current.dims, from: 'the photo', thumb: photo, mismatch: false });

    // Slices run in stage order, each fed what the one before produced, so
    // measuring stops at the first stage without a slice. A user's `src`
    // file replaces only its own slice, and measuring stops after it:
    // trained stem features fed into seeded blocks would be mislabelled. A
    // folder of slices replaces them all.
    let last = '';
    let outputs: Record<string, PlainTensor> = {};
    for (const stage of preset.stages) {
      const runs = stage.slices ?? [];
      if (runs.length === 0) break;
      const mixed = this.src && !isFolder(this.src);
      if (mixed && runs.some((r) => r.name !== preset.userSlice)) break;

      for (const run of runs) {
        if (run.name !== last) {
          const wanted = sliceOutputs(preset, run.name);
          const handle = await this.#open(context, preset, run.name, {
            inputs: { [run.input]: current.dims },
            outputs: wanted,
          });
          outputs = await context.infer(handle, { [run.input]: current }, wanted);
          last = run.name;
        }
        current = outputs[run.output]!;
      }
      if (context.signal.aborted) return;

      const shape = paperShape(current.dims);
      const mismatch = formatShape(shape) !== formatShape(stage.output);
      if (mismatch) {
        warnOnce(
          'shape-mismatch',
          this.localName,
          `stage ${stage.id} measured ${formatShape(shape)}, the preset says ` +
            `${formatShape(stage.output)}; check the slice or the preset.`,
        );
      }
      const from = `${runs.map((r) => r.name).join(' → ')}, output "${runs.at(-1)!.output}"`;
      measured.set(stage.id, { dims: current.dims, from, thumb: energyMap(current), mismatch });
    }

    this.manifestNote = await note;
    this.measured = measured;
  }

  /** Opens a slice, or the user's model in place of the preset's `userSlice`. */
  async #open(
    context: RunContext,
    preset: Preset,
    name: string,
    contract: { inputs: Record<string, number[]>; outputs: string[] },
  ): Promise<SessionHandle> {
    const builtIn = preset.slices?.[name]?.model;
    const url = builtIn && sliceUrl(this.src, name, builtIn, name === preset.userSlice);
    if (!url) {
      throw new FigureError(
        'model-not-found',
        `The preset "${preset.id}" names a slice "${name}" but gives no URL for it.`,
      );
    }
    return context.session(url, contract);
  }

  /** The first manifest's weights note; a missing manifest is not fatal. */
  async #readWeightsNote(preset: Preset): Promise<string> {
    const first = preset.stages.find((s) => s.slices?.length)?.slices?.[0]?.name;
    const url = first ? preset.slices?.[first]?.manifest : undefined;
    if (!url) return '';
    try {
      const manifest = (await (await fetch(url)).json()) as { weights?: { note?: string } };
      return manifest.weights?.note ?? '';
    } catch {
      return '';
    }
  }

  #analysis(preset: Preset): StageAnalysis[] {
    let analysis = this.#analyses.get(preset);
    if (!analysis) {
      analysis = analysePreset(preset);
      this.#analyses.set(preset, analysis);
    }
    return analysis;
  }

  #nodes(preset: Preset): Node[] {
    const analysis = this.#analysis(preset);
    return [
      { id: INPUT, label: 'input image', output: preset.input },
      ...preset.stages.map((stage, i) => ({
        id: stage.id,
        label: stage.label,
        stage,
        analysis: analysis[i],
        output: stage.output,
      })),
    ];
  }

  #selectedIndex(nodes: Node[]): number {
    const index = nodes.findIndex((n) => n.id === this.selected);
    return index >= 0 ? index : 1;
  }

  protected override renderBody(): TemplateResult | typeof nothing {
    const preset = presets.get(this.preset);
    if (!preset) return nothing;

    const nodes = this.#nodes(preset);
    const selected = this.#selectedIndex(nodes);
    const focus = this.focusIndex >= 0 ? this.focusIndex : selected;
    const total = this.#analysis(preset).reduce((s, a) => s + a.params, 0);
    const mismatches = nodes.filter((n) => this.measured.get(n.id)?.mismatch);

    const output = formatShape(preset.stages.at(-1)!.output);
    const count = number.format(total);
    const alert = html`<p class="mismatch" role="alert">
      The slice for ${mismatches.map((n) => n.label).join(', ')} produced a shape the paper does not
      give: the slice or the preset is wrong.
    </p>`;

    return html`
      <p class="summary">
        ${formatShape(preset.input)} image → ${output} outputs · ${count} parameters · shapes from
        ${preset.source}
      </p>
      ${mismatches.length ? alert : nothing}
      <div class="layout">
        <ol
          part="diagram"
          role="listbox"
          aria-label="${preset.name}, stage by stage from the input image to the output"
          @keydown=${this.#onKeydown}
        >
          ${nodes.map((node, i) =>
            renderStageRow(node, this.measured.get(node.id), {
              selected: i === selected,
              focused: i === focus,
              onChoose: () => this.#choose(i),
            }),
          )}
        </ol>
        ${renderDetails(preset, nodes[selected]!, total, this.measured.get(nodes[selected]!.id))}
      </div>
      <p class="legend">
        <span class="badge measured">measured</span> shape read from the runtime ·
        <span class="badge">from the paper</span> declared by the architecture ·
        <span class="ramp" style="background:${colormapGradient('viridis')}"></span>
        mean |activation|, low to high
      </p>
    `;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const preset = presets.get(this.preset);
    if (!preset) return;
    const count = preset.stages.length + 1;
    const from = this.focusIndex >= 0 ? this.focusIndex : this.#selectedIndex(this.#nodes(preset));
    let next = from;

    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = Math.min(count - 1, from + 1);
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = Math.max(0, from - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#choose(from);
        return;
      default:
        return;
    }
    event.preventDefault();
    void this.#moveFocus(next);
  };

  async #moveFocus(index: number): Promise<void> {
    this.focusIndex = index;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="stage"][tabindex="0"]')?.focus();
  }

  #choose(index: number): void {
    const preset = presets.get(this.preset);
    if (!preset) return;
    const node = this.#nodes(preset)[index];
    void this.#moveFocus(index);
    if (!node || node.id === this.selected) return;
    this.selected = node.id;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
}
