import COpenVINO
import Foundation

/// A model read and compiled by OpenVINO, with a pool of inference requests so several batches may
/// run at once (each request on one thread at a time).
public final class OpenVINOModel: @unchecked Sendable {
  private let handle: OpaquePointer
  private let lock = NSLock()
  private var idle: [OpaquePointer] = []
  private var all: [OpaquePointer] = []
  /// The input's shape as compiled: `[batch, 3, height, width]`.
  public private(set) var inputShape: [Int] = []
  /// The outputs as the compiled shape gives them.
  public private(set) var outputs: [TensorPort] = []
  /// The input as the file states it, before `compile`.
  public let declaredInput: TensorPort

  /// Reads the model file; OpenVINO's library must be loaded (`OpenVINOLibrary.load`).
  public init(contentsOf path: String) throws(OpenVINOError) {
    try Self.checkONNXHeader(path)
    var error = [CChar](repeating: 0, count: 2048)
    guard let model = weir_ov_read(path, &error, error.count) else {
      throw OpenVINOError(.badModel, "cannot read '\(path)': \(Self.reason(error))")
    }
    handle = model
    let inputs = weir_ov_input_count(model)
    guard inputs == 1 else {
      weir_ov_close(model)
      throw OpenVINOError(
        .layout,
        "'\(path)' has \(inputs) inputs; weir feeds detectors one input, the image [batch, 3, height, width]")
    }
    var port = weir_ov_port()
    _ = weir_ov_input(model, 0, &port)
    declaredInput = TensorPort(port)
  }

  /// An `.onnx` file is a protobuf `ModelProto` whose first field is its IR version (tag byte 0x08,
  /// as every exporter writes it). Anything else is refused here: OpenVINO would hand it to each of
  /// its frontends in turn, and the TensorFlow one prints its parse errors to standard error.
  static func checkONNXHeader(_ path: String) throws(OpenVINOError) {
    guard path.lowercased().hasSuffix(".onnx"), let file = FileHandle(forReadingAtPath: path) else { return }
    defer { try? file.close() }
    let head = (try? file.read(upToCount: 1)) ?? Data()
    guard head.first != 0x08 else { return }
    throw OpenVINOError(
      .badModel,
      "cannot read '\(path)': not an ONNX model (\(head.isEmpty ? "the file is empty" : "no ONNX header"))")
  }

  deinit {
    for request in all { weir_ov_request_free(request) }
    weir_ov_close(handle)
  }

  /// Fixes the input to `shape` and compiles for `device` with `threads` threads (0: OpenVINO's choice).
  public func compile(inputShape shape: [Int], device: String, threads: Int) throws(OpenVINOError) {
    var error = [CChar](repeating: 0, count: 2048)
    let dims = shape.map { Int64($0) }
    guard weir_ov_compile(handle, dims, Int64(dims.count), device, Int32(threads), &error, error.count) == 0
    else {
      throw OpenVINOError(.badModel, Self.reason(error))
    }
    inputShape = shape
    outputs = (0..<weir_ov_output_count(handle)).map { index in
      var port = weir_ov_port()
      _ = weir_ov_output(handle, index, &port)
      var described = TensorPort(port)
      if described.name.isEmpty { described.name = "output \(index)" }
      return described
    }
  }

  /// Runs one batch: `input` holds `inputShape`'s values; returns every output.
  public func infer(_ input: inout [Float]) throws(OpenVINOError) -> [OutputTensor] {
    let request = try takeRequest()
    defer { give(request) }
    var error = [CChar](repeating: 0, count: 2048)
    let status = input.withUnsafeMutableBufferPointer { buffer in
      weir_ov_infer(request, buffer.baseAddress, buffer.count, &error, error.count)
    }
    guard status == 0 else { throw OpenVINOError(.inference, Self.reason(error)) }
    var results: [OutputTensor] = []
    for (index, output) in outputs.enumerated() {
      var port = weir_ov_port()
      guard weir_ov_result(request, index, &port, nil, 0, &error, error.count) == 0 else {
        throw OpenVINOError(.inference, Self.reason(error))
      }
      let shape = TensorPort(port).shape
      let count = shape.reduce(1, *)
      var values = [Float](repeating: 0, count: count)
      let read = values.withUnsafeMutableBufferPointer { buffer in
        weir_ov_result(request, index, &port, buffer.baseAddress, count, &error, error.count)
      }
      guard read == 0 else { throw OpenVINOError(.inference, Self.reason(error)) }
      results.append(OutputTensor(name: output.name, shape: shape, values: values))
    }
    return results
  }

  private func takeRequest() throws(OpenVINOError) -> OpaquePointer {
    lock.lock()
    if let request = idle.popLast() {
      lock.unlock()
      return request
    }
    lock.unlock()
    var error = [CChar](repeating: 0, count: 2048)
    guard let request = weir_ov_request_create(handle, &error, error.count) else {
      throw OpenVINOError(.inference, Self.reason(error))
    }
    lock.lock()
    all.append(request)
    lock.unlock()
    return request
  }

  private func give(_ request: OpaquePointer) {
    lock.lock()
    idle.append(request)
    lock.unlock()
  }

  /// OpenVINO's message without its "Exception from src/…:NN:" lines: the last line that says
  /// something, trimmed.
  static func reason(_ error: [CChar]) -> String {
    let text = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let head = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("Exception from") && !$0.hasPrefix("Check '") }
    guard let last = lines.last else { return text.isEmpty ? "unknown error" : text }
    let detail = last.hasPrefix(head) ? last : "\(head): \(last)"
    return detail.first.map { $0.lowercased() + detail.dropFirst() } ?? detail
  }
}
