/**
 * The /vit/ page's accuracy-against-data-size chart, drawn from the
 * experiment recorded by models/vit/data_size.py. Vega comes in through
 * core's lazy loader, so the page pays for it only when the chart is near.
 */
import { renderChart } from '@model-walkthroughs/core';
import { loadDataSize, type DataSizeRun } from '@model-walkthroughs/slices-vit';

const LABELS: Record<string, string> = { vit: 'Small ViT', cnn: 'Small CNN' };

/** Draws the chart into `figure` once it is within a screen of the viewport. */
export function mountDataSizeChart(figure: HTMLElement): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void draw(figure);
    },
    { rootMargin: '600px' },
  );
  observer.observe(figure);
}

async function draw(figure: HTMLElement): Promise<void> {
  const body = figure.querySelector<HTMLElement>('.chart-body')!;
  const caption = figure.querySelector('figcaption')!;
  try {
    const experiment = await loadDataSize();
    const models = experiment.models;
    const rows = experiment.runs.map((run: DataSizeRun) => ({
      model: `${LABELS[run.model] ?? run.model} (${models[run.model]?.parameters.toLocaleString('en')} parameters)`,
      trainImages: run.trainImages,
      accuracy: run.testAccuracy,
    }));
    const sizes = rows.map((r) => r.trainImages);
    body.textContent = '';
    await renderChart(body, {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description:
        'Test accuracy of a small ViT and a small CNN against the number of training images.',
      height: 260,
      data: { values: rows },
      encoding: {
        x: {
          field: 'trainImages',
          type: 'quantitative',
          scale: { type: 'log', domain: [Math.min(...sizes), Math.max(...sizes)], nice: false },
          title: 'training images (log scale)',
        },
        y: {
          field: 'accuracy',
          type: 'quantitative',
          title: 'test accuracy',
          axis: { format: '.0%' },
        },
        color: {
          field: 'model',
          type: 'nominal',
          title: null,
          legend: { orient: 'bottom', labelLimit: 0 },
        },
      },
      layer: [
        { mark: { type: 'line', point: true } },
        {
          mark: { type: 'text', dy: -10, fontSize: 11 },
          encoding: { text: { field: 'accuracy', type: 'quantitative', format: '.0%' } },
        },
      ],
    });
    caption.textContent = describe(experiment.runs, experiment.dataset.testImages);
  } catch (error) {
    body.textContent = `The recorded experiment could not be loaded: ${(error as Error).message}`;
  } finally {
    body.removeAttribute('aria-busy');
  }
}

/** One sentence with the numbers at the smallest and the largest share. */
function describe(runs: DataSizeRun[], testImages: number): string {
  const sizes = [...new Set(runs.map((r) => r.trainImages))].sort((a, b) => a - b);
  const at = (model: string, size: number) =>
    runs.find((r) => r.model === model && r.trainImages === size)?.testAccuracy ?? NaN;
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const [small, large] = [sizes[0]!, sizes[sizes.length - 1]!];
  return (
    `With ${small.toLocaleString('en')} training images the CNN reaches ${pct(at('cnn', small))} ` +
    `and the ViT ${pct(at('vit', small))}; with ${large.toLocaleString('en')}, ` +
    `${pct(at('cnn', large))} and ${pct(at('vit', large))}. ` +
    `Accuracy on ${testImages.toLocaleString('en')} held-out scenes, recorded when the models were trained.`
  );
}
