import { warnOnce } from './dev-mode.js';

/** A custom-element class that carries the version of its package. */
export interface VersionedElement extends CustomElementConstructor {
  readonly version: string;
}

/**
 * Registers a tag once. Quiet when the same version is already registered
 * (two bundles of one page), warns when another version holds the tag.
 */
export function defineElement(tag: string, element: VersionedElement): void {
  if (typeof customElements === 'undefined') return;

  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (existing === undefined) {
    customElements.define(tag, element);
    return;
  }

  if (existing !== element && existing.version !== element.version) {
    warnOnce(
      'define-version',
      tag,
      `version ${existing.version} is already registered; version ` +
        `${element.version} was not. Load one copy of the package per page.`,
    );
  }
}
