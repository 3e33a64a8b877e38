@testable import WeirCore

/// Source text with position markers (`1️⃣`, `2️⃣`, …) that say where expected ranges start and
/// end (Design.md §9.3). The markers are removed; their byte offsets are kept.
struct MarkedSource {
  static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

  let text: String
  /// Byte offset of each marker in the text without markers, by marker number (1-based).
  let offsets: [Int: Int]

  init(_ marked: String) {
    var text = ""
    var offsets: [Int: Int] = [:]
    var rest = Substring(marked)
    outer: while !rest.isEmpty {
      for (i, marker) in Self.markers.enumerated() where rest.hasPrefix(marker) {
        offsets[i + 1] = text.utf8.count
        rest = rest.dropFirst(marker.count)
        continue outer
      }
      text.append(rest.removeFirst())
    }
    self.text = text
    self.offsets = offsets
  }

  /// The range from marker `a` to marker `b`.
  func range(_ a: Int, _ b: Int) -> SourceRange { SourceRange(start: offsets[a]!, end: offsets[b]!) }

  var file: SourceFile { SourceFile(path: "test.yaml", text: text) }
}
