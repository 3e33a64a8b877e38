import Foundation
import WeirCore

/// What a decision does to an annotation, whatever store holds it: the checks that refuse it and
/// what to write. The SQLite store and the PostgreSQL store (WeirPostgres) both read the annotation
/// as labelled now inside their transaction, ask ``step(for:current:skipSame:)``, and write what it
/// says, so the two cannot disagree on a status, a conflict or a re-import.
public enum DecisionRules {
  /// What to write for one decision.
  public enum Step: Sendable, Hashable {
    /// Append the decision with this status (nil for an undo) and, for an undo, the number of the
    /// decision it takes back; then put the new decision in force (an undo clears it).
    case write(status: Int?, undoes: Int64?)
    /// The same decision is in force already (only asked with `skipSame`): nothing to write.
    case skip
  }

  /// The step for `d` on the annotation `current` (as labelled now, with the decision in force).
  ///
  /// Throws ``DecisionError/notDecided(current:)`` for an undo with nothing to undo,
  /// ``DecisionError/alreadyDecided(current:)`` for a decision on a decided annotation (unless
  /// `skipSame` and it is the same decision), and ``DecisionError/invalid(_:)``.
  public static func step(for d: ReviewDecision, current: StoredAnnotation, skipSame: Bool) throws -> Step {
    let inForce = current.decision?.id
    if d.action == .undo {
      guard let inForce else { throw DecisionError.notDecided(current: current) }
      return .write(status: nil, undoes: inForce)
    }
    try validate(d)
    if inForce != nil {
      if skipSame && same(d, as: current) { return .skip }
      throw DecisionError.alreadyDecided(current: current)
    }
    return .write(status: d.action.status?.rawValue, undoes: nil)
  }

  /// What each action needs: a concept to relabel, a box to correct, boxes inside the image.
  public static func validate(_ d: ReviewDecision) throws {
    if d.reviewer.trimmingCharacters(in: .whitespaces).isEmpty {
      throw DecisionError.invalid("a decision needs a reviewer id")
    }
    switch d.action {
    case .relabel where d.concept == nil:
      throw DecisionError.invalid("relabel needs the new concept")
    case .correct where d.box == nil:
      throw DecisionError.invalid("correct needs the new box")
    case .accept, .reject:
      if d.concept != nil || d.box != nil {
        throw DecisionError.invalid(
          "\(d.action.rawValue) takes no concept or box; relabel or correct instead")
      }
    default: break
    }
    if let c = d.concept, c.id.isEmpty || c.name.isEmpty {
      throw DecisionError.invalid("the new concept needs an id and a name")
    }
    if let b = d.box {
      let inside = [b.topRow, b.leftCol, b.bottomRow, b.rightCol].allSatisfy {
        $0.isFinite && $0 >= 0 && $0 <= 1
      }
      guard inside, b.topRow < b.bottomRow, b.leftCol < b.rightCol else {
        throw DecisionError.invalid(
          "the box must lie in [0, 1] with top < bottom and left < right, not "
            + "(\(b.topRow), \(b.leftCol), \(b.bottomRow), \(b.rightCol))")
      }
    }
  }

  /// Whether `d` would give the label `current` already has.
  public static func same(_ d: ReviewDecision, as current: StoredAnnotation) -> Bool {
    guard let status = d.action.status, current.record.status == status.rawValue else { return false }
    if let c = d.concept, c.id != current.record.conceptId { return false }
    if let b = d.box, let now = current.record.box {
      let close = { (x: Double, y: Double) in abs(x - y) < 1e-6 }
      return close(b.topRow, now.topRow) && close(b.leftCol, now.leftCol) && close(b.bottomRow, now.bottomRow)
        && close(b.rightCol, now.rightCol)
    }
    return d.box == nil
  }
}
