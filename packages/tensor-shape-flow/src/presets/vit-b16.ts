/**
 * ViT-B/16 as data: Dosovitskiy et al., "An Image is Worth 16x16 Words:
 * Transformers for Image Recognition at Scale", ICLR 2021
 * (arXiv:2010.11929), Sec. 3.1, Eq. 1-4 and Table 1 (ViT-Base: 12 layers,
 * D = 768, MLP 3072, 12 heads), laid out as torchvision's `vit_b_16`: the
 * patch projection is a 16×16 convolution with stride 16, a final
 * LayerNorm runs over every token before the [CLS] token is taken, and the
 * head is one linear layer. Its parameters come to 86,567,656, torchvision's
 * count for `vit_b_16`.
 */
import type { Preset } from '../preset.js';

export const vitB16: Preset = {
  id: 'vit-b16',
  name: 'ViT-B/16',
  source: 'Dosovitskiy et al. 2021, Sec. 3.1 and Table 1',
  input: [224, 224, 3],
  weightsNote:
    'No slice runs in this preset: shapes and parameter counts are worked out from the ' +
    "operators, and agree with the paper and with torchvision's vit_b_16.",
  stages: [
    // Cutting into 16×16 patches and projecting each with the same matrix E
    // (Eq. 1) is one convolution whose kernel and stride are the patch size.
    {
      id: 'patch',
      label: 'patch embedding',
      kind: 'linear projection of patches',
      ops: [{ op: 'conv', kernel: 16, out: 768, stride: 16, padding: 0, bias: true }],
      output: [14, 14, 768],
    },
    {
      id: 'flatten',
      label: 'flatten',
      kind: '196 patch tokens',
      ops: [{ op: 'flatten-tokens' }],
      output: [196, 768],
    },
    {
      id: 'cls',
      label: '+ [CLS]',
      kind: 'class token',
      ops: [{ op: 'cls-token' }],
      output: [197, 768],
    },
    {
      id: 'pos',
      label: '+ position',
      kind: 'position embeddings',
      ops: [{ op: 'position-embedding' }],
      output: [197, 768],
    },
    // Pre-norm layers (Eq. 2 and 3): z' = MSA(LN(z)) + z, z = MLP(LN(z')) + z'.
    {
      id: 'encoder',
      label: 'encoder',
      kind: 'encoder layers',
      ops: [
        { op: 'layer-norm' },
        { op: 'attention', heads: 12 },
        { op: 'layer-norm' },
        { op: 'mlp', hidden: 3072, activation: 'gelu' },
      ],
      repeat: 12,
      residual: {
        adds: 2,
        around: [
          { from: 0, to: 1, label: 'MSA(LN(z)) + z' },
          { from: 2, to: 3, label: 'MLP(LN(z′)) + z′' },
        ],
      },
      output: [197, 768],
    },
    {
      id: 'norm',
      label: 'LayerNorm',
      kind: 'final',
      ops: [{ op: 'layer-norm' }],
      output: [197, 768],
    },
    // Eq. 4: y = LN(z⁰_L); torchvision normalises every token, then takes z⁰.
    {
      id: 'take-cls',
      label: '[CLS] token',
      kind: 'z⁰ of the last layer',
      ops: [{ op: 'take-cls' }],
      output: [768],
    },
    {
      id: 'head',
      label: 'head',
      kind: '1000-way',
      ops: [{ op: 'linear', out: 1000 }],
      output: [1000],
    },
  ],
};
