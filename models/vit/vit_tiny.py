"""A small Vision Transformer written from the paper.

Dosovitskiy et al., 'An Image is Worth 16x16 Words: Transformers for Image
Recognition at Scale', ICLR 2021, arXiv:2010.11929, Sec. 3.1, Eq. 1-4:

    z0 = [x_class; x_p^1 E; ...; x_p^N E] + E_pos
    z'_l = MSA(LN(z_{l-1})) + z_{l-1}
    z_l  = MLP(LN(z'_l)) + z'_l
    y    = LN(z_L^0)   -> linear head

The patch embedding E is a convolution with kernel = stride = patch size
(the same as flattening each patch and multiplying by E). Every attention
layer returns its softmax weights so the exported graph can show them.
Shapes are static (one image, 65 tokens) so the ONNX graph has no shape
arithmetic: reshapes use Python ints, not tensor sizes.
"""

import math

import torch
import torch.nn as nn


class Attention(nn.Module):
    """Multi-head self-attention (Vaswani et al. 2017) with its weights."""

    def __init__(self, dim, heads, tokens):
        super().__init__()
        self.heads, self.tokens = heads, tokens
        self.head_dim = dim // heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.scale = 1.0 / math.sqrt(self.head_dim)

    def forward(self, x):
        n, h, d = self.tokens, self.heads, self.head_dim
        qkv = self.qkv(x).reshape(-1, n, 3, h, d).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        weights = torch.softmax((q * self.scale) @ k.transpose(-2, -1), dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(-1, n, h * d)
        return self.proj(out), weights


class Block(nn.Module):
    """Pre-norm encoder block: x + MSA(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, dim, heads, mlp, tokens):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads, tokens)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = nn.Sequential(nn.Linear(dim, mlp), nn.GELU(),
                                 nn.Linear(mlp, dim))

    def forward(self, x):
        a, weights = self.attn(self.norm1(x))
        x = x + a
        x = x + self.mlp(self.norm2(x))
        return x, weights


class VisionTransformer(nn.Module):
    def __init__(self, image=64, patch=8, dim=64, depth=4, heads=4, mlp=128,
                 classes=5):
        super().__init__()
        self.grid = image // patch
        self.tokens = self.grid * self.grid + 1
        self.dim = dim
        self.config = dict(image=image, patch=patch, dim=dim, depth=depth,
                           heads=heads, mlp=mlp, classes=classes)
        self.patch_embed = nn.Conv2d(3, dim, patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, self.tokens, dim))
        self.blocks = nn.ModuleList(
            Block(dim, heads, mlp, self.tokens) for _ in range(depth))
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.head = nn.Linear(dim, classes)
        self._init()

    def _init(self):
        # As in the reference implementation: truncated normal (std 0.02)
        # for position embeddings, [CLS] and linear layers; zero biases.
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        nn.init.trunc_normal_(self.cls_token, std=0.02)
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)
        w = self.patch_embed.weight
        nn.init.trunc_normal_(w, std=math.sqrt(1.0 / w[0].numel()))
        nn.init.zeros_(self.patch_embed.bias)

    def features(self, image, single=False):
        """Final [CLS] feature and the stacked attention [B, L, H, N, N].

        single=True (export, one image): [CLS] is used as it is instead of
        being expanded to the batch, so the graph needs no shape arithmetic.
        """
        x = self.patch_embed(image)                     # [B, D, 8, 8]
        x = x.flatten(2).transpose(1, 2)                # [B, 64, D], p = row*8+col
        cls = (self.cls_token if single
               else self.cls_token.expand(x.shape[0], -1, -1))
        x = torch.cat([cls, x], dim=1) + self.pos_embed
        weights = []
        for block in self.blocks:
            x, w = block(x)
            weights.append(w)
        return self.norm(x[:, 0]), torch.stack(weights, dim=1)

    def forward(self, image):
        feature, attention = self.features(image)
        return self.head(feature), attention


class ExportWrapper(nn.Module):
    """What the ONNX slice computes: logits, attention, pos_embed."""

    def __init__(self, vit):
        super().__init__()
        self.vit = vit

    def forward(self, image):
        feature, attention = self.vit.features(image, single=True)
        logits = self.vit.head(feature)
        # Identity keeps the parameter a node output, not a bare initializer
        # listed as a graph output.
        return logits, attention, self.vit.pos_embed * 1.0


def parameter_count(module):
    return sum(p.numel() for p in module.parameters())


def flops(vit, batch=1):
    """2 x multiply-adds of one forward pass, from the shapes.

    Counts the patch-embedding convolution, every Linear (q/k/v, output
    projection, MLP, head) and the two attention matmuls (QK^T and AV).
    LayerNorm, GELU, softmax, additions and the scaling are not counted.
    """
    c = vit.config
    n, d, m = vit.tokens, c["dim"], c["mlp"]
    patches = n - 1
    embed = 2 * patches * d * 3 * c["patch"] ** 2
    per_block = 2 * n * d * (3 * d + d + 2 * m) + 2 * 2 * n * n * d
    head = 2 * d * c["classes"]
    return batch * (embed + c["depth"] * per_block + head)
