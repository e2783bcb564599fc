"""Where the [CLS] token looks: attention on object patches.

Two readings of the attention weights [B, L, H, 65, 65]:

- last layer: the [CLS] row of the last layer, averaged over heads; its
  64 patch entries (columns 1..64).
- rollout (Abnar and Zuidema, 'Quantifying Attention Flow in
  Transformers', ACL 2020): average heads, add the identity for the
  residual path (0.5 A + 0.5 I), renormalise rows, multiply the layers
  (A_L ... A_1) and read the [CLS] row.

The share of [CLS] mass on object patches is computed over the 64 patch
columns only (renormalised to sum to 1, the [CLS]-to-[CLS] entry left
out) and compared with the share of patches that are object patches: if
attention ignored the object the two would be equal on average.
"""

import numpy as np
import torch

import train

LAST_LAYER = ("last layer, [CLS] query row, mean over heads, patch columns "
              "1..64")
ROLLOUT = ("attention rollout (Abnar and Zuidema 2020): per layer mean over "
           "heads, 0.5*A + 0.5*I, rows renormalised, product A_L...A_1, "
           "[CLS] row, patch columns 1..64")


def cls_last_layer(attention):
    """[B, 64]: the last layer's [CLS] row over patches, mean over heads."""
    return attention[:, -1, :, 0, 1:].mean(1)


def rollout(attention):
    """[B, 64]: the [CLS] row of the attention rollout, over patches."""
    a = attention.mean(2)
    b, layers, n, _ = a.shape
    eye = torch.eye(n, dtype=a.dtype)
    r = eye.expand(b, n, n)
    for layer in range(layers):
        al = 0.5 * a[:, layer] + 0.5 * eye
        al = al / al.sum(-1, keepdim=True)
        r = al @ r
    return r[:, 0, 1:]


@torch.no_grad()
def attention_maps(model, images, batch=250):
    """Last-layer and rollout [CLS] maps, float64 numpy [N, 64] each."""
    last, roll = [], []
    for i in range(0, len(images), batch):
        _, att = model(train.to_tensor(images[i:i + batch]))
        last.append(cls_last_layer(att).double())
        roll.append(rollout(att.double()))
    return torch.cat(last).numpy(), torch.cat(roll).numpy()


def mass_on_objects(maps, patches):
    """Mean share of [CLS] patch attention that lands on object patches."""
    w = maps / maps.sum(1, keepdims=True)
    on = (w * patches).sum(1)
    share = patches.sum(1) / patches.shape[1]
    return {
        "clsMassOnObjectPatches": float(on.mean()),
        "objectPatchShare": float(share.mean()),
        "ratio": float(on.mean() / share.mean()),
        "medianPerSceneRatio": float(np.median(on / share)),
        "scenesAboveShare": float((on > share).mean()),
    }
