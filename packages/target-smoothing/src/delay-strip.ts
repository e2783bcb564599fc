/** The first updates as a strip: critic every step, actor and targets every d-th. */
import { html, svg } from 'lit';

const CELL = 12;
const LEFT = 150;

/** Rows of cells, one per update; `recorded` is drawn highlighted. */
export function delayStrip(
  schedule: boolean[],
  recorded: boolean[],
  d: number,
  logged: number,
): unknown {
  const cell = (x: number, y: number, cls: string) =>
    svg`<rect x=${x} y=${y} width=${CELL - 2} height="14" rx="2" class=${cls}></rect>`;
  const row = (y: number, on: boolean[], cls: string) =>
    on.map((v, i) => cell(LEFT + i * CELL, y, v ? cls : 'off'));
  const label = (y: number, text: string) => svg`<text x="0" y=${y + 11}>${text}</text>`;
  const ticks = [1, 10, 20, 30, 40].filter((t) => t <= schedule.length);
  const width = LEFT + schedule.length * CELL + CELL;
  return html`
    <svg
      part="strip"
      viewBox="0 0 ${width} 76"
      role="img"
      aria-label=${describeStrip(schedule, recorded, d, logged)}
    >
      ${label(0, 'critics')}
      ${row(
        0,
        schedule.map(() => true),
        'critic',
      )}
      ${label(20, `actor + targets, d = ${d}`)} ${row(20, schedule, 'actor')}
      ${label(40, `recorded run, d = ${logged}`)} ${row(40, recorded, 'recorded')}
      ${ticks.map((t) => svg`<text x=${LEFT + (t - 1) * CELL} y="72" class="tick">${t}</text>`)}
    </svg>
  `;
}

/** The strip in words. */
export function describeStrip(
  schedule: boolean[],
  recorded: boolean[],
  d: number,
  logged: number,
): string {
  const steps = schedule.flatMap((v, i) => (v ? [i + 1] : []));
  const same = schedule.every((v, i) => v === recorded[i]);
  const first = steps.slice(0, 4).join(', ') + (steps.length > 4 ? ', …' : '');
  return (
    `Over the first ${schedule.length} updates the critics learn at every one; with d = ${d} ` +
    `the actor and the target networks move at ${steps.length} of them (${first}). ` +
    (same
      ? `This is the schedule the recorded run followed (d = ${logged}).`
      : `The recorded run used d = ${logged}.`)
  );
}
