import Foundation
import WeirCore

/// Why a line typed at the REPL is not a command: the message and, when known, the usage to show.
public struct ReplCommandError: Error, Equatable, Sendable {
  /// One line, lowercase: "unknown command 'swep'; did you mean 'sweep'?".
  public var message: String
  /// The usage line of the command concerned, if any.
  public var usage: String?

  public init(_ message: String, usage: String? = nil) {
    self.message = message
    self.usage = usage
  }
}

/// Parses one line of the REPL's command language into a `ReplRequest`.
///
/// Words are separated by blanks; `"…"` and `'…'` quote a word with blanks in it. A line that is
/// empty or starts with `#` is no command (`nil`), so scripts fed to `weir repl < script` can
/// carry comments.
public enum ReplCommandParser {
  public static func parse(_ line: String) -> Result<ReplRequest?, ReplCommandError> {
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty || trimmed.hasPrefix("#") { return .success(nil) }
    let head = trimmed.prefix { !$0.isWhitespace }
    let rest = String(trimmed.dropFirst(head.count)).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let info = ReplCommandInfo.named(String(head)) else {
      // "did you mean" ends the message when there is one: a question, then no more punctuation.
      let hint = NameSuggester.didYouMean(String(head), in: ReplCommandInfo.all.map(\.name))
      return .failure(
        ReplCommandError("unknown command '\(head)'" + (hint.isEmpty ? "; type 'help' for the list" : hint)))
    }
    do {
      return .success(try parse(info, rest))
    } catch let error as ReplCommandError {
      return .failure(error)
    } catch {
      return .failure(ReplCommandError("\(error)", usage: info.usage))
    }
  }

  private static func parse(_ info: ReplCommandInfo, _ rest: String) throws -> ReplRequest {
    if info.name == "set" { return try parseSet(rest, info) }
    let words = try words(rest, info)
    func none(_ request: ReplRequest) throws -> ReplRequest {
      guard words.isEmpty else {
        throw ReplCommandError("'\(info.name)' takes no arguments", usage: info.usage)
      }
      return request
    }
    func one(_ what: String) throws -> String {
      guard words.count == 1 else {
        throw ReplCommandError(
          words.isEmpty ? "'\(info.name)' needs \(what)" : "'\(info.name)' takes one argument, \(what)",
          usage: info.usage)
      }
      return words[0]
    }
    switch info.name {
    case "help":
      guard words.count <= 1 else {
        throw ReplCommandError("'help' takes at most one command name", usage: info.usage)
      }
      return .help(command: words.first)
    case "load": return .load(path: try one("a workflow file"))
    case "reload": return try none(.reload)
    case "inputs": return .inputs(patterns: words)
    case "truth": return .truth(path: try one("a COCO annotations file"))
    case "run": return try none(.run)
    case "unset": return .unset(name: try one("a var or NODE.PARAM"))
    case "vars": return try none(.vars)
    case "sweep": return .sweep(try parseSweep(words, info))
    case "show": return .show(node: try one("a node id"))
    case "explain": return .explain(input: try one("an input id"))
    case "diff": return try none(.diff)
    case "plan": return try none(.plan)
    case "check": return try none(.check)
    case "lint": return try none(.lint)
    case "save":
      guard words.count <= 1 else {
        throw ReplCommandError("'save' takes at most one file name", usage: info.usage)
      }
      return .save(path: words.first)
    case "quit": return try none(.quit)
    default:
      throw ReplCommandError(
        "internal error: command '\(info.name)' has no parser; please report", usage: info.usage)
    }
  }

  /// `set NAME = VALUE`: the value is everything after the first `=`, as typed.
  private static func parseSet(_ rest: String, _ info: ReplCommandInfo) throws -> ReplRequest {
    guard let eq = rest.firstIndex(of: "=") else {
      if rest.isEmpty { throw ReplCommandError("'set' needs a name and a value", usage: info.usage) }
      throw ReplCommandError("'set' needs '=' between the name and the value", usage: info.usage)
    }
    let name = rest[..<eq].trimmingCharacters(in: .whitespacesAndNewlines)
    let value = rest[rest.index(after: eq)...].trimmingCharacters(in: .whitespacesAndNewlines)
    if name.isEmpty { throw ReplCommandError("'set' needs a name before '='", usage: info.usage) }
    if name.contains(where: \.isWhitespace) {
      throw ReplCommandError("'\(name)' is not a name: names have no blanks", usage: info.usage)
    }
    if value.isEmpty { throw ReplCommandError("'set \(name)' needs a value after '='", usage: info.usage) }
    return .set(name: name, value: value)
  }

