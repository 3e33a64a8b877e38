import Foundation
import WeirCore

/// Ctrl-C during a run: the first stops starting new batches (those in flight finish and are
/// written, and the run ends `interrupted`); the second quits at once. A kill needs no handler:
/// the store commits whole batches, and the next run resumes.
final class InterruptHandler {
  let flag = StopFlag()
  private var source: DispatchSourceSignal?
  private var count = 0

  init() {
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { [weak self] in
      guard let self else { return }
      self.count += 1
      if self.count > 1 { exit(130) }
      self.flag.set()
      FileHandle.standardError.write(
        Data("\nweir: stopping after the batches in flight (Ctrl-C again to quit now)\n".utf8))
    }
    source.resume()
    self.source = source
  }

  deinit {
    source?.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
