import Foundation
import WeirCore

/// The classes of an export, in id order: YOLO's class `i` is `names[i]`, COCO's category id is
/// `i + 1`, and every other format names its labels from the same list.
///
/// A class map never depends on the filter of an export: it comes from the workflow file the
/// selected runs ran (its models' concepts in declared order), or from `--classes`, or, when the
/// workflow file is gone, from every concept the selected runs stored, sorted by name. So
/// `--concept dog` exports dog with the id it has in the full export.
public struct ClassMap: Sendable, Hashable {
  public var names: [String]
  /// Where the names came from, for the export's notes: "the workflow 'x.yaml'".
  public var origin: String
  /// Notes about how the map was made (a missing workflow file), shown with the export's notes.
  public var notes: [String]

  public init(names: [String], origin: String, notes: [String] = []) {
    self.names = names
    self.origin = origin
    self.notes = notes
  }

  /// The class id of an annotation's concept: by name first (what a workflow declares), then by id.
  public func index(conceptId: String, conceptName: String) -> Int? {
    indexByName[conceptName] ?? indexByName[conceptId]
  }

  private var indexByName: [String: Int] {
    Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// A lookup table for many annotations (the dictionary is built once).
  func lookup() -> (String, String) -> Int? {
    let table = indexByName
    return { id, name in table[name] ?? table[id] }
  }

  /// `--classes`: a file with one name per line (blank lines and `#` comments skipped), or a
  /// comma-separated list when no such file exists.
  public static func parse(_ argument: String, fileExists: (String) -> Bool = FileManager.default.fileExists)
    throws(ClassMapError) -> ClassMap
  {
    let names: [String]
    let origin: String
    if fileExists(argument) {
      guard let text = try? String(contentsOfFile: argument, encoding: .utf8) else {
        throw ClassMapError(message: "cannot read the class file '\(argument)'")
      }
      names = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
      origin = "the class file '\(argument)'"
    } else {
      names = argument.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      origin = "--classes"
    }
    if names.isEmpty || names.contains("") {
      throw ClassMapError(
        message: "--classes '\(argument)' names an empty class; give names like 'cat,dog' or a file")
    }
    var seen: Set<String> = []
    for name in names where !seen.insert(name).inserted {
      throw ClassMapError(message: "--classes names '\(name)' twice; a class has one id")
    }
    return ClassMap(names: names, origin: origin)
  }

  /// The text of `classes.txt`: one name per line, the line number (from 0) being the class id.
  public var classesText: String { names.map { $0 + "\n" }.joined() }
}

/// A `--classes` argument that cannot be a class map.
public struct ClassMapError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
