import { expect } from '@open-wc/testing';
import { defineElement } from '../src/define.js';

class First extends HTMLElement {
  static readonly version = '1.0.0';
}
class SameVersion extends HTMLElement {
  static readonly version = '1.0.0';
}
class OtherVersion extends HTMLElement {
  static readonly version = '2.0.0';
}

describe('defineElement', () => {
  it('registers once, quiet for the same version, warns once for another', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      defineElement('mw-define-probe', First);
      defineElement('mw-define-probe', First);
      defineElement('mw-define-probe', SameVersion);
      expect(warnings).to.have.length(0);

      defineElement('mw-define-probe', OtherVersion);
      defineElement('mw-define-probe', OtherVersion);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('define-version').and.contain('1.0.0').and.contain('2.0.0');
      expect(customElements.get('mw-define-probe')).to.equal(First);
    } finally {
      console.warn = original;
    }
  });
});
