import Foundation
import Testing

/// The `weir` binary that `swift build` / `swift test` built beside this test bundle.
func weirBinary() throws -> URL {
  let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    .appendingPathComponent("weir")
  let candidates = [beside, repoRoot.appendingPathComponent(".build/debug/weir")]
  guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
    throw ProcessFailure("no built weir binary at \(candidates.map(\.path)); run `swift build` first")
  }
  return found
}

struct ProcessFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A finished process: exit status and everything it printed.
struct ProcessResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `weir` with `arguments` in `folder` to completion.
func runWeir(_ arguments: [String], in folder: URL) throws -> ProcessResult {
  let process = Process()
  process.executableURL = try weirBinary()
  process.arguments = arguments
  process.currentDirectoryURL = folder
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Drain stderr on another thread while reading stdout here, so a chatty child never blocks.
  let errBox = DataBox()
  let reader = Thread {
    errBox.data = err.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal()
  }
  reader.start()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  errBox.done.wait()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// Bytes filled in by another thread, handed over through `done`.
final class DataBox: @unchecked Sendable {
  var data = Data()
  let done = DispatchSemaphore(value: 0)
}
