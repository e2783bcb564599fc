"""Training and evaluation shared by the export and the data-size experiment.

Everything is seeded: the batch order, the augmentation and the
initialisation come from torch generators seeded from one integer, and the
export runs on one thread with deterministic algorithms, so the same
machine trains the same weights every time.

Speed: Debian's PyTorch 1.13 links the reference BLAS, which multiplies
float32 matrices at about 5 GFLOP/s on one core. Matrix products in
bfloat16 go through oneDNN instead (about 20x faster here), so the forward
and backward passes run under `torch.autocast('cpu', torch.bfloat16)`.
Weights, gradients and the optimizer state stay float32; evaluation and
everything exported runs in plain float32.
"""

import math
import time

import numpy as np
import torch
import torch.nn.functional as F

# Per-channel normalisation of the scenes: x = (pixel / 255 - MEAN) / STD.
MEAN = 0.5
STD = 0.25

BATCH = 128
OPTIMIZER = {
    "name": "AdamW",
    "lr": 1e-3,
    "betas": [0.9, 0.999],
    "weightDecay": 0.05,
    "schedule": "linear warmup over the first 5% of steps, then cosine "
                "decay to 0",
    "batch": BATCH,
    "loss": "cross-entropy, label smoothing 0.1",
    "precision": "bfloat16 autocast for forward and backward (oneDNN "
                 "matrix products); float32 weights, gradients and "
                 "optimizer state",
}
AUGMENTATION = ("random horizontal flip and a random multiple of 90 degrees "
                "of rotation per image (neither changes the class)")


def to_tensor(images):
    """uint8 [N,64,64,3] -> normalised float32 [N,3,64,64]."""
    x = torch.from_numpy(np.ascontiguousarray(images)).permute(0, 3, 1, 2)
    x = x.to(torch.float32) / 255.0
    return (x - MEAN) / STD


def augment(x, gen):
    """Flip and rotate each image of a batch, drawn from `gen`."""
    flip = torch.rand(x.shape[0], generator=gen) < 0.5
    turns = torch.randint(0, 4, (x.shape[0],), generator=gen)
    x = torch.where(flip[:, None, None, None], x.flip(3), x)
    out = x.clone()
    for k in (1, 2, 3):
        sel = turns == k
        if sel.any():
            out[sel] = torch.rot90(x[sel], k, dims=(2, 3))
    return out


def lr_at(step, steps, base):
    warm = max(1, int(0.05 * steps))
    if step < warm:
        return base * (step + 1) / warm
    t = (step - warm) / max(1, steps - warm)
    return base * 0.5 * (1 + math.cos(math.pi * t))


def logits_of(out):
    return out[0] if isinstance(out, tuple) else out


def train(model, images, labels, steps, seed, log=None, log_every=100):
    """Train `model` for `steps` batches drawn from (images, labels).

    Batches are consecutive slices of a fresh seeded permutation each
    epoch; a fraction smaller than one batch is repeated to fill it.
    """
    gen = torch.Generator().manual_seed(seed)
    x_all = to_tensor(images)
    y_all = torch.from_numpy(labels)
    n = x_all.shape[0]
    opt = torch.optim.AdamW(model.parameters(), lr=OPTIMIZER["lr"],
                            betas=tuple(OPTIMIZER["betas"]),
                            weight_decay=OPTIMIZER["weightDecay"])
    model.train()
    order, pos = None, n
    start, running = time.time(), 0.0
    for step in range(steps):
        idx = []
        while len(idx) < BATCH:
            if pos >= n:
                order, pos = torch.randperm(n, generator=gen), 0
            take = min(BATCH - len(idx), n - pos)
            idx.extend(order[pos:pos + take].tolist())
            pos += take
        idx = torch.tensor(idx)
        x, y = augment(x_all[idx], gen), y_all[idx]
        for g in opt.param_groups:
            g["lr"] = lr_at(step, steps, OPTIMIZER["lr"])
        with torch.autocast("cpu", dtype=torch.bfloat16):
            out = logits_of(model(x))
        loss = F.cross_entropy(out.float(), y, label_smoothing=0.1)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        running += loss.item()
        if log and (step + 1) % log_every == 0:
            log(f"step {step + 1}/{steps} loss {running / log_every:.4f} "
                f"({time.time() - start:.0f} s)")
            running = 0.0
    model.eval()
    return model


@torch.no_grad()
def predict(model, images, batch=500):
    """float32 logits for uint8 images, in eval mode."""
    model.eval()
    outs = []
    for i in range(0, len(images), batch):
        outs.append(logits_of(model(to_tensor(images[i:i + batch]))))
    return torch.cat(outs)


def accuracy(model, images, labels):
    pred = predict(model, images).argmax(1).numpy()
    return float((pred == labels).mean())
