/// Splits `python3 "my model.py" --fast` into words: whitespace separates, single and double quotes
/// group, a backslash escapes the next character. Nothing is expanded; no shell runs.
/// Shared by the `command` backend (its command line) and the REPL (its command words).
public enum CommandLineSplitter {
  /// Why a line could not be split, as the end of a sentence ("has an unclosed ' quote").
  public struct Problem: Error, Equatable {
    public var message: String
    /// The quote left open, when that is the problem.
    public var unclosedQuote: Character? = nil
  }

  /// The words of `text`; `backslashEscapes: false` takes a backslash as an ordinary character
  /// (the REPL, where Windows-style paths may hold one).
  public static func split(_ text: String, backslashEscapes: Bool = true) -> Result<[String], Problem> {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for ch in text {
      if escaped {
        current.append(ch)
        escaped = false
      } else if backslashEscapes, ch == "\\", quote != "'" {
        escaped = true
        inWord = true
      } else if let q = quote {
        if ch == q { quote = nil } else { current.append(ch) }
      } else if ch == "'" || ch == "\"" {
        quote = ch
        inWord = true
      } else if ch.isWhitespace {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(ch)
        inWord = true
      }
    }
    if let q = quote { return .failure(Problem(message: "has an unclosed \(q) quote", unclosedQuote: q)) }
    if escaped { return .failure(Problem(message: "ends with a lone backslash")) }
    if inWord { words.append(current) }
    return .success(words)
  }
}
