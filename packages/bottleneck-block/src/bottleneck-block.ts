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
  basicBlock,
  blockCost,
  bnParams,
  convFlops,
  convParams,
  matchingBasicBlock,
  type BlockKind,
  type ConvShape,
} from './block-cost.js';
import { bottleneckStyles } from './bottleneck-block.styles.js';

/** The block's input and everything it produced in one run. */
export interface BottleneckResult {
  /** The block's input x, [1, C, 56, 56]. */
  x: PlainTensor;
  reduce: PlainTensor;
  spatial: PlainTensor;
  /** F(x), the main path before the add. */
  residual: PlainTensor;
  shortcut: PlainTensor;
  /** F(x) + shortcut, before the last ReLU; computed here, not by the slice. */
  sum: PlainTensor;
  /** ReLU(F(x) + shortcut). */
  output: PlainTensor;
}

type TensorName = Exclude<keyof BottleneckResult, 'shortcut'>;

interface Step {
  name: string;
  label: string;
  tensor: TensorName;
  /** The convolution this step runs, with its BatchNorm. */
  conv?: ConvShape;
  note: string;
}

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
    const steps = this.#steps();
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
      ${this.#renderComparison()}
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

  #renderComparison(): unknown {
    const layout = this.#layout;
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
    const m = this.manifest;
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
        <strong>${ratio(theirs.flops, ours.flops)} fewer FLOPs</strong> than a basic block of the
        same width. He et al. (2016, Sec. 4.1) sized it to cost about what a basic block 64 channels
        wide does (${fmt(narrow.conv)} conv weights), while carrying 256.
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

  #steps(): Step[] {
    const [reduce, spatial, expand] = this.#layout.main as [ConvShape, ConvShape, ConvShape];
    const identity = this.block === 'identity';
    const conv = (c: ConvShape) => `${c.kernel}×${c.kernel} conv, ${c.cin}→${c.cout}`;
    const shortcut = this.#layout.projection;
    return [
      {
        name: 'Input x',
        label: identity ? 'layer1[0] output' : 'stem max-pool',
        tensor: 'x',
        note: identity
          ? 'The photo after the stem and the first bottleneck, layer1[0].'
          : 'The photo after the stem: 7×7 conv, stride 2, and 3×3 max-pool, stride 2.',
      },
      {
        name: conv(reduce),
        label: '(reduce)',
        tensor: 'reduce',
        conv: reduce,
        note: identity
          ? 'A 1×1 convolution mixes channels at each pixel and cuts 256 to 64, ' +
            'so the 3×3 works on a quarter of the width. BatchNorm, ReLU.'
          : 'Here the input is already 64 wide, so the 1×1 keeps the width. BatchNorm, ReLU.',
      },
      {
        name: conv(spatial),
        label: '(spatial)',
        tensor: 'spatial',
        conv: spatial,
        note:
          'The only convolution that looks at neighbours, and it runs at the narrow width. ' +
          'BatchNorm, ReLU.',
      },
      {
        name: conv(expand),
        label: '(expand)',
        tensor: 'residual',
        conv: expand,
        note: 'A 1×1 convolution restores 256 channels. BatchNorm, no ReLU: this is F(x), signed.',
      },
      {
        name: '+ shortcut',
        label: identity ? 'F(x) + x' : 'F(x) + Wₛx',
        tensor: 'sum',
        conv: shortcut,
        note: shortcut
          ? 'x is 64 wide and F(x) 256, so the shortcut is a 1×1 convolution with ' +
            'BatchNorm, Wₛx (He et al. 2016, Eq. 2).'
          : 'The shortcut is x itself: no parameters, one addition per value.',
      },
      {
        name: 'ReLU',
        label: 'output',
        tensor: 'output',
        note: 'Negative sums become zero. This is what the next block receives.',
      },
    ];
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
    const count = this.#steps().length;
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
