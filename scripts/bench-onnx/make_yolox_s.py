#!/usr/bin/env python3
"""Writes an ONNX graph with YOLOX-S's layer shapes and random weights, for `scripts/bench-onnx.sh`.

    python3 make_yolox_s.py MODEL.onnx [SIZE]

YOLOX-S as its repository builds it (depth 0.33, width 0.50, SiLU, batch norm folded into the
convolutions): the Focus stem, CSPDarknet (dark2-dark5 with SPP), the PAFPN neck and the decoupled
head for 80 classes, giving `[batch, 8400, 85]` at 640 x 640 (objectness and classes through a
sigmoid, boxes raw: weir's `decoder: yolox`). About 9 M parameters and 27 GFLOPs, like the real one;
the weights are random, so the boxes mean nothing. Needs `onnx` and `numpy`.
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(0)
nodes, inits = [], []
counter = [0]


def name(prefix):
    counter[0] += 1
    return f"{prefix}_{counter[0]}"


def conv(x, cin, cout, k, s=1, act=True, groups=1):
    w = name("w")
    b = name("b")
    fan = cin // groups * k * k
    inits.append(numpy_helper.from_array((rng.standard_normal((cout, cin // groups, k, k)) / np.sqrt(fan)).astype(np.float32), w))
    inits.append(numpy_helper.from_array(np.zeros(cout, np.float32), b))
    y = name("conv")
    p = (k - 1) // 2
    nodes.append(helper.make_node("Conv", [x, w, b], [y], kernel_shape=[k, k], strides=[s, s], pads=[p, p, p, p], group=groups))
    if not act:
        return y
    sig = name("sig")
    out = name("silu")
    nodes.append(helper.make_node("Sigmoid", [y], [sig]))
    nodes.append(helper.make_node("Mul", [y, sig], [out]))
    return out


def concat(xs, axis=1):
    y = name("cat")
    nodes.append(helper.make_node("Concat", xs, [y], axis=axis))
    return y


def add(a, b):
    y = name("add")
    nodes.append(helper.make_node("Add", [a, b], [y]))
    return y


def bottleneck(x, c, shortcut):
    y = conv(conv(x, c, c, 1), c, c, 3)
    return add(x, y) if shortcut else y


def csp(x, cin, cout, n, shortcut=True):
    hidden = cout // 2
    a = conv(x, cin, hidden, 1)
    b = conv(x, cin, hidden, 1)
    for _ in range(n):
        a = bottleneck(a, hidden, shortcut)
    return conv(concat([a, b]), 2 * hidden, cout, 1)


def spp(x, cin, cout):
    hidden = cin // 2
    x = conv(x, cin, hidden, 1)
    pools = [x]
    for k in (5, 9, 13):
        y = name("pool")
        nodes.append(helper.make_node("MaxPool", [x], [y], kernel_shape=[k, k], strides=[1, 1], pads=[k // 2] * 4))
        pools.append(y)
    return conv(concat(pools), hidden * 4, cout, 1)


def upsample(x):
    scales = name("scales")
    inits.append(numpy_helper.from_array(np.array([1, 1, 2, 2], np.float32), scales))
    y = name("up")
    nodes.append(helper.make_node("Resize", [x, "", scales], [y], mode="nearest"))
    return y


def focus(x):
    # Space-to-depth as YOLOX's Focus does it: four strided slices, concatenated on channels.
    parts = []
    for dy, dx in ((0, 0), (1, 0), (0, 1), (1, 1)):
        starts, ends, axes, steps = (name(n) for n in ("st", "en", "ax", "sp"))
        inits.extend([
            numpy_helper.from_array(np.array([dy, dx], np.int64), starts),
            numpy_helper.from_array(np.array([1 << 30, 1 << 30], np.int64), ends),
            numpy_helper.from_array(np.array([2, 3], np.int64), axes),
            numpy_helper.from_array(np.array([2, 2], np.int64), steps),
        ])
        y = name("slice")
        nodes.append(helper.make_node("Slice", [x, starts, ends, axes, steps], [y]))
        parts.append(y)
    return conv(concat(parts), 12, 32, 3)


def head(x, cin, classes=80):
    stem = conv(x, cin, 128, 1)
    c = conv(conv(stem, 128, 128, 3), 128, 128, 3)
    r = conv(conv(stem, 128, 128, 3), 128, 128, 3)
    cls = conv(c, 128, classes, 1, act=False)
    reg = conv(r, 128, 4, 1, act=False)
    obj = conv(r, 128, 1, 1, act=False)
    so, sc = name("sobj"), name("scls")
    nodes.append(helper.make_node("Sigmoid", [obj], [so]))
    nodes.append(helper.make_node("Sigmoid", [cls], [sc]))
    out = concat([reg, so, sc])  # [b, 85, h, w]
    shape = name("shape")
    inits.append(numpy_helper.from_array(np.array([0, 5 + classes, -1], np.int64), shape))
    flat = name("flat")
    nodes.append(helper.make_node("Reshape", [out, shape], [flat]))
    return flat


def build(size):
    x = "images"
    stem = focus(x)
    d2 = csp(conv(stem, 32, 64, 3, 2), 64, 64, 1)
    d3 = csp(conv(d2, 64, 128, 3, 2), 128, 128, 3)
    d4 = csp(conv(d3, 128, 256, 3, 2), 256, 256, 3)
    d5 = csp(spp(conv(d4, 256, 512, 3, 2), 512, 512), 512, 512, 1, shortcut=False)
    # PAFPN
    p5 = conv(d5, 512, 256, 1)
    f4 = csp(concat([upsample(p5), d4]), 512, 256, 1, shortcut=False)
    p4 = conv(f4, 256, 128, 1)
    out3 = csp(concat([upsample(p4), d3]), 256, 128, 1, shortcut=False)
    out4 = csp(concat([conv(out3, 128, 128, 3, 2), p4]), 256, 256, 1, shortcut=False)
    out5 = csp(concat([conv(out4, 256, 256, 3, 2), p5]), 512, 512, 1, shortcut=False)
    heads = [head(out3, 128), head(out4, 256), head(out5, 512)]
    joined = concat(heads, axis=2)  # [b, 85, 8400]
    nodes.append(helper.make_node("Transpose", [joined], ["output"], perm=[0, 2, 1]))
    graph = helper.make_graph(
        nodes, "yolox-s-synthetic",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, ["batch", 3, size, size])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", "cells", 85])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: make_yolox_s.py MODEL.onnx [SIZE]")
    size = int(sys.argv[2]) if len(sys.argv) == 3 else 640
    model = build(size)
    params = sum(int(np.prod(t.dims)) for t in model.graph.initializer)
    onnx.save(model, sys.argv[1])
    print(f"{sys.argv[1]}: YOLOX-S layer shapes, {params / 1e6:.1f} M parameters, input {size}x{size}")
