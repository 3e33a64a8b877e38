extension JSONValue {
  /// The value with the credentials of every URL in it hidden (`http://admin:PASSWORD@host` →
  /// `http://***@host`), for `weir plan`'s text and JSON: a plan is shown and shared, a password
  /// written in a backend's URL must not travel with it.
  public var redactingURLCredentials: JSONValue {
    switch self {
    case .string(let s): return .string(Self.redactingURLCredentials(in: s))
    case .array(let items): return .array(items.map(\.redactingURLCredentials))
    case .object(let fields): return .object(fields.mapValues(\.redactingURLCredentials))
    default: return self
    }
  }

  /// `text` with the user information of each `scheme://user:password@host` replaced by `***`.
  public static func redactingURLCredentials(in text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let scheme = rest.range(of: "://") {
      out += rest[..<scheme.upperBound]
      rest = rest[scheme.upperBound...]
      // The authority ends at the path, query or fragment (or a blank, in running text); its user
      // information is everything before its last '@'.
      let end = rest.firstIndex { "/?#".contains($0) || $0.isWhitespace } ?? rest.endIndex
      if let at = rest[..<end].lastIndex(of: "@") {
        out += "***"
        rest = rest[at...]
      }
    }
    return out + rest
  }
}
