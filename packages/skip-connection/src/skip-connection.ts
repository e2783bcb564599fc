import {
  WalkthroughFigure,
  badValue,
  channelEnergy,
  imageToTensor,
  isFolder,
  loadPixels,
  mathml,
  renderChart,
  resizeToFloat,
  sliceUrl,
  topK,
  userModelNote,
  type Chart,
  type ModelContract,
  type RunContext,
} from '@model-walkthroughs/core';
import { defaultPhoto } from '@model-walkthroughs/samples';
import { slices, type SliceManifest, type SliceName } from '@model-walkthroughs/slices-resnet';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  depthNorms,
  normRatio,
  normaliseImageNet,
  probeBatch,
  unitDirection,
  type DepthNorms,
} from './signal-propagation.js';
import { drawMaps } from './feature-maps.js';
import { bound, scale, shape } from './legend.js';
import { SHORTCUTS, type BlockTensors, type Shortcut, type SignalPropagation } from './results.js';
import { describeSignal, signalChartSpec } from './signal-chart.js';
import { skipConnectionStyles } from './skip-connection.styles.js';
import { manifest } from './slice-manifest.js';

/** Fired when the reader switches the shortcut. */
export class ShortcutChangeEvent extends Event {
  readonly shortcut: Shortcut;

  constructor(shortcut: Shortcut) {
    super('change', { bubbles: true, composed: true });
    this.shortcut = shortcut;
  }
}

const STEM = slices['resnet50-stem'];
const BLOCK = {
  projection: slices['bottleneck-projection'],
  identity: slices['bottleneck-identity'],
};
const OUTPUTS = ['residual', 'shortcut', 'output'];
const CHANNELS = 8;
const SEED = 2016;
// Legends below the plot keep the chart within the container's width.

