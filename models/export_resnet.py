#!/usr/bin/env python3
"""Export the ResNet model slices, their manifests and golden outputs.

    /usr/bin/python3 models/export_resnet.py

Writes packages/slices-resnet/onnx/<name>.onnx and <name>.json. Seeded and
single-threaded, so a rerun writes byte-identical files.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
import torchvision  # noqa: E402
from PIL import Image  # noqa: E402

import manifest as mf  # noqa: E402
import resnet_slices as rs  # noqa: E402
import signal_propagation as sp  # noqa: E402

ROOT = os.path.dirname(HERE)
OUT_DIR = os.path.join(ROOT, "packages", "slices-resnet", "onnx")
CAT = os.path.join(ROOT, "..", "shared", "assets", "chelsea.png")
SEED = 0

PAPER = ("He, Zhang, Ren and Sun, 'Deep Residual Learning for Image "
         "Recognition', CVPR 2016, arXiv:1512.03385")

RESNET_WEIGHTS = {
    "kind": "seeded-init",
    "seed": SEED,
    "source": "torchvision 0.14 resnet50() initialisation, no pretrained "
              "weights",
    "note": "These weights are random (torchvision's initialisation, seed "
            "0), not trained: the figure shows what the architecture does "
            "to a signal, not what a trained ResNet has learned.",
}

ARCHITECTURE = {
    "resnet50-stem": (
        "ResNet-50 stem (" + PAPER + ", Table 1): conv1 7x7, 64 channels, "
        "stride 2, BatchNorm, ReLU (output `stem`), then 3x3 max pool, "
        "stride 2 (output `pool`, the input of conv2_x). torchvision's "
        "resnet50().conv1/bn1/relu/maxpool."),
    "bottleneck-projection": (
        "First bottleneck block of conv2_x, torchvision resnet50().layer1[0] ("
        + PAPER + ", Fig. 5 right): 1x1 conv 64->64 (reduce), 3x3 conv "
        "64->64 (spatial), 1x1 conv 64->256, each with BatchNorm and ReLU "
        "after the first two; the shortcut is a 1x1 conv 64->256 + "
        "BatchNorm projection (option B, Sec. 3.3); output = "
        "ReLU(F(x) + shortcut)."),
    "bottleneck-identity": (
        "Second bottleneck block of conv2_x, torchvision "
        "resnet50().layer1[1] (" + PAPER + ", Eq. 1): 1x1 conv 256->64, "
        "3x3 conv 64->64, 1x1 conv 64->256 with BatchNorm, identity "
        "shortcut; output = ReLU(F(x) + x)."),
    "deep-plain": (
        "Signal-propagation experiment, plain: 3x3 conv 3->16 + BN + ReLU, "
        "then 30 blocks of [3x3 conv, BN, ReLU, 3x3 conv, BN] and ReLU, 16 "
        "channels at 32x32, no shortcut (the 'plain network' of " + PAPER
        + ", Sec. 4.1, scaled down). Output stacks the stem output and "
        "every block output."),
    "deep-residual": (
        "Signal-propagation experiment, residual: the same stack and the "
        "same weights as deep-plain, with the identity shortcut added "
        "before each block's final ReLU (" + PAPER + ", Fig. 2)."),
}


def setup():
    torch.use_deterministic_algorithms(True)
    # One thread: the golden sums then do not depend on the core count.
    torch.set_num_threads(1)


def slice_manifest(name, module, io, onnx_bytes, weights, golden_input):
    """Everything a manifest says about one exported slice."""
    (in_specs, out_specs), inputs = io, [golden_input]
    facts = mf.onnx_facts(onnx_bytes)
    expect_in = [{"name": n, "shape": s, "dtype": "float32"}
                 for n, s in in_specs]
    expect_out = [{"name": n, "shape": s, "dtype": "float32"}
                  for n, s in out_specs]
    if facts["inputs"] != expect_in or facts["outputs"] != expect_out:
        raise AssertionError(f"{name}: ONNX signature {facts}")

    trainable, running = mf.parameter_counts(module)
    # The exporter stores initializers with equal values once (at init a
    # BN bias equals its running mean, 0, and its weight its running
    # variance, 1), so the file may hold fewer values than PyTorch counts.
    if not 0 < facts["parameters"] <= trainable + running:
        raise AssertionError(f"{name}: parameter count mismatch")

    with torch.no_grad():
        outs = module(*[t.clone() for t in inputs])
    outs = outs if isinstance(outs, tuple) else (outs,)
    golden_outputs = {}
    for (out_name, shape), t in zip(out_specs, outs):
        assert list(t.shape) == shape, (name, out_name, t.shape)
        golden_outputs[out_name] = mf.tensor_stats(t)

    return {
        "name": name,
        "file": f"{name}.onnx",
        "sha256": mf.sha256(onnx_bytes),
        "bytes": len(onnx_bytes),
        "parameters": facts["parameters"],
        "parametersNote": (
            "float32 values stored in the ONNX initializers. PyTorch "
            f"counts {trainable} trainable values plus {running} BatchNorm "
            "running statistics; torch.onnx.export stores initializers "
            "with identical values once (at initialisation a BN bias "
            "equals its running mean and its weight its running "
            "variance), so the file can hold fewer."),
        "trainableParameters": trainable,
        "flops": mf.conv_flops(module, inputs),
        "flopsNote": mf.FLOPS_NOTE,
        "opset": facts["opset"],
        "operators": facts["operators"],
        "inputs": facts["inputs"],
        "outputs": facts["outputs"],
        "weights": weights,
        "architecture": ARCHITECTURE[name],
        "paper": PAPER,
        "golden": {
            "input": mf.golden_input_spec(in_specs[0][0], in_specs[0][1]),
            "computedWith": "pytorch 1.13 float32 (CPU, one thread); "
                            "cross-check: node models/check_golden_ort.mjs",
            "samplesRule": mf.SAMPLE_RULE,
            "tolerance": mf.TOLERANCE,
            "outputs": golden_outputs,
        },
    }


def cat_image():
    """chelsea.png as the 1x3x224x224 ImageNet-normalised input."""
    rgb = np.asarray(Image.open(CAT).convert("RGB"), dtype=np.float32)
    x = torch.from_numpy(rgb / 255.0).permute(2, 0, 1).unsqueeze(0)
    x = F.interpolate(x, size=(224, 224), mode="bilinear",
                      align_corners=False, antialias=False)
    mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
    return (x - mean) / std


def image_reference(stem, projection):
    """Per-output l2 and mean for the cat photo through stem -> block."""
    def brief(t):
        d = t.detach().numpy().astype(np.float64)
        return {"l2": mf._num(np.sqrt((d * d).sum())),
                "mean": mf._num(d.mean())}

    image = cat_image()
    with torch.no_grad():
        s, pool = stem(image)
        outs = projection(pool)
    names = ["reduce", "spatial", "residual", "shortcut", "output"]
    return {
        "image": "chelsea.png from ../shared/assets (CC0, Stefan van der "
                 "Walt; shipped by another package, not copied here)",
        "preprocessing": [
            "decode the PNG to 8-bit RGB as stored (its ICC profile is "
            "sRGB; in a browser use createImageBitmap(blob, "
            "{colorSpaceConversion: 'none'}) to avoid colour management)",
            "divide by 255 to float32 in 0..1, layout NCHW",
            "resize the whole 451x300 image (no crop, aspect not kept) to "
            "224x224 with plain bilinear interpolation, align_corners=False "
            "(half-pixel centres, edge clamp), no antialiasing: "
            "torch.nn.functional.interpolate(mode='bilinear', "
            "align_corners=False, antialias=False)",
            "normalise per channel: (x - [0.485, 0.456, 0.406]) / "
            "[0.229, 0.224, 0.225]",
            "run resnet50-stem, feed its `pool` output to this slice",
        ],
        "tolerance": {"rtol": 1e-3},
        "input": brief(image),
        "stem": {"stem": brief(s), "pool": brief(pool)},
        "outputs": {n: brief(t) for n, t in zip(names, outs)},
    }


def export_resnet_slices():
    written = {}
    for name in rs.RESNET_IO:
        # Same seed for every slice: rebuilding gives the same network, so
        # stem -> projection -> identity chain like one ResNet-50.
        net = rs.seeded_resnet50(SEED)
        module = rs.build_resnet_slices(net)[name]
        in_specs, out_specs = rs.RESNET_IO[name]
        x = mf.golden_input(in_specs[0][1])
        rs.check_against_torchvision(name, module, net, x)
        data = rs.export_onnx(module, [(in_specs[0][0], x)],
                              [n for n, _ in out_specs])
        m = slice_manifest(name, module, (in_specs, out_specs), data,
                           RESNET_WEIGHTS, x)
        written[name] = (data, m, module)
    _, proj, proj_module = written["bottleneck-projection"]
    proj["imageReference"] = image_reference(
        written["resnet50-stem"][2], proj_module)
    return written


def export_deep_stacks():
    refs, written = {}, {}
    for name, residual in (("deep-plain", False), ("deep-residual", True)):
        ref, module, x, _ = sp.reference(residual, SEED)
        in_specs, out_specs = sp.stack_io()
        data = rs.export_onnx(module, [("x", x)], ["hidden"])
        weights = {
            "kind": "seeded-init",
            "seed": SEED,
            "source": "PyTorch 1.13 default nn.Conv2d initialisation with "
                      "torchvision-style BatchNorm init, no pretrained or "
                      "trained weights",
            "note": "Random weights from seed 0, identical in the plain "
                    "and the residual stack; only the shortcut differs.",
        }
        m = slice_manifest(name, module, (in_specs, out_specs), data,
                           weights, x)
        m["golden"]["input"].update({
            "formula": sp.BATCH_FORMULA,
            "js": sp.BATCH_JS,
            "index": "flat NCHW index i; j = i mod 9408 within a sample",
        })
        m["reference"] = ref
        refs[name] = ref
        written[name] = (data, m, module)
    sp.check_contrast(refs["deep-plain"], refs["deep-residual"])
    return written


def main():
    setup()
    os.makedirs(OUT_DIR, exist_ok=True)
    written = {**export_resnet_slices(), **export_deep_stacks()}
    for name, (data, manifest, _) in written.items():
        with open(os.path.join(OUT_DIR, f"{name}.onnx"), "wb") as f:
            f.write(data)
        mf.write_json(os.path.join(OUT_DIR, f"{name}.json"), manifest)
        print(f"{name}: {manifest['bytes']} bytes, "
              f"{manifest['parameters']} parameters, "
              f"{manifest['flops'] / 1e6:.1f} MFLOPs, "
              f"sha256 {manifest['sha256'][:12]}")


if __name__ == "__main__":
    main()
