import Foundation

/// Why `weir review` could not start.
public enum ReviewServerError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// A file of the page is missing from the installation.
  case missingAsset(String)
  /// `--token-file` could not be read or holds no token.
  case badTokenFile(path: String, reason: String)
  /// The server could not listen on the address.
  case cannotListen(host: String, port: Int, reason: String)

  public var description: String {
    switch self {
    case .missingAsset(let name):
      return "the review page's file '\(name)' is missing from this installation of weir"
    case .badTokenFile(let path, let reason):
      return "cannot use the token file '\(path)': \(reason)"
    case .cannotListen(let host, let port, let reason):
      return "cannot listen on \(host):\(port): \(reason)"
    }
  }

  public var errorDescription: String? { description }
}
