import WeirCore

/// Reading a store back, whatever holds it: what `weir annotations list|export|runs` and the
/// summary at the end of `weir run` need. `SQLiteAnnotationStore` conforms, and so does the
/// PostgreSQL store (WeirPostgres). It lives beside the stored types it returns, which WeirCore
/// does not know.
public protocol AnnotationReader: AnnotationStore {
  /// Every run, oldest first.
  func runs() throws -> [StoredRun]
  /// The annotations `filter` takes, sorted by input, region, concept, workflow and node.
  func annotations(_ filter: AnnotationFilter) throws -> [StoredAnnotation]
  /// How many annotations `filter` takes, ignoring its limit.
  func count(_ filter: AnnotationFilter) throws -> Int
  /// The annotations `filter` takes and the images of the runs it selects, ready for an exporter,
  /// numbered by `classes` (when `nil`, the store's own class map for the filter).
  func exportSet(_ filter: AnnotationFilter, classes: ClassMap?, options: ExportOptions) throws -> ExportSet
  /// What run `runId` wrote.
  func summary(runId: String) throws -> RunSummary
  /// The object counts of the inputs `filter` selects (by workflow, node and run).
  func counts(_ filter: AnnotationFilter) throws -> [StoredCount]
}

extension AnnotationReader {
  /// A store that keeps no object counts (the PostgreSQL store, so far) has none to show.
  public func counts(_ filter: AnnotationFilter) throws -> [StoredCount] { [] }
}

extension SQLiteAnnotationStore: AnnotationReader {}

extension RunSummary {
  /// A summary read by another store.
  public init(
    run runId: String, workflowId: String, status: RunStatus, inputs: Int, failures: [Failure],
    writers: [Count],
    concepts: [Count]
  ) {
    self.runId = runId
    self.workflowId = workflowId
    self.status = status
    self.inputs = inputs
    self.failures = failures
    self.writers = writers
    self.concepts = concepts
  }
}
