import Foundation
import WeirCore
import WeirDriver

/// Formatting: the workflow written out afresh in its own dialect by `weir convert`'s emitter, as
/// one edit of the whole file, but only when nothing would be lost. A file with errors, a
/// conversion that warns, or output that lacks one of the file's comments is left as it is (no
/// edits): formatting never drops a comment.
enum Formatting {
  static func format(_ analysis: DocumentAnalysis, driver: Driver) -> JSONValue {
    let document = analysis.document
    guard let workflow = analysis.check.workflow else { return .array([]) }
    let (errors, conversion, _) = driver.convert(
      document.file, library: analysis.library, to: workflow.dialect, writesBoundBackends: false)
    guard errors.isEmpty, let conversion, conversion.diagnostics.isEmpty, let text = conversion.text,
      keepsComments(of: document.file, in: text)
    else { return .array([]) }
    if text == document.file.text { return .array([]) }
    let whole = SourceRange(start: 0, end: document.bytes.count)
    return .array([.object(["range": document.range(of: whole).json, "newText": .string(text)])])
  }

  /// Whether every comment of the file appears in `text`: comments are found as what follows a `#`
  /// that starts a line or follows a space, outside quotes.
  static func keepsComments(of file: SourceFile, in text: String) -> Bool {
    comments(file.text).allSatisfy { text.contains($0) }
  }

  static func comments(_ text: String) -> [String] {
    var found: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var quote: Character?
      var previous: Character = " "
      for (i, c) in zip(line.indices, line) {
        if let q = quote {
          if c == q { quote = nil }
        } else if c == "\"" || c == "'" {
          if previous == " " || previous == ":" || previous == "[" || previous == "{" || previous == "," {
            quote = c
          }
        } else if c == "#", previous == " " || previous == "\t" || i == line.startIndex {
          let comment = line[line.index(after: i)...].trimmingCharacters(in: .whitespaces)
          if !comment.isEmpty { found.append(comment) }
          break
        }
        previous = c
      }
    }
    return found
  }
}
