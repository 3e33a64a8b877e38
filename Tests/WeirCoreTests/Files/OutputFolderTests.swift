import Foundation
import Testing
import WeirCore

#if canImport(Glibc)
  import Glibc
#endif

/// A folder of export files: never written through a link planted inside it, never half made.
@Suite struct OutputFolderTests {
  typealias Folder = OutputTargetTests.Folder

  static let labels: [(name: String, bytes: [UInt8])] = [
    ("classes.txt", Array("cat\n".utf8)), ("cat1.txt", Array("0 0.5 0.5 0.2 0.2\n".utf8)),
  ]

  @Test func aNewFolderAppearsWholeAndAnExistingOneGetsItsFiles() throws {
    let folder = try Folder()
    defer { folder.remove() }
    try OutputFolder.write(Self.labels, to: folder.at("labels"))
    #expect(try folder.read("labels/classes.txt") == "cat\n")
    #expect(try folder.read("labels/cat1.txt") == "0 0.5 0.5 0.2 0.2\n")
    try folder.write("labels/classes.txt", "old\n")
    try folder.write("labels/keep.txt", "mine\n")
    try OutputFolder.write(Self.labels, to: folder.at("labels"))
    #expect(try folder.read("labels/classes.txt") == "cat\n")
    #expect(try folder.read("labels/keep.txt") == "mine\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.at("labels")).sorted() == [
        "cat1.txt", "classes.txt", "keep.txt",
      ])
    #expect(try folder.hidden().isEmpty)
  }

  /// Someone plants `labels/cat1.txt → ../victim.txt`: the export is refused before anything is
  /// written, and the file outside keeps its content.
  @Test func aLinkPlantedInTheFolderIsRefusedAndNothingIsWritten() throws {
    let folder = try Folder()
    defer { folder.remove() }
    try folder.write("victim.txt", "precious\n")
    try FileManager.default.createDirectory(atPath: folder.at("labels"), withIntermediateDirectories: true)
    symlink("../victim.txt", folder.at("labels/cat1.txt"))
    let error = #expect(throws: OutputFileError.self) {
      try OutputFolder.write(Self.labels, to: folder.at("labels"))
    }
    #expect(
      error?.description
        == "cannot write '\(folder.at("labels/cat1.txt"))': it is a symbolic link; weir never writes through a link or over a special file in an output folder"
    )
    #expect(try folder.read("victim.txt") == "precious\n")
    #expect(folder.type("labels/cat1.txt") == S_IFLNK)
    #expect(!FileManager.default.fileExists(atPath: folder.at("labels/classes.txt")))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.at("labels")) == ["cat1.txt"])
  }

  @Test func aFailedExportLeavesNoHalfFolder() throws {
    let folder = try Folder()
    defer { folder.remove() }
    // The third file cannot be made (its name is too long) after two were written: no folder.
    let files = Self.labels + [(name: String(repeating: "a", count: 300) + ".txt", bytes: Array("x".utf8))]
    #expect(throws: OutputFileError.self) { try OutputFolder.write(files, to: folder.at("labels")) }
    #expect(!FileManager.default.fileExists(atPath: folder.at("labels")))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    // A name that is not plain is refused before anything is made.
    let escaping = Self.labels + [(name: "../escape.txt", bytes: Array("x".utf8))]
    #expect(throws: OutputFileError.self) { try OutputFolder.write(escaping, to: folder.at("labels")) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
