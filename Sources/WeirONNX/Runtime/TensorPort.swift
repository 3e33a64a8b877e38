import COpenVINO

/// The name and shape of one model input or output; a dimension the model leaves open is -1.
public struct TensorPort: Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var shape: [Int]

  public init(name: String, shape: [Int]) {
    self.name = name
    self.shape = shape
  }

  init(_ port: weir_ov_port) {
    var port = port
    let rank = max(0, Int(port.rank))
    let dims = withUnsafeBytes(of: &port.dims) { Array($0.bindMemory(to: Int64.self).prefix(rank)) }
    shape = dims.map { Int($0) }
    name = withUnsafeBytes(of: &port.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  }

  /// `name [1, 8400, 85]`, with `?` for an open dimension.
  public var description: String {
    let dims = shape.map { $0 < 0 ? "?" : String($0) }.joined(separator: ", ")
    return name.isEmpty ? "[\(dims)]" : "\(name) [\(dims)]"
  }
}

/// One output of an inference for the whole batch, converted to 32-bit floats.
public struct OutputTensor: Sendable {
  public var name: String
  public var shape: [Int]
  public var values: [Float]

  public init(name: String, shape: [Int], values: [Float]) {
    self.name = name
    self.shape = shape
    self.values = values
  }

  /// The values of batch item `item` (the output's first dimension is the batch).
  public func slice(_ item: Int) -> ArraySlice<Float> {
    let per = shape.dropFirst().reduce(1, *)
    return values[(item * per)..<((item + 1) * per)]
  }
}
