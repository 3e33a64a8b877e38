import Foundation
import Testing

@testable import WeirCore

#if canImport(Glibc)
  import Glibc
#endif

/// `save` with the real file writer: permissions respected, links written through, the mode kept,
/// and never over a file the session reads.
@Suite struct ReplSaveSafetyTests {
  func mode(_ path: String) -> mode_t {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
  }

  func isLink(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
  }

  @Test func aReadOnlyWorkflowIsRefusedAndKeepsItsBytesAndMode() async throws {
    let (session, dir) = try await ReplFixtures.loaded()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("pets.yaml").path
    let before = try String(contentsOfFile: file, encoding: .utf8)
    chmod(file, 0o440)
    _ = await session.handle("set accept = 0.9")
    let r = await session.handle("save")
    #expect(r.isError)
    #expect(r.text == "error: cannot write 'pets.yaml': the file is read-only")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
    #expect(mode(file) == 0o440)
    #expect(session.settings.count == 1, "the setting is still in force, unsaved")
  }

  @Test func aLinkedWorkflowIsSavedThroughTheLinkKeepingTheTargetsMode() async throws {
    let dir = try ReplFixtures.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let real = dir.appendingPathComponent("pets.yaml").path
    chmod(real, 0o640)
    let link = dir.appendingPathComponent("linked.yaml").path
    #expect(symlink("pets.yaml", link) == 0)
    let session = ReplFixtures.session(in: dir)
    #expect(!(await session.handle("load linked.yaml")).isError)
    _ = await session.handle("set accept = 0.9")
    let r = await session.handle("save")
    #expect(!r.isError, "\(r.text)")
    #expect(r.text.hasPrefix("saved 1 change to linked.yaml"))
    #expect(isLink(link), "the link is still a link")
    #expect(try String(contentsOfFile: real, encoding: .utf8).contains("accept: 0.9 "))
    #expect(mode(real) == 0o640)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test func savingOverThePredictionsFileIsRefused() async throws {
    let (session, dir) = try await ReplFixtures.loaded()
    defer { try? FileManager.default.removeItem(at: dir) }
    let predictions = dir.appendingPathComponent("pets.jsonl").path
    let before = try Data(contentsOf: URL(fileURLWithPath: predictions))
    _ = await session.handle("set accept = 0.9")
    let r = await session.handle("save pets.jsonl")
    #expect(r.isError)
    #expect(
      r.text
        == "error: nothing saved: refusing to write '\(predictions)': it is the same file as the predictions file '\(predictions)'"
    )
    #expect(try Data(contentsOf: URL(fileURLWithPath: predictions)) == before)
  }
}
