import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  FigureError,
  WalkthroughFigure,
  badValue,
  colormapGradient,
  goldenInput,
  gridMove,
  mathml,
  sliceUrl,
  userModelNote,
  type RunContext,
} from '@model-walkthroughs/core';
import { loadManifest, slices, type TinyScenesManifest } from '@model-walkthroughs/slices-vit';
import { drawMap, drawSmallMultiples, tileAt } from './heat.js';
import { fmt, renderPanel } from './panel.js';
import { positionEmbeddingStyles } from './position-embedding.styles.js';
import { mostSimilar, patchPositions, similarityMatrix, sinusoidal2d } from './similarity.js';

const SLICE = 'vit-tiny-scenes';
const KINDS = ['learned', 'sinusoidal'] as const;
const VIEWS = ['both', ...KINDS] as const;

export type EmbeddingKind = (typeof KINDS)[number];
export type EmbeddingView = (typeof VIEWS)[number];

/** The learned table and both similarity matrices. */
export interface PositionResult {
  /** The slice's `pos_embed` output, [1, N + 1, D], row 0 for [CLS]. */
  table: { data: Float32Array; dims: number[] };
  grid: number;
  dim: number;
  learned: Float64Array;
  sinusoidal: Float64Array;
}

const TITLES: Record<EmbeddingKind, string> = {
  learned: 'Learned',
  sinusoidal: '2D sine-cosine',
};

// Dosovitskiy et al. 2021, Fig. 7 (centre); Vaswani et al. 2017, Sec. 3.5.
const FORMULAS = [
  '\\operatorname{sim}(p,q)=\\frac{\\mathbf{e}_p\\cdot\\mathbf{e}_q}' +
    '{\\lVert\\mathbf{e}_p\\rVert\\,\\lVert\\mathbf{e}_q\\rVert}',
  '\\omega_i=10000^{-2i/d},\\quad d=\\tfrac{D}{2},\\quad i=0,\\dots,\\tfrac{d}{2}-1',
  '\\mathbf{e}_{r,c}=\\big[\\sin r\\omega_i,\\ \\cos r\\omega_i\\big]_i\\ \\Vert\\ ' +
    '\\big[\\sin c\\omega_i,\\ \\cos c\\omega_i\\big]_i',
];

/**
 * How alike a ViT's position embeddings are: pick a position on the 8×8
 * patch grid and see the cosine similarity of its embedding to every
 * other, for the learned embeddings of a small ViT trained here and for
 * fixed 2D sine-cosine embeddings of the same width, with the small
 * multiples of all 64 positions (the view of Dosovitskiy et al. 2021,
 * Fig. 7).
 *
 * @summary Cosine similarity of learned and 2D sinusoidal position embeddings.
 * @tagname position-embedding
 *
 * @attr {'both' | 'learned' | 'sinusoidal'} embedding - Which embeddings show; default both,
 *   side by side.
 * @attr {number} position - The selected patch position, row·8 + col; default 27.
 * @attr {string} src - URL of your own export of the small ViT (input `image`
 *   [1, 3, 64, 64], output `pos_embed` [1, N + 1, D]).
 * @attr {'auto' | 'webgpu' | 'wasm'} backend - Runtime; `auto` takes WebGPU when there is an
 *   adapter.
 * @attr {'lazy' | 'eager'} loading - `lazy` runs when scrolled near; `eager` at once.
 * @attr {'idle' | 'loading' | 'ready' | 'error'} status - Read-only: where the figure is.
 *
 * @fires change - The reader chose another position or other embeddings.
 * @fires ready - The model ran and the maps are drawn.
 * @fires error - The figure could not run; `code` and `message` say why.
 *
 * @csspart figure - The whole figure.
 * @csspart title - The heading.
 * @csspart controls - The learned / sinusoidal / side-by-side switch.
 * @csspart panel - One kind of embedding: its map and small multiples.
 * @csspart grid - The keyboard-navigable map of one position against all.
 * @csspart multiples - The small multiples of every position.
 * @csspart readout - The selected position and its closest match, announced politely.
 * @csspart formula - Cosine similarity and the sine-cosine embedding, in MathML.
 *
 * @cssprop [--mw-position-embedding-map-size=192px] - Width of a one-position map.
 * @cssprop [--mw-position-embedding-select=var(--mw-color-accent)] - Outline of the selection.
 */
