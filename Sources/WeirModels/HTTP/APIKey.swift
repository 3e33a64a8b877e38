import Foundation

/// An API key read from the environment. It only ever leaves this type as an `Authorization` header.
///
/// `description`, `debugDescription` and the mirror are redacted, so a `print`, a `dump` or string
/// interpolation of a backend cannot leak it; `redact(_:)` scrubs it from text a server sent back.
struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  private let secret: String
  /// The key as a server might echo it back: base64 of the key and of the header value (standard and
  /// URL alphabets, without padding) and percent-encoded. The key itself is matched ignoring case.
  private let encodedForms: [String]

  /// Why a value cannot be a key: the 1-based position of the first character an HTTP header cannot
  /// carry (a line break would end the header: the key would be dropped or the request split).
  struct BadCharacter: Error {
    var position: Int
    var isLineBreak: Bool
  }

  /// A key of printable ASCII (a header value cannot hold control characters, and Clarifai's keys
  /// are hexadecimal); throws `BadCharacter` otherwise.
  init(_ secret: String) throws(BadCharacter) {
    for (offset, scalar) in secret.unicodeScalars.enumerated() where !(0x20...0x7E).contains(scalar.value) {
      throw BadCharacter(position: offset + 1, isLineBreak: scalar == "\n" || scalar == "\r")
    }
    self.secret = secret
    var forms: Set<String> = []
    // A key this short would match ordinary words in other forms: only the key itself is scrubbed.
    guard secret.count >= Self.shortest else {
      self.encodedForms = []
      return
    }
    for text in [secret, "Key \(secret)"] {
      let base64 = Data(text.utf8).base64EncodedString().trimmingCharacters(in: ["="])
      forms.insert(base64)
      forms.insert(base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))
    }
    if let percent = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), percent != secret {
      forms.insert(percent)
    }
    // Longest first, so a form is never half-replaced by a shorter one inside it.
    self.encodedForms = forms.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
  }

  /// Keys shorter than this are scrubbed only as they are, in their own case.
  static let shortest = 8

  /// `Key <secret>`, Clarifai's scheme for personal access tokens and API keys.
  var authorizationHeader: String { "Key \(secret)" }

  var description: String { "<redacted>" }
  var debugDescription: String { "<redacted>" }
  var customMirror: Mirror { Mirror(self, children: [:]) }

  /// The length of the longest form `redact` looks for: a text cut this far from a form's start may
  /// hold part of it.
  var longestForm: Int { max(secret.count, encodedForms.first?.count ?? 0) }

  /// The text with every occurrence of the key replaced — in any letter case, base64 or
  /// percent-encoded — for messages built from what a server said (a proxy that echoes request
  /// headers into its error page must not put the key on screen).
  func redact(_ text: String) -> String {
    guard !secret.isEmpty else { return text }
    let caseless: String.CompareOptions = secret.count >= Self.shortest ? .caseInsensitive : []
    var out = text.replacingOccurrences(of: secret, with: "<redacted>", options: caseless)
    for form in encodedForms { out = out.replacingOccurrences(of: form, with: "<redacted>") }
    return out
  }
}

extension Optional where Wrapped == APIKey {
  /// The text scrubbed of the key, or as it is when there is none.
  func redact(_ text: String) -> String { self?.redact(text) ?? text }
}
