import Foundation

extension Kind {
  /// One field path, checked against `DataSchema`: `regions[...].data.concepts`. The list marker may
  /// be written `[...]` or `[]`, or left out; it is shown as `[...]`.
  static func parsePath(_ path: String) throws(KindError) -> Kind {
    let normalized = path.replacingOccurrences(of: "[...]", with: "[]")
    let segments = normalized.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var names: [String] = []
    var record: String? = "Data"
    var rendered = ""
    for (index, raw) in segments.enumerated() {
      let isMarkedList = raw.hasSuffix("[]")
      let name = isMarkedList ? String(raw.dropLast(2)) : raw
      guard !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
      else {
        throw KindError("'\(path)' is not a field path (write fields like regions[...].data.concepts)")
      }
      guard let current = record, let known = DataSchema.records[current] else {
        throw KindError("'\(rendered)' has no fields, so '\(path)' names nothing")
      }
      guard let field = known[name] else {
        let suggestion = NameSuggester.didYouMean(name, in: known.keys)
        let place = index == 0 ? "" : " of '\(rendered)'"
        throw KindError("unknown data field '\(name)'\(place) in '\(path)'\(suggestion)")
      }
      if isMarkedList && !field.isList {
        throw KindError("'\(name)' is not a list, so '\(name)[...]' in '\(path)' names nothing")
      }
      names.append(name)
      rendered += (index == 0 ? "" : ".") + name + (field.isList ? "[...]" : "")
      record = field.record
    }
    var kind = Kind()
    for name in names.reversed() { kind = Kind(fields: [name: kind]) }
    return kind
  }
}
