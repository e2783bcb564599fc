/** The row of shipped scenes to choose from, and a button to pick a file. */
import { html } from 'lit';

export function renderScenes(
  scenes: readonly { url: string; label: string }[],
  current: number,
  choose: (k: number) => void,
  onFile: (e: Event) => void,
): unknown {
  // The file input stays hidden; a plain button opens it, so it looks and
  // is reached like every other control.
  const open = (e: Event) =>
    ((e.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement).click();
  return html`
    <div part="scenes" role="group" aria-label="Input image">
      ${scenes.map(
        (s, k) =>
          html`<button
            type="button"
            aria-pressed=${k === current ? 'true' : 'false'}
            @click=${() => choose(k)}
          >
            <img src=${s.url} alt="Scene ${k + 1}: ${s.label}" width="40" height="40" />
          </button>`,
      )}
      <button type="button" @click=${open}>Your image…</button>
      <input type="file" accept="image/*" hidden @change=${onFile} />
    </div>
  `;
}
