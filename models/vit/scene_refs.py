"""The shipped test scenes: which ones, their PNGs, and PyTorch's
probabilities and [CLS] attention on each PNG's own pixels, which the
browser parity test checks."""

import os

import numpy as np
import torch
from PIL import Image

import attention as att
import manifest as mf
import scenes as sc
import train

SCENE_COUNT = 8


def pick_scenes(labels):
    """First test scene of each class, then the next ones in index order
    (at most 2 per class) until SCENE_COUNT; never filtered by prediction."""
    chosen, per_class = [], {}
    for i, y in enumerate(labels):
        if y not in per_class:
            per_class[y] = 1
            chosen.append(i)
    for i, y in enumerate(labels):
        if len(chosen) >= SCENE_COUNT:
            break
        if i not in chosen and per_class[y] < 2:
            per_class[y] += 1
            chosen.append(i)
    return sorted(chosen)


def _round_list(values, digits=9):
    return [mf._num(v, digits) for v in values]


@torch.no_grad()
def scene_references(model, test_labels, scene_dir):
    os.makedirs(scene_dir, exist_ok=True)
    out = []
    for k, index in enumerate(pick_scenes(test_labels)):
        image, label, mask = sc.scene(sc.TEST_SEED, index)
        name = f"scene-{k}"
        path = os.path.join(scene_dir, f"{name}.png")
        Image.fromarray(image).save(path, optimize=False, compress_level=9)
        # The reference is computed from the PNG's own pixels.
        pixels = np.array(Image.open(path).convert("RGB"))
        if not np.array_equal(pixels, image):
            raise AssertionError(f"{name}: PNG does not round-trip")
        logits, attention = model(train.to_tensor(pixels[None]))
        probs = torch.softmax(logits, -1)[0]
        out.append({
            "name": name,
            "file": f"{name}.png",
            "label": sc.CLASSES[label],
            "generator": {"seed": sc.TEST_SEED, "index": int(index)},
            "objectPatches": sc.object_patches(mask),
            "probabilities": _round_list(probs.tolist()),
            "predicted": sc.CLASSES[int(probs.argmax())],
            "clsAttentionLastLayerMeanHeads": _round_list(
                att.cls_last_layer(attention)[0].tolist()),
            "clsAttentionRollout": _round_list(
                att.rollout(attention.double())[0].tolist()),
        })
    return out
