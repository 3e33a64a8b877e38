/// A model a node calls: replayed predictions, the built-in detector, an HTTP API or a local command.
///
/// Backends that need the outside world live in WeirModels; WeirCore only knows this protocol.
public protocol ModelBackend: Sendable {
  /// The most inputs one `predict` call should carry (Clarifai's API takes 32).
  var maxBatchSize: Int { get }

  /// Predicts for each request, in order: one result per request. A failure of one input is a
  /// `.failure` in its slot, never a thrown error that loses the others.
  func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>]
}

/// What a model node is asked to predict on: the input and the data flowing into the node.
public struct ModelRequest: Sendable, Hashable {
  public var input: InputItem
  public var data: DataRecord

  public init(input: InputItem, data: DataRecord) {
    self.input = input
    self.data = data
  }
}

/// Why a model could not predict for one input; the message is shown to the user as is.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
