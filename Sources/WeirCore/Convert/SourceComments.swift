/// The comments of a workflow file, found by line, so a conversion can carry them to the same
/// place in the other dialect: the file's opening comments, the comment lines just above an entry
/// (a node, a model, a var) and a comment at the end of an entry's first line.
///
/// The YAML loader drops comments, so they are read from the text: a line whose first non-blank
/// character is `#` is a comment line; a trailing comment starts at a ` #` outside quotes.
struct SourceComments {
  private let file: SourceFile
  private let lines: [Substring]
  /// The comment lines before the first line with content, without trailing blank lines; each
  /// without its `#`. A blank line inside the block is kept as an empty entry (`nil`).
  let header: [String?]

  init(_ file: SourceFile) {
    self.file = file
    self.lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
    self.header = Self.header(of: lines)
  }

  private static func header(of lines: [Substring]) -> [String?] {
    var block: [String?] = []
    for line in lines {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty || trimmed.hasPrefix("\r") {
        block.append(nil)
      } else if trimmed.hasPrefix("#") {
        block.append(body(trimmed))
      } else {
        break
      }
    }
    while let last = block.last, last == nil { block.removeLast() }
    return block
  }

  /// The comment lines directly above the line holding `offset` (no blank line between), in order.
  /// The file's header is not counted: it is written once, at the top.
  func above(_ offset: Int) -> [String] {
    above(line: file.position(of: offset).line)
  }

  /// The comment lines directly above the 1-based `line`.
  func above(line: Int) -> [String] {
    let headerCount = header.count
    var index = line - 2
    var found: [String] = []
    while index >= headerCount, index >= 0 {
      let trimmed = lines[index].drop { $0 == " " || $0 == "\t" }
      guard trimmed.hasPrefix("#") else { break }
      found.append(Self.body(trimmed))
      index -= 1
    }
    return found.reversed()
  }

  /// The comment lines above the key of the section whose first entry starts at `offset`
  /// (`vars:` above `  accept: 0.95`, or on the same line in flow style).
  func aboveSection(firstEntry offset: Int) -> [String] {
    let position = file.position(of: offset)
    let text = lines[position.line - 1]
    let indent = text.prefix { $0 == " " || $0 == "\t" }.count
    return above(line: indent + 1 == position.column ? position.line - 1 : position.line)
  }

  /// The comment at the end of the line holding `offset`, after some content, without its `#`.
  func trailing(_ offset: Int) -> String? {
    let index = file.position(of: offset).line - 1
    guard index < lines.count else { return nil }
    var quote: Character?
    var previous: Character = " "
    let line = lines[index]
    for (i, c) in zip(line.indices, line) {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        if previous == " " || previous == ":" || previous == "[" || previous == "{" || previous == "," {
          quote = c
        }
      } else if c == "#", previous == " " || previous == "\t" {
        guard line[line.startIndex..<i].contains(where: { $0 != " " && $0 != "\t" }) else { return nil }
        return Self.body(line[i...])
      }
      previous = c
    }
    return nil
  }

  /// The text after `#`, with a trailing carriage return removed.
  private static func body(_ comment: Substring) -> String {
    var text = String(comment.dropFirst())
    if text.hasSuffix("\r") { text.removeLast() }
    return text
  }
}
