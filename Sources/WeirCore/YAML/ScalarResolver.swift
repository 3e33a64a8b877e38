/// Resolves plain scalars under the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
enum ScalarResolver {
  /// The typed value of a scalar, given its style and explicit tag.
  static func resolve(_ text: String, style: ScalarStyle, tag: String?) -> ScalarValue? {
    switch tag {
    case "tag:yaml.org,2002:str": return .string(text)
    case "tag:yaml.org,2002:int": return parseInt(text).map { .int($0) }
    case "tag:yaml.org,2002:float":
      return (parseFloat(text) ?? parseInt(text).map(Double.init)).map { .float($0) }
    case "tag:yaml.org,2002:bool": return parseBool(text).map { .bool($0) }
    case "tag:yaml.org,2002:null": return isNull(text) ? .null : nil
    case nil, "!": break
    default: break
    }
    guard style == .plain, tag != "!" else { return .string(text) }
    // Most plain scalars are names (`model_id`, `detect`): only these first characters can
    // start a null, bool or number, so everything else is a string without further work.
    // A letter or `~` can start only a null or a bool (node ids such as `n12` are the common case).
    guard let first = text.utf8.first else { return .null }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
      break
    case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
      return isNull(text) ? .null : .string(text)
    case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
      return parseBool(text).map { .bool($0) } ?? .string(text)
    default:
      return .string(text)
    }
    if let i = parseInt(text) { return .int(i) }
    if let d = parseFloat(text) { return .float(d) }
    return .string(text)
  }

  static func isNull(_ s: String) -> Bool {
    s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
  }

  static func parseBool(_ s: String) -> Bool? {
    switch s {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  static func parseInt(_ s: String) -> Int? {
    // Core schema: 0o[0-7]+ and 0x[0-9a-fA-F]+, unsigned.
    if s.hasPrefix("0o") || s.hasPrefix("0x") {
      let body = s.dropFirst(2)
      let radix = s.hasPrefix("0o") ? 8 : 16
      guard !body.isEmpty,
        body.allSatisfy({ $0.isASCII && $0.isHexDigit && Int(String($0), radix: radix) != nil })
      else { return nil }
      return Int(body, radix: radix)
    }
    let digits =
      s.utf8.first == UInt8(ascii: "-") || s.utf8.first == UInt8(ascii: "+")
      ? s.utf8.dropFirst() : s.utf8[...]
    guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return Int(s.first == "+" ? String(s.dropFirst()) : s)
  }

  static func parseFloat(_ s: String) -> Double? {
    switch s {
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
    case "-.inf", "-.Inf", "-.INF": return -.infinity
    case ".nan", ".NaN", ".NAN": return .nan
    default: break
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    var chars = Substring(s).utf8
    if let f = chars.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { chars = chars.dropFirst() }
    func digits() -> Int {
      var n = 0
      while let c = chars.first, c >= 48, c <= 57 { chars = chars.dropFirst(); n += 1 }
      return n
    }
    let intDigits = digits()
    var fracDigits = 0
    if chars.first == UInt8(ascii: ".") {
      chars = chars.dropFirst()
      fracDigits = digits()
    }
    guard intDigits > 0 || fracDigits > 0 else { return nil }
    if let e = chars.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      chars = chars.dropFirst()
      if let sgn = chars.first, sgn == UInt8(ascii: "-") || sgn == UInt8(ascii: "+") {
        chars = chars.dropFirst()
      }
      guard digits() > 0 else { return nil }
    }
    guard chars.isEmpty else { return nil }
    return Double(s)
  }
}
