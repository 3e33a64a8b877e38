import Foundation
import WeirCore

/// JSON text in and out for the protocol. Written out by hand so the output is the same on every
/// run (keys sorted, whole numbers without a fraction), which the golden tests rely on.
public enum JSONText {
  /// Parses one JSON text; `nil` when it is not JSON.
  public static func parse(_ bytes: [UInt8]) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  /// The value as compact JSON text.
  public static func serialize(_ value: JSONValue) -> String {
    var out = ""
    write(value, to: &out)
    return out
  }

  /// The value as JSON text with two-space indentation, one member per line, and a final newline.
  public static func pretty(_ value: JSONValue) -> String {
    var out = ""
    writePretty(value, indent: "", to: &out)
    return out + "\n"
  }

  private static func writePretty(_ value: JSONValue, indent: String, to out: inout String) {
    let inner = indent + "  "
    switch value {
    case .array(let items) where !items.isEmpty:
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += inner
        writePretty(item, indent: inner, to: &out)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .object(let members) where !members.isEmpty:
      out += "{\n"
      for (i, key) in members.keys.sorted().enumerated() {
        out += inner
        quote(key, to: &out)
        out += ": "
        if let member = members[key] { writePretty(member, indent: inner, to: &out) }
        out += i == members.count - 1 ? "\n" : ",\n"
      }
      out += indent + "}"
    default:
      write(value, to: &out)
    }
  }

  private static func write(_ value: JSONValue, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let d): out += number(d)
    case .string(let s): quote(s, to: &out)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        write(item, to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, key) in members.keys.sorted().enumerated() {
        if i > 0 { out += "," }
        quote(key, to: &out)
        out += ":"
        if let member = members[key] { write(member, to: &out) }
      }
      out += "}"
    }
  }

  private static func number(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return "\(d)"
  }

  private static func quote(_ s: String, to out: inout String) { JSONString.quote(s, into: &out) }
}

extension JSONValue {
  /// A whole number, for ids, lines and columns.
  public static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

  /// The value as a whole number, when it is one.
  public var int: Int? {
    guard case .number(let d) = self, d == d.rounded(), abs(d) < 1e15 else { return nil }
    return Int(d)
  }

  public var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  public var object: [String: JSONValue]? {
    if case .object(let o) = self { return o }
    return nil
  }
}
