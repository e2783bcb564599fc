/**
 * A still picture of a figure as it is now, for pages that take no
 * interactive content and for slides. The figure's shadow DOM is copied
 * into an SVG <foreignObject> with its styles, canvases become PNG images,
 * and the SVG is optionally rasterised to PNG.
 */

/** Copies what the figure shows into a self-contained SVG document. */
export function snapshotSvg(host: HTMLElement): string {
  const { svg } = render(host);
  return svg;
}

function render(host: HTMLElement): { svg: string; width: number; height: number } {
  const root = host.shadowRoot;
  if (root === null) throw new Error('the element has no shadow root to draw');
  const { width } = host.getBoundingClientRect();

  const container = document.createElement('div');
  container.className = 'mw-host';
  for (const node of root.childNodes) container.append(node.cloneNode(true));

  // cloneNode() copies a canvas element but not its pixels.
  const originals = root.querySelectorAll('canvas');
  // Controls for saving have no place in the saved picture.
  container.querySelectorAll('[part~=save]').forEach((button) => button.remove());
  container.querySelectorAll('canvas').forEach((copy, i) => {
    const original = originals[i]!;
    const image = document.createElement('img');
    image.src = original.toDataURL('image/png');
    image.alt = original.getAttribute('aria-label') ?? '';
    const box = original.getBoundingClientRect();
    image.width = Math.round(box.width);
    image.height = Math.round(box.height);
    image.setAttribute('style', 'image-rendering: pixelated');
    copy.replaceWith(image);
  });

  const computed = getComputedStyle(host);
  const hostStyle = [
    'box-sizing: border-box',
    `width: ${width}px`,
    `font: ${computed.font}`,
    `color: ${computed.color}`,
    `background: ${computed.backgroundColor}`,
    `border: ${computed.border}`,
    `border-radius: ${computed.borderRadius}`,
    `padding: ${computed.padding}`,
    'overflow: hidden',
  ].join('; ');
  container.setAttribute('style', hostStyle);

  const style = document.createElement('style');
  style.textContent = styleText(root)
    .replace(/:host\(([^)]*)\)/g, '.mw-host$1')
    .replace(/:host/g, '.mw-host');
  container.prepend(style);

  // Laid out once in the page, out of sight, for the height the copy
  // really takes (it can differ from the figure's by a wrapped line).
  const probe = document.createElement('div');
  probe.setAttribute('style', 'position: fixed; left: -100000px; top: 0; visibility: hidden');
  probe.append(container);
  document.body.append(probe);
  const height = Math.ceil(container.getBoundingClientRect().height);
  probe.remove();

  const body = new XMLSerializer().serializeToString(container);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}"><foreignObject width="100%" height="100%">` +
    `${body}</foreignObject></svg>`;
  return { svg, width, height };
}

/** The figure as a PNG at `scale` times its CSS size. */
export async function snapshotPng(host: HTMLElement, scale = 2): Promise<Blob> {
  const { svg, width, height } = render(host);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('this browser cannot draw a PNG');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}

function styleText(root: ShadowRoot): string {
  const sheets = [...root.adoptedStyleSheets, ...[...root.styleSheets]];
  return sheets
    .map((sheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
      } catch {
        return '';
      }
    })
    .join('\n');
}
