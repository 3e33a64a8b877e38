@testable import WeirCore

/// Builds a `BandGraph` together with native-dialect text whose ranges the graph points into, so
/// rule tests see real lines and columns (and can carry suppression comments) without the parser.
struct GraphBuilder {
  private(set) var text = "weir: 1\nworkflow: test\nnodes:\n"
  private(set) var nodes: [BandNode] = []
  var inputBands = ConceptBands.none

  var file: SourceFile { SourceFile(path: "test.yaml", text: text) }
  var graph: BandGraph { BandGraph(nodes: nodes, inputBands: inputBands) }

  /// Appends `s` and returns the range it occupies.
  @discardableResult private mutating func put(_ s: String) -> SourceRange {
    let start = text.utf8.count
    text += s
    return SourceRange(start: start, end: text.utf8.count)
  }

  mutating func line(_ s: String) { put("  \(s)\n") }

  private mutating func header(_ id: String, type: String, inputs: [String], trailing: String) -> (
    Located<String>, [Located<String>]
  ) {
    put("  ")
    let idRange = put(id)
    put(":\(trailing.isEmpty ? "" : " \(trailing)")\n    type: \(type)\n")
    var located: [Located<String>] = []
    if !inputs.isEmpty {
      put("    input: [")
      for (i, input) in inputs.enumerated() {
        if i > 0 { put(", ") }
        located.append(Located(input, put(input)))
      }
      put("]\n")
    }
    return (Located(id, idRange), located)
  }

  mutating func model(
    _ id: String, concepts: [String]? = ["cat", "dog"], name: String = "pets",
    type: String = "visual-detector",
    predictsConcepts: Bool = true, regions: Bool = true, inputs: [String] = [], trailing: String = ""
  ) {
    let (idLoc, ins) = header(id, type: type, inputs: inputs, trailing: trailing)
    put("    model: \(name)\n")
    let spec = BandModel(
      name: name, concepts: concepts, predictsConcepts: predictsConcepts, predictsRegions: regions)
    nodes.append(BandNode(id: idLoc, type: type, inputs: ins, role: .model(spec)))
  }

  mutating func threshold(
    _ id: String, _ inputs: [String], _ comparator: ValueComparator?,
    _ values: KeyValuePairs<String, Double>,
    fallback: Double? = nil, trailing: String = ""
  ) {
    let (idLoc, ins) = header(id, type: "region-thresholder", inputs: inputs, trailing: trailing)
    put("    params:\n      concept_threshold_type: ")
    let cmp = comparator.map { Located($0, put($0.name)) }
    put("\n      concepts: {")
    var entries: [ConceptThreshold] = []
    for (i, (concept, value)) in values.enumerated() {
      if i > 0 { put(", ") }
      let c = put(concept)
      put(": ")
      let v = put(NumberText.format(value))
      entries.append(ConceptThreshold(concept: Located(concept, c), value: Located(value, v)))
    }
    put("}\n")
    var fb: Located<Double>?
    if let fallback {
      put("      default: ")
      fb = Located(fallback, put(NumberText.format(fallback)))
      put("\n")
    }
    let spec = ThresholdSpec(comparator: cmp, thresholds: entries, fallback: fb)
    nodes.append(BandNode(id: idLoc, type: "region-thresholder", inputs: ins, role: .thresholder(spec)))
  }

  mutating func writer(
    _ id: String, _ inputs: [String], _ status: AnnotationStatus?, user: String? = "bot",
    task: String? = "pets",
    trailing: String = ""
  ) {
    let (idLoc, ins) = header(id, type: "annotation-writer", inputs: inputs, trailing: trailing)
    put("    params:\n")
    var s: Located<AnnotationStatus>?
    if let status {
      put("      annotation_status: ")
      s = Located(status, put(status.name))
      put("\n")
    }
    var u: Located<String>?
    if let user {
      put("      annotation_user_id: ")
      u = Located(user, put(user))
      put("\n")
    }
    var t: Located<String>?
    if let task {
      put("      task_id: ")
      t = Located(task, put(task))
      put("\n")
    }
    nodes.append(
      BandNode(
        id: idLoc, type: "annotation-writer", inputs: ins,
        role: .writer(WriterSpec(status: s, userId: u, taskId: t))))
  }

  mutating func sample(_ id: String, _ inputs: [String], _ fraction: Double) {
    let (idLoc, ins) = header(id, type: "random-sample", inputs: inputs, trailing: "")
    put("    params: {keep_fraction: ")
    let f = put(NumberText.format(fraction))
    put("}\n")
    nodes.append(
      BandNode(
        id: idLoc, type: "random-sample", inputs: ins,
        role: .sampler(SamplerSpec(keepFraction: Located(fraction, f)))))
  }

  mutating func passThrough(_ id: String, _ inputs: [String], type: String = "image-crop") {
    let (idLoc, ins) = header(id, type: type, inputs: inputs, trailing: "")
    nodes.append(BandNode(id: idLoc, type: type, inputs: ins, role: .passThrough))
  }

  /// The reference auto-annotation workflow (Design.md §1), with its thresholds as parameters.
  static func reference(
    accept: Double = 0.95, review: Double = 0.5, sure: ValueComparator = .greaterThan,
    unsure: ValueComparator = .lessThanOrEqual
  ) -> GraphBuilder {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("sure", ["detect"], sure, ["cat": accept, "dog": accept])
    b.writer("write-sure", ["sure"], .success)
    b.threshold("unsure", ["detect"], unsure, ["cat": accept, "dog": accept])
    b.threshold("plausible", ["unsure"], .greaterThan, ["cat": review, "dog": review])
    b.writer("write-review", ["plausible"], .awaitingReview)
    return b
  }

  /// Lints and renders findings as `line:col: severity: message [id]` with indented notes.
  func lint(_ linter: Linter = Linter()) -> String {
    Self.render(linter.lint(graph, file: file), file)
  }

  static func render(_ diagnostics: [Diagnostic], _ file: SourceFile) -> String {
    diagnostics.map { d in
      let at = d.range.map { r in file.location(of: r.start) }.map { "\($0.line):\($0.column)" } ?? "-"
      var s = "\(at): \(d.severity): \(d.message) [\(d.id)]"
      for n in d.notes {
        let nat = n.range.map { r in file.location(of: r.start) }.map { "\($0.line):\($0.column): " } ?? ""
        s += "\n  \(nat)note: \(n.message)"
      }
      for f in d.fixIts { s += "\n  fix-it: \(f.message): '\(file.slice(f.range))' -> '\(f.replacement)'" }
      return s
    }.joined(separator: "\n")
  }
}
