#!/usr/bin/env python3
"""Export the ResNet-50 slices from a checkpoint you downloaded yourself.

    /usr/bin/python3 models/export_user_resnet.py \\
        --weights path/to/resnet50.pth --out my-slices/

The checkpoint is a torchvision ResNet-50 state dict, for example the file
behind torchvision.models.ResNet50_Weights.IMAGENET1K_V2. The slices keep
the names and shapes of the shipped ones (resnet50-stem,
bottleneck-projection, bottleneck-identity), so a figure's `src` attribute
can point at them; each gets a manifest with golden outputs computed with
these weights. This project ships no pretrained weights and never
downloads any.
"""

import argparse
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402
import torchvision  # noqa: E402

import export_resnet as ex  # noqa: E402
import manifest as mf  # noqa: E402
import resnet_slices as rs  # noqa: E402


def load_resnet50(path):
    """torchvision resnet50 with the checkpoint's weights, in eval mode."""
    state = torch.load(path, map_location="cpu")
    # Training scripts often wrap the weights; torchvision's files do not.
    for key in ("state_dict", "model"):
        if isinstance(state, dict) and isinstance(state.get(key), dict):
            state = state[key]
    state = {k.removeprefix("module."): v for k, v in state.items()}
    net = torchvision.models.resnet50(weights=None)
    net.load_state_dict(state, strict=True)
    return net.eval()


def file_sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", required=True,
                        help="torchvision ResNet-50 state dict (.pth)")
    parser.add_argument("--out", default="resnet50-slices",
                        help="output folder (default: ./resnet50-slices)")
    args = parser.parse_args(argv)

    ex.setup()
    net = load_resnet50(args.weights)
    weights = {
        "kind": "user-checkpoint",
        "source": f"{os.path.basename(args.weights)} "
                  f"(sha256 {file_sha256(args.weights)})",
        "note": "Weights loaded from a ResNet-50 checkpoint supplied by "
                "the page author; the figure shows what that trained "
                "network computes.",
    }

    os.makedirs(args.out, exist_ok=True)
    modules = rs.build_resnet_slices(net)
    written = {}
    for name, module in modules.items():
        in_specs, out_specs = rs.RESNET_IO[name]
        x = mf.golden_input(in_specs[0][1])
        rs.check_against_torchvision(name, module, net, x)
        # The same call the shipped slices use:
        #   torch.onnx.export(module, (x,), f, opset_version=17,
        #       input_names=[...], output_names=[...],
        #       training=torch.onnx.TrainingMode.PRESERVE,
        #       do_constant_folding=False)
        data = rs.export_onnx(module, [(in_specs[0][0], x)],
                              [n for n, _ in out_specs])
        written[name] = (data, ex.slice_manifest(
            name, module, (in_specs, out_specs), data, weights, x), module)

    written["bottleneck-projection"][1]["imageReference"] = \
        ex.image_reference(written["resnet50-stem"][2],
                           written["bottleneck-projection"][2])
    for name, (data, manifest, _) in written.items():
        with open(os.path.join(args.out, f"{name}.onnx"), "wb") as f:
            f.write(data)
        mf.write_json(os.path.join(args.out, f"{name}.json"), manifest)
        print(f"{os.path.join(args.out, name)}.onnx: {len(data)} bytes, "
              f"{manifest['parameters']} parameters")


if __name__ == "__main__":
    main()
