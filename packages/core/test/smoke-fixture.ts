// Used only by smoke.test.ts: proves that a relative `.js` import reaches
// this `.ts` file and that Lit's legacy decorators compile under the
// test runner's esbuild settings.
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';

export class MwSmokeFixture extends LitElement {
  /** Rendered as the element's text. */
  @property() label = 'fixture';

  override render() {
    return html`<span part="label">${this.label}</span>`;
  }
}
