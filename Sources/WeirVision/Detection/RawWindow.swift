/// A window that passed every stage, in image coordinates (before grouping).
struct RawWindow: Sendable, Hashable {
  var x: Int
  var y: Int
  var width: Int
  var height: Int
  /// The last stage's sum.
  var levelWeight: Double
}
