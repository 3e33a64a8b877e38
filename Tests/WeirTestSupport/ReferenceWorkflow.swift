import Foundation

/// The reference auto-annotation workflow (Design.md §1), read from `examples/auto-annotation/` so
/// tests check the same file users copy instead of copies of their own.
public enum ReferenceWorkflow {
  /// The folder holding the workflow in both dialects and its recorded predictions.
  public static let folder = Repository.url("examples/auto-annotation")
  /// The native dialect: `examples/auto-annotation/workflow.yaml`.
  public static let nativeURL = folder.appendingPathComponent("workflow.yaml")
  /// Clarifai's dialect: `examples/auto-annotation/clarifai.yaml`.
  public static let clarifaiURL = folder.appendingPathComponent("clarifai.yaml")
  /// The recorded detector output the native workflow replays.
  public static let predictionsURL = folder.appendingPathComponent("predictions.json")

  /// The native workflow's text.
  public static var native: String { text(nativeURL) }
  /// The Clarifai workflow's text.
  public static var clarifai: String { text(clarifaiURL) }

  /// The reference thresholds over predictions replayed from `predictions.jsonl` beside the
  /// workflow (what `weir bench gen` writes), named `name`: for tests of volume and long runs.
  public static func replayed(name: String) -> String {
    """
    weir: 1
    workflow: \(name)
    vars: {accept: 0.95, review: 0.60}
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: predictions.jsonl}}
    nodes:
      detect: {model: pets}
      sure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $accept, dog: $accept}}
      write-sure: {type: annotation-writer, input: sure, params: {annotation_status: ANNOTATION_SUCCESS}}
      unsure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: LESS_THAN_OR_EQUAL, concepts: {cat: $accept, dog: $accept}}
      plausible:
        type: region-thresholder
        input: unsure
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $review, dog: $review}}
      write-review:
        type: annotation-writer
        input: plausible
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW}

    """
  }

  private static func text(_ url: URL) -> String {
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      // The example is part of the repository; a test cannot run without it.
      preconditionFailure("cannot read \(url.path): \(error)")
    }
  }
}
