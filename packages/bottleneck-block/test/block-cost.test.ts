import { expect } from '@open-wc/testing';
import { loadManifest } from '@model-walkthroughs/slices-resnet';
import {
  BOTTLENECKS,
  blockCost,
  convFlops,
  convParams,
  matchingBasicBlock,
} from '../src/block-cost.js';

describe('bottleneck-block cost', () => {
  it('counts parameters and FLOPs as by hand', () => {
    const identity = blockCost(BOTTLENECKS.identity);
    expect(identity.conv).to.equal(256 * 64 + 9 * 64 * 64 + 64 * 256);
    expect(identity.conv).to.equal(69_632);
    expect(identity.bn).to.equal(2 * (64 + 64 + 256));
    expect(identity.flops).to.equal(2 * 69_632 * 56 * 56);
    expect(identity.flops).to.equal(436_731_904);

    const basic = blockCost(matchingBasicBlock(BOTTLENECKS.identity));
    expect(basic.conv).to.equal(2 * 9 * 256 * 256);
    expect(basic.conv).to.equal(1_179_648);
    expect(basic.bn).to.equal(1_024);
    expect(basic.flops).to.equal(7_398_752_256);

    const projection = blockCost(BOTTLENECKS.projection);
    expect(projection.conv).to.equal(64 * 64 + 9 * 64 * 64 + 64 * 256 + 64 * 256);
    expect(projection.conv).to.equal(73_728);
    expect(projection.flops).to.equal(462_422_016);

    // 64→256 basic block: 3×3 64→256, 3×3 256→256, 1×1 projection 64→256.
    const wide = blockCost(matchingBasicBlock(BOTTLENECKS.projection));
    expect(wide.conv).to.equal(9 * 64 * 256 + 9 * 256 * 256 + 64 * 256);
    expect(wide.conv).to.equal(753_664);
    expect(wide.flops).to.equal(4_726_980_608);

    const spatial = BOTTLENECKS.identity.main[1]!;
    expect(convParams(spatial)).to.equal(36_864);
    expect(convFlops(spatial, 56)).to.equal(231_211_008);
  });

  it('agrees with the slice manifests, which count BatchNorm γ and β too', async () => {
    for (const kind of ['identity', 'projection'] as const) {
      const m = await loadManifest(`bottleneck-${kind}`);
      const cost = blockCost(BOTTLENECKS[kind]);
      expect(m.flops, `${kind} flops`).to.equal(cost.flops);
      expect(m.trainableParameters, `${kind} parameters`).to.equal(cost.params);
    }
  });
});
