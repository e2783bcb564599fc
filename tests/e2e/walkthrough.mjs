// Opening a walkthrough page as a reader does: scroll to each figure in
// turn, let it start, then wait until every figure on the page is ready.
import { waitForFigures } from './helpers.mjs';

/**
 * @param {{ open: Function }} demo from openDemo()
 * @param {string} path e.g. '/vit/'
 * @param {string[]} tags the figures the page must have, in order
 */
export async function openWalkthrough(demo, path, tags) {
  const opened = await demo.open(path);
  for (const tag of tags) {
    await opened.page.evaluate((t) => document.querySelector(t).scrollIntoView(), tag);
    // An IntersectionObserver reports at the next frame, not on scroll.
    await opened.page.waitForFunction(
      (t) => document.querySelector(t).getAttribute('status') !== 'idle',
      { timeout: 30_000, polling: 'raf' },
      tag,
    );
  }
  await waitForFigures(opened.page, '[status]', 300_000, { min: tags.length });
  return opened;
}

/** In the page: [tag, status] of every figure, in document order. */
export function figureStates() {
  return [...document.querySelectorAll('[status]')].map((el) => [el.localName, el.status]);
}
