import { expect } from '@open-wc/testing';
import { colormap } from '../src/colormap.js';
import { resizeToFloat } from '../src/image.js';
import { goldenInput, numel, tensorStats, topK } from '../src/tensor.js';

describe('core tensors', () => {
  it('builds the golden input from its formula', () => {
    const { data, dims } = goldenInput([1, 2, 3]);
    expect(dims).to.deep.equal([1, 2, 3]);
    expect(data.length).to.equal(6);
    // i = 0: 0.5 sin(0.1) + 0.25 cos(0) = 0.29991671...
    expect(data[0]).to.be.closeTo(0.2999167, 1e-6);
    // i = 5: 0.5 sin(1.95) + 0.25 cos(0.055) = 0.464480 + 0.249622
    expect(data[5]).to.be.closeTo(0.7141019, 1e-6);
  });

  it('computes statistics in float64', () => {
    const stats = tensorStats(new Float32Array([1, -2, 3, 0]));
    expect(stats.sum).to.equal(2);
    expect(stats.mean).to.equal(0.5);
    expect(stats.l2).to.be.closeTo(Math.sqrt(14), 1e-12);
    expect([stats.min, stats.max]).to.deep.equal([-2, 3]);
    expect(numel([2, 3, 4])).to.equal(24);
    expect(topK([0.1, 5, 3, 7], 2)).to.deep.equal([3, 1]);
  });

  it('resizes bilinearly with half-pixel centres, as PyTorch does', () => {
    // A 2 × 1 image, red channel 0 and 255, upsampled to 4 × 1.
    const src = {
      width: 2,
      height: 1,
      data: new Uint8ClampedArray([0, 0, 0, 255, 255, 0, 0, 255]),
    };
    const out = resizeToFloat(src, 4, 1);
    // F.interpolate([[0, 1]], size=4, mode='bilinear') → 0, 0.25, 0.75, 1
    expect(Array.from(out.subarray(0, 4))).to.deep.equal([0, 0.25, 0.75, 1]);
    expect(Array.from(out.subarray(4, 8))).to.deep.equal([0, 0, 0, 0]);
  });

  it('keeps the viridis anchors at the ends of its table', () => {
    const table = colormap('viridis');
    expect(Array.from(table.subarray(0, 3))).to.deep.equal([0x44, 0x01, 0x54]);
    expect(Array.from(table.subarray(255 * 3))).to.deep.equal([0xfd, 0xe7, 0x25]);
    const diverging = colormap('diverging');
    // The middle of the diverging map is the neutral grey anchor.
    expect(diverging[127 * 3]).to.be.within(0xd0, 0xe0);
  });
});

describe('sliceUrl', () => {
  it('takes a file for the main slice and a folder for every slice', async () => {
    const { sliceUrl, userModelNote } = await import('../src/model-source.js');
    const base = new URL('/', document.baseURI).href;
    expect(sliceUrl('', 'resnet50-stem', '/built-in.onnx', true)).to.equal('/built-in.onnx');
    expect(sliceUrl('/mine.onnx', 'bottleneck-identity', '/b.onnx', true)).to.equal('/mine.onnx');
    expect(sliceUrl('/mine.onnx', 'resnet50-stem', '/s.onnx')).to.equal('/s.onnx');
    expect(sliceUrl('/my-slices/', 'resnet50-stem', '/s.onnx')).to.equal(
      `${base}my-slices/resnet50-stem.onnx`,
    );
    expect(userModelNote('/my-slices/', 'x')).to.equal('Your models from /my-slices/.');
    expect(userModelNote('/m.onnx', 'The stem is seeded.')).to.equal(
      'Your model at /m.onnx. The stem is seeded.',
    );
  });
});