  /// `NAME FROM..TO step S | N points` with `--iou X` and `--plot FILE` anywhere after the name.
  private static func parseSweep(_ input: [String], _ info: ReplCommandInfo) throws -> SweepRequest {
    var words: [String] = []
    var iou = 0.5
    var plot: String?
    var i = 0
    while i < input.count {
      let word = input[i]
      if word.hasPrefix("--") {
        let (option, inlineValue) = splitOption(word)
        let value: String
        if let inlineValue {
          value = inlineValue
        } else {
          guard i + 1 < input.count else {
            throw ReplCommandError("'\(option)' needs a value", usage: info.usage)
          }
          i += 1
          value = input[i]
        }
        switch option {
        case "--iou":
          guard let x = Double(value), x > 0, x <= 1 else {
            throw ReplCommandError("'--iou' needs a number in (0, 1], not '\(value)'", usage: info.usage)
          }
          iou = x
        case "--plot":
          let lower = value.lowercased()
          guard lower.hasSuffix(".svg") || lower.hasSuffix(".png") else {
            throw ReplCommandError("'--plot' writes .svg or .png files, not '\(value)'", usage: info.usage)
          }
          plot = value
        default:
          throw ReplCommandError(
            "unknown option '\(option)'\(NameSuggester.didYouMean(option, in: ["--iou", "--plot"]))",
            usage: info.usage)
        }
      } else {
        words.append(word)
      }
      i += 1
    }
    guard let name = words.first else {
      throw ReplCommandError("'sweep' needs a var or NODE.PARAM", usage: info.usage)
    }
    // `0.5..0.95` is one word; `0.5 .. 0.95` and `0.5.. 0.95` are accepted too.
    var rangeWords = Array(
      words.dropFirst().prefix { !["step", "points", "point"].contains($0.lowercased()) })
    let tail = Array(words.dropFirst(1 + rangeWords.count))
    let spacing = try parseSpacing(rangeWords, tail, info)
    if case .points = spacing { rangeWords.removeLast() }
    let (from, to) = try parseRange(rangeWords.joined(), info)
    return SweepRequest(
      name: name, from: from, to: to, spacing: try validated(spacing, from, to, info), iou: iou,
      plotPath: plot)
  }

  private static func splitOption(_ word: String) -> (String, String?) {
    guard let eq = word.firstIndex(of: "=") else { return (word, nil) }
    return (String(word[..<eq]), String(word[word.index(after: eq)...]))
  }

  private static func parseRange(_ text: String, _ info: ReplCommandInfo) throws -> (Double, Double) {
    guard !text.isEmpty else { throw ReplCommandError("'sweep' needs a range FROM..TO", usage: info.usage) }
    guard let dots = text.range(of: "..") else {
      throw ReplCommandError("'\(text)' is not a range; write FROM..TO, e.g. 0.5..0.95", usage: info.usage)
    }
    let fromText = String(text[..<dots.lowerBound])
    let toText = String(text[dots.upperBound...])
    guard let from = Double(fromText), from.isFinite else {
      throw ReplCommandError("'\(fromText)' is not a number (the start of the range)", usage: info.usage)
    }
    guard let to = Double(toText), to.isFinite else {
      throw ReplCommandError("'\(toText)' is not a number (the end of the range)", usage: info.usage)
    }
    return (from, to)
  }

  /// The words after the range: `step S` or `N points`. In `0.5..0.95 20 points` the count was
  /// swallowed into the range words, so it is taken back from there.
  private static func parseSpacing(_ rangeWords: [String], _ tail: [String], _ info: ReplCommandInfo) throws
    -> SweepRequest.Spacing
  {
    let expected = "write 'step S' or 'N points' after the range"
    guard let keyword = tail.first?.lowercased() else {
      throw ReplCommandError("'sweep' needs a spacing: \(expected)", usage: info.usage)
    }
    if keyword == "step" {
      guard tail.count == 2 else { throw ReplCommandError("'step' needs one number", usage: info.usage) }
      guard let step = Double(tail[1]), step.isFinite, step > 0 else {
        throw ReplCommandError("the step must be a positive number, not '\(tail[1])'", usage: info.usage)
      }
      return .step(step)
    }
    // `N points`: N is the last word before the keyword.
    guard tail.count == 1, rangeWords.count >= 2, let last = rangeWords.last else {
      throw ReplCommandError("'sweep' needs a spacing: \(expected)", usage: info.usage)
    }
    guard let n = Int(last), n >= 1 else {
      throw ReplCommandError(
        "the number of points must be a positive whole number, not '\(last)'", usage: info.usage)
    }
    return .points(n)
  }

  private static func validated(
    _ spacing: SweepRequest.Spacing, _ from: Double, _ to: Double, _ info: ReplCommandInfo
  ) throws -> SweepRequest.Spacing {
    if to < from {
      throw ReplCommandError(
        "the range \(from)..\(to) is backwards; write the smaller value first", usage: info.usage)
    }
    if case .points(let n) = spacing, n > 1, from == to {
      throw ReplCommandError("\(n) points need a range wider than one value", usage: info.usage)
    }
    let count = SweepRequest(name: "", from: from, to: to, spacing: spacing).count
    if count > SweepRequest.maxPoints {
      throw ReplCommandError(
        "that is \(count) points; a sweep has at most \(SweepRequest.maxPoints)", usage: info.usage)
    }
    return spacing
  }

  /// Splits on blanks, honouring `"…"` and `'…'` (a backslash is an ordinary character).
  private static func words(_ text: String, _ info: ReplCommandInfo) throws -> [String] {
    switch CommandLineSplitter.split(text, backslashEscapes: false) {
    case .success(let words): return words
    case .failure(let problem):
      throw ReplCommandError(
        "unclosed quote \(problem.unclosedQuote.map(String.init) ?? "")", usage: info.usage)
    }
  }
}
