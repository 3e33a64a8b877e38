import Foundation
import WeirCore
import WeirONNX

/// `backend: {onnx: model.onnx, decoder: yolox, labels: coco.names}`: a detector of your own,
/// exported to ONNX and run in-process by OpenVINO, which weir loads only when such a model is
/// built (Documentation/Backends.md, "onnx").
public struct ONNXBackendKind: BackendKind {
  public let name = "onnx"
  public var optionNames: [String] { ONNXConfig.optionNames }

  public init() {}

  public func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic] {
    ONNXConfig.parse(spec: spec, model: model, folder: URL(fileURLWithPath: "/")).1.map(\.diagnostic)
  }

  public func make(_ model: ModelSpec, context: BackendContext) throws(BackendFailure) -> any ModelBackend {
    let (spec, decl, folder) = try model.writtenBackend()
    do {
      return try build(spec: spec, model: decl, environment: context.environment, folder: folder)
    } catch {
      throw error.failure
    }
  }

  /// Reads the labels file, loads OpenVINO and compiles the model; each failure points at the
  /// option at fault (the model file, `labels`, `decoder`).
  func build(spec: BackendSpec, model: ModelDecl, environment: [String: String], folder: URL)
    throws(BackendConfigError) -> any ModelBackend
  {
    let (parsed, errors) = ONNXConfig.parse(spec: spec, model: model, folder: folder)
    guard var config = parsed else { throw errors.first ?? .rejectedWithoutReason(spec) }
    let name = model.name.value
    if let file = config.labelsFile {
      do {
        let text = try String(contentsOfFile: file.value, encoding: .utf8)
        config.options.labels = text.split(whereSeparator: \.isNewline)
          .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      } catch {
        throw BackendConfigError(
          id: "backend.onnx-labels",
          message: "cannot read the labels file '\(file.value)' of model '\(name)'",
          range: file.range)
      }
    }
    do {
      let detector = try ONNXDetector(options: config.options, environment: environment)
      return ONNXDetectorBackend(detector: detector, modelName: name)
    } catch {
      let (id, range): (String, SourceRange?) =
        switch error.kind {
        case .unavailable: ("backend.onnx-unavailable", spec.kind.range)
        case .badModel, .inference: ("backend.onnx-bad-model", spec.value.range)
        case .layout: ("backend.onnx-layout", spec.option("decoder")?.value.range ?? spec.value.range)
        case .labels: ("backend.onnx-labels", spec.option("labels")?.value.range ?? spec.value.range)
        }
      throw BackendConfigError(id: id, message: "model '\(name)': \(error.message)", range: range)
    }
  }
}
