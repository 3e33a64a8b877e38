extension OperatorDescriptor {
  /// The runtime operator a descriptor stands for; `nil` for an opaque descriptor, whose
  /// registration builds the operator itself.
  public func runtimeOperator() throws(OperatorConfigError) -> (any Operator)? {
    switch self {
    case .threshold(let t):
      switch t.scope {
      case .regions: return RegionThresholder(thresholds: t.conceptThresholds)
      case .concepts: return ConceptThresholder(thresholds: t.conceptThresholds)
      }
    case .write(let w):
      return AnnotationWriter(w)
    case .sample(let s):
      try checkRuntimeOperator()
      return RandomSample(keepFraction: s.keepFraction?.value ?? 0, seed: s.seed?.value ?? 0)
    case .count(let c):
      return ObjectCounter(concepts: c.concepts)
    case .passThrough:
      return PassThrough()
    case .opaque:
      return nil
    }
  }

  /// Throws what `runtimeOperator()` would throw, without building the operator.
  public func checkRuntimeOperator() throws(OperatorConfigError) {
    if case .sample(let s) = self, s.keepFraction == nil {
      throw OperatorConfigError("a random sample needs 'keep_fraction'")
    }
  }
}
