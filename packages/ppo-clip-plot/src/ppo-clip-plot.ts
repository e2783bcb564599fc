import {
  FigureError,
  WalkthroughFigure,
  coalesce,
  fetchJson,
  mathml,
  outOfRange,
  replaceChart,
  themeColors,
  type Chart,
  type RunContext,
} from '@model-walkthroughs/core';
import { loadManifest, logs } from '@model-walkthroughs/slices-rl';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { clipFraction, zeroGradientFraction } from './clip-objective.js';
import { historySpec, panelSpec } from './clip-chart.js';
import { FORMULAS, describeHistory, describeStats, type ClipStats } from './captions.js';
import { parsePpoLog, type PpoLog } from './training-log.js';
import { ppoClipPlotStyles } from './ppo-clip-plot.styles.js';

/** The range of ε the slider offers and the attribute accepts. */
export const EPSILON_RANGE = [0.01, 0.5] as const;

/** Fired when the reader moves the ε slider. */
export class EpsilonChangeEvent extends Event {
  readonly epsilon: number;

  constructor(epsilon: number) {
    super('change', { bubbles: true, composed: true });
    this.epsilon = epsilon;
  }
}

/**
 * PPO's clipped surrogate objective L^CLIP against the probability ratio r,
 * for a positive and a negative advantage, with the flat (zero-gradient)
 * regions shaded and a real minibatch from training on the curves. An ε
 * slider moves the clip range; the clip fraction follows live.
 *
 * @summary min(r·Â, clip(r, 1 − ε, 1 + ε)·Â) and a real PPO minibatch.
 *
 * @csspart formula - L^CLIP and r as MathML.
 * @csspart controls - The ε slider and its value.
 * @csspart slider - The ε range input.
 * @csspart panels - The two panels, Â > 0 and Â < 0.
 * @csspart chart - Each chart (the two panels and the history).
 * @csspart measurement - The clip fraction now and as recorded.
 * @csspart caption - The history chart's summary in words.
 *
 * @cssprop [--mw-ppo-clip-plot-chart-height=270px] - Space kept for each panel.
 *
 * @fires change - The reader moved the ε slider (`EpsilonChangeEvent`).
 * @fires ready - The log is loaded and the charts are drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class PpoClipPlot extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, ppoClipPlotStyles];

  protected static override runProperties = [...WalkthroughFigure.runProperties, 'log'];

  #panels: (Chart | undefined)[] = [];
  #history?: Chart;
  /** Redraws soon; slider steps that arrive while drawing fold into one. */
  #redraw = coalesce(
    () => this.#drawCharts(),
    () => (this.notice = 'The charts could not be redrawn.'),
  );
  #note = '';

  /** The clip range ε; empty for the ε the agent was trained with. */
  @property({ type: Number })
  epsilon?: number;

  /** URL of a PPO training log in place of the built-in one. */
  @property()
  log = '';

  @state()
  private data?: PpoLog;

  @state()
  private formulas: string[] = [];

  /** The ε in use: the attribute's, else the training log's. */
  get currentEpsilon(): number {
    return this.epsilon ?? this.data?.hyperparameters.clipEpsilon ?? 0.2;
  }

  /** The minibatch's statistics at the current ε; undefined before the log is loaded. */
  get clipStats(): ClipStats | undefined {
    const batch = this.data?.ratioBatch;
    if (!batch) return undefined;
    const epsilon = this.currentEpsilon;
    return {
      epsilon,
      samples: batch.samples.length,
      clipFraction: clipFraction(batch.samples, epsilon),
      zeroGradient: zeroGradientFraction(batch.samples, epsilon),
      recorded: { epsilon: batch.clipEpsilon, clipFraction: batch.clipFraction },
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#finalize();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // ε redraws without a new run, unless it was or becomes a bad value:
    // a run validates it, shows the message and recovers when fixed.
    if (changed.has('epsilon') && this.hasUpdated && this.status !== 'idle') {
      if (this.status === 'error' || this.#epsilonProblem()) void this.refresh();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.status === 'error') this.#finalize();
    else if (changed.has('epsilon') && this.status === 'ready') this.#redraw();
  }

  protected override validate(): string | undefined {
    return super.validate() ?? this.#epsilonProblem();
  }

  protected override get figureTitle(): string {
    return "PPO's clipped objective against the probability ratio";
  }

  protected override get weightsNote(): string {
    const batch = this.data?.ratioBatch;
    if (!batch) return this.#note;
    return (
      `Ratios from a real minibatch: iteration ${batch.iteration}, update epoch ${batch.epoch}. ` +
      this.#note
    );
  }

  protected override renderStatus(): unknown {
    // Nothing is inferred here: the ratios were recorded during training.
    return this.status === 'ready' ? this.weightsNote : super.renderStatus();
  }

  protected override async execute(context: RunContext): Promise<void> {
    const { signal } = context;
    const url = this.log || logs.ppo;
    const [json, manifest, formulas] = await Promise.all([
      fetchJson(url, 'PPO training log', signal),
      loadManifest('ppo-actor', { signal }).catch((error: unknown) => {
        throw new FigureError(
          'model-not-found',
          'The manifest of the ppo-actor slice could not be loaded.',
          {
            cause: error,
          },
        );
      }),
      Promise.all(FORMULAS.map((f) => mathml(f, true))),
    ]);
    const data = parsePpoLog(json, url);
    if (signal.aborted) return;

    this.#note = this.log ? `Training log from ${this.log}.` : manifest.weights.note;
    this.formulas = formulas;
    this.data = data;
    await this.updateComplete;
    await this.#drawCharts();
  }

  protected override renderBody(): unknown {
    const eps = this.currentEpsilon;
    const stats = this.clipStats;
    const panel = (sign: 1 | -1, title: string) => html`
      <figure>
        <figcaption id=${`panel${sign}`}>${title}</figcaption>
        ${
          this.data
            ? html`<div
                part="chart"
                data-sign=${sign}
                role="group"
                aria-labelledby=${`panel${sign}`}
                aria-describedby="measurement"
              ></div>`
            : html`<div class="placeholder" ?data-busy=${this.status === 'loading'}>
                Loading the training log…
              </div>`
        }
      </figure>
    `;
    return html`
      <div part="formula" role="region" aria-label="Formulas" tabindex="0">
        ${this.formulas.map((f) => unsafeHTML(f))}
        <span class="cite">Schulman et al. 2017, Eq. 7.</span>
      </div>
      <div part="controls">
        <label for="epsilon">Clip range ε</label>
        <input
          part="slider"
          id="epsilon"
          type="range"
          min=${EPSILON_RANGE[0]}
          max=${EPSILON_RANGE[1]}
          step="0.01"
          .value=${String(eps)}
          @input=${this.#onInput}
          @change=${this.#onChange}
        />
        <output for="epsilon" class="mono">${eps.toFixed(2)}</output>
        ${
          stats
            ? html`<span class="hint">trained with ε = ${stats.recorded.epsilon}</span>`
            : nothing
        }
      </div>
      <div part="panels">
        ${panel(1, 'Â > 0: the action did better than expected')}
        ${panel(-1, 'Â < 0: the action did worse than expected')}
      </div>
      <p part="measurement" id="measurement">${stats ? describeStats(stats) : nothing}</p>
      ${this.renderHistory()}
    `;
  }

  protected renderHistory(): unknown {
    const its = this.data?.iterations;
    if (!its?.length) return nothing;
    return html`
      <h4 id="history">Clip fraction during training</h4>
      <div
        part="chart"
        data-history
        role="group"
        aria-labelledby="history"
        aria-describedby="history-caption"
      ></div>
      <p part="caption" id="history-caption">${describeHistory(this.data!)}</p>
    `;
  }

  #onInput = (event: Event): void => {
    this.epsilon = Number((event.currentTarget as HTMLInputElement).value);
  };

  #onChange = (): void => {
    this.dispatchEvent(new EpsilonChangeEvent(this.currentEpsilon));
  };

  #epsilonProblem(): string | undefined {
    return outOfRange(this, [['epsilon', this.epsilon, EPSILON_RANGE]]);
  }

  async #drawCharts(): Promise<void> {
    const data = this.data;
    if (!data) return;
    const colors = themeColors(this);
    const eps = this.currentEpsilon;
    const caption = describeStats(this.clipStats!);
    for (const [i, sign] of [1, -1].entries() as Iterable<[number, 1 | -1]>) {
      const box = this.#box(`[data-sign="${sign}"]`);
      if (!box) continue;
      const spec = panelSpec(sign, eps, data.ratioBatch.samples, colors, caption);
      this.#panels[i] = await replaceChart(box, spec, this, this.#panels[i]);
    }
    const box = this.#box('[data-history]');
    if (box && !this.#history) {
      const spec = historySpec(
        data.iterations,
        data.ratioBatch.iteration,
        colors.skip,
        describeHistory(data),
      );
      this.#history = await replaceChart(box, spec, this, undefined);
    }
  }

  #box(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[part=chart]${selector}`);
  }

  #finalize(): void {
    for (const chart of [...this.#panels, this.#history]) chart?.finalize();
    this.#panels = [];
    this.#history = undefined;
  }
}
