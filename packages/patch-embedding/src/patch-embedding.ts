import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  FigureError,
  WalkthroughFigure,
  colormapGradient,
  gridMove,
  imageToTensor,
  loadPixels,
  resizeToFloat,
  sliceUrl,
  userModelNote,
  type ModelContract,
  type PlainTensor,
  type RunContext,
} from '@model-walkthroughs/core';
import { defaultPhoto } from '@model-walkthroughs/samples';
import { loadManifest, slices, type B16EmbedManifest } from '@model-walkthroughs/slices-vit';
import { drawExploded, drawMatrix, drawPatch, drawPhoto } from './draw.js';
import { patchEmbeddingStyles } from './patch-embedding.styles.js';
import {
  NORMALISED_BOUND,
  VIT_B16_LAYOUT as LAYOUT,
  cropPatch,
  formatValue as fmt,
  maxAbs,
  position,
  row,
} from './patches.js';
import { sequenceSteps, type PatchResult } from './sequence.js';
import { renderGrid, renderStep, renderStrip } from './views.js';

const SLICE = 'vit-b16-embed';
const OUTPUTS = ['patch_tokens', 'tokens', 'embedded'];
const COUNT = LAYOUT.grid * LAYOUT.grid;
const DIM = 3 * LAYOUT.patch * LAYOUT.patch;

/**
 * ViT-B/16's patch embedding on a photo: the 224×224 image cut into a
 * 14×14 grid of 16×16 patches; pick one to see its pixels, the 768
 * numbers it flattens to and the 768-number token the real projection
 * makes of them, then the whole sequence with [CLS] and position
 * embeddings, with the shape at every step.
 *
 * @summary A photo cut into 16×16 patches and embedded as ViT-B/16 tokens.
 * @tagname patch-embedding
 *
 * @attr {number} patch - Index of the selected patch, row·14 + col (0 to 195); default 105.
 * @attr {string} src - URL of your own export of the patch embedding (input `image`
 *   [1, 3, 224, 224], outputs `patch_tokens`, `tokens`, `embedded`).
 * @attr {string} image - URL of the photo; default the CC0 cat photo.
 * @attr {'auto' | 'webgpu' | 'wasm'} backend - Runtime; `auto` takes WebGPU when there is an
 *   adapter.
 * @attr {'lazy' | 'eager'} loading - `lazy` runs when scrolled near; `eager` at once.
 * @attr {'idle' | 'loading' | 'ready' | 'error'} status - Read-only: where the figure is.
 *
 * @fires change - The reader selected another patch; read `patch`.
 * @fires ready - The slice ran and the patches and tokens are drawn.
 * @fires error - The figure could not run; `code` and `message` say why.
 *
 * @csspart figure - The whole figure.
 * @csspart title - The heading.
 * @csspart photo - The photo with its patch grid.
 * @csspart grid - The keyboard-navigable grid of patches over the photo.
 * @csspart details - The selected patch: pixels, vector, token.
 * @csspart readout - Which patch is selected, announced politely.
 * @csspart strip - A row of 768 numbers drawn as colours.
 * @csspart sequence - The row of steps from image to embedded tokens.
 * @csspart step - One step: name, picture, shape.
 *
 * @cssprop [--mw-patch-embedding-photo-size=336px] - Widest the photo is drawn.
 * @cssprop [--mw-patch-embedding-select=var(--mw-color-accent)] - Outline of the selected patch.
 */
