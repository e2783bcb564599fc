import { expect } from '@open-wc/testing';

/**
 * Fails every test of the calling `describe` in which something escapes
 * into the host page: an uncaught exception, an unhandled rejection, or an
 * `error` event that bubbled up to window (a figure's own does not bubble,
 * so it never counts). Figures must keep their failures to themselves.
 */
export function expectNothingEscapes(): void {
  const escaped: unknown[] = [];
  const onError = (e: Event) =>
    escaped.push(e instanceof ErrorEvent ? (e.error ?? e.message) : `${e.type} reached window`);
  const onRejection = (e: PromiseRejectionEvent) => escaped.push(e.reason);

  beforeEach(() => {
    escaped.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });

  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    expect(escaped, 'nothing escapes into the host page').to.deep.equal([]);
  });
}
