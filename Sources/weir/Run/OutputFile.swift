import Foundation
import WeirCore

/// `--output results.jsonl`: one line per input, in input order (ResultEncoder's shape).
final class OutputFile {
  let path: String
  private let handle: FileHandle
  private let encoder: ResultEncoder

  init(path: String, plan: ExecutionPlan) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw OutputError(message: "cannot write '\(path)'")
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw OutputError(message: "cannot write '\(path)'")
    }
    self.path = path
    self.handle = handle
    self.encoder = ResultEncoder(plan: plan)
  }

  func write(_ results: [InputResult]) throws {
    var data = Data()
    for r in results {
      data.append(try encoder.encode(r))
      data.append(0x0a)
    }
    do { try handle.write(contentsOf: data) } catch {
      throw OutputError(message: "cannot write '\(path)': \(error.localizedDescription)")
    }
  }

  func close() throws {
    try handle.close()
  }

  struct OutputError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
