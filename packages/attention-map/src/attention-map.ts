import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  FigureError,
  WalkthroughFigure,
  imageToTensor,
  loadPixels,
  resizeToFloat,
  sliceUrl,
  userModelNote,
  type RunContext,
} from '@model-walkthroughs/core';
import {
  scenes,
  slices,
  type SceneReference,
  type TinyScenesManifest as VitManifest,
} from '@model-walkthroughs/slices-vit';
import {
  intOrKeyword,
  sceneIndex,
  sceneProblem,
  viewProblem,
  type Limits,
  type Mode,
} from './attributes.js';
import { attentionStyles } from './attention-map.styles.js';
import { renderControls, type ViewKey } from './controls.js';
import { renderScenes } from './scene-picker.js';
import { drawHeat } from './heat-overlay.js';
import { moveInGrid, renderGrid } from './patch-grid.js';
import { renderLegend, renderPrediction, renderQueryText, renderShare } from './readout.js';
import { attentionMatrix, objectShare, rolloutOf, row, softmax, type Matrix } from './rollout.js';
import { SLICE, manifestOf, type AttentionResult } from './vit-slice.js';

const VIEW = ['layer', 'head', 'query', 'mode'];
const names = scenes.map((s) => s.name);

/**
 * A small Vision Transformer, trained here on generated scenes, run on a
 * scene or your image: pick a layer, a head and a query patch and see where
 * that query looks, or follow attention rollout through the layers.
 *
 * @summary Where a ViT's attention goes, per layer, head and query, and rolled out.
 * @tagname attention-map
 *
 * @attr {number} layer - Layer 1..L; default the last.
 * @attr {'mean' | number} head - Head 1..H or `mean`; default `mean`.
 * @attr {'cls' | number} query - `cls` or a patch index 0..63 (row × 8 + column); default `cls`.
 * @attr {'layer' | 'rollout'} mode - This layer's attention, or rollout up to it.
 * @attr {number | string} scene - Shipped scene by index or name; default 0.
 * @attr {string} image - URL of your own image, in place of the scene.
 * @attr {string} src - URL of your own export of the ViT (same inputs and outputs).
 * @attr {'auto' | 'webgpu' | 'wasm'} backend - Runtime.
 * @attr {'lazy' | 'eager'} loading - `lazy` runs when scrolled near; `eager` at once.
 *
 * @fires change - The reader changed layer, head, query, mode, scene or image.
 * @fires ready - The model ran and the map is drawn.
 * @fires error - The figure could not run; `code` and `message` say why.
 *
 * @csspart controls - Layer, head and mode choices.
 * @csspart scenes - The scene thumbnails and the file button.
 * @csspart stage - The image, its heat overlay and the patch grid.
 * @csspart canvas - The image with the heat overlay.
 * @csspart grid - The 8 × 8 patches, one per cell.
 * @csspart cls - The button that makes [CLS] the query.
 * @csspart legend - The colour scale and its maximum.
 * @csspart readout - The query's numbers, the prediction and the object share.
 *
 * @cssprop [--mw-attention-map-size=256px] - Width of the image.
 * @cssprop [--mw-attention-map-query=#ffffff] - Outline of the query patch.
 */
