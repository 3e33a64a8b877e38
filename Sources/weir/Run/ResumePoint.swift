import WeirCore
import WeirStore

/// Where an interrupted run left off: the latest run of the same workflow (same bytes, same vars)
/// that is still `running` (killed) or `interrupted` (Ctrl-C), and the inputs it finished.
struct ResumePoint {
  var runId: String
  var done: Set<String>

  static func find(_ store: SQLiteAnnotationStore, like info: RunInfo) throws -> ResumePoint? {
    let candidates = try store.runs().filter {
      ($0.status == .running || $0.status == .interrupted) && $0.info.workflowId == info.workflowId
        && $0.info.workflowHash == info.workflowHash && $0.info.vars == info.vars
    }
    guard let last = candidates.max(by: { $0.info.startedAt < $1.info.startedAt }) else { return nil }
    return ResumePoint(runId: last.info.id, done: try store.completedInputs(runId: last.info.id))
  }
}
