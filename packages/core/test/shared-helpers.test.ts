import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { ChartSlot, coalesce, replaceChart } from '../src/chart-redraw.js';
import { chartBox, outOfRange, slider } from '../src/controls.js';
import { FigureError } from '../src/errors.js';
import { fetchJson } from '../src/fetch-json.js';
import { gridMove } from '../src/grid-keys.js';
import { linspace, topK } from '../src/tensor.js';

const spec = (n: number) => ({
  data: { values: [{ x: n, y: n }] },
  mark: 'point' as const,
  encoding: { x: { field: 'x', type: 'quantitative' as const } },
});

async function rejection(promise: Promise<unknown>): Promise<FigureError> {
  try {
    await promise;
  } catch (error) {
    return error as FigureError;
  }
  throw new Error('expected a rejection');
}

describe('core shared helpers', () => {
  it('folds calls made during a run into one more run', async () => {
    const seen: number[] = [];
    let value = 0;
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    const run = coalesce(async () => {
      seen.push(value);
      await gate;
    }, () => undefined);
    run();
    value = 1;
    run();
    value = 2;
    run();
    expect(seen).to.deep.equal([0]);
    gate = Promise.resolve();
    release();
    await new Promise((r) => setTimeout(r, 0));
    // Two calls during the first run gave one more run, with the latest value.
    expect(seen).to.deep.equal([0, 2]);
  });

  it('passes a failed run to onError and keeps going', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const run = coalesce(async () => {
      runs++;
      throw new Error(`run ${runs}`);
    }, (e) => errors.push(e));
    run();
    await new Promise((r) => setTimeout(r, 0));
    run();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['run 1', 'run 2']);
  });

  it('replaces a chart, and drops one whose box left the page', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><div id="box"></div></div>`);
    const box = host.querySelector<HTMLElement>('#box')!;
    const first = await replaceChart(box, spec(1), host, undefined);
    expect(first).to.not.equal(undefined);
    expect(box.querySelector('svg')).to.not.equal(null);
    const detached = document.createElement('div');
    expect(await replaceChart(detached, spec(2), host, first)).to.equal(undefined);
  });

  it('draws only the latest of overlapping chart requests', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><div id="box"></div></div>`);
    const box = host.querySelector<HTMLElement>('#box')!;
    const slot = new ChartSlot();
    const found: number[] = [];
    const find = (n: number) => () => (found.push(n), box);
    await Promise.all([1, 2, 3].map((n) => slot.draw(find(n), spec(n), host)));
    // Asked for in one tick, only the latest is drawn: 1 and 2 are overtaken.
    expect(found).to.deep.equal([3]);
    await slot.draw(find(4), spec(4), host);
    expect(found).to.deep.equal([3, 4]);
    expect(box.querySelectorAll('svg').length).to.equal(1);
    slot.clear();
    // A container that is gone is not drawn into, and the draw still settles.
    await slot.draw(() => (found.push(5), null), spec(5), host);
    expect(found).to.deep.equal([3, 4, 5]);
  });

  it('fetches JSON and names a missing or unreadable file', async () => {
    const pkg = (await fetchJson('/packages/core/package.json', 'manifest')) as { name: string };
    expect(pkg.name).to.equal('@model-walkthroughs/core');

    const missing = await rejection(fetchJson('/no/such/log.json', 'training log'));
    expect(missing).to.be.instanceOf(FigureError);
    expect(missing.code).to.equal('data-not-found');
    expect(missing.message).to.equal(
      'The training log could not be loaded from /no/such/log.json (HTTP 404).',
    );

    const notJson = await rejection(fetchJson('/packages/core/src/errors.ts', 'training log'));
    expect(notJson.code).to.equal('data-invalid');
    expect(notJson.message).to.equal('The training log at /packages/core/src/errors.ts is not JSON.');

    const controller = new AbortController();
    controller.abort();
    const aborted = await rejection(fetchJson('/packages/core/package.json', 'x', controller.signal));
    expect(aborted).to.not.be.instanceOf(FigureError);
    expect((aborted as Error).name).to.equal('AbortError');
  });

  it('moves through a grid as the WAI-ARIA grid pattern says', () => {
    // 8 × 8: cell 28 is row 3, column 4 (0-based).
    expect(gridMove('ArrowRight', 28, 8, 8)).to.equal(29);
    expect(gridMove('ArrowLeft', 28, 8, 8)).to.equal(27);
    expect(gridMove('ArrowDown', 28, 8, 8)).to.equal(36);
    expect(gridMove('ArrowUp', 28, 8, 8)).to.equal(20);
    expect(gridMove('Home', 28, 8, 8)).to.equal(24);
    expect(gridMove('End', 28, 8, 8)).to.equal(31);
    expect(gridMove('Home', 28, 8, 8, true)).to.equal(0);
    expect(gridMove('End', 28, 8, 8, true)).to.equal(63);
    expect(gridMove('PageUp', 28, 8, 8)).to.equal(4);
    expect(gridMove('PageDown', 28, 8, 8)).to.equal(60);
    // Edges hold; other keys are not moves.
    expect(gridMove('ArrowRight', 31, 8, 8)).to.equal(31);
    expect(gridMove('ArrowLeft', 24, 8, 8)).to.equal(24);
    expect(gridMove('ArrowUp', 3, 8, 8)).to.equal(3);
    expect(gridMove('ArrowDown', 60, 8, 8)).to.equal(60);
    expect(gridMove('Enter', 28, 8, 8)).to.equal(undefined);
    // A 2 × 3 grid that is not square: cell 4 is row 1, column 1.
    expect(gridMove('ArrowUp', 4, 2, 3)).to.equal(1);
    expect(gridMove('End', 4, 2, 3)).to.equal(5);
    expect(gridMove('End', 1, 2, 3, true)).to.equal(5);
    expect(gridMove('PageDown', 1, 2, 3)).to.equal(4);
  });

  it('says which number is out of range, quoting what the page wrote', () => {
    const host = document.createElement('div');
    host.setAttribute('noise', 'fast');
    const checks = (noise: number, steps?: number | null) =>
      outOfRange(host, [
        ['noise', noise, [0, 1]],
        ['steps', steps, [1, 10, true]],
      ]);
    expect(checks(0.5, 3)).to.equal(undefined);
    expect(checks(0.5, undefined)).to.equal(undefined);
    expect(checks(0.5, null)).to.equal(undefined);
    expect(checks(Number('fast'))).to.equal('noise="fast" is not a number from 0 to 1.');
    // Set as a property, the attribute no longer says what the value is.
    expect(checks(1.5)).to.equal('noise="1.5" is not a number from 0 to 1.');
    expect(checks(1, 2.5)).to.equal('steps="2.5" is not a whole number from 1 to 10.');
    expect(checks(1, 11)).to.equal('steps="11" is not a whole number from 1 to 10.');
  });

  it('renders a labelled slider that shows its value', async () => {
    const box = document.createElement('div');
    const seen: string[] = [];
    const onInput = (e: Event) => seen.push((e.target as HTMLInputElement).value);
    render(slider('angle', 'Angle θ', 90, [-180, 180, 1], '90°', onInput), box);
    const input = box.querySelector<HTMLInputElement>('label.slider input[type=range]')!;
    expect(box.querySelector('label span')!.textContent).to.equal('Angle θ');
    expect(input.dataset['setting']).to.equal('angle');
    expect([input.min, input.max, input.step, input.value]).to.deep.equal(['-180', '180', '1', '90']);
    expect(input.getAttribute('aria-valuetext')).to.equal('90°');
    expect(box.querySelector('output')!.textContent).to.equal('90°');
    input.value = '45';
    input.dispatchEvent(new Event('input'));
    expect(seen).to.deep.equal(['45']);
  });

  it('breaks ties in topK by the lower index', () => {
    expect(topK([0.1, 0.4, 0.2, 0.4, 0.05], 3)).to.deep.equal([1, 3, 2]);
    expect(topK([2, 2, 2], 2)).to.deep.equal([0, 1]);
  });

  it('spaces values evenly, both ends included', () => {
    expect(Array.from(linspace(5, -2, 2))).to.deep.equal([-2, -1, 0, 1, 2]);
    const grid = linspace(101, -2, 2);
    expect(grid.length).to.equal(101);
    expect(grid[50]).to.equal(0);
    // −2 + 4 · 37 / 100 = −0.52, rounded to float32.
    expect(grid[37]).to.equal(Math.fround(-0.52));
  });

  it('names a chart box by its heading and caption', () => {
    const box = document.createElement('div');
    render(chartBox('curves'), box);
    const chart = box.querySelector('[part=chart]')!;
    expect(chart.getAttribute('data-chart')).to.equal('curves');
    expect(chart.getAttribute('role')).to.equal('group');
    expect(chart.getAttribute('aria-labelledby')).to.equal('curves-title');
    expect(chart.getAttribute('aria-describedby')).to.equal('curves-caption');
  });
});