export class AttentionMap extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, attentionStyles];

  protected static override runProperties = [...WalkthroughFigure.runProperties, 'scene'];

  #file?: File;

  #rollouts?: Matrix[];

  /** Layer 1..L whose attention is shown; unset means the last. */
  @property({ reflect: true, converter: intOrKeyword })
  layer?: number;

  /** Head 1..H, or `mean` for the mean over heads. */
  @property({ reflect: true, converter: intOrKeyword })
  head: number | 'mean' = 'mean';

  /** The query: `cls`, or a patch index 0..63, row-major. */
  @property({ reflect: true, converter: intOrKeyword })
  query: number | 'cls' = 'cls';

  /** `layer`: this layer's attention; `rollout`: rolled out up to this layer. */
  @property({ reflect: true })
  mode: Mode = 'layer';

  /** A shipped scene, by index or name; unused when `image` is set. */
  @property({ reflect: true, converter: intOrKeyword })
  scene: number | string = 0;

  /** Cell that holds the grid's tab stop. */
  @state()
  private cursor = 0;

  /** How strongly the heat covers the image. */
  @state()
  private opacity = 0.65;

  @state()
  private manifest?: VitManifest;

  @state()
  private result?: AttentionResult;

  /** The last run's outputs; undefined before the first. */
  get outputs(): AttentionResult | undefined {
    return this.result;
  }

  /**
   * The weights shown now: the query's row of the chosen layer and head (or
   * rollout), [CLS] first, then the patches. Sums to 1.
   */
  get weights(): Float64Array | undefined {
    const m = this.#matrix();
    return m && row(m.matrix, m.n, this.query === 'cls' ? 0 : 1 + Number(this.query));
  }

  get #limits(): Limits | undefined {
    const a = this.manifest?.architecture;
    return a && { depth: a.depth, heads: a.heads, patches: a.grid * a.grid };
  }

  get #layer(): number {
    return this.layer ?? this.manifest?.architecture.depth ?? 1;
  }

  protected override get figureTitle(): string {
    return 'Where a Vision Transformer looks';
  }

  protected override get weightsNote(): string {
    if (this.src) return userModelNote(this.src, '');
    return this.manifest?.weights.note ?? '';
  }

  protected override validate(): string | undefined {
    return (
      super.validate() ??
      (this.image || this.#file ? undefined : sceneProblem(this.scene, names)) ??
      viewProblem(this, this.#limits)
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('image') && this.image) this.#file = undefined;
    super.willUpdate(changed);

    // Layer, head, query and mode only change the view; the forward pass
    // already returned every layer's attention. Only a bad value, or
    // leaving the error it caused, goes through a run, which reports it.
    const view = VIEW.some((p) => changed.has(p));
    if (view && this.hasUpdated && this.status !== 'idle') {
      if (this.status === 'error' || this.validate()) void this.refresh();
    }
  }

  protected override async execute(context: RunContext): Promise<void> {
    const file = this.#file;
    const index = file || this.image ? undefined : sceneIndex(this.scene, names);
    const source = file ?? (this.image || scenes[index!]!.url);

    const inputs = Promise.all([loadPixels(source), manifestOf()]);
    inputs.catch(() => undefined);
    const url = sliceUrl(this.src, SLICE, slices[SLICE].model, true);
    const session = await context.session(url, {
      inputs: { image: [1, 3, 64, 64] },
      outputs: ['logits', 'attention'],
    });
    const [pixels, manifest] = await inputs;

    // Layer and head ranges come from the manifest, known only now.
    this.manifest = manifest;
    const problem = this.validate();
    if (problem) throw new FigureError('bad-attribute', problem);

    const { size, mean, std } = manifest.preprocessing;
    const image = imageToTensor(pixels, size, mean, std);
    if (context.signal.aborted) return;
    const out = await context.infer(session, { image }, ['logits', 'attention']);
    if (context.signal.aborted) return;

    const logits = out['logits']!;
    this.#rollouts = undefined;
    this.result = {
      logits,
      probabilities: softmax(logits.data),
      attention: out['attention']!,
      rgb: resizeToFloat(pixels, size, size),
      scene: index,
    };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('[part=canvas]');
    const w = this.weights;
    const r = this.result;
    if (!canvas || !w || !r) return;
    const patches = w.subarray(1);
    drawHeat(canvas, {
      rgb: r.rgb,
      size: Math.sqrt(r.rgb.length / 3),
      grid: Math.sqrt(patches.length),
      weights: patches,
      max: Math.max(...patches),
      opacity: this.opacity,
    });
  }

  override render() {
    // A file that would not decode must not strand the reader: the scenes
    // stay under the message.
    const page = super.render();
    return this.status === 'error' ? html`${page}${this.#renderScenes()}` : page;
  }

  protected override renderBody(): unknown {
    const m = this.manifest;
    const r = this.result;
    const w = this.weights;
    if (!m || !r || !w) return html`<div class="placeholder" data-busy>Running the ViT…</div>`;

    const { grid } = m.architecture;
    return html`
      ${renderControls(m.architecture, this.#layer, this.head, this.mode, this.#set)}
      ${this.#renderScenes()}
      <div class="body">
        <div part="stage">
          <canvas part="canvas" aria-hidden="true"></canvas>
          ${renderGrid({
            grid,
            weights: w.subarray(1),
            query: this.query === 'cls' ? -1 : Number(this.query),
            cursor: this.cursor,
            onKeydown: this.#onGridKey,
            onPick: (p) => this.#pick(p),
          })}
        </div>
        <div part="readout">
          ${this.#renderQuery(w, grid)} ${renderPrediction(m, r)} ${this.#renderShare(m, r)}
        </div>
      </div>
    `;
  }

  #renderScenes(): unknown {
    const current = this.image || this.#file ? -1 : sceneIndex(this.scene, names);
    return renderScenes(scenes, current, (k) => this.#chooseScene(k), this.#onFile);
  }

  #renderQuery(w: Float64Array, grid: number): unknown {
    const q = this.query;
    const heads =
      this.mode === 'rollout' || this.head === 'mean' ? 'mean of heads' : `head ${this.head}`;
    const where = this.mode === 'rollout' ? 'rollout up to layer' : 'layer';
    return html`
      ${renderQueryText(w, grid, q === 'cls' ? -1 : q, `${where} ${this.#layer}, ${heads}`, () =>
        this.#set('query', 'cls'),
      )}
      ${renderLegend(Math.max(...w.subarray(1)), w.length, this.opacity, (v) => (this.opacity = v))}
    `;
  }

  #renderShare(m: VitManifest, r: AttentionResult): unknown {
    const facts: SceneReference | undefined =
      r.scene === undefined ? undefined : m.scenes.find((s) => s.name === names[r.scene!]);
    const cls = this.#matrix();
    if (!facts || !cls) return nothing;
    const share = objectShare(row(cls.matrix, cls.n, 0), facts.objectPatches);
    return renderShare(share, m, this.mode === 'rollout');
  }

  /** The matrix shown now: one head's or the mean's attention, or rollout. */
  #matrix(): { matrix: Matrix; n: number } | undefined {
    const a = this.result?.attention;
    if (!a || this.validate()) return undefined;
    const n = a.dims[3]!;
    const l = this.#layer - 1;
    if (this.mode === 'rollout') {
      this.#rollouts ??= rolloutOf(a);
      return { matrix: this.#rollouts[l]!, n };
    }
    return { matrix: attentionMatrix(a, l, this.head === 'mean' ? 'mean' : this.head - 1), n };
  }

  #set = (key: ViewKey, value: unknown): void => {
    if (this[key] === value) return;
    (this as Record<ViewKey, unknown>)[key] = value;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };

  #pick(p: number): void {
    this.cursor = p;
    this.#set('query', p);
  }

  #chooseScene(k: number): void {
    const same = !this.image && !this.#file && sceneIndex(this.scene, names) === k;
    if (same) return;
    this.#file = undefined;
    this.image = '';
    this.scene = k;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #onFile = (e: Event): void => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.#file = file;
    void this.refresh();
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };

  #onGridKey = (e: KeyboardEvent): void => {
    const grid = this.manifest?.architecture.grid ?? 8;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#pick(this.cursor);
      return;
    }
    const next = moveInGrid(e.key, e.ctrlKey || e.metaKey, this.cursor, grid);
    if (next === undefined) return;
    e.preventDefault();
    this.cursor = next;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#p${next}`)?.focus(),
    );
  };
}
