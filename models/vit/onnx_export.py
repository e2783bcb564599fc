"""Helpers every ViT export shares: deterministic setup, the ONNX export
call, initializer counts, the signature and golden-output fields of a
manifest, and the gzip size the manifests record."""

import gzip
import io
import warnings

import numpy as np
import onnx
import torch

import manifest as mf

OPSET = 17


def setup():
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)


def log(msg):
    print(msg, flush=True)


def export_onnx(module, x, input_name, output_names):
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        torch.onnx.export(module, (x,), buf, opset_version=OPSET,
                          input_names=[input_name],
                          output_names=list(output_names),
                          do_constant_folding=False)
    return buf.getvalue()


def initializer_counts(data):
    m = onnx.load_from_string(data)
    counts = {}
    for t in m.graph.initializer:
        kind = onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[t.data_type].name
        counts[kind] = counts.get(kind, 0) + int(np.prod(t.dims))
    return counts


def common_fields(name, data, in_spec, out_specs, module):
    facts = mf.onnx_facts(data)
    want_in = [{"name": in_spec[0], "shape": in_spec[1], "dtype": "float32"}]
    want_out = [{"name": n, "shape": s, "dtype": "float32"}
                for n, s in out_specs]
    if facts["inputs"] != want_in or facts["outputs"] != want_out:
        raise AssertionError(f"{name}: ONNX signature {facts}")
    if facts["opset"] != OPSET:
        raise AssertionError(f"{name}: opset {facts['opset']}")

    x = mf.golden_input(in_spec[1])
    with torch.no_grad():
        outs = module(x)
    golden = {}
    for (out_name, shape), t in zip(out_specs, outs):
        assert list(t.shape) == shape, (name, out_name, t.shape)
        golden[out_name] = mf.tensor_stats(t)
    return facts, {
        "input": mf.golden_input_spec(*in_spec),
        "computedWith": "pytorch 1.13 float32 (CPU, one thread); "
                        "cross-check: node models/check_golden_ort.mjs "
                        "packages/slices-vit/onnx",
        "samplesRule": mf.SAMPLE_RULE,
        "tolerance": mf.TOLERANCE,
        "outputs": golden,
    }


def mf_gzip(data):
    # mtime=0 so the size does not depend on the clock; same bytes as
    # `gzip -9 -n`.
    return len(gzip.compress(data, compresslevel=9, mtime=0))
