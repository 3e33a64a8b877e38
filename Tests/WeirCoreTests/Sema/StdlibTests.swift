import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

@Suite struct StdlibTests {
  @Test func standardLibraryLoadsWithoutProblems() {
    let (library, problems) = NodeTypeLibrary.loadStandard()
    let rendered = problems.flatMap { file in
      file.diagnostics.map { d in
        let (line, column) = d.range.map { file.file.location(of: $0.start) } ?? (0, 0)
        return "\(file.file.path):\(line):\(column): \(d.message) [\(d.id)]"
      }
    }
    #expect(rendered == [])
    #expect(library.types.count > 50)
  }
}

@Suite struct EmbeddedStdlibTests {
  /// The binary carries a copy of stdlib/; this fails when someone edits stdlib/ and forgets
  /// `scripts/embed-stdlib.sh`.
  @Test func embeddedStdlibIsInSyncWithTheStdlibFolder() throws {
    let onDisk = Repository.files(under: "stdlib", extensions: ["yaml"])
    #expect(EmbeddedStdlib.files.map(\.path) == onDisk, "run scripts/embed-stdlib.sh")
    for (path, text) in EmbeddedStdlib.files where onDisk.contains(path) {
      #expect(
        try Repository.text("stdlib/" + path) == text, "stdlib/\(path) changed: run scripts/embed-stdlib.sh")
    }
  }
}

/// The standard library is built into weir as Swift values (`StandardLibrary+Prebuilt.swift`,
/// written by `make stdlib`), so that a process does not decode `stdlib/`'s YAML at start.
@Suite struct PrebuiltStdlibTests {
  /// What decoding `stdlib/` on disk gives.
  static func decoded() throws -> NodeTypeLibrary {
    var files: [SourceFile] = []
    for path in Repository.files(under: "stdlib", extensions: ["yaml"]) {
      files.append(SourceFile(path: "stdlib/" + path, text: try Repository.text("stdlib/" + path)))
    }
    var library = NodeTypeLibrary()
    library.load(files)
    return library
  }

  /// Fails when someone edits stdlib/ and forgets `make stdlib`; with `UPDATE_GOLDEN=1`, writes
  /// the file (which is what `make stdlib` runs).
  @Test func prebuiltStdlibIsInSyncWithTheStdlibFolder() throws {
    let expected = PrebuiltStdlibSource.text(of: try Self.decoded())
    let url = Repository.url(PrebuiltStdlibSource.path)
    if GoldenFile.updating {
      try expected.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let existing = try String(contentsOf: url, encoding: .utf8)
    let firstDifference = zip(existing.split(separator: "\n"), expected.split(separator: "\n"))
      .enumerated().first { $0.element.0 != $0.element.1 }
    #expect(
      existing == expected,
      """
      \(PrebuiltStdlibSource.path) is stale: run make stdlib \
      (first difference at line \((firstDifference?.offset ?? 0) + 1))
      """)
  }

  /// Every stored property of every type and model, compared by reflection, so a property the
  /// generated file leaves out fails here.
  @Test func prebuiltTypesAndModelsAreTheDecodedOnes() throws {
    let decoded = try Self.decoded()
    let standard = NodeTypeLibrary.standard
    #expect(standard.types.map(\.name) == decoded.types.map(\.name))
    for (built, read) in zip(standard.types, decoded.types) {
      #expect(Reflection.text(built) == Reflection.text(read), "node type \(read.name)")
    }
    #expect(standard.catalog.models.map(\.id) == decoded.catalog.models.map(\.id))
    for (built, read) in zip(standard.catalog.models, decoded.catalog.models) {
      #expect(Reflection.text(built) == Reflection.text(read), "model \(read.id)")
    }
    #expect(standard.names.sorted() == decoded.names.sorted())
    for name in decoded.names {
      #expect(standard.type(named: name)?.name == decoded.type(named: name)?.name, "\(name)")
    }
    #expect(standard.type(named: "no-such-type") == nil)
    #expect(standard.catalog.model(id: "no-such-model") == nil)
  }

  /// The reflection helper sees what differs, so the comparison above can fail.
  @Test func reflectionTellsValuesApart() {
    var type = NodeType(name: "a", family: .filter, role: .operator, inputs: [.any])
    let before = Reflection.text(type)
    type.nameRange = SourceRange(start: 1, end: 2)
    #expect(Reflection.text(type) != before)
    #expect(
      Reflection.text(Kind(fields: ["a": Kind(), "b": Kind()]))
        == Reflection.text(Kind(fields: ["b": Kind(), "a": Kind()])))
  }

  /// A library with a type and a model of its own keeps the standard library's and adds them; a
  /// model declared again under a standard id replaces it in its place.
  @Test func addingToTheStandardLibrary() throws {
    var library = NodeTypeLibrary.standard
    let problems = library.load([
      SourceFile(
        path: "mine.yaml",
        text: """
          weir: 1
          types:
            my-filter: {family: filter, runs: operator, input: Any, pass_through: true}
            region-thresholder: {family: filter, runs: operator, input: Any, pass_through: true}
          models:
            face-detection: {type: visual-detector, doc: mine}
            my-model: {type: visual-detector}
          """)
    ])
    #expect(
      problems.flatMap(\.diagnostics).map(\.message) == [
        "node type 'region-thresholder' is already declared (as 'region-thresholder' in stdlib/types/filter.yaml)"
      ])
    #expect(library.types.count == NodeTypeLibrary.standard.types.count + 1)
    #expect(library.types.last?.name == "my-filter")
    #expect(library.type(named: "my-filter")?.origin == "mine.yaml")
    #expect(library.type(named: "concept-threshold")?.name == "concept-thresholder")
    #expect(library.names.contains("my-filter") && library.names.contains("triage"))
    let ids = library.catalog.models.map(\.id)
    let standardIds = NodeTypeLibrary.standard.catalog.models.map(\.id)
    #expect(ids == standardIds + ["my-model"])
    #expect(library.catalog.model(id: "face-detection")?.doc == "mine")
    #expect(NodeTypeLibrary.standard.catalog.model(id: "face-detection")?.doc != "mine")
  }
}

/// Every stored property of a value, recursively, as text; dictionaries and sets in sorted order.
enum Reflection {
  static func text(_ value: Any) -> String {
    var out = ""
    write(value, label: "", indent: "", into: &out)
    return out
  }

  private static func write(_ value: Any, label: String, indent: String, into out: inout String) {
    let mirror = Mirror(reflecting: value)
    let prefix = indent + (label.isEmpty ? "" : label + ": ")
    guard !mirror.children.isEmpty else {
      out += prefix + String(reflecting: value) + "\n"
      return
    }
    out += prefix + String(describing: mirror.subjectType) + "\n"
    var lines = mirror.children.map { child -> String in
      var text = ""
      write(child.value, label: child.label ?? "", indent: indent + "  ", into: &text)
      return text
    }
    if mirror.displayStyle == .dictionary || mirror.displayStyle == .set { lines.sort() }
    out += lines.joined()
  }
}
