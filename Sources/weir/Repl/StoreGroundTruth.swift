import Foundation
import WeirCore
import WeirREPL
import WeirStore

/// An annotation store's reviewed labels as the REPL's ground truth (`truth weir.db`,
/// `--truth postgresql://…`), read through `AnnotationReader`, so any store that implements it works.
///
/// True objects are the store's accepted boxes with the label and box they have now: rows the
/// workflow accepted (`ANNOTATION_SUCCESS`) and predictions a reviewer accepted, relabelled or
/// corrected. A rejected prediction is no object. Only inputs a reviewer decided something on are
/// covered: elsewhere the predictions still waiting for review say nothing of what is there. The
/// decisions on review items also give `sweep` what reviewers kept per confidence band.
enum StoreGroundTruth {
  static func read(_ location: String, shown: String) -> Result<GroundTruth, GroundTruthError> {
    do {
      let store = try StoreOpening.reader(location)
      let set = try store.exportSet(
        AnnotationFilter(), classes: ClassMap(names: [], origin: "ground truth"), options: ExportOptions())
      return build(set, shown: StoreOpening.displayName(shown))
    } catch {
      return .failure(GroundTruthError(path: StoreOpening.displayName(shown), message: "\(error)"))
    }
  }

  static func build(_ set: ExportSet, shown: String) -> Result<GroundTruth, GroundTruthError> {
    let reviewed = Set(set.annotations.filter { $0.decision != nil }.map(\.record.inputId))
    guard !reviewed.isEmpty else {
      return .failure(
        GroundTruthError(
          path: shown,
          message: "the store holds no review decisions, so its labels are only the model's own predictions; "
            + "review them first (weir review, or weir annotations import of a reviewed export)"))
    }
    var images: [String: [GroundTruth.Object]] = [:]
    for input in reviewed { images[input] = [] }
    var reviews: [ReviewedPrediction] = []
    var concepts: Set<String> = []
    for a in set.annotations where reviewed.contains(a.record.inputId) {
      if let decision = a.decision, decision.predictedStatus == AnnotationStatus.awaitingReview.rawValue {
        let kept = decision.action == .accept || decision.action == .correct
        reviews.append(
          ReviewedPrediction(
            concept: decision.predictedConceptId, confidence: a.record.confidence, kept: kept))
      }
      guard a.record.status == AnnotationStatus.success.rawValue, let box = a.record.box else { continue }
      images[a.record.inputId, default: []].append(.init(concept: a.record.conceptName, box: box))
      concepts.insert(a.record.conceptName)
    }
    return .success(GroundTruth(path: shown, images: images, categories: concepts.sorted(), reviews: reviews))
  }
}
