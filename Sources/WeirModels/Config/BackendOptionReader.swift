import Foundation
import WeirCore

/// Reads the options of one `backend:` mapping, collecting every problem rather than stopping at the
/// first (Design.md §9.2: one run reports everything it can).
///
/// Options are scalars written in the workflow file; `$var` references are not resolved here because
/// how a model is reached is not something `--set` or the REPL should change mid-session.
struct BackendOptionReader {
  let spec: BackendSpec
  let modelName: String
  private var found: [BackendConfigError] = []

  /// Every problem found so far, in source order.
  var errors: [BackendConfigError] {
    found.enumerated().sorted { a, b in
      let (ra, rb) = (a.element.range ?? .at(-1), b.element.range ?? .at(-1))
      return ra != rb ? ra < rb : a.offset < b.offset
    }.map(\.element)
  }

  init(spec: BackendSpec, modelName: String) {
    self.spec = spec
    self.modelName = modelName
  }

  private var kind: String { spec.kind.value }

  mutating func fail(_ id: String, _ message: String, at range: SourceRange?, notes: [Note] = []) {
    found.append(BackendConfigError(id: id, message: message, range: range, notes: notes))
  }

  /// Reports each option that is not in `known`, suggesting the nearest known name.
  mutating func rejectUnknown(known: [String]) {
    for option in spec.options where !known.contains(option.name.value) {
      let name = option.name.value
      var notes = [Note("\(kind) backends take: \(known.joined(separator: ", "))")]
      if let near = nearest(to: name, in: known) { notes.insert(Note("did you mean '\(near)'?"), at: 0) }
      fail(
        "backend.unknown-option", "unknown option '\(name)' for the \(kind) backend of model '\(modelName)'",
        at: option.name.range, notes: notes)
    }
  }

  /// The scalar text of an option (numbers are taken as written, so `user_id: 123` is "123").
  /// Returns `nil` when the option is absent or null; reports lists, maps and `$var`s.
  mutating func string(_ name: String) -> Located<String>? {
    guard let param = spec.option(name) else { return nil }
    return scalarText(param.value, what: "option '\(name)'")
  }

  /// True when the option is written and is null (`key_env: ~`), which some options use to mean "none".
  func isExplicitNull(_ name: String) -> Bool {
    if case .scalar(let s)? = spec.option(name)?.value, case .null = s.resolved { return true }
    return false
  }

  /// The text of a scalar value; reports anything else.
  mutating func scalarText(_ value: ParamValue, what: String) -> Located<String>? {
    switch value {
    case .scalar(let s):
      if case .null = s.resolved { return nil }
      return Located(s.value, s.range)
    case .varRef(let v):
      fail(
        "backend.bad-option",
        "\(what) of model '\(modelName)' cannot use a var ('$\(v.value)'); write the value",
        at: v.range)
    case .list(_, let r), .map(_, let r):
      fail("backend.bad-option", "\(what) of model '\(modelName)' must be a single value", at: r)
    }
    return nil
  }

  /// A positive duration: seconds as a number (`30`, `0.5`) or text with a unit (`500ms`, `10s`, `2m`).
  mutating func duration(_ name: String) -> Duration? {
    guard let text = string(name) else { return nil }
    if let d = Self.parseDuration(text.value), d > .zero { return d }
    fail(
      "backend.bad-option",
      "option '\(name)' of model '\(modelName)' must be a positive duration like 30, 1.5 or 500ms, not '\(text.value)'",
      at: text.range)
    return nil
  }

  /// An integer in `range`.
  mutating func int(_ name: String, in range: ClosedRange<Int>) -> Int? {
    guard let text = string(name) else { return nil }
    if let i = Int(text.value), range.contains(i) { return i }
    let bounds =
      range.upperBound == .max
      ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
    fail(
      "backend.bad-option",
      "option '\(name)' of model '\(modelName)' must be a whole number \(bounds), not '\(text.value)'",
      at: text.range)
    return nil
  }

  /// Seconds (`1.5`), milliseconds (`300ms`), seconds (`2s`) or minutes (`1m`).
  static func parseDuration(_ text: String) -> Duration? {
    let t = text.trimmingCharacters(in: .whitespaces)
    let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
    for unit in units where t.hasSuffix(unit.suffix) {
      guard let n = Double(t.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)), n.isFinite
      else { return nil }
      return .milliseconds(Int64((n * unit.seconds * 1000).rounded()))
    }
    guard let n = Double(t), n.isFinite else { return nil }
    return .milliseconds(Int64((n * 1000).rounded()))
  }

  /// The known name closest to `name` by edit distance, when it is close enough to be a typo.
  private func nearest(to name: String, in known: [String]) -> String? {
    let scored = known.map { ($0, Self.editDistance(name, $0)) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= max(2, name.count / 3) else { return nil }
    return best
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return a.isEmpty ? b.count : row[b.count]
  }
}
