#!/usr/bin/env python3
"""Why ViT needs lots of data: accuracy against training-set size.

    /usr/bin/python3 models/vit/data_size.py [--steps N]

Trains the small ViT of vit-tiny-scenes and a small CNN with about as many
parameters (models/vit/cnn_small.py) on growing fractions of the same
20,000 generated training scenes and measures both on the same 2,000 test
scenes. Writes packages/slices-vit/data/data-size.json.

Budget rule: every run takes the same number of optimizer steps (batch
128, same optimizer, schedule, augmentation and seed), whatever the
fraction, so both models see the same number of images; a smaller
fraction is simply repeated more often. The ViT and the CNN then differ
only in their architecture, and a fraction differs only in how many
distinct images it holds.
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import torch  # noqa: E402

import cnn_small  # noqa: E402
import manifest as mf  # noqa: E402
import scenes as sc  # noqa: E402
import train  # noqa: E402
import vit_tiny  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "packages", "slices-vit", "data", "data-size.json")

SEED = 0
TRAIN_IMAGES = 20000
TEST_IMAGES = 2000
FRACTIONS = [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1]
STEPS = 500


def build(kind):
    torch.manual_seed(SEED)
    if kind == "vit":
        return vit_tiny.VisionTransformer()
    return cnn_small.SmallCNN()


def log(msg):
    print(msg, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=STEPS)
    args = parser.parse_args()
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)

    images, labels, _ = sc.dataset(sc.TRAIN_SEED, TRAIN_IMAGES)
    test_images, test_labels, _ = sc.dataset(sc.TEST_SEED, TEST_IMAGES)

    runs, seconds = [], {"vit": 0.0, "cnn": 0.0}
    for fraction in FRACTIONS:
        # The first n scenes: each fraction contains the smaller ones.
        n = round(fraction * TRAIN_IMAGES)
        for kind in ("vit", "cnn"):
            model = build(kind)
            start = time.time()
            train.train(model, images[:n], labels[:n], steps=args.steps,
                        seed=SEED)
            seconds[kind] += time.time() - start
            acc = train.accuracy(model, test_images, test_labels)
            log(f"{kind} fraction {fraction:.4g} ({n} images): test accuracy "
                f"{acc:.4f} ({time.time() - start:.0f} s)")
            runs.append({"model": kind, "fraction": mf._num(fraction, 6),
                         "trainImages": n, "testAccuracy": mf._num(acc, 6),
                         "seed": SEED})

    vit, cnn = build("vit"), build("cnn")
    result = {
        "dataset": {
            "description": sc.DESCRIPTION,
            "imageSize": sc.SIZE,
            "classes": list(sc.CLASSES),
            "trainImages": TRAIN_IMAGES,
            "testImages": TEST_IMAGES,
            "subsets": "fraction f uses the first round(f * 20000) training "
                       "scenes, so every subset contains the smaller ones",
        },
        "models": {
            "vit": {
                "description": "the vit-tiny-scenes architecture: 8x8 "
                               "patches, dim 64, 4 pre-norm blocks, 4 heads, "
                               "MLP 128, [CLS] head",
                "parameters": vit_tiny.parameter_count(vit),
            },
            "cnn": {
                "description": "four 3x3 conv layers (16, 32, 64, 192 "
                               "channels) with BatchNorm and ReLU, 2x2 max "
                               "pooling after the first three, global "
                               "average pooling, linear head",
                "parameters": vit_tiny.parameter_count(cnn),
            },
        },
        "budget": {
            "rule": "every run: the same number of optimizer steps, batch "
                    "128, whatever the fraction (small fractions repeat "
                    "their images more often); same optimizer, schedule, "
                    "augmentation and seed for both models",
            "steps": args.steps,
            "batch": train.BATCH,
            "imagesSeen": args.steps * train.BATCH,
            "optimizer": train.OPTIMIZER,
            "augmentation": train.AUGMENTATION,
        },
        "fractions": [mf._num(f, 6) for f in FRACTIONS],
        "runs": runs,
        "computedWith": "models/vit/data_size.py, PyTorch 1.13 on one CPU "
                        "thread, seed 0",
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    mf.write_json(OUT, result)
    log(f"training time: vit {seconds['vit']:.0f} s, cnn "
        f"{seconds['cnn']:.0f} s; wrote {OUT}")


if __name__ == "__main__":
    main()
