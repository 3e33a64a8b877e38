import Foundation

extension BackendOptionReader {
  /// A size of at least 1 KB: bytes as a whole number (`1048576`) or with a unit (`512KB`, `32MB`,
  /// `1GB`; binary multiples, so 1 MB is 1,048,576 bytes).
  mutating func byteSize(_ name: String) -> Int? {
    guard let text = string(name) else { return nil }
    if let size = Self.parseByteSize(text.value), size >= 1024 { return size }
    fail(
      "backend.bad-option",
      "option '\(name)' of model '\(modelName)' must be a size of 1KB or more like 32MB, 512KB or 1048576, not '\(text.value)'",
      at: text.range)
    return nil
  }

  /// `32MB` → 33,554,432; `nil` for anything else, and for sizes that do not fit an `Int`.
  static func parseByteSize(_ text: String) -> Int? {
    let t = text.trimmingCharacters(in: .whitespaces).uppercased()
    let units: [(suffix: String, factor: Int)] = [
      ("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("B", 1),
    ]
    for unit in units where t.hasSuffix(unit.suffix) {
      let number = t.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
      guard let n = Int(number), n >= 0 else { return nil }
      let (size, overflow) = n.multipliedReportingOverflow(by: unit.factor)
      return overflow ? nil : size
    }
    return Int(t).flatMap { $0 >= 0 ? $0 : nil }
  }
}
