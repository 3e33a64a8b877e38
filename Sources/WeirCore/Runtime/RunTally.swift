/// What a run did, counted as the results come in: per writer, per concept, and the inputs that
/// failed. `weir run` prints it as the closing table; a dry run gives the same counts.
public struct RunTally: Sendable, Hashable {
  /// Counts for one annotation-writer node.
  public struct Writer: Sendable, Hashable {
    public var nodeId: String
    public var status: AnnotationStatus?
    /// Annotations written, by status code.
    public var byStatus: [Int: Int]
    public var total: Int { byStatus.values.reduce(0, +) }
  }

  /// Counts for one concept, across writers.
  public struct ConceptCount: Sendable, Hashable {
    public var concept: String
    public var byStatus: [Int: Int]
    public var total: Int { byStatus.values.reduce(0, +) }
  }

  /// What one object-counter counted: on how many inputs, and the objects on them.
  public struct Counter: Sendable, Hashable {
    public var nodeId: String
    public var inputs: Int
    public var objects: Int

    public init(nodeId: String, inputs: Int = 0, objects: Int = 0) {
      self.nodeId = nodeId
      self.inputs = inputs
      self.objects = objects
    }
  }

  /// A failed input.
  public struct Failure: Sendable, Hashable {
    public var input: InputItem
    public var error: InputError

    public init(input: InputItem, error: InputError) {
      self.input = input
      self.error = error
    }
  }

  public var inputs = 0
  public var failures: [Failure] = []
  public var annotations = 0
  /// Regions the model steps produced.
  public var modelRegions = 0
  /// Writers in plan order.
  public var writers: [Writer]
  /// Object-counters in the order they first counted.
  public var counters: [Counter] = []
  private var writerIndex: [String: Int]
  private var conceptCounts: [String: [Int: Int]] = [:]

  public init(plan: ExecutionPlan) {
    writers = plan.writers.map { step in
      var status: AnnotationStatus?
      if case .operator(let op) = step.action, let w = op as? AnnotationWriter { status = w.status }
      return Writer(nodeId: step.nodeId, status: status, byStatus: [:])
    }
    writerIndex = Dictionary(writers.enumerated().map { ($1.nodeId, $0) }, uniquingKeysWith: { a, _ in a })
  }

  public var succeeded: Int { inputs - failures.count }

  /// Concepts with their counts, most annotated first, then by name.
  public var concepts: [ConceptCount] {
    conceptCounts.map { ConceptCount(concept: $0.key, byStatus: $0.value) }
      .sorted { ($0.total, $1.concept) > ($1.total, $0.concept) }
  }

  /// Adds annotations of a writer node with a status (from a store's own count of a run).
  public mutating func count(writer nodeId: String, status: Int, _ n: Int) {
    if let w = writerIndex[nodeId] {
      writers[w].byStatus[status, default: 0] += n
    } else {
      writerIndex[nodeId] = writers.count
      writers.append(
        Writer(nodeId: nodeId, status: AnnotationStatus(rawValue: status), byStatus: [status: n]))
    }
    annotations += n
  }

  /// Adds annotations of a concept with a status (from a store's own count of a run).
  public mutating func count(concept: String, status: Int, _ n: Int) {
    conceptCounts[concept, default: [:]][status, default: 0] += n
  }

  /// Adds counts made elsewhere (a batch counted in its own task) for the same plan.
  public mutating func merge(_ other: RunTally) {
    inputs += other.inputs
    modelRegions += other.modelRegions
    failures += other.failures
    annotations += other.annotations
    for (i, w) in other.writers.enumerated() where i < writers.count {
      writers[i].byStatus.merge(w.byStatus, uniquingKeysWith: +)
    }
    for (concept, counts) in other.conceptCounts {
      conceptCounts[concept, default: [:]].merge(counts, uniquingKeysWith: +)
    }
    for c in other.counters { count(counter: c.nodeId, inputs: c.inputs, objects: c.objects) }
  }

  /// Adds what an object-counter counted on some inputs.
  public mutating func count(counter nodeId: String, inputs: Int, objects: Int) {
    if let i = counters.firstIndex(where: { $0.nodeId == nodeId }) {
      counters[i].inputs += inputs
      counters[i].objects += objects
    } else {
      counters.append(Counter(nodeId: nodeId, inputs: inputs, objects: objects))
    }
  }

  /// Counts a batch's results. Annotations kept as column rows are counted in an array by writer
  /// and concept key, and added to the per-writer and per-concept counts once per batch.
  public mutating func add(_ results: [InputResult]) {
    var grid = ColumnCountGrid()
    for r in results {
      guard let rows = r.columnAnnotations else {
        add(r)
        continue
      }
      addOutcome(r)
      if grid.sources !== rows.sources {
        settle(grid)
        grid = ColumnCountGrid(rows.sources)
      }
      annotations += rows.count
      grid.add(rows)
    }
    settle(grid)
  }

