#!/usr/bin/env python3
"""The same detector through OpenVINO's own Python API, timed the way `weir bench vision --onnx` is.

    python3 openvino_python.py MODEL.onnx PHOTO... [--repetitions 3] [--threads 0]

What a Python pipeline does for a YOLOX model: OpenCV decodes each photo (cv2.imread, BGR), a
letterbox resize into 640 x 640 with grey 114 (cv2.resize, INTER_LINEAR), HWC to CHW, one inference
per photo (a synchronous infer request of one compiled model), then the grid decode, objectness x
class score, a 0.1 floor and per-class NMS keeping at most 300 boxes (cv2.dnn.NMSBoxesBatched), as
weir does. Prints the fastest
pass, end to end, per photo and photos/s. Needs openvino, numpy and opencv-python-headless.
"""
import argparse
import time

import cv2
import numpy as np
import openvino as ov


def letterbox(image, size):
    h, w = image.shape[:2]
    r = min(size / w, size / h)
    nw, nh = round(w * r), round(h * r)
    out = np.full((size, size, 3), 114, np.uint8)
    top, left = (size - nh) // 2, (size - nw) // 2
    out[top:top + nh, left:left + nw] = cv2.resize(image, (nw, nh), interpolation=cv2.INTER_LINEAR)
    return out, r, left, top


def grids(size):
    cells, strides = [], []
    for s in (8, 16, 32):
        n = size // s
        ys, xs = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        cells.append(np.stack([xs, ys], -1).reshape(-1, 2))
        strides.append(np.full((n * n, 1), s))
    return np.concatenate(cells).astype(np.float32), np.concatenate(strides).astype(np.float32)


def postprocess(output, cells, strides, floor=0.1, iou=0.45):
    xy = (output[:, :2] + cells) * strides
    wh = np.exp(output[:, 2:4]) * strides
    scores = output[:, 4:5] * output[:, 5:]
    classes = scores.argmax(1)
    best = scores[np.arange(len(scores)), classes]
    keep = best >= floor
    boxes = np.concatenate([xy - wh / 2, wh], 1)[keep]
    if not keep.any():
        return []
    # top_k 300: weir's max_detections, so both keep the same number of boxes.
    picked = cv2.dnn.NMSBoxesBatched(
        boxes.tolist(), best[keep].tolist(), classes[keep].tolist(), floor, iou, top_k=300)
    return list(picked)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("photos", nargs="+")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--size", type=int, default=640)
    args = parser.parse_args()
    core = ov.Core()
    model = core.read_model(args.model)
    model.reshape([1, 3, args.size, args.size])
    config = {"INFERENCE_NUM_THREADS": args.threads} if args.threads else {}
    compiled = core.compile_model(model, "CPU", config)
    request = compiled.create_infer_request()
    cells, strides = grids(args.size)

    def one_pass():
        boxes = 0
        for path in args.photos:
            image = cv2.imread(path)
            padded, _, _, _ = letterbox(image, args.size)
            tensor = padded.transpose(2, 0, 1)[None].astype(np.float32)
            request.infer({0: tensor})
            boxes += len(postprocess(request.get_output_tensor(0).data[0], cells, strides))
        return boxes

    boxes = one_pass()
    best = min(timed(one_pass) for _ in range(args.repetitions))
    n = len(args.photos)
    print(f"openvino python ({ov.__version__.split('-')[0]}) on {n} photos, fastest of {args.repetitions}")
    print(f"end to end (imread + letterbox + infer + numpy decode + NMS): {best / n * 1000:.1f} ms per photo, "
          f"{n / best:.2f} photos/s, {boxes} boxes")


def timed(f):
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
