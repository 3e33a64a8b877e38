import Foundation
import WeirCore
import WeirONNX

extension ONNXConfig {
  /// Reads an `onnx` backend mapping, collecting every problem; relative paths start at `folder`.
  static func parse(spec: BackendSpec, model: ModelDecl, folder: URL) -> (ONNXConfig?, [BackendConfigError]) {
    var reader = BackendOptionReader(spec: spec, modelName: model.name.value)
    reader.rejectUnknown(known: optionNames)
    let name = model.name.value
    if let type = model.type, type.value != "visual-detector" {
      reader.fail(
        "backend.onnx-not-detector",
        "model '\(name)' is a '\(type.value)', but onnx backends run visual-detector models", at: type.range)
    }
    let file = reader.scalarText(spec.value, what: "the onnx model file")
    if let file, file.value.isEmpty {
      reader.fail("backend.bad-option", "the onnx model file of model '\(name)' is empty", at: file.range)
    }
    var options = ONNXDetectorOptions(modelPath: file.map { resolve($0.value, folder) } ?? "")
    options.decoder = reader.choice("decoder", DetectorDecoder.self)
    var pre = Preprocessing()
    pre.resize = reader.choice("resize", Preprocessing.Resize.self) ?? pre.resize
    pre.channels = reader.choice("channels", Preprocessing.Channels.self) ?? pre.channels
    pre.scale = reader.number("scale", above: 0).map(Float.init) ?? pre.scale
    pre.mean = reader.triple("mean", positive: false) ?? pre.mean
    pre.std = reader.triple("std", positive: true) ?? pre.std
    options.preprocessing = pre
    options.inputSize = reader.inputSize()
    options.confidenceFloor = reader.fraction("confidence_floor").map(Float.init) ?? options.confidenceFloor
    options.iou = reader.fraction("iou") ?? options.iou
    options.threads = reader.int("threads", in: 0...1024) ?? options.threads
    options.batch = reader.int("batch", in: 1...256) ?? options.batch
    options.maxDetections = reader.int("max_detections", in: 1...100_000) ?? options.maxDetections
    if let device = reader.string("device") {
      if device.value.isEmpty || device.value.contains(where: \.isWhitespace) {
        reader.fail(
          "backend.bad-option",
          "option 'device' of model '\(name)' must be an OpenVINO device name such as CPU or GPU",
          at: device.range)
      } else {
        options.device = device.value
      }
    }
    let (labels, labelsFile) = reader.labels()
    options.labels = labels
    guard reader.errors.isEmpty, file != nil else { return (nil, reader.errors) }
    return (
      ONNXConfig(
        options: options, labelsFile: labelsFile.map { Located(resolve($0.value, folder), $0.range) }), []
    )
  }

  /// `path` from `folder` unless it is absolute (or starts with `~`).
  static func resolve(_ path: String, _ folder: URL) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    return expanded.hasPrefix("/")
      ? expanded : folder.appendingPathComponent(expanded).standardizedFileURL.path
  }
}

extension BackendOptionReader {
  /// One of an enum's raw values, or a `backend.bad-option` listing them.
  mutating func choice<E: RawRepresentable & CaseIterable>(_ option: String, _: E.Type) -> E?
  where E.RawValue == String {
    guard let text = string(option) else { return nil }
    if let value = E(rawValue: text.value) { return value }
    let names = E.allCases.map(\.rawValue)
    var notes = [Note("\(option) is one of: \(names.joined(separator: ", "))")]
    if let near = DidYouMean.nearest(to: text.value, in: names) {
      notes.insert(Note("did you mean '\(near)'?"), at: 0)
    }
    fail(
      "backend.bad-option", "option '\(option)' of model '\(modelName)' cannot be '\(text.value)'",
      at: text.range,
      notes: notes)
    return nil
  }

  /// A finite number above `above`.
  mutating func number(_ option: String, above: Double) -> Double? {
    guard let text = string(option) else { return nil }
    if let n = Double(text.value), n.isFinite, n > above { return n }
    fail(
      "backend.bad-option",
      "option '\(option)' of model '\(modelName)' must be a number above \(Int(above)), not '\(text.value)'",
      at: text.range)
    return nil
  }

  /// A number from 0 to 1.
  mutating func fraction(_ option: String) -> Double? {
    guard let text = string(option) else { return nil }
    if let n = Double(text.value), n >= 0, n <= 1 { return n }
    fail(
      "backend.bad-option",
      "option '\(option)' of model '\(modelName)' must be a number from 0 to 1, not '\(text.value)'",
      at: text.range)
    return nil
  }

  /// One number for every channel, or a list of three (`mean: [123.7, 116.3, 103.5]`).
  mutating func triple(_ option: String, positive: Bool) -> [Float]? {
    guard let param = spec.option(option) else { return nil }
    let what = positive ? "numbers above 0" : "numbers"
    let items: [ParamValue]
    if case .list(let list, _) = param.value { items = list } else { items = [param.value] }
    var values: [Float] = []
    for item in items {
      guard let text = scalarText(item, what: "option '\(option)'") else { return nil }
      guard let n = Float(text.value), n.isFinite, !positive || n > 0 else {
        fail(
          "backend.bad-option",
          "option '\(option)' of model '\(modelName)' must be \(what), not '\(text.value)'",
          at: text.range)
        return nil
      }
      values.append(n)
    }
    guard values.count == 1 || values.count == 3 else {
      fail(
        "backend.bad-option",
        "option '\(option)' of model '\(modelName)' takes one number or three (one per channel), not \(values.count)",
        at: param.value.range)
      return nil
    }
    return values.count == 1 ? Array(repeating: values[0], count: 3) : values
  }

  /// `input_size: 640` or `input_size: [width, height]`, each from 1 to 8192.
  mutating func inputSize() -> ONNXDetectorOptions.InputSize? {
    guard let param = spec.option("input_size") else { return nil }
    let items: [ParamValue]
    if case .list(let list, _) = param.value { items = list } else { items = [param.value] }
    var sides: [Int] = []
    for item in items {
      guard let text = scalarText(item, what: "option 'input_size'") else { return nil }
      guard let n = Int(text.value), (1...8192).contains(n) else {
        fail(
          "backend.bad-option",
          "option 'input_size' of model '\(modelName)' must be whole numbers from 1 to 8192, not '\(text.value)'",
          at: text.range)
        return nil
      }
      sides.append(n)
    }
    guard sides.count == 1 || sides.count == 2 else {
      fail(
        "backend.bad-option", "option 'input_size' of model '\(modelName)' is one side or [width, height]",
        at: param.value.range)
      return nil
    }
    return .init(width: sides[0], height: sides.last ?? sides[0])
  }

  /// `labels: [cat, dog]` (the names by class index) or `labels: coco.names` (a file read later).
  mutating func labels() -> ([String]?, Located<String>?) {
    guard let param = spec.option("labels") else { return (nil, nil) }
    guard case .list(let items, let range) = param.value else {
      guard let file = scalarText(param.value, what: "option 'labels'") else { return (nil, nil) }
      return (nil, file)
    }
    var names: [String] = []
    for item in items {
      guard let text = scalarText(item, what: "a label") else { return (nil, nil) }
      names.append(text.value)
    }
    if names.isEmpty {
      fail("backend.bad-option", "option 'labels' of model '\(modelName)' is an empty list", at: range)
      return (nil, nil)
    }
    return (names, nil)
  }
}
