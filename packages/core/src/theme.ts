/**
 * Theme tokens. Each figure reads global `--mw-*` custom properties that a
 * host page may set, falling back to light or dark defaults that follow
 * `prefers-color-scheme`. Private `--_*` copies keep the rules short.
 */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    --_fg: var(--mw-color-fg, #1c2128);
    --_bg: var(--mw-color-bg, #ffffff);
    --_surface: var(--mw-color-surface, #f4f6f8);
    --_muted: var(--mw-color-muted, #57606a);
    --_border: var(--mw-color-border, #d0d7de);
    --_accent: var(--mw-color-accent, #0b6bcb);
    --_accent-fg: var(--mw-color-accent-fg, #ffffff);
    --_error: var(--mw-color-error, #b42318);
    --_error-bg: var(--mw-color-error-bg, #fef3f2);
    --_skip: var(--mw-color-skip, #c2410c);
    --_font: var(--mw-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_mono: var(--mw-font-mono, ui-monospace, 'SFMono-Regular', Menlo, monospace);
    --_radius: var(--mw-radius, 8px);
    --_space: var(--mw-space, 12px);
    color-scheme: light dark;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--mw-color-fg, #e6edf3);
      --_bg: var(--mw-color-bg, #0d1117);
      --_surface: var(--mw-color-surface, #161b22);
      --_muted: var(--mw-color-muted, #9da7b3);
      --_border: var(--mw-color-border, #30363d);
      --_accent: var(--mw-color-accent, #58a6ff);
      --_accent-fg: var(--mw-color-accent-fg, #0d1117);
      --_error: var(--mw-color-error, #ffa198);
      --_error-bg: var(--mw-color-error-bg, #3b1219);
      --_skip: var(--mw-color-skip, #fb923c);
    }
  }
`;

type ThemeColor = 'fg' | 'muted' | 'border' | 'accent' | 'skip' | 'bg';

/** The defaults of themeStyles, for elements outside a figure's shadow root. */
const DEFAULTS: Record<'light' | 'dark', Record<ThemeColor, string>> = {
  light: {
    fg: '#1c2128',
    muted: '#57606a',
    border: '#d0d7de',
    accent: '#0b6bcb',
    skip: '#c2410c',
    bg: '#ffffff',
  },
  dark: {
    fg: '#e6edf3',
    muted: '#9da7b3',
    border: '#30363d',
    accent: '#58a6ff',
    skip: '#fb923c',
    bg: '#0d1117',
  },
};

/**
 * Reads the resolved theme of an element, for charts drawn outside CSS.
 * Inside a figure the private `--_*` tokens answer; anywhere else (a chart
 * in a host page) the page's `--mw-color-*`, then the same defaults.
 */
export function themeColors(element: Element): Record<ThemeColor, string> {
  const style = getComputedStyle(element);
  const scheme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const read = (name: ThemeColor) =>
    style.getPropertyValue(`--_${name}`).trim() ||
    style.getPropertyValue(`--mw-color-${name}`).trim() ||
    DEFAULTS[scheme][name];
  return {
    fg: read('fg'),
    muted: read('muted'),
    border: read('border'),
    accent: read('accent'),
    skip: read('skip'),
    bg: read('bg'),
  };
}
