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
    // A writer with no (understood) status is a group of its own, as a status of its own.
    var byGroup: [AnnotationStatus?: IntervalSet] = [:]
    var written = IntervalSet.empty
    for a in writers {
      written = written.union(a.band)
      if let s = a.writer.status { byStatus[s] = (byStatus[s] ?? .empty).union(a.band) }
      byGroup[a.writer.status] = (byGroup[a.writer.status] ?? .empty).union(a.band)
    }
    // Two writers with different statuses both write x exactly when x is in the union of each
    // status's bands, for two statuses: a pass over status pairs, not over writer pairs.
    var conflicting = IntervalSet.empty
    let unions = Array(byGroup.values)
    for (i, a) in unions.enumerated() {
      for b in unions[(i + 1)...] { conflicting = conflicting.union(a.intersection(b)) }
    }
    return ConceptCoverage(
      concept: concept, predicted: predicted.union(written), writers: writers, byStatus: byStatus,
      written: written,
      conflicting: conflicting)
  }
}
