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
