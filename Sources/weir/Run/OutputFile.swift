import Foundation
import WeirCore

/// `--output results.jsonl`: one line per input, in input order (ResultEncoder's shape).
///
/// The lines go to a temporary file beside the target that `close` renames into place, so a run
/// that fails leaves an earlier file as it was; a FIFO or character device is written straight
/// into (``OutputTarget``).
final class OutputFile {
  let path: String
  private let stream: OutputFileStream
  private let encoder: ResultEncoder

  /// Opens `target`, already inspected and checked against the run's inputs.
  init(target: OutputTarget, plan: ExecutionPlan) throws(OutputFileError) {
    self.path = target.path
    self.stream = try target.open()
    self.encoder = ResultEncoder(plan: plan)
  }

  func write(_ results: [InputResult]) throws {
    var data = Data()
    for r in results {
      data.append(try encoder.encode(r))
      data.append(0x0a)
    }
    try stream.write([UInt8](data))
  }

  /// Puts the file in place.
  func close() throws(OutputFileError) {
    try stream.commit()
  }

  /// Leaves whatever was at the path before.
  func discard() {
    stream.discard()
  }
}