/**
 * A real ResNet-50 residual block run on a photo: x, F(x) and F(x) + x as
 * feature maps, identity or projection shortcut, and how activation and
 * Jacobian-vector-product norms change with depth in a plain and a
 * residual stack.
 *
 * @summary y = F(x, {Wᵢ}) + x on a real photo, and why it keeps deep
 * networks trainable.
 *
 * @csspart figure - The whole figure.
 * @csspart title - The heading.
 * @csspart formula - The block's formula as MathML.
 * @csspart controls - The shortcut toggle.
 * @csspart panels - The three feature-map panels.
 * @csspart canvas - Each feature-map canvas.
 * @csspart legend - The colour scales.
 * @csspart measurement - ‖F(x)‖ against the shortcut's norm.
 * @csspart chart - The signal-propagation chart.
 * @csspart caption - The chart's summary in words.
 *
 * @cssprop [--mw-skip-connection-chart-height=300px] - Space kept for the chart.
 *
 * @fires change - The reader switched the shortcut (`ShortcutChangeEvent`).
 * @fires ready - Everything is drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class SkipConnection extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, skipConnectionStyles];

  protected static override runProperties = [...WalkthroughFigure.runProperties, 'shortcut'];

  #chart?: Chart;
  #blockNote = '';
  #signal?: { key: string; value: SignalPropagation };

  /** `projection` (layer1[0], 64→256, 1×1 W_s) or `identity` (layer1[1], 256→256). */
  @property({ reflect: true })
  shortcut: Shortcut = 'projection';

  @state()
  private block?: BlockTensors;

  /** Colour-scale ends: |signed| for x and F(x), max for the output. */
  @state()
  private ends: [number, number] = [1, 1];

  @state()
  private formula = '';

  @state()
  private signalText = '';

  @state()
  private deepNote = '';

  /** The block's tensors from the last run (for tests and curious hosts). */
  get blockTensors(): BlockTensors | undefined {
    return this.block;
  }

  /** The per-depth norms from the last run. */
  get signalPropagation(): SignalPropagation | undefined {
    return this.#signal?.value;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.finalize();
    this.#chart = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The chart lives in a node that error states remove; drop its view.
    if (this.status === 'error') {
      this.#chart?.finalize();
      this.#chart = undefined;
    }
  }

  protected override validate(): string | undefined {
    const problem = super.validate();
    if (problem) return problem;
    if (!SHORTCUTS.includes(this.shortcut)) return badValue('shortcut', this.shortcut, SHORTCUTS);
    return undefined;
  }

  protected override get figureTitle(): string {
    return 'Skip connection: a ResNet-50 residual block on a photo';
  }

  protected override get weightsNote(): string {
    if (!this.src) return this.#blockNote;
    const rest = isFolder(this.src)
      ? ''
      : ' It ran the block; the stem that feeds it has seeded weights (give a folder of ' +
        'slices, src ending in /, to use yours throughout).';
    return `${userModelNote(this.src, '').trim()}${rest} The deep stacks are built in.`;
  }

  protected override async execute(context: RunContext): Promise<void> {
    const { signal } = context;
    const shortcut = this.shortcut;
    const image = this.image || defaultPhoto.url;

    const [pixels, blockManifest, plainManifest] = await Promise.all([
      loadPixels(image),
      manifest(`bottleneck-${shortcut}`, signal),
      manifest('deep-plain', signal),
    ]);
    this.#blockNote = blockManifest.weights.note;
    this.deepNote = plainManifest.weights.note;

    // Stem, then layer1[0]; layer1[1] takes layer1[0]'s output, as in ResNet-50.
    const url = (name: SliceName, builtIn: string, main = false) =>
      sliceUrl(this.src, name, builtIn, main);
    const stem = await context.session(url('resnet50-stem', STEM.model));
    const { pool } = await context.infer(stem, { image: imageToTensor(pixels, 224) }, ['pool']);
    let x = pool!;
    if (shortcut === 'identity') {
      const first = await context.session(url('bottleneck-projection', BLOCK.projection.model));
      x = (await context.infer(first, { x }, ['output'])).output!;
    }
    const contract: ModelContract = { inputs: { x: x.dims }, outputs: OUTPUTS };
    const main = url(`bottleneck-${shortcut}`, BLOCK[shortcut].model, true);
    const session = await context.session(main, contract);
    const out = await context.infer(session, { x }, OUTPUTS);
    const block: BlockTensors = {
      x,
      residual: out.residual!,
      shortcut: out.shortcut!,
      output: out.output!,
      channels: topK(channelEnergy(out.output!), CHANNELS),
      backend: context.backend,
    };

    // He et al. 2016, Eq. 1 (identity) and Eq. 2 (projection W_s).
    const add = shortcut === 'identity' ? '\\mathbf{x}' : 'W_s\\mathbf{x}';
    const formula = await mathml(
      `\\mathbf{y} = \\mathcal{F}(\\mathbf{x}, \\{W_i\\}) + ${add}`,
      true,
    );
    if (signal.aborted) return;

    this.formula = formula;
    this.block = block;
    this.ends = [
      bound([block.residual, block.shortcut], block.channels),
      bound([block.output], block.channels),
    ];
    await this.updateComplete;
    drawMaps(this.renderRoot, block, pixels, this.ends);

    const propagation = await this.#propagate(context, pixels, image, plainManifest);
    if (signal.aborted) return;
    this.signalText = describeSignal(propagation);
    await this.updateComplete;
    await this.#drawChart(propagation);
  }

  async #propagate(
    context: RunContext,
    pixels: Awaited<ReturnType<typeof loadPixels>>,
    image: string,
    manifest: SliceManifest,
  ): Promise<SignalPropagation> {
    // The probe's step has the length of the manifest's reference step
    // (ε·‖v‖), whose finite-difference error the export measured.
    const ref = manifest.reference;
    const epsilon = (ref?.epsilon ?? 1e-3) * (ref?.direction?.l2 ?? 1);
    const key = `${context.backend} ${image} ${epsilon}`;
    if (this.#signal?.key === key) return this.#signal.value;

    // The stacks' own input size (their manifests say [3, 3, H, W]).
    const [, , h, w] = manifest.inputs[0]!.shape as [number, number, number, number];
    const x0 = normaliseImageNet(resizeToFloat(pixels, w, h), h, w);
    const batch = probeBatch(x0, unitDirection(x0.data.length, SEED), epsilon);
    const norms: DepthNorms[] = [];
    for (const name of ['deep-plain', 'deep-residual'] as const) {
      const session = await context.session(slices[name].model);
      const { hidden } = await context.infer(session, { x: batch }, ['hidden']);
      norms.push(depthNorms(hidden!, epsilon));
    }

    const value = { plain: norms[0]!, residual: norms[1]!, epsilon };
    this.#signal = { key, value };
    return value;
  }

  async #drawChart(propagation: SignalPropagation): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('[part=chart]');
    if (container === null) return;
    this.#chart?.finalize();
    this.#chart = undefined;

    this.#chart = await renderChart(container, signalChartSpec(propagation, this.signalText), this);
  }

  protected override renderBody(): unknown {
    const block = this.status === 'error' ? undefined : this.block;
    return html`
      <div part="formula">
        <canvas part="canvas" data-map="photo" role="img" aria-label="The input photo"></canvas>
        ${this.formula ? unsafeHTML(this.formula) : nothing}
        <span class="cite">
          then ReLU; He et al. 2016, Eq. ${this.shortcut === 'identity' ? '1' : '2'}.
          ${this.block ? `x is ${shape(this.block.x)}, ${this.shortcut === 'identity' ? "layer1[0]'s output" : "the stem's max pool"}.` : ''}
        </span>
      </div>
      ${this.renderControls()}
      ${
        block
          ? this.renderMaps(block)
          : html`<div class="placeholder" ?data-busy=${this.status === 'loading'}>
              Feature maps appear here.
            </div>`
      }
      <h4 id="signal">
        Signal propagation: activation ‖h‖ and JVP ‖J v‖ against depth, plain vs residual
      </h4>
      ${
        block
          ? html`<div
              part="chart"
              role="group"
              aria-labelledby="signal"
              aria-describedby="signal-caption"
            ></div>`
          : nothing
      }
      <p part="caption" id="signal-caption">
        ${
          this.signalText
            ? `${this.signalText} ${this.deepNote}`
            : 'Norms of a plain and a residual stack of 30 blocks, per depth.'
        }
      </p>
    `;
  }

  protected renderControls(): unknown {
    const button = (value: Shortcut, label: string) => html`
      <button
        type="button"
        data-shortcut=${value}
        aria-pressed=${this.shortcut === value ? 'true' : 'false'}
        @click=${this.#onShortcut}
      >
        ${label}
      </button>
    `;
    return html`
      <div part="controls" role="group" aria-label="Shortcut">
        <span id="shortcut-label">Shortcut:</span>
        ${button('projection', 'Projection Wₛ x (64→256)')}
        ${button('identity', 'Identity x (256→256)')}
      </div>
    `;
  }

  protected renderMaps(block: BlockTensors): unknown {
    const projection = this.shortcut === 'projection';
    const left = projection ? 'Wₛ x' : 'x';
    const channels = block.channels.join(', ');
    const panel = (map: 'shortcut' | 'residual' | 'output', title: unknown, what: string) => html`
      <figure>
        <figcaption>${title} <span class="mono">${shape(block[map])}</span></figcaption>
        <canvas
          part="canvas"
          data-map=${map}
          role="img"
          aria-label=${`${what}, channels ${channels}, ${shape(block[map])}`}
        ></canvas>
      </figure>
    `;
    const ratio = normRatio(block.residual.data, block.shortcut.data);
    return html`
      <div part="panels">
        ${panel('shortcut', projection ? 'Wₛ x, the projected input' : 'x, the input', `${left}, the shortcut`)}
        ${panel('residual', html`<span class="op">+</span> F(x), the residual`, 'F(x), the residual branch')}
        ${panel('output', html`<span class="op">=</span> F(x) + ${left} after ReLU`, `ReLU of F(x) + ${left}, the block output`)}
      </div>
      <div part="legend">
        ${scale('diverging', -this.ends[0], this.ends[0], `${left} and F(x), one shared signed scale`)}
        ${scale('viridis', 0, this.ends[1], 'output after ReLU')}
        <span
          >Channels ${channels}: the ${CHANNELS} strongest in the output, same in every panel.</span
        >
      </div>
      <p part="measurement">
        ‖F(x)‖ / ‖${left}‖ = <strong>${ratio.toFixed(2)}</strong>:
        ${ratio < 1 ? 'the shortcut carries more of the signal than the residual adds' : 'the residual adds more than the shortcut carries'}.
      </p>
    `;
  }

  #onShortcut = (event: Event): void => {
    const value = (event.currentTarget as HTMLElement).dataset['shortcut'] as Shortcut;
    if (value === this.shortcut) return;
    this.shortcut = value;
    this.dispatchEvent(new ShortcutChangeEvent(value));
  };
}
