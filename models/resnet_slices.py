"""Slice modules cut from torchvision's own ResNet-50 code.

Each wrapper calls the submodules of a torchvision module in the order that
module's forward() does, and returns the intermediate tensors a figure
wants to show. `check_against_torchvision` proves the wrapper's final
output equals the original module's output bit for bit.
"""

import io
import warnings

import torch
import torch.nn as nn
import torchvision

OPSET = 17


class StemSlice(nn.Module):
    """ResNet-50 stem: conv1 (7x7/2) - bn1 - relu, then maxpool (3x3/2)."""

    def __init__(self, net):
        super().__init__()
        self.conv1, self.bn1 = net.conv1, net.bn1
        self.relu, self.maxpool = net.relu, net.maxpool

    def forward(self, image):
        stem = self.relu(self.bn1(self.conv1(image)))
        # ReLU in torchvision is in-place; clone nothing, maxpool makes a
        # new tensor, so `stem` survives as an output.
        pool = self.maxpool(stem)
        return stem, pool


class BottleneckSlice(nn.Module):
    """torchvision Bottleneck with its intermediate tensors exposed.

    Same order as torchvision.models.resnet.Bottleneck.forward; the only
    change is that F(x) and the shortcut are kept apart before the add so
    both can be shown (He et al. 2016, Fig. 5 right).
    """

    def __init__(self, block):
        super().__init__()
        assert isinstance(block, torchvision.models.resnet.Bottleneck)
        self.block = block

    def forward(self, x):
        b = self.block
        reduce = b.relu(b.bn1(b.conv1(x)))
        spatial = b.relu(b.bn2(b.conv2(reduce)))
        residual = b.bn3(b.conv3(spatial))
        shortcut = b.downsample(x) if b.downsample is not None else x
        output = torch.relu(residual + shortcut)
        return reduce, spatial, residual, shortcut, output


class PlainOrResidualBlock(nn.Module):
    """[3x3 conv, BN, ReLU, 3x3 conv, BN] (+ identity) then ReLU."""

    def __init__(self, channels, residual):
        super().__init__()
        self.residual = residual
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        out = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        if self.residual:
            out = out + x
        return torch.relu(out)


class DeepStack(nn.Module):
    """Stem conv 3->16 (3x3/1) - BN - ReLU, then `depth` blocks.

    Returns every depth's activation stacked: hidden[0] is the stem output,
    hidden[d] the output of block d.
    """

    def __init__(self, depth, residual, channels=16):
        super().__init__()
        self.conv = nn.Conv2d(3, channels, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(channels)
        self.blocks = nn.ModuleList(
            PlainOrResidualBlock(channels, residual) for _ in range(depth))

    def forward(self, x):
        h = torch.relu(self.bn(self.conv(x)))
        hidden = [h]
        for block in self.blocks:
            h = block(h)
            hidden.append(h)
        return torch.stack(hidden)


def seeded_resnet50(seed):
    """torchvision's resnet50() built after torch.manual_seed(seed).

    Its constructor applies torchvision's init: kaiming_normal_ (fan_out,
    relu) for convs, BN weight 1 and bias 0; no pretrained weights.
    """
    torch.manual_seed(seed)
    return torchvision.models.resnet50(weights=None).eval()


def build_resnet_slices(net):
    """The three ResNet-50 slices, all cut from the same network `net`."""
    return {
        "resnet50-stem": StemSlice(net).eval(),
        "bottleneck-projection": BottleneckSlice(net.layer1[0]).eval(),
        "bottleneck-identity": BottleneckSlice(net.layer1[1]).eval(),
    }


def check_against_torchvision(name, sliced, net, x):
    """The slice's last output must equal torchvision's own forward."""
    with torch.no_grad():
        if name == "resnet50-stem":
            m = nn.Sequential(net.conv1, net.bn1, net.relu, net.maxpool)
        elif name == "bottleneck-projection":
            m = net.layer1[0]
        else:
            m = net.layer1[1]
        want = m(x.clone())
        got = sliced(x.clone())[-1]
    if not torch.equal(want, got):
        raise AssertionError(f"{name}: slice differs from torchvision")


RESNET_IO = {
    "resnet50-stem": (
        [("image", [1, 3, 224, 224])],
        [("stem", [1, 64, 112, 112]), ("pool", [1, 64, 56, 56])]),
    "bottleneck-projection": (
        [("x", [1, 64, 56, 56])],
        [(n, [1, 64 if n in ("reduce", "spatial") else 256, 56, 56])
         for n in ("reduce", "spatial", "residual", "shortcut", "output")]),
    "bottleneck-identity": (
        [("x", [1, 256, 56, 56])],
        [(n, [1, 64 if n in ("reduce", "spatial") else 256, 56, 56])
         for n in ("reduce", "spatial", "residual", "shortcut", "output")]),
}


def export_onnx(module, inputs, output_names):
    """Export `module` to ONNX bytes, opset 17, BN kept as its own node.

    TrainingMode.PRESERVE on an eval-mode module exports BatchNormalization
    in inference form instead of folding it into the conv, so the graph
    shows the paper's Conv -> BN -> ReLU and the weights keep their
    torchvision names. Shapes are static: figures feed one fixed size.
    """
    buf = io.BytesIO()
    with warnings.catch_warnings():
        # num_batches_tracked mutation and constant-folding advice: both are
        # about training mode, which these eval-mode slices never use.
        warnings.simplefilter("ignore", UserWarning)
        torch.onnx.export(
            module, tuple(t for _, t in inputs), buf,
            opset_version=OPSET,
            input_names=[n for n, _ in inputs],
            output_names=list(output_names),
            training=torch.onnx.TrainingMode.PRESERVE,
            do_constant_folding=False,
        )
    return buf.getvalue()
