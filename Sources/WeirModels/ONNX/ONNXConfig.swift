import Foundation
import WeirCore
import WeirONNX

/// The options of `backend: {onnx: model.onnx, decoder, resize, input_size, mean, std, scale,
/// channels, labels, confidence_floor, iou, threads, device, batch, max_detections}`
/// (Documentation/Backends.md, "onnx"), read and checked; files are read when the backend is built.
struct ONNXConfig: Sendable {
  /// Every option besides the model file.
  static let optionNames = [
    "decoder", "resize", "input_size", "mean", "std", "scale", "channels", "labels", "confidence_floor",
    "iou",
    "threads", "device", "batch", "max_detections",
  ]

  /// The detector's options, with the model path made absolute; `labels` is filled from `labelsFile`
  /// when the backend is built.
  var options: ONNXDetectorOptions
  /// `labels: coco.names`: a file of names, one a line, relative to the workflow's folder.
  var labelsFile: Located<String>?
}
