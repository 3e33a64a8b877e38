/// For one concept, what happens to each confidence a model predicts: written as accepted, as
/// awaiting review, …, written twice with different statuses, or dropped.
public struct ConceptCoverage: Sendable {
  /// The concept's name; `nil` stands for every concept not tracked by name.
  public var concept: String?
  /// The confidences models predict for it.
  public var predicted: IntervalSet
  /// Each writer that writes it, in source order, with the band it writes.
  public var writers: [(writer: WriterBand, band: IntervalSet)]
  /// Per status, the union of the bands of the writers with that status.
  public var byStatus: [AnnotationStatus: IntervalSet]
  /// Confidences some writer writes.
  public var written: IntervalSet
  /// Confidences written by two writers with different statuses.
  public var conflicting: IntervalSet

  /// Confidences predicted that no writer writes.
  public var dropped: IntervalSet { predicted.subtracting(written) }

  /// `cat`, or `other concepts`.
  public var label: String { concept ?? "other concepts" }

  /// The band written with `status` (empty when none).
  public func band(_ status: AnnotationStatus) -> IntervalSet { byStatus[status] ?? .empty }
}

extension BandAnalysis {
  /// Per concept that some writer writes, what happens to its confidences; concepts in the order the
  /// models declare them, then the rest by name, then other concepts.
  func computeCoverage() -> [ConceptCoverage] {
    let writers = self.writers
    guard !writers.isEmpty else { return [] }
    var names: [String] = []
    for node in graph.nodes { names += node.model?.concepts ?? [] }
    for w in writers { names += w.bands.presentConcepts.sorted() }
    var seen = Set<String>()
    var keys: [String?] = names.filter { seen.insert($0).inserted }
    keys.append(nil)
    return keys.compactMap { concept in
      let bands = writers.map { w in (writer: w, band: concept.map { w.bands.band($0) } ?? w.bands.others) }
      let writing = bands.filter { !$0.band.isEmpty }
      guard !writing.isEmpty else { return nil }
      return Self.coverage(concept, predicted: predicted(concept), writers: writing)
    }
  }

  static func coverage(
    _ concept: String?, predicted: IntervalSet, writers: [(writer: WriterBand, band: IntervalSet)]
  ) -> ConceptCoverage {
    var byStatus: [AnnotationStatus: IntervalSet] = [:]
    var written = IntervalSet.empty
    var conflicting = IntervalSet.empty
    for (i, a) in writers.enumerated() {
      written = written.union(a.band)
      if let s = a.writer.status { byStatus[s] = (byStatus[s] ?? .empty).union(a.band) }
      for b in writers[(i + 1)...] where a.writer.status != b.writer.status {
        conflicting = conflicting.union(a.band.intersection(b.band))
      }
    }
    return ConceptCoverage(
      concept: concept, predicted: predicted.union(written), writers: writers, byStatus: byStatus,
      written: written,
      conflicting: conflicting)
  }
}
