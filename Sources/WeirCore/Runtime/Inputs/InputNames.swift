/// How inputs are named and matched: replayed predictions and annotations find their input by id,
/// then by file name (Documentation/Runtime.md, "Matching inputs").
public enum InputNames {
  /// The last path component of a path or URL, without a URL's query or fragment.
  public static func fileName(_ pathOrURL: String) -> String {
    var s = Substring(pathOrURL)
    if let q = s.firstIndex(where: { $0 == "?" || $0 == "#" }), pathOrURL.contains("://") { s = s[..<q] }
    while s.hasSuffix("/") { s = s.dropLast() }
    if let slash = s.lastIndex(of: "/") { s = s[s.index(after: slash)...] }
    return String(s)
  }

  /// The names an input answers to, most specific first: its id, then the file names of its id,
  /// path and url.
  public static func keys(of input: InputItem) -> [String] {
    var keys = [input.id]
    for candidate in [input.id, input.path, input.url].compactMap({ $0 }) {
      let name = fileName(candidate)
      if !name.isEmpty, !keys.contains(name) { keys.append(name) }
    }
    return keys
  }
}