export class PositionEmbedding extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, positionEmbeddingStyles];

  #drawn = '';

  /** `both` side by side, or only the `learned` or the `sinusoidal` ones. */
  @property({ reflect: true })
  embedding: EmbeddingView = 'both';

  /** The selected patch position, row·grid + col (0 to 63 on the 8×8 grid). */
  @property({ type: Number, reflect: true })
  position = 27;

  @state()
  private result?: PositionResult;

  @state()
  private manifest?: TinyScenesManifest;

  @state()
  private formulas: string[] = [];

  /** The embeddings and similarities of the last run; undefined before it. */
  get similarities(): PositionResult | undefined {
    return this.result;
  }

  get #grid(): number {
    return this.result?.grid ?? 8;
  }

  protected override get figureTitle(): string {
    return 'Position embeddings: learned, or sine and cosine';
  }

  protected override get weightsNote(): string {
    if (this.src) return userModelNote(this.src, '').trim();
    return this.manifest?.weights.note ?? '';
  }

  protected override validate(): string | undefined {
    const problem = super.validate();
    if (problem) return problem;
    if (!VIEWS.includes(this.embedding)) return badValue('embedding', this.embedding, VIEWS);
    if (!this.#validPosition(this.position)) {
      const n = this.#grid ** 2;
      return `position="${written(this, 'position', this.position)}" is not a whole number from 0 to ${n - 1}.`;
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A good choice only redraws; a bad value, or its cure, is validated,
    // and validation comes with a run.
    const bad =
      !this.#validPosition(this.position) ||
      !VIEWS.includes(this.embedding) ||
      this.status === 'error';
    const chosen = changed.has('position') || changed.has('embedding');
    if (chosen && this.hasUpdated && this.status !== 'idle' && bad) void this.refresh();
  }

  protected override async execute(context: RunContext): Promise<void> {
    const manifest = await manifestOf();
    const size = manifest.architecture.image;
    const url = sliceUrl(this.src, SLICE, slices[SLICE].model, true);
    const session = await context.session(url, {
      inputs: { image: [1, 3, size, size] },
      outputs: ['pos_embed'],
    });
    const formulas = Promise.all(FORMULAS.map((f) => mathml(f, true)));

    // The table is a parameter: any input gives the same one.
    const image = goldenInput([1, 3, size, size]);
    const { pos_embed: table } = await context.infer(session, { image }, ['pos_embed']);
    if (context.signal.aborted) return;

    const [, tokens, dim] = table!.dims as [number, number, number];
    const grid = Math.round(Math.sqrt(tokens - 1));
    if (grid * grid !== tokens - 1 || dim % 4 !== 0) {
      throw new FigureError(
        'model-mismatch',
        `The model's pos_embed has shape [${table!.dims.join(', ')}]: it needs [CLS] and a ` +
          'square grid of positions, and a width that is a multiple of 4.',
      );
    }
    const n = grid * grid;
    this.formulas = await formulas;
    this.manifest = manifest;
    this.result = {
      table: table!,
      grid,
      dim,
      learned: similarityMatrix(patchPositions(table!), n, dim),
      sinusoidal: similarityMatrix(sinusoidal2d(grid, dim), n, dim),
    };
    if (!this.#validPosition(this.position)) this.position = 0;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const key = `${this.embedding} ${this.position}`;
    if (this.result && (changed.has('result') || key !== this.#drawn)) this.#draw(this.result);
  }

  #shown(): readonly EmbeddingKind[] {
    return this.embedding === 'both' || !VIEWS.includes(this.embedding) ? KINDS : [this.embedding];
  }

  protected override renderBody(): unknown {
    const grid = this.#grid;
    const p = this.#validPosition(this.position) ? this.position : 0;
    const label: Record<EmbeddingView, string> = { both: 'Side by side', ...TITLES };
    return html`
      <div part="controls" role="group" aria-label="Embeddings shown">
        ${VIEWS.map(
          (view) => html`
            <button
              type="button"
              aria-pressed=${this.embedding === view ? 'true' : 'false'}
              @click=${() => this.#choose(view)}
            >
              ${label[view]}
            </button>
          `,
        )}
      </div>
      <div class="panels">
        ${this.#shown().map((kind) =>
          renderPanel({
            kind,
            title: TITLES[kind],
            matrix: this.result?.[kind],
            dim: this.result?.dim,
            grid,
            selected: p,
            onKeydown: this.#onKeydown,
            onCellClick: this.#onCellClick,
            onMultiplesClick: this.#onMultiplesClick,
          }),
        )}
      </div>
      <p class="legend">
        Cosine similarity: −1
        <span class="swatch" style="background: ${colormapGradient('diverging')}"></span> 1
      </p>
      <p part="readout" aria-live="polite">${this.#readout(p, grid)}</p>
      <div part="formula" role="region" aria-label="Formulas" tabindex="0">
        ${this.formulas.map((f) => unsafeHTML(f))}
        <p>
          Position p = row·${grid} + col. The sine-cosine embedding gives the first half of its D =
          ${this.result?.dim ?? '…'} numbers to the row and the second half to the column, with the
          frequencies of Vaswani et al. (2017); its similarity depends only on the offset between
          two positions. The learned one starts random and is shaped by training alone.
        </p>
      </div>
    `;
  }

  #readout(p: number, grid: number): string {
    const at = (q: number) => `(${Math.floor(q / grid)}, ${q % grid})`;
    const head = `Position ${at(p)}, index ${p}`;
    if (!this.result) return head;
    const n = grid * grid;
    const best = this.#shown().map((kind) => {
      const m = this.result![kind];
      const q = mostSimilar(m, n, p);
      return `${kind} ${at(q)}, ${fmt(m[p * n + q]!)}`;
    });
    return `${head}. Most similar other position: ${best.join('; ')}.`;
  }

  #draw(result: PositionResult): void {
    this.#drawn = `${this.embedding} ${this.position}`;
    const p = this.#validPosition(this.position) ? this.position : 0;
    for (const kind of this.#shown()) {
      const map = this.renderRoot.querySelector<HTMLCanvasElement>(`[data-map=${kind}]`);
      const multiples = this.renderRoot.querySelector<HTMLCanvasElement>(
        `[data-multiples=${kind}]`,
      );
      if (map) drawMap(map, result[kind], result.grid, p);
      if (multiples) drawSmallMultiples(multiples, result[kind], result.grid);
    }
  }

  #validPosition(p: number): boolean {
    return Number.isInteger(p) && p >= 0 && p < this.#grid ** 2;
  }

  #choose(view: EmbeddingView): void {
    if (view === this.embedding) return;
    this.embedding = view;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #select(p: number, focusKind?: string): void {
    if (focusKind) {
      this.renderRoot.querySelector<HTMLElement>(`[part=grid][data-kind=${focusKind}]`)?.focus();
    }
    if (p === this.position) return;
    this.position = p;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const grid = this.#grid;
    const from = this.#validPosition(this.position) ? this.position : 0;
    const next = gridMove(event.key, from, grid, grid, event.ctrlKey);
    if (next === undefined) return;
    event.preventDefault();
    this.#select(next);
  };

  #onCellClick = (event: MouseEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role=gridcell]');
    const kind = (event.currentTarget as HTMLElement).dataset['kind'];
    if (cell) this.#select(Number(cell.dataset['position']), kind);
  };

  #onMultiplesClick = (event: MouseEvent): void => {
    const canvas = event.currentTarget as HTMLCanvasElement;
    const width = canvas.getBoundingClientRect().width;
    const p = tileAt(event.offsetX, event.offsetY, width, this.#grid);
    if (p !== undefined) this.#select(p, canvas.dataset['multiples']);
  };
}

/** The value as the page wrote it: the attribute, unless a script set the property since. */
function written(el: Element, name: string, value: number): string {
  const raw = el.getAttribute(name);
  const same = raw !== null && (Number(raw) === value || Number.isNaN(value));
  return same ? raw : String(value);
}

async function manifestOf(): Promise<TinyScenesManifest> {
  try {
    return await loadManifest(SLICE);
  } catch (error) {
    throw new FigureError(
      'model-not-found',
      `The manifest of the ${SLICE} slice could not be loaded.`,
      { cause: error },
    );
  }
}