export class PatchEmbedding extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, patchEmbeddingStyles];

  #drawn?: PatchResult;

  #drawnPatch = -1;

  /** One scale for every token on show, so they compare. */
  #bound = 1;

  /** Index of the selected patch, row·14 + col, 0 to 195. */
  @property({ type: Number, reflect: true })
  patch = 105;

  @state()
  private result?: PatchResult;

  @state()
  private manifest?: B16EmbedManifest;

  /** The last run's tensors, for hosts and tests; undefined before the first. */
  get tensors(): PatchResult | undefined {
    return this.result;
  }

  /** The selected patch flattened, as drawn: 768 normalised inputs, c·256 + y·16 + x. */
  get vector(): Float32Array | undefined {
    return this.result && validPatch(this.patch) ? row(this.result.vectors, this.patch) : undefined;
  }

  /** The selected patch's token, as drawn: patch_tokens[0, patch]. */
  get token(): Float32Array | undefined {
    return this.result && validPatch(this.patch)
      ? row(this.result.patchTokens, this.patch)
      : undefined;
  }

  protected override get figureTitle(): string {
    return 'ViT-B/16 patch embedding: an image becomes 197 tokens';
  }

  protected override get weightsNote(): string {
    if (this.src) return userModelNote(this.src, '').trim();
    const note = this.manifest?.weights.note ?? '';
    return note && `${note} Give src your own export to see trained weights.`;
  }

  protected override validate(): string | undefined {
    const problem = super.validate();
    if (problem) return problem;
    if (!validPatch(this.patch)) {
      return `patch="${written(this, 'patch', this.patch)}" is not a whole number from 0 to ${COUNT - 1}.`;
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A valid choice only redraws; a bad one (or the cure of one) goes
    // through validation, which runs with the model.
    const bad = !validPatch(this.patch) || this.status === 'error';
    if (changed.has('patch') && this.hasUpdated && this.status !== 'idle' && bad) {
      void this.refresh();
    }
  }

  protected override async execute(context: RunContext): Promise<void> {
    const contract: ModelContract = {
      inputs: { image: [1, 3, LAYOUT.size, LAYOUT.size] },
      outputs: OUTPUTS,
    };
    const inputs = Promise.all([loadPixels(this.image || defaultPhoto.url), manifestOf()]);
    // Swallowed here, rethrown by the await below: a session error may come first.
    inputs.catch(() => undefined);

    const url = sliceUrl(this.src, SLICE, slices[SLICE].model, true);
    const session = await context.session(url, contract);
    const [pixels, manifest] = await inputs;

    const image = imageToTensor(pixels, LAYOUT.size);
    const out = await context.infer(session, { image }, OUTPUTS);
    if (context.signal.aborted) return;

    const vectors = new Float32Array(COUNT * DIM);
    for (let p = 0; p < COUNT; p++) vectors.set(cropPatch(image.data, p), p * DIM);
    this.manifest = manifest;
    this.result = {
      image,
      rgb: resizeToFloat(pixels, LAYOUT.size, LAYOUT.size),
      vectors: { data: vectors, dims: [COUNT, DIM] },
      patchTokens: out['patch_tokens']!,
      tokens: out['tokens']!,
      embedded: out['embedded']!,
    };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // An error message stands in place of the canvases.
    if (this.status === 'error') {
      this.#drawn = undefined;
      return;
    }
    if (this.result !== this.#drawn) this.#drawAll(this.result);
    if (this.result && this.patch !== this.#drawnPatch) this.#drawPatch(this.result);
  }

  protected override renderBody(): unknown {
    const p = validPatch(this.patch) ? this.patch : 0;
    const [r, c] = position(p);
    // The manifest's rule, up to its gloss: "index = c * 256 + y * 16 + x".
    const order = (this.manifest?.flattenOrder.vector ?? 'index = c * 256 + y * 16 + x').split(
      ' (',
    )[0];
    const pos = this.result && positionEmbedding(this.result, p + 1);
    return html`
      <div class="layout">
        <div class="photo">
          <canvas part="photo" aria-hidden="true"></canvas>
          ${renderGrid(LAYOUT.grid, p, this.#onKeydown, this.#onClick)}
        </div>
        <section part="details" aria-labelledby="readout">
          <p part="readout" id="readout" aria-live="polite">Patch (${r}, ${c}), index ${p}</p>
          <div class="pixels">
            <canvas
              data-draw="pixels"
              role="img"
              aria-label="The 16 by 16 pixels of patch (${r}, ${c}), enlarged"
            ></canvas>
            <p>
              Its 16×16×3 pixels, enlarged. Flattened channel by channel, row by row, they are the
              768 numbers below (<span class="mono">${order}</span>), after ImageNet normalisation.
            </p>
          </div>
          ${renderStrip('vector', 'Patch vector x, 768 numbers', this.vector)}
          <p class="channels mono" aria-hidden="true"><span>R</span><span>G</span><span>B</span></p>
          ${renderStrip('token', 'Token E·x + b, 768 numbers', this.token)}
          ${renderStrip('position', `Position embedding of token ${p + 1}`, pos)}
        </section>
      </div>
      <ol part="sequence" aria-label="From the image to the embedded sequence">
        ${sequenceSteps(LAYOUT, this.result).map((s) => renderStep(s, p))}
      </ol>
      <p class="legend">
        <span class="swatch" style="background: ${colormapGradient('diverging')}"></span>
        blue below 0, grey 0, red above. Patch vectors on ±${fmt(NORMALISED_BOUND)}, the most a
        normalised pixel can be; tokens on the largest |value| among them; the position embedding on
        its own.
      </p>
    `;
  }

  #drawAll(result: PatchResult | undefined): void {
    this.#drawn = result;
    this.#drawnPatch = -1;
    const root = this.renderRoot;
    const canvas = (selector: string) => root.querySelector<HTMLCanvasElement>(selector)!;
    const steps = (id: string) => canvas(`[data-step=${id}] canvas`);
    if (result === undefined) {
      for (const c of root.querySelectorAll('canvas')) c.width = 0;
      return;
    }

    const rgbPatch = (p: number) => cropPatch(result.rgb, p);
    drawPhoto(canvas('[part=photo]'), result.rgb, LAYOUT);
    drawPhoto(steps('image'), result.rgb, LAYOUT);
    drawExploded(steps('patches'), rgbPatch, LAYOUT);
    drawMatrix(steps('vectors'), result.vectors.data, COUNT, DIM, NORMALISED_BOUND);
    const bound = (this.#bound = maxAbs(result.embedded.data));
    for (const id of ['patchTokens', 'tokens', 'embedded'] as const) {
      const t: PlainTensor = result[id];
      drawMatrix(steps(id), t.data, t.dims.at(-2)!, t.dims.at(-1)!, bound);
    }
    this.#drawPatch(result);
  }

  #drawPatch(result: PatchResult): void {
    const p = validPatch(this.patch) ? this.patch : 0;
    this.#drawnPatch = this.patch;
    const canvas = (name: string) =>
      this.renderRoot.querySelector<HTMLCanvasElement>(`[data-draw=${name}]`)!;
    drawPatch(canvas('pixels'), cropPatch(result.rgb, p), LAYOUT.patch);
    drawMatrix(canvas('vector'), row(result.vectors, p), 1, DIM, NORMALISED_BOUND);
    drawMatrix(canvas('token'), row(result.patchTokens, p), 1, DIM, this.#bound);
    const pos = positionEmbedding(result, p + 1);
    drawMatrix(canvas('position'), pos, 1, pos.length, maxAbs(pos));
  }

  #select(p: number, focus = false): void {
    if (focus) this.renderRoot.querySelector<HTMLElement>('[part=grid]')?.focus();
    if (p === this.patch) return;
    this.patch = p;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const from = validPatch(this.patch) ? this.patch : 0;
    const next = gridMove(event.key, from, LAYOUT.grid, LAYOUT.grid, event.ctrlKey);
    if (next === undefined) return;
    event.preventDefault();
    this.#select(next);
  };

  #onClick = (event: MouseEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role=gridcell]');
    if (cell) this.#select(Number(cell.dataset['patch']), true);
  };
}

/** The value as the page wrote it: the attribute, unless a script set the property since. */
function written(el: Element, name: string, value: number): string {
  const raw = el.getAttribute(name);
  const same = raw !== null && (Number(raw) === value || Number.isNaN(value));
  return same ? raw : String(value);
}

function validPatch(p: number): boolean {
  return Number.isInteger(p) && p >= 0 && p < COUNT;
}

/** E_pos of one token: what adding the position embeddings added to it. */
export function positionEmbedding(result: PatchResult, token: number): Float32Array {
  const a = row(result.embedded, token);
  const b = row(result.tokens, token);
  return a.map((v, i) => v - b[i]!);
}

async function manifestOf(): Promise<B16EmbedManifest> {
  try {
    return await loadManifest(SLICE);
  } catch (error) {
    throw new FigureError(
      'model-not-found',
      `The manifest of the ${SLICE} slice could not be loaded.`,
      {
        cause: error,
      },
    );
  }
}
