"""The deep plain vs deep residual stacks and their signal-propagation check.

The browser runs the batch [x, x + eps*v, x - eps*v] in one call; the norm
of hidden[d, 0] is the activation norm at depth d and
(hidden[d, 1] - hidden[d, 2]) / (2 eps) is a central finite-difference
Jacobian-vector product J_d v, exact for this piecewise-linear network
unless a ReLU flips between the two points.
"""

import copy
import math

import numpy as np
import torch
import torch.nn as nn

from resnet_slices import DeepStack

DEPTH = 30
CHANNELS = 16
SIZE = 32
EPS = 1e-4

DIRECTION_FORMULA = "v[j] = sin(0.731*j + 0.3)"
BATCH_JS = (
    "(i) => { const n = 3 * 32 * 32; const j = i % n; const s = (i - j) / n;"
    " const g = 0.5 * Math.sin(0.37 * j + 0.1) + 0.25 * Math.cos(0.011 * j);"
    " const v = Math.sin(0.731 * j + 0.3);"
    f" return s === 0 ? g : s === 1 ? g + {EPS!r} * v : g - {EPS!r} * v; }}")
BATCH_FORMULA = (
    "sample 0: x[j] = 0.5*sin(0.37*j + 0.1) + 0.25*cos(0.011*j); "
    f"sample 1: x[j] + {EPS!r}*v[j]; sample 2: x[j] - {EPS!r}*v[j]; "
    "v[j] = sin(0.731*j + 0.3)")

INIT_NOTE = (
    "Convolutions use PyTorch's default nn.Conv2d initialisation "
    "(kaiming_uniform_ with a = sqrt(5), i.e. U(-1/sqrt(fan_in), "
    "1/sqrt(fan_in)), fan_in = 16*3*3 = 144); BatchNorm uses torchvision's "
    "init (weight 1, bias 0) with running mean 0 and variance 1, so in eval "
    "mode each BN only divides by sqrt(1 + 1e-5). We do not use "
    "torchvision's kaiming_normal_(fan_out) here: it was designed (He et "
    "al. 2015) to keep a plain ReLU stack's forward norm roughly constant, "
    "and without data-fitted BN statistics it makes the unnormalised "
    "residual sum grow about sqrt(2) per block; its numbers are kept under "
    "torchvisionInitComparison so nothing is hidden.")


def build_stack(residual, seed, init="pytorch-default"):
    """Plain and residual stacks built from one seed share every weight."""
    torch.manual_seed(seed)
    m = DeepStack(DEPTH, residual, CHANNELS)
    if init == "torchvision":
        for mod in m.modules():
            if isinstance(mod, nn.Conv2d):
                nn.init.kaiming_normal_(
                    mod.weight, mode="fan_out", nonlinearity="relu")
    return m.eval()


def probe_batch():
    """[x, x + eps*v, x - eps*v] as float32, shape [3, 3, 32, 32]."""
    n = 3 * SIZE * SIZE
    j = np.arange(n, dtype=np.float64)
    g = 0.5 * np.sin(0.37 * j + 0.1) + 0.25 * np.cos(0.011 * j)
    v = np.sin(0.731 * j + 0.3)
    batch = np.stack([g, g + EPS * v, g - EPS * v]).astype(np.float32)
    return torch.from_numpy(batch.reshape(3, 3, SIZE, SIZE)), v


def norms_from_hidden(hidden):
    """Per-depth activation norms and finite-difference JVP norms."""
    h = hidden.detach().numpy().astype(np.float64)
    act = np.sqrt((h[:, 0] ** 2).reshape(h.shape[0], -1).sum(1))
    fd = (h[:, 1] - h[:, 2]) / (2 * EPS)
    jvp = np.sqrt((fd ** 2).reshape(h.shape[0], -1).sum(1))
    return act, jvp


def exact_jvp_norms(model, x0, v):
    """Forward-mode J v in float64 through a copy of the model."""
    m64 = _double_copy(model)
    x = x0.double().unsqueeze(0)
    t = torch.from_numpy(v).reshape(x.shape)
    _, jv = torch.autograd.functional.jvp(m64, x, t)
    return jv.reshape(jv.shape[0], -1).norm(dim=1).numpy()


def _double_copy(model):
    return copy.deepcopy(model).double().eval()


def _r(values, digits=7):
    return [float(f"{float(x):.{digits}g}") for x in values]


def reference(residual, seed):
    """The `reference` block of a deep-stack manifest."""
    x, v = probe_batch()
    model = build_stack(residual, seed)
    with torch.no_grad():
        hidden = model(x)
    act, jvp = norms_from_hidden(hidden)
    exact = exact_jvp_norms(model, x[0], v)
    fd_err = float(np.max(np.abs(jvp - exact) / np.maximum(exact, 1e-300)))

    comparison = {}
    for name, res in (("plain", False), ("residual", True)):
        m = build_stack(res, seed, init="torchvision")
        with torch.no_grad():
            a, j = norms_from_hidden(m(x))
        comparison[name] = {"activationNorms": _r(a, 4),
                            "jvpNorms": _r(j, 4)}

    return {
        "what": "per-depth norms for sample 0 (depth 0 = stem output)",
        "epsilon": EPS,
        "direction": {
            "formula": DIRECTION_FORMULA,
            "index": "flat CHW index j within one sample, j = 0 .. 9407",
            "l2": float(f"{np.sqrt((v ** 2).sum()):.10g}"),
        },
        "recipe": (
            "input batch = [x, x + eps*v, x - eps*v] (golden.input); "
            "activationNorms[d] = ||hidden[d, 0]||_2; jvpNorms[d] = "
            "||(hidden[d, 1] - hidden[d, 2]) / (2*eps)||_2, differences "
            "taken in float64 from the float32 outputs"),
        "activationNorms": _r(act),
        "jvpNorms": _r(jvp),
        "jvpNormsExactFloat64": _r(exact),
        "finiteDifferenceMaxRelativeError": float(f"{fd_err:.3g}"),
        "tolerance": {"activationNorms": {"rtol": 1e-3},
                      "jvpNorms": {"rtol": 1e-2}},
        "init": INIT_NOTE,
        "torchvisionInitComparison": comparison,
    }, model, x, hidden


def check_contrast(plain_ref, residual_ref):
    """Fail the export if the figure's claim is not true of these weights."""
    for key in ("activationNorms", "jvpNorms"):
        p, r = plain_ref[key], residual_ref[key]
        plain_ratio = p[-1] / p[0]
        res_ratio = r[-1] / r[0]
        if not (plain_ratio < 1e-3 or plain_ratio > 1e3):
            raise AssertionError(f"plain {key} does not decay or blow up")
        if not (0.1 < res_ratio < 10):
            raise AssertionError(f"residual {key} leaves a modest factor")
        if max(r) / min(r) > 10:
            raise AssertionError(f"residual {key} varies too much")


def stack_io():
    n = DEPTH + 1
    return ([("x", [3, 3, SIZE, SIZE])],
            [("hidden", [n, 3, CHANNELS, SIZE, SIZE])])


def numel(shape):
    return math.prod(shape)
