/// OpenCV's `groupRectangles` with reject levels and level weights, followed by `clipObjects`
/// (ALGORITHM.md §2.3 step 8), over windows that all passed every stage.
struct RectangleGrouping {
  /// OpenCV's `GROUP_EPS` for `detectMultiScale`.
  static let epsilon = 0.2

  /// Accepted windows merged into boxes: clusters with more than `minNeighbors` members, minus
  /// those inside a stronger cluster, clipped to `imageWidth × imageHeight`. With
  /// `minNeighbors ≤ 0` the windows are returned as they are (clipped), each with 1 neighbour.
  static func group(
    _ windows: [RawWindow], minNeighbors: Int, rejectLevel: Int, imageWidth: Int, imageHeight: Int
  ) -> [Detection] {
    let grouped: [Detection]
    if minNeighbors <= 0 {
      grouped = windows.map {
        Detection(
          x: $0.x, y: $0.y, width: $0.width, height: $0.height, levelWeight: $0.levelWeight, neighbors: 1,
          rejectLevel: rejectLevel)
      }
    } else {
      grouped = merge(windows, threshold: minNeighbors, rejectLevel: rejectLevel)
    }
    return grouped.compactMap { clip($0, width: imageWidth, height: imageHeight) }
  }

  /// Partitions into similarity classes, averages each, then filters (see ``group``).
  private static func merge(_ windows: [RawWindow], threshold: Int, rejectLevel: Int) -> [Detection] {
    let labels = partition(windows)
    let classCount = (labels.max() ?? -1) + 1
    var sums = [(x: Int, y: Int, width: Int, height: Int)](repeating: (0, 0, 0, 0), count: classCount)
    var counts = [Int](repeating: 0, count: classCount)
    // All windows share the reject level, so a class's levelWeight is its members' maximum.
    var weights = [Double](repeating: -Double.greatestFiniteMagnitude, count: classCount)
    for (window, label) in zip(windows, labels) {
      sums[label].x += window.x
      sums[label].y += window.y
      sums[label].width += window.width
      sums[label].height += window.height
      counts[label] += 1
      weights[label] = max(weights[label], window.levelWeight)
    }
    // Averages as OpenCV computes them: Float sum × Float(1/n), rounded half to even.
    let boxes = (0..<classCount).map { label in
      let inverse = 1 / Float(counts[label])
      let s = sums[label]
      return (
        x: roundHalfEven(Float(s.x) * inverse), y: roundHalfEven(Float(s.y) * inverse),
        width: roundHalfEven(Float(s.width) * inverse), height: roundHalfEven(Float(s.height) * inverse)
      )
    }
    var result: [Detection] = []
    for i in 0..<classCount where counts[i] > threshold {
      let r1 = boxes[i], n1 = counts[i]
      let swallowed = (0..<classCount).contains { j in
        guard j != i, counts[j] > threshold else { return false }
        let r2 = boxes[j], n2 = counts[j]
        let dx = roundHalfEven(Double(r2.width) * epsilon), dy = roundHalfEven(Double(r2.height) * epsilon)
        return r1.x >= r2.x - dx && r1.y >= r2.y - dy && r1.x + r1.width <= r2.x + r2.width + dx
          && r1.y + r1.height <= r2.y + r2.height + dy && (n2 > max(3, n1) || n1 < 3)
      }
      if !swallowed {
        result.append(
          Detection(
            x: r1.x, y: r1.y, width: r1.width, height: r1.height, levelWeight: weights[i], neighbors: n1,
            rejectLevel: rejectLevel))
      }
    }
    return result
  }

  /// OpenCV's `partition` with `SimilarRects(eps)`: the transitive closure of "all four edges
  /// within `eps·(min widths + min heights)/2`". Labels are numbered by first appearance.
  static func partition(_ windows: [RawWindow]) -> [Int] {
    var parent = Array(windows.indices)
    func root(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    for i in windows.indices {
      for j in (i + 1)..<windows.count where similar(windows[i], windows[j]) {
        let a = root(i), b = root(j)
        if a != b { parent[a] = b }
      }
    }
    var labelOfRoot: [Int: Int] = [:]
    return windows.indices.map { i in
      let r = root(i)
      if let label = labelOfRoot[r] { return label }
      let label = labelOfRoot.count
      labelOfRoot[r] = label
      return label
    }
  }

  private static func similar(_ a: RawWindow, _ b: RawWindow) -> Bool {
    let delta = epsilon * Double(min(a.width, b.width) + min(a.height, b.height)) * 0.5
    return Double(abs(a.x - b.x)) <= delta && Double(abs(a.y - b.y)) <= delta
      && Double(abs(a.x + a.width - b.x - b.width)) <= delta
      && Double(abs(a.y + a.height - b.y - b.height)) <= delta
  }

  /// The part of `box` inside the image, or `nil` if nothing is (OpenCV's `clipObjects`).
  private static func clip(_ box: Detection, width: Int, height: Int) -> Detection? {
    let x0 = max(box.x, 0), y0 = max(box.y, 0)
    let x1 = min(box.x + box.width, width), y1 = min(box.y + box.height, height)
    guard x1 > x0, y1 > y0 else { return nil }
    var clipped = box
    clipped.x = x0
    clipped.y = y0
    clipped.width = x1 - x0
    clipped.height = y1 - y0
    return clipped
  }
}
