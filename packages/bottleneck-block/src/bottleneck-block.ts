import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  FigureError,
  WalkthroughFigure,
  add,
  badValue,
  channelEnergy,
  colormapGradient,
  drawFeatureTiles,
  imageToTensor,
  loadPixels,
  sliceUrl,
  topK,
  userModelNote,
  type ColormapName,
  type ModelContract,
  type PlainTensor,
  type RunContext,
} from '@model-walkthroughs/core';
import { defaultPhoto } from '@model-walkthroughs/samples';
import {
  loadManifest,
  slices,
  type SliceManifest,
  type SliceName,
} from '@model-walkthroughs/slices-resnet';
import {
  BLOCK_KINDS,
  BOTTLENECKS,
  bnParams,
  convFlops,
  convParams,
  type BlockKind,
} from './block-cost.js';
import { bottleneckStyles } from './bottleneck-block.styles.js';
import { renderComparison } from './cost-table.js';
import { blockSteps, type BottleneckResult, type Step, type TensorName } from './steps.js';

const OUTPUTS = ['reduce', 'spatial', 'residual', 'shortcut', 'output'] as const;

// Post-ReLU maps are magnitudes; the main path before the add and the sum
// are signed, so zero sits in the middle of a diverging map.
const SIGNED: readonly TensorName[] = ['residual', 'sum'];

const fmt = (n: number): string => n.toLocaleString('en-US');

const shapeOf = (t: PlainTensor): string => {
  const [c, h, w] = t.dims.slice(-3);
  return `${h}×${w}×${c}`;
};

/**
 * The ResNet-50 bottleneck block, step by step: 1×1 reduce, 3×3, 1×1
 * expand, the shortcut and the final ReLU, with the real shapes and feature
 * maps after each step, and its cost set against a basic block of the same
 * width.
 *
 * @summary A real ResNet-50 bottleneck block run on a photo, with its cost.
 * @tagname bottleneck-block
 *
 * @attr {'identity' | 'projection'} block - Which block of layer1 runs; default `identity`.
 * @attr {string} src - URL of your own export of that block (inputs `x`, outputs `reduce`,
 *   `spatial`, `residual`, `shortcut`, `output`), in place of the built-in slice.
 * @attr {string} image - URL of the photo; default the CC0 cat photo.
 * @attr {'auto' | 'webgpu' | 'wasm'} backend - Runtime; `auto` takes WebGPU when there is an
 *   adapter.
 * @attr {'lazy' | 'eager'} loading - `lazy` runs when scrolled near; `eager` at once.
 * @attr {'idle' | 'loading' | 'ready' | 'error'} status - Read-only: where the figure is.
 *
 * @fires change - The reader chose another block with the block buttons.
 * @fires ready - The block ran and the maps are drawn.
 * @fires error - The figure could not run; `code` and `message` say why.
 *
 * @csspart figure - The whole figure.
 * @csspart title - The heading.
 * @csspart controls - The block switch.
 * @csspart pipeline - The row of steps.
 * @csspart step - One step: its name, maps and shape.
 * @csspart tiles - The feature-map canvas of a step.
 * @csspart details - What the selected step does and costs.
 * @csspart comparison - The bottleneck vs basic block table.
 *
 * @cssprop [--mw-bottleneck-block-bar=var(--mw-color-accent)] - Colour of the channel bars.
 * @cssprop [--mw-bottleneck-block-tile-size=120px] - Widest a step's maps are drawn.
 */
