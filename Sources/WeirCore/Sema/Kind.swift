import Foundation

/// What data flows along an edge: the fields of Clarifai's `Data` record that are present, as a
/// tree (Design.md §3, "Kinds"). `regions[...].data.concepts` is the field `regions`, a list whose
/// elements have `data`, which has `concepts`.
///
/// A kind is read as "at least these fields": a node's input is satisfied when the kind flowing in
/// includes every field it needs (``includes(_:)``); extra fields are fine. Kinds are written and
/// shown as Clarifai writes them, comma-separated: `regions[...].data.concepts,
/// regions[...].region_info.bounding_box`.
public struct Kind: Hashable, Sendable, CustomStringConvertible {
  /// The fields present, each with what is known to be present below it. An empty sub-kind means
  /// only that the field is there (`image`, or `regions` when nothing is known about its elements).
  public internal(set) var fields: [String: Kind]

  /// No fields at all.
  public init() {
    fields = [:]
  }

  init(fields: [String: Kind]) {
    self.fields = fields
  }

  /// The kind of the paths in `text`, a comma list (`image, regions[...].data.concepts`); fails
  /// with a message on a field the `Data` record does not have.
  public init(parsing text: String) throws(KindError) {
    self.init()
    let paths = text.split(separator: ",", omittingEmptySubsequences: false)
    for path in paths {
      let trimmed = path.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else {
        throw KindError("empty field path in '\(text.trimmingCharacters(in: .whitespaces))'")
      }
      formUnion(try Kind.parsePath(trimmed))
    }
  }

  /// The kind with no fields.
  public static let empty = Kind()

  public var isEmpty: Bool { fields.isEmpty }

  /// Whether every field of `need` is present here (structural satisfaction; extra fields are fine).
  public func includes(_ need: Kind) -> Bool {
    for (name, sub) in need.fields {
      guard let have = fields[name] else { return false }
      if !sub.isEmpty, !have.includes(sub) { return false }
    }
    return true
  }

  /// The first path of `need` (rendered) that is not present here, or `nil` when all are.
  public func firstMissing(_ need: Kind) -> String? {
    firstMissing(need, record: "Data", prefix: "")
  }

  private func firstMissing(_ need: Kind, record: String?, prefix: String) -> String? {
    for name in need.fields.keys.sorted() {
      let sub = need.fields[name]!
      let segment = Kind.segment(name, in: record, descending: !sub.isEmpty)
      guard let have = fields[name] else { return prefix + segment }
      let spec = record.flatMap { DataSchema.field(name, in: $0) }
      if let missing = have.firstMissing(sub, record: spec?.record, prefix: prefix + segment + ".") {
        return missing
      }
    }
    return nil
  }

  /// Both kinds' fields together.
  public func union(_ other: Kind) -> Kind {
    var result = self
    result.formUnion(other)
    return result
  }

  public mutating func formUnion(_ other: Kind) {
    // One side empty (a node's first input, a pass-through that adds nothing): the other's fields
    // are the answer, shared rather than copied entry by entry.
    if fields.isEmpty {
      fields = other.fields
      return
    }
    for (name, sub) in other.fields {
      if let mine = fields[name] {
        if mine != sub { fields[name] = mine.union(sub) }
      } else {
        fields[name] = sub
      }
    }
  }

  /// Whether the field path `path` (`regions[...].region_info.bounding_box`) is present.
  public func has(_ path: String) -> Bool {
    guard let need = try? Kind(parsing: path) else { return false }
    return includes(need)
  }

  /// Every leaf path, as Clarifai writes it, sorted: `["image", "regions[...].data.concepts"]`.
  public var paths: [String] {
    var result: [String] = []
    collectPaths(record: "Data", prefix: "", into: &result)
    return result
  }

  private func collectPaths(record: String?, prefix: String, into result: inout [String]) {
    for name in fields.keys.sorted() {
      let sub = fields[name]!
      let path = prefix + Kind.segment(name, in: record, descending: !sub.isEmpty)
      if sub.isEmpty {
        result.append(path)
      } else {
        sub.collectPaths(
          record: record.flatMap { DataSchema.field(name, in: $0)?.record }, prefix: path + ".", into: &result
        )
      }
    }
  }

  /// The paths joined with ", ", or `nothing` for the empty kind.
  public var description: String { isEmpty ? "nothing" : paths.joined(separator: ", ") }

  /// `name`, with `[...]` when a path goes on below a list (`regions[...].data`, but `concepts`).
  private static func segment(_ name: String, in record: String?, descending: Bool) -> String {
    let isList = record.flatMap { DataSchema.field(name, in: $0)?.isList } ?? false
    return isList && descending ? name + "[...]" : name
  }
}

/// Why a kind could not be read: a field the `Data` record does not have, or a malformed path.
public struct KindError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
