import { expect } from '@open-wc/testing';
import { themeColors } from '../src/theme.js';

describe('themeColors', () => {
  it('outside a figure, reads the page tokens, then the defaults', () => {
    const plain = document.createElement('div');
    const themed = document.createElement('div');
    themed.style.setProperty('--mw-color-fg', 'rgb(1, 2, 3)');
    document.body.append(plain, themed);
    try {
      const light = !matchMedia('(prefers-color-scheme: dark)').matches;
      // A chart in a host page (the /vit/ data-size chart) once got empty
      // strings here and drew every line and label invisible.
      expect(themeColors(plain).fg).to.equal(light ? '#1c2128' : '#e6edf3');
      expect(themeColors(plain).accent).to.equal(light ? '#0b6bcb' : '#58a6ff');
      expect(themeColors(themed).fg).to.equal('rgb(1, 2, 3)');
    } finally {
      plain.remove();
      themed.remove();
    }
  });
});
