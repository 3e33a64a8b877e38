/// Why an ONNX model could not be loaded or run. The message is one lowercase line a user can act on;
/// `kind` says which of weir's diagnostics it becomes.
public struct OpenVINOError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    /// OpenVINO's C library could not be found or loaded.
    case unavailable
    /// The model file is missing, malformed, or OpenVINO refused to compile it.
    case badModel
    /// The model's inputs or outputs match no decoder.
    case layout
    /// `labels:` does not fit the model's classes, or its file cannot be read.
    case labels
    /// One inference failed (the inputs of that batch fail; the run goes on).
    case inference
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