export class BottleneckBlock extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, bottleneckStyles];

  protected static override runProperties = [...WalkthroughFigure.runProperties, 'block'];

  #drawn?: BottleneckResult;

  #resultKind?: BlockKind;

  /**
   * `identity`: resnet50 layer1[1], 256 in and out, identity shortcut;
   * `projection`: layer1[0], 64 in, 256 out, 1×1 projection shortcut.
   */
  @property({ reflect: true })
  block: BlockKind = 'identity';

  /** Index of the step whose details are shown. */
  @state()
  private selected = 1;

  @state()
  private result?: BottleneckResult;

  @state()
  private manifest?: SliceManifest;

  /** The last run's tensors, for hosts and tests; undefined before the first. */
  get tensors(): BottleneckResult | undefined {
    return this.result;
  }

  // Falls back so that a bad `block` still renders, next to its error message.
  get #layout() {
    return BOTTLENECKS[this.block] ?? BOTTLENECKS.identity;
  }

  protected override get figureTitle(): string {
    return 'Inside a ResNet-50 bottleneck block';
  }

  protected override get weightsNote(): string {
    if (this.src) {
      return userModelNote(
        this.src,
        'Its input x comes from the built-in stem, whose weights are random; ' +
          'give a folder of slices (src ending in /) to use yours throughout.',
      );
    }
    return this.manifest?.weights.note ?? '';
  }

  protected override validate(): string | undefined {
    const problem = super.validate();
    if (problem) return problem;
    if (!BLOCK_KINDS.includes(this.block)) return badValue('block', this.block, BLOCK_KINDS);
    return undefined;
  }

  protected override async execute(context: RunContext): Promise<void> {
    const kind = this.block;
    if (kind !== this.#resultKind) this.result = undefined;
    const name = `bottleneck-${kind}` as const;
    const channels = BOTTLENECKS[kind].main[0]!.cin;
    const contract: ModelContract = { inputs: { x: [1, channels, 56, 56] }, outputs: OUTPUTS };

    const inputs = Promise.all([loadPixels(this.image || defaultPhoto.url), manifestOf(name)]);
    // Swallowed here, rethrown by the await below: a session error may come first.
    inputs.catch(() => undefined);

    const url = (slice: SliceName, main = false) =>
      sliceUrl(this.src, slice, slices[slice].model, main);
    const stem = await context.session(url('resnet50-stem'));
    // In ResNet-50 layer1[1] sees what layer1[0] made of the stem's output.
    const first =
      kind === 'identity' ? await context.session(url('bottleneck-projection')) : undefined;
    const block = await context.session(url(name, true), contract);
    const [pixels, manifest] = await inputs;

    const image = imageToTensor(pixels, 224);
    let { pool: x } = await context.infer(stem, { image }, ['pool']);
    if (first) ({ output: x } = await context.infer(first, { x: x! }, ['output']));

    const out = await context.infer(block, { x: x! }, [...OUTPUTS]);
    if (context.signal.aborted) return;

    const { reduce, spatial, residual, shortcut, output } = out as Record<
      (typeof OUTPUTS)[number],
      PlainTensor
    >;
    this.manifest = manifest;
    this.#resultKind = kind;
    this.result = {
      x: x!,
      reduce,
      spatial,
      residual,
      shortcut,
      sum: add(residual, shortcut),
      output,
    };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.result !== this.#drawn) this.#draw(this.result);
  }

  protected override renderBody(): unknown {
    const steps = blockSteps(this.#layout, this.block);
    const step = steps[this.selected] ?? steps[0]!;
    return html`
      <div part="controls" role="group" aria-label="Block">
        ${BLOCK_KINDS.map(
          (kind) => html`
            <button
              type="button"
              aria-pressed=${this.block === kind ? 'true' : 'false'}
              @click=${() => this.#choose(kind)}
            >
              ${kind === 'identity' ? 'Identity' : 'Projection'} shortcut,
              layer1[${kind === 'identity' ? 1 : 0}]
            </button>
          `,
        )}
      </div>
      <div class="body">
        <div
          part="pipeline"
          role="tablist"
          aria-label="Steps of the block"
          @keydown=${this.#onKeydown}
        >
          ${steps.map((s, i) => this.#renderStep(s, i))}
        </div>
        <p class="legend">
          Four channels per step, the same ones wherever the width matches. Bars: channels.
          <span class="swatch" style="background: ${colormapGradient('viridis')}"></span> after a
          ReLU, 0 to max;
          <span class="swatch" style="background: ${colormapGradient('diverging')}"></span>
          signed, blue below 0, red above.
        </p>
        ${this.#renderDetails(step)}
      </div>
      ${renderComparison(this.#layout, this.manifest)}
    `;
  }

  #renderStep(step: Step, index: number): unknown {
    const t = this.result?.[step.tensor];
    const channels = t?.dims[1] ?? 0;
    const selected = index === this.selected;
    return html`
      <button
        part="step"
        type="button"
        role="tab"
        id="step-${index}"
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls="details"
        tabindex=${selected ? 0 : -1}
        data-step=${step.tensor}
        @click=${() => this.#select(index)}
      >
        <span class="name">${step.name}</span>
        <span class="label">${step.label}</span>
        <canvas part="tiles" aria-hidden="true"></canvas>
        <span class="shape mono">${t ? shapeOf(t) : '…'}</span>
        <span class="bar" style="--c: ${channels / 256}"></span>
      </button>
    `;
  }

  #renderDetails(step: Step): unknown {
    const c = step.conv;
    const t = this.result?.[step.tensor];
    // Element-wise steps cost one operation per value; the manifests and
    // the table leave them out, so the panel says so rather than hiding them.
    const op = step.tensor === 'sum' ? 'adds' : 'max(0, v)';
    const elementwise = `0 counted (${t ? fmt(t.data.length) : '…'} ${op})`;
    const rows: [string, string][] = c
      ? [
          ['Kernel', `${c.kernel}×${c.kernel}`],
          ['Stride', String(c.stride)],
          ['Channels', `${c.cin}→${c.cout}`],
          ['Parameters', `${fmt(convParams(c))} conv + ${fmt(bnParams(c))} BatchNorm`],
          ['FLOPs', fmt(convFlops(c, 56))],
        ]
      : [
          ['Parameters', '0'],
          ['FLOPs', step.tensor === 'x' ? '0' : elementwise],
        ];
    return html`
      <section part="details" role="tabpanel" id="details" aria-labelledby="step-${this.selected}">
        <p>
          <strong>${step.name}</strong
          >${t ? html`, output <span class="mono">${shapeOf(t)}</span>` : nothing}. ${step.note}
        </p>
        <dl>
          ${rows.map(
            ([k, v]) =>
              html`<div>
                <dt>${k}</dt>
                <dd class="mono">${v}</dd>
              </div>`,
          )}
        </dl>
      </section>
    `;
  }

  #draw(result: BottleneckResult | undefined): void {
    this.#drawn = result;
    const canvases = this.renderRoot.querySelectorAll<HTMLCanvasElement>('[part=tiles]');
    if (result === undefined) {
      // Maps of the other block would sit under this block's labels.
      for (const canvas of canvases) canvas.width = 0;
      return;
    }

    // The same channels wherever the width matches, so a tile can be
    // followed along the row; picked alive in every map of that width (a
    // seeded-init ReLU leaves some channels all zero), strongest first.
    const pick = (width: number) => {
      const maps = Object.values(result).filter((t) => t.dims[1] === width);
      const energies = maps.map(channelEnergy);
      const score = energies[0]!.map((_, c) => Math.min(...energies.map((e) => e[c]!)));
      return topK(score, 4).sort((a, b) => a - b);
    };
    const wide = pick(256);
    const narrow = pick(64);

    for (const canvas of canvases) {
      const name = (canvas.parentElement as HTMLElement).dataset['step'] as TensorName;
      const t = result[name];
      const channels = t.dims[1] === 256 ? wide : narrow;
      const map: ColormapName = SIGNED.includes(name) ? 'diverging' : 'viridis';
      canvas.dataset['channels'] = channels.join(',');
      canvas.dataset['colormap'] = map;
      drawFeatureTiles(canvas, t, { channels, columns: 2, colormap: map });
    }
  }

  #choose(kind: BlockKind): void {
    if (kind === this.block) return;
    this.block = kind;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #select(index: number, focus = false): void {
    this.selected = index;
    if (!focus) return;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#step-${index}`)?.focus(),
    );
  }

  #onKeydown = (event: KeyboardEvent): void => {
    // The tabs pattern of WAI-ARIA APG: arrows move and wrap, Home and End jump.
    const count = blockSteps(this.#layout, this.block).length;
    const moves: Record<string, number> = {
      ArrowRight: this.selected + 1,
      ArrowDown: this.selected + 1,
      ArrowLeft: this.selected - 1,
      ArrowUp: this.selected - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#select((next + count) % count, true);
  };
}

async function manifestOf(name: 'bottleneck-identity' | 'bottleneck-projection') {
  try {
    return await loadManifest(name);
  } catch (error) {
    throw new FigureError(
      'model-not-found',
      `The manifest of the ${name} slice could not be loaded.`,
      {
        cause: error,
      },
    );
  }
}
