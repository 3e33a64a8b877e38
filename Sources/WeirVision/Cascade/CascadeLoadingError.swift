/// Why a cascade file could not be loaded.
public enum CascadeLoadingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(path: String, reason: String)
  /// A bundled cascade is missing from the resources (a packaging bug).
  case missingResource(String)
  /// The XML is not well formed; `line` is 1-based.
  case malformedXML(line: Int, reason: String)
  /// Well-formed XML that is not a usable cascade (wrong structure, bad numbers, bad indices).
  case invalid(String)
  /// A valid cascade of a kind this detector does not evaluate (LBP, old format, deeper trees).
  case unsupported(String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "cannot read cascade '\(path)': \(reason)"
    case .missingResource(let name): "bundled cascade '\(name)' is missing (please report)"
    case .malformedXML(let line, let reason): "cascade XML is malformed at line \(line): \(reason)"
    case .invalid(let reason): "invalid cascade: \(reason)"
    case .unsupported(let reason): "unsupported cascade: \(reason)"
    }
  }
}
