import WeirCore

/// Where the cursor is in the YAML, read from the text itself (a file being typed rarely parses):
/// the keys of the block and flow mappings around it, whether a key or a value is being written,
/// and the word typed so far.
struct CompletionContext: Equatable {
  /// Keys from the top down; `-` stands for an item of a list.
  var path: [String]
  /// The key whose value is being written; `nil` when a key is being written.
  var key: String?
  /// Whether the value is an item of a flow list (`inputs: [a, |]`).
  var inList: Bool
  /// What was typed of the word so far, and where it starts (a byte offset).
  var word: String
  var wordStart: Int

  init(path: [String], key: String?, inList: Bool = false, word: String, wordStart: Int) {
    self.path = path
    self.key = key
    self.inList = inList
    self.word = word
    self.wordStart = wordStart
  }

  /// The context at a byte offset of `file`.
  init(_ file: SourceFile, at offset: Int) {
    let offset = min(max(0, offset), file.bytes.count)
    let lineNumber = file.line(containing: offset)
    let lineStart = file.lineStarts[lineNumber - 1]
    let prefix = Array(file.bytes[lineStart..<offset])
    // The indentation of what is written on this line, and the list item it may open.
    var i = 0
    while i < prefix.count, prefix[i] == UInt8(ascii: " ") { i += 1 }
    var ownItem = false
    var indent = i
    if i + 1 < prefix.count, prefix[i] == UInt8(ascii: "-"), prefix[i + 1] == UInt8(ascii: " ") {
      ownItem = true
      indent = i
      i += 2
      while i < prefix.count, prefix[i] == UInt8(ascii: " ") { i += 1 }
    }
    var path = Self.blockPath(file, above: lineNumber, indent: indent)
    if ownItem { path.append("-") }
    // The line's own keys and flow collections.
    var flow: [(key: String?, isList: Bool)] = []
    var key: String?
    var token: [UInt8] = []
    var tokenStart = lineStart + i
    var j = i
    while j < prefix.count {
      let c = prefix[j]
      let next: UInt8? = j + 1 < prefix.count ? prefix[j + 1] : nil
      switch c {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        flow.append((key, c == UInt8(ascii: "[")))
        key = nil
        token = []
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if !flow.isEmpty { flow.removeLast() }
        key = nil
        token = []
      case UInt8(ascii: ":") where next == nil || next == UInt8(ascii: " "):
        let written = String(decoding: token, as: UTF8.self).trimmingSpaces
        if flow.isEmpty, let outer = key { path.append(outer) }
        key = written
        token = []
      case UInt8(ascii: ","):
        if let last = flow.last, !last.isList { key = nil }
        token = []
      case UInt8(ascii: " ") where token.isEmpty:
        break
      case UInt8(ascii: "#") where token.isEmpty || prefix[j - 1] == UInt8(ascii: " "):
        // A comment: nothing to complete.
        self.init(path: [], key: "#", word: "", wordStart: offset)
        return
      default:
        if token.isEmpty { tokenStart = lineStart + j }
        token.append(c)
      }
      j += 1
    }
    for level in flow {
      if let k = level.key { path.append(k) }
    }
    let inList = flow.last?.isList ?? false
    if inList, let listKey = flow.last?.key {
      path.removeLast()
      key = listKey
    }
    let word = String(decoding: token, as: UTF8.self)
    self.init(
      path: path, key: key, inList: inList, word: word, wordStart: token.isEmpty ? offset : tokenStart)
  }

  /// The keys of the block mappings (and list items) that hold a line with this indentation.
  static func blockPath(_ file: SourceFile, above line: Int, indent: Int) -> [String] {
    var path: [String] = []
    var limit = indent
    var n = line - 1
    while n >= 1, limit > 0 {
      let text = Array(file.lineText(n).utf8)
      n -= 1
      var i = 0
      while i < text.count, text[i] == UInt8(ascii: " ") { i += 1 }
      guard i < text.count, text[i] != UInt8(ascii: "#") else { continue }
      if text[i] == UInt8(ascii: "-"), i + 1 == text.count || text[i + 1] == UInt8(ascii: " ") {
        // `- key: value`: the item's keys sit right of the dash.
        var k = i + 1
        while k < text.count, text[k] == UInt8(ascii: " ") { k += 1 }
        if k < limit, let key = keyOf(text, from: k) {
          path.append(key)
          limit = k
        }
        if i < limit {
          path.append("-")
          limit = i
        }
        continue
      }
      guard i < limit, let key = keyOf(text, from: i) else { continue }
      path.append(key)
      limit = i
    }
    return path.reversed()
  }

  /// `key` of a line `key:` or `key: value` starting at `start`.
  static func keyOf(_ text: [UInt8], from start: Int) -> String? {
    var k = start
    var quote: UInt8?
    while k < text.count {
      let c = text[k]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        quote = c
      } else if c == UInt8(ascii: ":"), k + 1 == text.count || text[k + 1] == UInt8(ascii: " ") {
        var key = String(decoding: text[start..<k], as: UTF8.self).trimmingSpaces
        if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first {
          key = String(key.dropFirst().dropLast())
        }
        return key
      } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
        return nil
      }
      k += 1
    }
    return nil
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
