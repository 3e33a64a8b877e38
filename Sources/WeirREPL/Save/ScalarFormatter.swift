import Foundation
import WeirCore

/// Writes a new value in the style of the scalar it replaces, so a saved file looks hand-edited:
/// `0.95` → `0.9`, `0.50` → `0.60` (a trailing zero says the author writes fixed decimals),
/// `.95` → `.9`, `"0.95"` → `"0.9"`, `1` → `2` or `0.5`.
public enum ScalarFormatter {
  /// The text to write for `value` (as typed at the REPL) where `original` was written.
  /// `originalText` is the original scalar's source text, quotes included.
  public static func format(_ value: ParamValue, replacing original: ParamValue?, originalText: String)
    -> String
  {
    guard case .scalar(let new) = value else { return value.flowText }
    guard case .scalar(let old)? = original else {
      return new.resolved.number.map { number($0, likeText: nil, wasInt: false) } ?? value.flowText
    }
    let quoted = old.style == .singleQuoted || old.style == .doubleQuoted
    if let n = new.resolved.number ?? (new.style == .plain ? nil : Double(new.value)),
      quoted || old.resolved.number != nil
    {
      let unquotedOld = quoted ? String(originalText.dropFirst().dropLast()) : originalText
      let wasInt: Bool = {
        if case .int = old.resolved { return true }
        return quoted && Int(unquotedOld) != nil
      }()
      let text = number(n, likeText: unquotedOld, wasInt: wasInt)
      return quoted ? quote(text, like: old.style) : text
    }
    if quoted, new.style == .plain { return quote(new.value, like: old.style) }
    return value.flowText
  }

  /// A number written like `likeText`: leading dot, trailing zeros, integer-ness.
  static func number(_ x: Double, likeText: String?, wasInt: Bool) -> String {
    if x.isNaN { return ".nan" }
    if x.isInfinite { return x > 0 ? ".inf" : "-.inf" }
    if wasInt, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    var text = x.description  // the shortest text that reads back as the same Double
    if text.contains("e") { return text }
    if !text.contains(".") { text += ".0" }
    guard let like = likeText, let likeDot = like.firstIndex(of: ".") else { return text }
    let likeFraction = like[like.index(after: likeDot)...].prefix { $0.isNumber }
    if likeFraction.last == "0", let dot = text.firstIndex(of: ".") {
      let fraction = text[text.index(after: dot)...]
      if fraction.count < likeFraction.count {
        text += String(repeating: "0", count: likeFraction.count - fraction.count)
      }
    }
    if like.hasPrefix(".") || like.hasPrefix("-.") || like.hasPrefix("+.") {
      if text.hasPrefix("0.") {
        text.removeFirst()
      } else if text.hasPrefix("-0.") {
        text.remove(at: text.index(after: text.startIndex))
      }
    }
    return text
  }

  static func quote(_ text: String, like style: ScalarStyle) -> String {
    if style == .singleQuoted { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    return "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
