import Foundation
import WeirCore

/// Why a decision was refused. Nothing is written when one of these is thrown.
public enum DecisionError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// The store has no annotation with this key.
  case noSuchAnnotation(AnnotationKey)
  /// The annotation already has a decision in force; `undo` it first.
  case alreadyDecided(current: StoredAnnotation)
  /// `undo` on an annotation with no decision in force.
  case notDecided(current: StoredAnnotation)
  /// The decision lacks what its action needs, or carries a box outside the image.
  case invalid(String)

  public var description: String {
    switch self {
    case .noSuchAnnotation(let key):
      return "no annotation '\(key.conceptId)' on region '\(key.regionId)' of input '\(key.inputId)' "
        + "(workflow '\(key.workflowId)', node '\(key.nodeId)') in the store"
    case .alreadyDecided(let current):
      let d = current.decision
      let who = d.map { " by \($0.reviewer) (\($0.action.rawValue))" } ?? ""
      return
        "the annotation '\(current.record.conceptName)' on input '\(current.record.inputId)' was already "
        + "decided\(who); undo that decision first"
    case .notDecided(let current):
      return "the annotation '\(current.record.conceptName)' on input '\(current.record.inputId)' has no "
        + "decision to undo"
    case .invalid(let reason):
      return "invalid decision: \(reason)"
    }
  }

  public var errorDescription: String? { description }
}
