import Foundation
import WeirCore
import WeirDriver
import WeirStore

/// The confidence bands of the workflows that wrote a store, read through the driver from the
/// workflow files the `runs` table names (the latest run of each workflow, with its vars). A workflow whose file
/// is gone, or no longer checks, has no bands: its annotations are shown without one.
public struct WorkflowBands: Sendable {
  /// Workflow id → writer node id → what the writer writes, per concept.
  var writers: [String: [String: WriterBand]] = [:]
  /// The concepts the workflows name, in first-seen order.
  public private(set) var concepts: [String] = []

  public init() {}

  /// Reads the latest run's file of each workflow in `runs`, relative paths from the current folder
  /// or else from `storeFolder`.
  public static func load(runs: [StoredRun], storeFolder: String) -> WorkflowBands {
    var bands = WorkflowBands()
    var latest: [String: StoredRun] = [:]
    for run in runs { latest[run.info.workflowId] = run }
    for (workflowId, run) in latest.sorted(by: { $0.key < $1.key }) {
      // The vars the run used (its --set values too), so the bands are the run's.
      let sets = run.info.vars.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      guard let driver = try? Driver(sets: sets),
        let path = existing(run.info.workflowPath, storeFolder: storeFolder),
        case .success(let file) = driver.read(path),
        let libraries = try? driver.libraries(for: [path]),
        let analysis = driver.bands(file, library: libraries.library(for: path)).bands
      else { continue }
      var byWriter: [String: WriterBand] = [:]
      for writer in analysis.writers {
        byWriter[writer.id] = writer
        for concept in writer.bands.presentConcepts where !bands.concepts.contains(concept) {
          bands.concepts.append(concept)
        }
      }
      bands.writers[workflowId] = byWriter
    }
    return bands
  }

  /// "review: (0.5, 0.95] of write-review": the band of the writer that wrote `annotation` in which
  /// its confidence fell; nil without the workflow file or when no band holds it.
  public func label(for annotation: StoredAnnotation) -> String? {
    label(
      key: annotation.key, conceptName: annotation.record.conceptName,
      confidence: annotation.record.confidence)
  }

  /// The band label of a prediction given by its key, concept name and confidence.
  public func label(key: AnnotationKey, conceptName: String, confidence: Double) -> String? {
    guard let writer = writers[key.workflowId]?[key.nodeId] else { return nil }
    var band = writer.bands.band(key.conceptId)
    if band.isEmpty { band = writer.bands.band(conceptName) }
    guard let interval = band.intervals.first(where: { $0.contains(confidence) }) else { return nil }
    let kind = Self.kind(writer.status)
    return "\(kind): \(IntervalSet([interval])) of \(writer.id)"
  }

  /// The band's name as a reviewer reads it.
  static func kind(_ status: AnnotationStatus?) -> String {
    switch status {
    case .success: return "accept"
    case .awaitingReview, .awaitingConsensusReview: return "review"
    case .pending: return "pending"
    case .reviewDenied: return "denied"
    case nil: return "written"
    }
  }

  static func existing(_ path: String, storeFolder: String) -> String? {
    let fm = FileManager.default
    if fm.fileExists(atPath: path) { return path }
    guard !path.hasPrefix("/") else { return nil }
    let beside = (storeFolder as NSString).appendingPathComponent(path)
    return fm.fileExists(atPath: beside) ? beside : nil
  }
}
