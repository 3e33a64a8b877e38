#!/usr/bin/env python3
"""Builds a small ONNX detector whose outputs are known constants, for weir's onnx backend tests.

    python3 make_model.py SPEC.json MODEL.onnx

SPEC is JSON: {"input": [batch, 3, height, width] (batch or sizes may be a name such as "N", a
dynamic dimension), "outputs": [{"name": "output", "values": nested list with a leading batch
dimension of 1, "mask": optional list of the same shape}], "channel": 0, "opset": 17}.

Every output is `values + mask * mean(channel of the input)`, broadcast over the batch: a constant
head behind a real 1x1 convolution and a global average pool on the input, so the preprocessing
weir does (resize, letterbox padding, channel order, normalisation) reaches the numbers through
`mask`. With no mask the input is still read, multiplied by zeros. Needs the `onnx` package.
"""
import json
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def build(spec):
    channel = spec.get("channel", 0)
    weight = np.zeros((1, 3, 1, 1), dtype=np.float32)
    weight[0, channel, 0, 0] = 1.0
    nodes = [
        helper.make_node("Conv", ["image", "conv_w"], ["picked"]),
        helper.make_node("GlobalAveragePool", ["picked"], ["mean"]),
    ]
    initializers = [numpy_helper.from_array(weight, "conv_w")]
    outputs = []
    for i, out in enumerate(spec["outputs"]):
        values = np.array(out["values"], dtype=np.float32)
        mask = np.array(out.get("mask", np.zeros_like(values)), dtype=np.float32)
        rank = values.ndim
        shape = np.array([-1] + [1] * (rank - 1), dtype=np.int64)
        initializers += [
            numpy_helper.from_array(values, f"values_{i}"),
            numpy_helper.from_array(mask, f"mask_{i}"),
            numpy_helper.from_array(shape, f"shape_{i}"),
        ]
        nodes += [
            helper.make_node("Reshape", ["mean", f"shape_{i}"], [f"mean_{i}"]),
            helper.make_node("Mul", [f"mean_{i}", f"mask_{i}"], [f"masked_{i}"]),
            helper.make_node("Add", [f"masked_{i}", f"values_{i}"], [out["name"]]),
        ]
        dims = ["N"] + list(values.shape[1:])
        outputs.append(helper.make_tensor_value_info(out["name"], TensorProto.FLOAT, dims))
    image = helper.make_tensor_value_info("image", TensorProto.FLOAT, spec["input"])
    graph = helper.make_graph(nodes, "weir-test-detector", [image], outputs, initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", spec.get("opset", 17))])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_model.py SPEC.json MODEL.onnx")
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    onnx.save(build(spec), sys.argv[2])


if __name__ == "__main__":
    main()
