"""Manifest helpers: golden input, tensor statistics, FLOPs, ONNX facts.

Everything here is deterministic so that a rerun of the export writes
byte-identical manifests.
"""

import hashlib
import json
import math
import re

import numpy as np
import onnx
import torch
import torch.nn as nn

# The golden input is a formula, not a file, so a browser test can rebuild
# it without downloading anything. Evaluated in float64 over the flat NCHW
# index, then rounded to float32 (Math.fround in JavaScript).
GOLDEN_FORMULA = "x[i] = 0.5*sin(0.37*i + 0.1) + 0.25*cos(0.011*i)"
GOLDEN_JS = "(i) => 0.5 * Math.sin(0.37 * i + 0.1) + 0.25 * Math.cos(0.011 * i)"

N_SAMPLES = 16
SAMPLE_RULE = "index_k = floor((k + 0.5) * numel / 16), k = 0..15"

# Browser float32 backends (WASM, WebGPU) sum in other orders than PyTorch;
# see models/README.md for the measured deviations these cover.
TOLERANCE = {
    "values": {
        "atol": 1e-4, "rtol": 1e-3,
        "rule": "|got - want| <= atol * maxAbs + rtol * |want|, "
                "maxAbs = max(|min|, |max|) of the wanted output; "
                "for samples, min and max",
    },
    "stats": {
        "rtol": 1e-4,
        "rule": "l2: |got - want| <= rtol * l2; sum: |got - want| <= "
                "rtol * l1; mean: |got - want| <= rtol * l1 / numel",
    },
}


def golden_values(n, start=0):
    """float64 formula values for flat indices start..start+n-1."""
    i = np.arange(start, start + n, dtype=np.float64)
    return 0.5 * np.sin(0.37 * i + 0.1) + 0.25 * np.cos(0.011 * i)


def golden_input(shape):
    """The golden input tensor, float32, shaped `shape`."""
    n = math.prod(shape)
    return torch.from_numpy(golden_values(n).astype(np.float32).reshape(shape))


def golden_input_spec(name, shape):
    return {
        "name": name,
        "shape": list(shape),
        "formula": GOLDEN_FORMULA,
        "js": GOLDEN_JS,
        "index": "flat NCHW (row-major) index i = 0 .. numel-1",
        "precision": "computed in float64, rounded to float32",
    }


def _num(v, digits=10):
    """A float for JSON with a fixed number of significant digits."""
    v = float(v)
    if v == 0.0:
        return 0.0
    return float(f"{v:.{digits}g}")


def tensor_stats(t):
    """Golden statistics of one float32 tensor (accumulated in float64)."""
    a = t.detach().cpu().numpy().astype(np.float32)
    flat = a.reshape(-1)
    d = flat.astype(np.float64)
    n = flat.size
    idx = [int((k + 0.5) * n / N_SAMPLES) for k in range(N_SAMPLES)]
    return {
        "shape": list(a.shape),
        "sum": _num(d.sum()),
        "l1": _num(np.abs(d).sum()),
        "l2": _num(math.sqrt((d * d).sum())),
        "mean": _num(d.mean()),
        "min": _num(flat.min(), 9),
        "max": _num(flat.max(), 9),
        # float32 values round-trip through 9 significant digits.
        "samples": [{"index": i, "value": _num(flat[i], 9)} for i in idx],
    }


def conv_flops(module, inputs):
    """Multiply-adds x2 of every Conv2d, counted from the shapes it sees."""
    total = [0]

    def hook(conv, args, out):
        n, c_out, h, w = out.shape
        k = conv.kernel_size[0] * conv.kernel_size[1]
        total[0] += 2 * n * c_out * h * w * (conv.in_channels // conv.groups) * k

    handles = [m.register_forward_hook(hook)
               for m in module.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        module(*inputs)
    for h in handles:
        h.remove()
    return total[0]


FLOPS_NOTE = ("2 x multiply-adds of the convolutions only, counted from "
              "their output shapes for one call at the input shape above; "
              "BatchNormalization, ReLU, Add and MaxPool are not counted "
              "(they would add about 1-2% more arithmetic here).")

_DTYPES = {onnx.TensorProto.FLOAT: "float32", onnx.TensorProto.INT64: "int64"}


def onnx_facts(model_bytes):
    """Parameter count, opset and I/O signature read back from the file."""
    m = onnx.load_from_string(model_bytes)
    onnx.checker.check_model(m)

    def sig(values):
        out = []
        for v in values:
            tt = v.type.tensor_type
            out.append({
                "name": v.name,
                "shape": [d.dim_value for d in tt.shape.dim],
                "dtype": _DTYPES[tt.elem_type],
            })
        return out

    params = sum(math.prod(t.dims) for t in m.graph.initializer
                 if t.data_type == onnx.TensorProto.FLOAT)
    opset = [o.version for o in m.opset_import if o.domain in ("", "ai.onnx")]
    return {
        "parameters": params,
        "opset": opset[0],
        "inputs": sig(m.graph.input),
        "outputs": sig(m.graph.output),
        "operators": sorted({n.op_type for n in m.graph.node}),
    }


def parameter_counts(module):
    """(trainable, BN running statistics) of a PyTorch module."""
    trainable = sum(p.numel() for p in module.parameters())
    running = sum(b.numel() for name, b in module.named_buffers()
                  if name.endswith(("running_mean", "running_var")))
    return trainable, running


def sha256(data):
    return hashlib.sha256(data).hexdigest()


_NUM = r"-?[0-9][0-9.eE+-]*"
_NUM_LIST = re.compile(r"\[\s+(" + _NUM + r"(?:,\s+" + _NUM + r")*)\s+\]")


def write_json(path, obj):
    """Stable JSON: fixed key order, two-space indent, final newline.

    Lists of plain numbers (shapes, norms) go on one line.
    """
    text = json.dumps(obj, indent=2, ensure_ascii=False)
    text = _NUM_LIST.sub(
        lambda m: "[" + ", ".join(re.split(r",\s+", m.group(1))) + "]", text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")
