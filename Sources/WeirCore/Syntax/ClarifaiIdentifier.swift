/// Clarifai's id rules, as clarifai-python's `validate.py` applies them (reference §1.6, §2).
public enum ClarifaiIdentifier {
  /// Longest id the SDK accepts (PR #184 raised it from 32).
  public static let maxLength = 48

  /// Whether `s` matches `^[0-9A-Za-z]+([-_][0-9A-Za-z]+)*$`: letters and digits, separated by
  /// single `-` or `_`, neither first nor last.
  public static func isValid(_ s: String) -> Bool {
    var previousWasSeparator = true
    for u in s.utf8 {
      switch u {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "A")...UInt8(ascii: "Z"):
        previousWasSeparator = false
      case UInt8(ascii: "-"), UInt8(ascii: "_"):
        if previousWasSeparator { return false }
        previousWasSeparator = true
      default:
        return false
      }
    }
    return !previousWasSeparator
  }

  /// Whether `s`, lower-cased, starts with 32 hexadecimal digits (the SDK's version id check,
  /// which has no end anchor).
  public static func isValidVersion(_ s: String) -> Bool {
    let lower = Array(s.lowercased().utf8)
    guard lower.count >= 32 else { return false }
    return lower.prefix(32).allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
  }
}

extension SyntaxContext {
  /// Checks a Clarifai id (`workflow.id`, `model_id`, `user_id`, `app_id`, `model_type_id`).
  mutating func checkClarifaiID(_ id: Located<String>, _ what: String) {
    if id.value.isEmpty {
      return error("syntax.empty-value", "\(what) must not be empty", at: id.range)
    }
    if id.value.count > ClarifaiIdentifier.maxLength {
      error(
        "syntax.bad-id",
        "\(what) '\(id.value)' is \(id.value.count) characters long; Clarifai allows at most \(ClarifaiIdentifier.maxLength)",
        at: id.range)
    }
    if !ClarifaiIdentifier.isValid(id.value) {
      error(
        "syntax.bad-id", "\(what) '\(id.value)' is not a valid Clarifai id", at: id.range,
        notes: [
          Note("use letters and digits, joined by single '-' or '_' (^[0-9A-Za-z]+([-_][0-9A-Za-z]+)*$)")
        ])
    }
  }

  /// Checks a `model_version_id`: 32 hexadecimal digits.
  mutating func checkVersionID(_ id: Located<String>) {
    if !ClarifaiIdentifier.isValidVersion(id.value) {
      return error(
        "syntax.bad-version-id", "model_version_id '\(id.value)' is not a Clarifai version id", at: id.range,
        notes: [Note("a version id is 32 hexadecimal digits, such as aa7f35c01e0642fda5cf400f543e7c40")])
    }
    if id.value.count > 32 {
      warning(
        "syntax.bad-version-id",
        "model_version_id '\(id.value)' is longer than 32 hexadecimal digits; Clarifai's API will not find it",
        at: id.range)
    }
  }
}
