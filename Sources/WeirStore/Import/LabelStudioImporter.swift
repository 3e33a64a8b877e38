import Foundation
import WeirCore

/// Reads a Label Studio JSON export of tasks that weir exported (`data.weir_input_id` in each).
///
/// A task counts as reviewed when it has an annotation a person submitted (one with `completed_by`,
/// `created_at` or `updated_at`, and not `was_cancelled`); the latest such annotation is the
/// reviewer's answer. Each review row the task offered as a prediction is then accepted when its result (same `id`)
/// is there unchanged, relabelled or corrected when its label or box changed, and rejected when it
/// was deleted. A task with no submitted annotation decides nothing.
struct LabelStudioImporter {
  let path: String
  let source: String
  let now: Date

  typealias JSONObject = [String: Any]

  func plan(_ data: Data, store: any ReviewStore) throws -> ImportPlan {
    guard let tasks = (try? JSONSerialization.jsonObject(with: data)) as? [Any] else {
      throw malformed("the file", "expected a JSON array of tasks")
    }
    var reviewed: [(input: String, answer: JSONObject, offered: Set<String>)] = []
    var inputs: [String] = []
    var untouched = 0
    for (i, item) in tasks.enumerated() {
      guard let task = item as? JSONObject else { throw malformed("task \(i + 1)", "not an object") }
      guard let input = (task["data"] as? JSONObject)?["weir_input_id"] as? String else {
        throw malformed("task \(i + 1)", "no data.weir_input_id (weir writes it into every task it exports)")
      }
      inputs.append(input)
      guard let answer = try latestAnswer(task, at: "task \(i + 1)") else {
        untouched += 1
        continue
      }
      reviewed.append((input, answer, try offered(task, at: "task \(i + 1)")))
    }
    let unknown = try AnnotationImporter.unknown(inputs, in: store)
    guard unknown.isEmpty else { throw ImportError.unknownInputs(path: path, inputs: unknown) }
    let rows = try AnnotationImporter.reviewable(reviewed.map(\.input), in: store)
    var decisions: [ReviewDecision] = []
    for (n, (input, answer, offered)) in reviewed.enumerated() {
      let kept = try results(answer, at: "task for '\(input)' (\(n + 1) reviewed)")
      let reviewer = Self.reviewer(answer["completed_by"])
      let time =
        AnnotationImporter.time(answer["updated_at"] as? String)
        ?? AnnotationImporter.time(answer["created_at"] as? String) ?? now
      for (row, prediction) in rows[input] ?? [] {
        let id = row.key.regionId.isEmpty ? row.key.conceptId : "\(row.key.regionId)-\(row.key.conceptId)"
        // Only what the task offered for review: a row the export left out was never seen.
        guard offered.contains(id) else { continue }
        decisions.append(
          AnnotationImporter.decision(
            for: row, prediction: prediction, kept: kept[id], reviewer: reviewer, time: time, source: source))
      }
    }
    return ImportPlan(decisions: decisions, untouched: untouched)
  }

  /// The ids of the results the task's predictions offered for review.
  func offered(_ task: JSONObject, at location: String) throws -> Set<String> {
    guard let list = task["predictions"] else { return [] }
    guard let predictions = list as? [Any] else { throw malformed(location, "'predictions' is not a list") }
    var ids: Set<String> = []
    for p in predictions {
      for r in (p as? JSONObject)?["result"] as? [Any] ?? [] {
        if let id = (r as? JSONObject)?["id"] as? String { ids.insert(id) }
      }
    }
    return ids
  }

  /// The latest annotation a person submitted, or nil.
  func latestAnswer(_ task: JSONObject, at location: String) throws -> JSONObject? {
    guard let list = task["annotations"] else { return nil }
    guard let annotations = list as? [Any] else { throw malformed(location, "'annotations' is not a list") }
    var best: (JSONObject, Date?)?
    for item in annotations {
      guard let a = item as? JSONObject else { throw malformed(location, "an annotation is not an object") }
      let byPerson = a["completed_by"] != nil || a["created_at"] != nil || a["updated_at"] != nil
      guard byPerson, (a["was_cancelled"] as? Bool) != true else { continue }
      let time =
        AnnotationImporter.time(a["updated_at"] as? String)
        ?? AnnotationImporter.time(a["created_at"] as? String)
      if let b = best, let t = time, let bt = b.1, t < bt { continue }
      best = (a, time)
    }
    return best?.0
  }

  /// The answer's results by id: the concept and (for a rectangle) the box.
  func results(_ answer: JSONObject, at location: String) throws -> [String: (
    concept: String, box: BoundingBox?
  )] {
    guard let list = answer["result"] as? [Any] else {
      throw malformed(location, "the annotation has no 'result' list")
    }
    var kept: [String: (concept: String, box: BoundingBox?)] = [:]
    for item in list {
      guard let r = item as? JSONObject, let id = r["id"] as? String, let value = r["value"] as? JSONObject
      else {
        throw malformed(location, "a result without 'id' or 'value'")
      }
      let labels = (value["rectanglelabels"] as? [String]) ?? (value["choices"] as? [String]) ?? []
      guard let concept = labels.first, !concept.isEmpty else {
        throw malformed(location, "result '\(id)' has no label")
      }
      var box: BoundingBox?
      if let x = Self.number(value["x"]), let y = Self.number(value["y"]),
        let w = Self.number(value["width"]),
        let h = Self.number(value["height"])
      {
        box = BoundingBox(
          topRow: y / 100, leftCol: x / 100, bottomRow: (y + h) / 100, rightCol: (x + w) / 100)
      }
      kept[id] = (concept, box)
    }
    return kept
  }

  static func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }

  /// `completed_by` as Label Studio writes it: an object with an email, a user number or a name.
  static func reviewer(_ v: Any?) -> String {
    if let o = v as? JSONObject {
      if let email = o["email"] as? String, !email.isEmpty { return email }
      if let id = o["id"] { return "labelstudio-user-\(id)" }
    }
    if let s = v as? String, !s.isEmpty { return s }
    if let n = v as? NSNumber { return "labelstudio-user-\(n.intValue)" }
    return "labelstudio"
  }

  func malformed(_ location: String, _ reason: String) -> ImportError {
    ImportError.malformed(path: path, format: .labelstudio, location: location, reason: reason)
  }
}