  /// Adds what a grid counted.
  private mutating func settle(_ grid: ColumnCountGrid) {
    guard let sources = grid.sources else { return }
    for (w, writer) in sources.writers.enumerated() {
      let status = writer.writer.status.rawValue
      var total = 0
      for (s, columns) in sources.columns.enumerated() {
        for (k, key) in columns.keys.enumerated() {
          let n = grid.counts[grid.index(writer: w, source: s, key: k)]
          guard n > 0 else { continue }
          conceptCounts[key.name, default: [:]][status, default: 0] += n
          total += n
        }
      }
      if total > 0, let i = writerIndex[writer.node] { writers[i].byStatus[status, default: 0] += total }
    }
  }

  /// Counts one input's result.
  public mutating func add(_ r: InputResult) {
    addOutcome(r)
    if let rows = r.columnAnnotations {
      add(rows)
      return
    }
    annotations += r.annotationCount
    // Annotations come in runs of one writer and status, and often one concept: count runs, and
    // look each run up once.
    var lastNode = ""
    var w: Int?
    var nodeStatus = -1
    var nodePending = 0
    var lastConcept = ""
    var lastStatus = -1
    var pending = 0
    func settle() {
      if pending > 0 { conceptCounts[lastConcept, default: [:]][lastStatus, default: 0] += pending }
      pending = 0
    }
    func settleNode() {
      if nodePending > 0, let w { writers[w].byStatus[nodeStatus, default: 0] += nodePending }
      nodePending = 0
    }
    for a in r.annotations {
      if a.nodeId != lastNode || a.status != nodeStatus {
        settleNode()
        if a.nodeId != lastNode {
          lastNode = a.nodeId
          w = writerIndex[a.nodeId]
        }
        nodeStatus = a.status
      }
      nodePending += 1
      if a.conceptName != lastConcept || a.status != lastStatus {
        settle()
        lastConcept = a.conceptName
        lastStatus = a.status
      }
      pending += 1
    }
    settleNode()
    settle()
  }

  /// Counts an input, its regions, failure and object counts (not its annotations).
  private mutating func addOutcome(_ r: InputResult) {
    inputs += 1
    modelRegions += r.modelRegions
    if let e = r.error { failures.append(Failure(input: r.input, error: e)) }
    for c in r.counts { count(counter: c.nodeId, inputs: 1, objects: c.count) }
  }

  /// Counts annotations kept as column rows: runs of one writer and one concept key, looked up
  /// once per run.
  private mutating func add(_ a: ColumnAnnotations) {
    annotations += a.count
    var lastWriter: Int32 = -1
    var w: Int?
    var status = -1
    var nodePending = 0
    var lastSource: Int32 = -1
    var lastKey: Int32 = -1
    var conceptStatus = -1
    var pending = 0
    func settle() {
      if pending > 0 {
        let name = a.sources.columns[Int(lastSource)].keys[Int(lastKey)].name
        conceptCounts[name, default: [:]][conceptStatus, default: 0] += pending
      }
      pending = 0
    }
    func settleNode() {
      if nodePending > 0, let w { writers[w].byStatus[status, default: 0] += nodePending }
      nodePending = 0
    }
    for row in a.rows {
      if row.writer != lastWriter {
        settleNode()
        lastWriter = row.writer
        let writer = a.sources.writers[Int(row.writer)]
        w = writerIndex[writer.node]
        status = writer.writer.status.rawValue
      }
      nodePending += 1
      if row.key != lastKey || row.source != lastSource || status != conceptStatus {
        settle()
        (lastKey, lastSource, conceptStatus) = (row.key, row.source, status)
      }
      pending += 1
    }
    settleNode()
    settle()
  }
}

/// Column rows counted by (writer, columns, concept key), for the rows of one batch (which share
/// their `ColumnAnnotations.Sources`).
private struct ColumnCountGrid {
  let sources: ColumnAnnotations.Sources?
  /// Where each columns' keys start in a writer's stretch of `counts`.
  private let keyBase: [Int]
  private let keysPerWriter: Int
  var counts: [Int]

  init() {
    sources = nil
    keyBase = []
    keysPerWriter = 0
    counts = []
  }

  init(_ sources: ColumnAnnotations.Sources) {
    self.sources = sources
    var base: [Int] = []
    var total = 0
    for c in sources.columns {
      base.append(total)
      total += c.keys.count
    }
    keyBase = base
    keysPerWriter = total
    counts = [Int](repeating: 0, count: total * sources.writers.count)
  }

  @inline(__always)
  func index(writer: Int, source: Int, key: Int) -> Int { writer * keysPerWriter + keyBase[source] + key }

  mutating func add(_ a: ColumnAnnotations) {
    let (base, width) = (keyBase, keysPerWriter)
    counts.withUnsafeMutableBufferPointer { n in
      for row in a.rows { n[Int(row.writer) * width + base[Int(row.source)] + Int(row.key)] += 1 }
    }
  }
}
