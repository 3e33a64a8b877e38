import WeirCore

/// One command typed at the REPL, parsed (Documentation/REPL.md lists them all).
///
/// Names of vars, nodes and parameters are kept as written: whether `a.b.c` is the parameter `b.c`
/// of node `a` or the parameter `c` of node `a.b` depends on the loaded workflow (Clarifai node ids
/// may contain dots), so the session resolves them, not the parser.
public enum ReplRequest: Equatable, Sendable {
  /// `help [COMMAND]`.
  case help(command: String?)
  /// `load FILE`.
  case load(path: String)
  /// `reload`: re-read the workflow file, keeping model outputs whose model config did not change.
  case reload
  /// `inputs [PATH|GLOB…]`: with no argument, lists the current inputs.
  case inputs(patterns: [String])
  /// `truth FILE`: a COCO annotations file as ground truth.
  case truth(path: String)
  /// `run`.
  case run
  /// `set NAME = VALUE` or `set NODE.PARAM = VALUE`; the value as typed (YAML flow syntax).
  case set(name: String, value: String)
  /// `unset NAME`: back to the value in the file.
  case unset(name: String)
  /// `vars`.
  case vars
  /// `sweep NAME FROM..TO step S | N points [--iou X] [--plot FILE]`.
  case sweep(SweepRequest)
  /// `show NODE`.
  case show(node: String)
  /// `explain INPUT`.
  case explain(input: String)
  /// `diff`.
  case diff
  /// `plan`.
  case plan
  /// `check`.
  case check
  /// `lint`.
  case lint
  /// `save [FILE]`.
  case save(path: String?)
  /// `quit`.
  case quit
}

/// What `sweep` was asked to do.
public struct SweepRequest: Equatable, Sendable {
  /// The var or `NODE.PARAM` swept, as typed.
  public var name: String
  public var from: Double
  public var to: Double
  public var spacing: Spacing
  /// The IoU at which a prediction matches a true object (`--iou`, default 0.5).
  public var iou: Double
  /// Where to write a plot (`--plot FILE.svg|png`).
  public var plotPath: String?

  /// How the values between `from` and `to` are chosen.
  public enum Spacing: Equatable, Sendable {
    /// `step S`: from, from+S, … up to and including `to` (within rounding).
    case step(Double)
    /// `N points`: N values evenly spaced, both ends included.
    case points(Int)
  }

  public init(
    name: String, from: Double, to: Double, spacing: Spacing, iou: Double = 0.5, plotPath: String? = nil
  ) {
    self.name = name
    self.from = from
    self.to = to
    self.spacing = spacing
    self.iou = iou
    self.plotPath = plotPath
  }

  /// The most points one sweep may have; more is almost surely a typo in the step.
  public static let maxPoints = 1000

  /// The values swept, in order. Steps are computed as `from + i·step` (not by repeated addition)
  /// and rounded to 12 significant digits, so `0.5..0.95 step 0.05` ends exactly at 0.95.
  public var values: [Double] {
    switch spacing {
    case .step(let step):
      return (0..<count).map { Self.tidy(from + Double($0) * step) }
    case .points(let n):
      if n == 1 { return [from] }
      return (0..<n).map { Self.tidy(from + (to - from) * Double($0) / Double(n - 1)) }
    }
  }

  /// How many values the sweep has; with a step, the last one is the largest not past `to`
  /// (allowing for rounding, so `0.5..0.95 step 0.05` has 10).
  public var count: Int {
    switch spacing {
    case .step(let step): return max(0, Int(((to - from) / step + 1e-9).rounded(.down)) + 1)
    case .points(let n): return n
    }
  }

  /// Removes binary noise such as 0.15000000000000002.
  static func tidy(_ x: Double) -> Double {
    guard x != 0, x.isFinite else { return x }
    return Double(String(format: "%.12g", x)) ?? x
  }
}
