import Foundation
import Testing
import WeirCore

#if canImport(Glibc)
  import Glibc
#endif

/// The rules every writer of files follows, on real files, links, FIFOs and device nodes made in
/// the test's own folder (never the machine's /dev).
@Suite struct OutputTargetTests {
  /// A temporary folder, removed at the end.
  struct Folder {
    let path: String

    init() throws {
      path =
        FileManager.default.temporaryDirectory.appendingPathComponent("weir-files-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func at(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String, mode: Int = 0o644) throws {
      try Data(text.utf8).write(to: URL(fileURLWithPath: at(name)))
      chmod(at(name), mode_t(mode))
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: at(name), encoding: .utf8) }

    /// What is at `name`, without following a link: `S_IFREG`, `S_IFLNK`, `S_IFCHR`…
    func type(_ name: String) -> mode_t {
      var st = stat()
      return lstat(at(name), &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    func mode(_ name: String) -> mode_t {
      var st = stat()
      return stat(at(name), &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    /// Files whose names start with a dot (weir's temporary files).
    func hidden() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix(".") }
    }

    func remove() {
      // A read-only folder made by a test must be writable again to be removed.
      chmod(path, 0o755)
      try? FileManager.default.removeItem(atPath: path)
    }
  }

  @Test func aNewFileIsWrittenAndAnOldOneReplacedKeepingItsMode() throws {
    let folder = try Folder()
    defer { folder.remove() }
    try OutputTarget.inspect(folder.at("new.txt")).write(Array("one\n".utf8))
    #expect(try folder.read("new.txt") == "one\n")
    try folder.write("old.txt", "before\n", mode: 0o640)
    try OutputTarget.inspect(folder.at("old.txt")).write(Array("after\n".utf8))
    #expect(try folder.read("old.txt") == "after\n")
    #expect(folder.mode("old.txt") == 0o640)
    #expect(try folder.hidden().isEmpty)
  }

  @Test func aReadOnlyFileIsRefusedAndLeftAsItWas() throws {
    let folder = try Folder()
    defer { folder.remove() }
    try folder.write("locked.yaml", "id: wf\n", mode: 0o440)
    #expect(throws: OutputFileError(path: folder.at("locked.yaml"), reason: "the file is read-only")) {
      try OutputTarget.inspect(folder.at("locked.yaml"))
    }
    #expect(try folder.read("locked.yaml") == "id: wf\n")
    #expect(folder.mode("locked.yaml") == 0o440)
  }

  @Test func aLinkIsWrittenThroughToItsTargetAndStaysALink() throws {
    let folder = try Folder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.at("real"), withIntermediateDirectories: true)
    try folder.write("real/workflow.yaml", "id: a\n", mode: 0o600)
    symlink("real/workflow.yaml", folder.at("link.yaml"))
    let target = try OutputTarget.inspect(folder.at("link.yaml"))
    #expect(target.resolved.hasSuffix("/real/workflow.yaml"))
    try target.write(Array("id: b\n".utf8))
    #expect(folder.type("link.yaml") == S_IFLNK)
    #expect(try folder.read("real/workflow.yaml") == "id: b\n")
    #expect(folder.mode("real/workflow.yaml") == 0o600)
    // A link to a file that does not exist yet creates that file.
    symlink("real/later.txt", folder.at("dangling"))
    try OutputTarget.inspect(folder.at("dangling")).write(Array("x".utf8))
    #expect(try folder.read("real/later.txt") == "x")
    #expect(folder.type("dangling") == S_IFLNK)
  }

  @Test func aFailedOrAbandonedWriteLeavesTheOldFile() throws {
    let folder = try Folder()
    defer { folder.remove() }
    try folder.write("out.jsonl", "old\n")
    let stream = try OutputTarget.inspect(folder.at("out.jsonl")).open()
    try stream.write(Array("half".utf8))
    stream.discard()
    #expect(try folder.read("out.jsonl") == "old\n")
    #expect(try folder.hidden().isEmpty)
  }

  @Test func aFIFOIsWrittenIntoAndStaysAFIFO() throws {
    let folder = try Folder()
    defer { folder.remove() }
    #expect(mkfifo(folder.at("pipe"), 0o644) == 0)
    // The reader opens first (without blocking), so the writer's open does not wait.
    let reader = open(folder.at("pipe"), O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    let target = try OutputTarget.inspect(folder.at("pipe"))
    #expect(target.kind == .fifo)
    try target.write(Array("through the pipe\n".utf8))
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = read(reader, &buffer, buffer.count)
    #expect(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self) == "through the pipe\n")
    #expect(folder.type("pipe") == S_IFIFO)
    #expect(try folder.hidden().isEmpty)
  }

  /// Character devices made here with mknod (root only): a null device takes the bytes, a full
  /// device's "no space" is reported, and both stay device nodes.
  @Test(.enabled(if: geteuid() == 0, "mknod needs root"))
  func aCharacterDeviceIsWrittenIntoAndNeverReplaced() throws {
    let folder = try Folder()
    defer { folder.remove() }
    // makedev(1, 3) is the null device and makedev(1, 7) the full device on Linux.
    #expect(mknod(folder.at("null"), S_IFCHR | 0o666, 0x103) == 0)
    #expect(mknod(folder.at("full"), S_IFCHR | 0o666, 0x107) == 0)
    let null = try OutputTarget.inspect(folder.at("null"))
    #expect(null.kind == .characterDevice)
    try null.write(Array("{\"json\": 1}\n".utf8))
    #expect(folder.type("null") == S_IFCHR)
    #expect(throws: OutputFileError(path: folder.at("full"), reason: "no space left on device")) {
      try OutputTarget.inspect(folder.at("full")).write(Array("x".utf8))
    }
    #expect(folder.type("full") == S_IFCHR)
    #expect(try folder.hidden().isEmpty)
  }

  @Test func aFolderIsRefused() throws {
    let folder = try Folder()
    defer { folder.remove() }
    #expect(throws: OutputFileError(path: folder.path, reason: "it is a folder")) {
      try OutputTarget.inspect(folder.path)
    }
  }

  @Test func anOutputThatIsAnInputIsRefusedByInodeAfterLinks() throws {
    let folder = try Folder()
    defer { folder.remove() }
    try folder.write("predictions.json", "{}\n")
    link(folder.at("predictions.json"), folder.at("hard.json"))
    symlink("predictions.json", folder.at("soft.json"))
    let inputs = [
      ProtectedFile("workflow", folder.at("wf.yaml")),
      ProtectedFile("predictions file", folder.at("predictions.json")),
    ]
    for name in ["predictions.json", "hard.json", "soft.json"] {
      let error = #expect(throws: OutputFileError.self) {
        try OutputTarget.inspect(folder.at(name)).refuseSameFile(as: inputs)
      }
      #expect(
        error?.description
          == "refusing to write '\(folder.at(name))': it is the same file as the predictions file '\(folder.at("predictions.json"))'"
      )
    }
    // A store that does not exist yet is the same file as an output of the same path.
    let store = [ProtectedFile("annotation store", folder.path + "/./new.db")]
    #expect(throws: OutputFileError.self) {
      try OutputTarget.inspect(folder.at("new.db")).refuseSameFile(as: store)
    }
    try OutputTarget.inspect(folder.at("other.jsonl")).refuseSameFile(as: inputs + store)
    #expect(try folder.read("predictions.json") == "{}\n")
  }
}
