/// Deterministic synthetic detector output for benchmarks and large tests: `images` inputs named
/// `img-000001.jpg`…, each with `regionsPerImage` boxes holding `concepts` with confidences drawn
/// uniformly from [0, 1) and rounded to 9 decimals, as Clarifai reports them (`0.999997377`). The
/// same parameters give the same bytes on every machine.
public struct SyntheticPredictions: Sendable {
  public var images: Int
  public var regionsPerImage: Int
  public var concepts: [String]
  /// How many concepts each region holds (the first drawn at random, then the next ones in order).
  public var conceptsPerRegion: Int
  public var seed: UInt64

  public init(
    images: Int = 10_000, regionsPerImage: Int = 10, concepts: [String] = ["cat", "dog"],
    conceptsPerRegion: Int = 1,
    seed: UInt64 = 1
  ) {
    self.images = images
    self.regionsPerImage = regionsPerImage
    self.concepts = concepts
    self.conceptsPerRegion = max(1, min(conceptsPerRegion, concepts.count))
    self.seed = seed
  }

  /// The id of image `i` (0-based).
  public static func inputId(_ i: Int) -> String {
    let n = String(i + 1)
    return "img-" + String(repeating: "0", count: max(0, 6 - n.count)) + n + ".jpg"
  }

  /// Calls `body` with each input and its prediction, in order.
  public func forEach(_ body: (InputItem, DataRecord) throws -> Void) rethrows {
    var rng = SplitMix64(seed: seed)
    for i in 0..<images {
      var regions: [Region] = []
      regions.reserveCapacity(regionsPerImage)
      for r in 0..<regionsPerImage {
        func coordinate(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
        let top = coordinate(rng.unit() * 0.8)
        let left = coordinate(rng.unit() * 0.8)
        let box = BoundingBox(
          topRow: top, leftCol: left, bottomRow: coordinate(top + 0.05 + rng.unit() * 0.15),
          rightCol: coordinate(left + 0.05 + rng.unit() * 0.15))
        let first = Int(rng.next() % UInt64(concepts.count))
        var cs: [Concept] = []
        for k in 0..<conceptsPerRegion {
          let name = concepts[(first + k) % concepts.count]
          cs.append(Concept(id: name, name: name, value: (rng.unit() * 1e9).rounded() / 1e9))
        }
        regions.append(Region(id: "r\(r)", boundingBox: box, concepts: cs, value: cs[0].value))
      }
      try body(InputItem(id: Self.inputId(i)), DataRecord(regions: regions))
    }
  }

  /// The predictions as weir JSON lines.
  public func jsonLines() -> String {
    var out = ""
    out.reserveCapacity(images * regionsPerImage * 200)
    forEach { input, record in
      out += "{\"input\":\"\(input.id)\",\"regions\":["
      for (k, region) in record.regions.enumerated() {
        if k > 0 { out += "," }
        let b = region.boundingBox!
        out +=
          "{\"id\":\"\(region.id)\",\"region_info\":{\"bounding_box\":{\"top_row\":\(b.topRow),\"left_col\":\(b.leftCol),"
        out += "\"bottom_row\":\(b.bottomRow),\"right_col\":\(b.rightCol)}},\"data\":{\"concepts\":["
        for (j, c) in region.concepts.enumerated() {
          if j > 0 { out += "," }
          out += "{\"id\":\"\(c.id)\",\"name\":\"\(c.name)\",\"value\":\(c.value)}"
        }
        out += "]},\"value\":\(region.value ?? 0)}"
      }
      out += "]}\n"
    }
    return out
  }
}

/// SplitMix64: a tiny, well-mixed generator whose sequence is fixed by its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A number in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A number in `0..<n` (`n` > 0).
  public mutating func next(below n: Int) -> Int { Int(next() % UInt64(n)) }
}
