import WeirCore

/// The part of a workflow that decides where each prediction goes, reduced to what a fast run
/// needs: model nodes, thresholders and annotation writers, in dependency order, values resolved.
///
/// Only nodes that lead to a writer are kept: a node no writer reads from cannot change what is
/// written. Workflows where such a node is anything else (an image-crop, a random-sample, a
/// classifier after a crop) are run by the interpreter instead (`PipelineCompiler`).
public struct PipelineSpec: Sendable, Equatable {
  /// One node of the reduced graph.
  public struct Step: Sendable, Equatable {
    public var node: String
    /// The step this one reads (an index into `steps`, always earlier); `nil` for model steps.
    public var parent: Int?
    public var operation: Operation
  }

  /// What a step does with the predictions that reach it.
  public enum Operation: Sendable, Equatable {
    /// A model node: its cached output is where predictions come from.
    case model
    /// A region-thresholder: keeps a region's concept when `value <comparison> threshold` holds for
    /// that concept's threshold. Input-level concepts pass through untouched.
    case regionThreshold(Thresholds)
    /// A concept-thresholder: the same over input-level concepts; regions pass through untouched.
    case conceptThreshold(Thresholds)
    /// An annotation-writer: writes every prediction that reaches it, with this status.
    case write(AnnotationStatus)
  }

  /// A thresholder's settings.
  public struct Thresholds: Sendable, Equatable {
    public var comparison: ValueComparator
    /// Thresholds by concept id (or name).
    public var perConcept: [String: Double]
    /// `default_threshold`: for concepts not in `perConcept`. Without it they are removed.
    public var fallback: Double?
  }

  public var steps: [Step]

  /// Indices of the writer steps, in order.
  public var writerSteps: [Int] {
    steps.indices.filter { if case .write = steps[$0].operation { return true } else { return false } }
  }

  /// Indices of the model steps, in order.
  public var modelSteps: [Int] {
    steps.indices.filter { steps[$0].operation == .model }
  }
}
