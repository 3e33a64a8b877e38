import Foundation

/// An API key read from the environment. It only ever leaves this type as an `Authorization` header.
///
/// `description`, `debugDescription` and the mirror are redacted, so a `print`, a `dump` or string
/// interpolation of a backend cannot leak it; `redact(_:)` scrubs it from text a server sent back.
struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  private let secret: String

  init(_ secret: String) {
    self.secret = secret
  }

  /// `Key <secret>`, Clarifai's scheme for personal access tokens and API keys.
  var authorizationHeader: String { "Key \(secret)" }

  var description: String { "<redacted>" }
  var debugDescription: String { "<redacted>" }
  var customMirror: Mirror { Mirror(self, children: [:]) }

  /// The text with every occurrence of the key replaced, for messages built from what a server said
  /// (a proxy that echoes request headers into its error page must not put the key on screen).
  func redact(_ text: String) -> String {
    guard !secret.isEmpty else { return text }
    return text.replacingOccurrences(of: secret, with: "<redacted>")
  }
}
