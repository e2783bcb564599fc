"""ViT-B/16's patch embedding at real size, with int8 weights.

Built from torchvision.models.vit_b_16() right after a fixed seed (no
pretrained weights). Its two large tensors are stored as symmetric int8
with one float32 scale per output channel (conv_proj) or per token
(pos_embedding), so the slice stays under 1 MB gzipped. The dequantized
values q * scale ARE this slice's weights: the PyTorch reference, the
golden outputs and the browser all use exactly them.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision


def quantize_rows(w):
    """Symmetric int8 per first-axis row: (q int8, scale float32 [rows])."""
    rows = w.reshape(w.shape[0], -1)
    scale = rows.abs().amax(1) / 127.0
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))
    q = torch.round(rows / scale[:, None]).clamp(-127, 127).to(torch.int8)
    return q.reshape(w.shape), scale.to(torch.float32)


class PatchEmbedSlice(nn.Module):
    """image -> patch_tokens, tokens ([CLS] first), embedded (+ E_pos)."""

    def __init__(self, net):
        super().__init__()
        w, b = net.conv_proj.weight.detach(), net.conv_proj.bias.detach()
        pos = net.encoder.pos_embedding.detach()[0]          # [197, 768]
        wq, ws = quantize_rows(w)
        pq, ps = quantize_rows(pos)
        self.patch = net.patch_size
        self.register_buffer("weight_q", wq)
        self.register_buffer("weight_scale", ws.reshape(-1, 1, 1, 1))
        self.register_buffer("bias", b.clone())
        self.register_buffer("class_token", net.class_token.detach().clone())
        self.register_buffer("pos_q", pq.unsqueeze(0))
        self.register_buffer("pos_scale", ps.reshape(1, -1, 1))

    def weight(self):
        return self.weight_q.to(torch.float32) * self.weight_scale

    def pos_embedding(self):
        return self.pos_q.to(torch.float32) * self.pos_scale

    def forward(self, image):
        x = F.conv2d(image, self.weight(), self.bias, stride=self.patch)
        patch_tokens = x.flatten(2).transpose(1, 2)          # [1, 196, 768]
        tokens = torch.cat([self.class_token, patch_tokens], dim=1)
        embedded = tokens + self.pos_embedding()
        return patch_tokens, tokens, embedded


def seeded_vit_b16(seed):
    torch.manual_seed(seed)
    return torchvision.models.vit_b_16(weights=None).eval()


def check_against_torchvision(net, sliced, x):
    """torchvision's own input path, given the dequantized weights, must
    give the slice's `embedded` bit for bit (Encoder.forward adds
    pos_embedding; dropout is off in eval mode)."""
    with torch.no_grad():
        net.conv_proj.weight.copy_(sliced.weight())
        net.encoder.pos_embedding.copy_(sliced.pos_embedding())
        t = net._process_input(x.clone())
        t = torch.cat([net.class_token.expand(1, -1, -1), t], dim=1)
        want = t + net.encoder.pos_embedding
        got = sliced(x.clone())[2]
    if not torch.equal(want, got):
        raise AssertionError("vit-b16-embed differs from torchvision")


def quantization_facts(net_weights, sliced):
    """How far int8 storage moved the seeded float32 weights."""
    w, pos = net_weights
    dw = (sliced.weight() - w).abs()
    dp = (sliced.pos_embedding()[0] - pos).abs()
    return {
        "scheme": "symmetric int8, q = round(w / s) clamped to [-127, 127], "
                  "s = max|w| / 127 per output channel of conv_proj "
                  "(768 scales) and per token of pos_embedding (197 scales); "
                  "graph: Cast(int8 -> float32) then Mul by the scale",
        "weightsAreDequantized": True,
        "convProjMaxAbsError": float(f"{dw.max().item():.6g}"),
        "convProjRelativeL2Error": float(
            f"{(dw.norm() / w.norm()).item():.6g}"),
        "posEmbeddingMaxAbsError": float(f"{dp.max().item():.6g}"),
        "posEmbeddingRelativeL2Error": float(
            f"{(dp.norm() / pos.norm()).item():.6g}"),
    }


FLATTEN_ORDER = {
    "patch": "patch p = row * 14 + col over the 14x14 grid; its pixels are "
             "image[:, 16*row : 16*row + 16, 16*col : 16*col + 16]",
    "vector": "index = c * 256 + y * 16 + x (channel-major, then row, then "
              "column within the patch), the order of PyTorch's conv "
              "weight [768, 3, 16, 16] flattened",
    "token": "patch_tokens[0, p, k] = sum_i W[k, i] * v_p[i] + b[k], with "
             "W = conv_proj weight [768, 3, 16, 16] flattened to [768, 768] "
             "and v_p the patch vector in the order above",
}


def flops():
    """2 x multiply-adds of the patch projection (the only matmul)."""
    return 2 * 196 * 768 * 3 * 16 * 16


def parameter_count():
    """conv_proj weight and bias, [CLS] token, position embeddings."""
    return 768 * 3 * 16 * 16 + 768 + 768 + 197 * 768

