import Foundation

extension DecoderLayout {
  /// The candidates of batch item `item` scoring at least `floor`, in input-tensor pixels. Throws
  /// `.inference` when a class id (SSD) is not a class of the model.
  public func decode(
    _ outputs: [OutputTensor], item: Int, inputWidth: Int, inputHeight: Int, floor: Float, labelCount: Int?
  ) throws(OpenVINOError) -> [Candidate] {
    let (w, h) = (Double(inputWidth), Double(inputHeight))
    switch decoder {
    case .yolov5, .yolox:
      let out = outputs[self.outputs[0]]
      return yolo(
        out.slice(item), rows: out.shape[1], width: out.shape[2], floor: floor,
        grid: decoder == .yolox ? (inputWidth, inputHeight) : nil)
    case .yolov8:
      let out = outputs[self.outputs[0]]
      return yolov8(out.slice(item), channels: out.shape[1], boxes: out.shape[2], floor: floor)
    case .detr:
      let boxes = outputs[self.outputs[0]], logits = outputs[self.outputs[1]]
      return detr(
        boxes.slice(item), logits.slice(item), queries: boxes.shape[1], classes: logits.shape[2], width: w,
        height: h,
        floor: floor, labelCount: labelCount)
    case .ssd:
      return try ssd(outputs, item: item, width: w, height: h, floor: floor, labelCount: labelCount)
    }
  }

  /// YOLOv5 rows (`cx, cy, w, h, objectness, classes…`), or YOLOX's grid rows when `grid` is the input size.
  private func yolo(_ v: ArraySlice<Float>, rows: Int, width k: Int, floor: Float, grid: (Int, Int)?)
    -> [Candidate]
  {
    let base = v.startIndex
    let cells = grid.map { Self.cells($0.0, $0.1) } ?? []
    var found: [Candidate] = []
    for row in 0..<rows {
      let r = base + row * k
      let objectness = v[r + 4]
      guard objectness >= floor else { continue }
      var best = 0
      for c in 1..<(k - 5) where v[r + 5 + c] > v[r + 5 + best] { best = c }
      let score = objectness * v[r + 5 + best]
      guard score >= floor else { continue }
      var (cx, cy, bw, bh) = (Double(v[r]), Double(v[r + 1]), Double(v[r + 2]), Double(v[r + 3]))
      if row < cells.count {
        let (x, y, s) = cells[row]
        (cx, cy, bw, bh) = ((cx + x) * s, (cy + y) * s, exp(bw) * s, exp(bh) * s)
      }
      found.append(Candidate(cx: cx, cy: cy, w: bw, h: bh, classIndex: best, score: score))
    }
    return found
  }

  /// YOLOX's grid cells in output order: stride 8 first, row by row; `(x, y, stride)`.
  static func cells(_ width: Int, _ height: Int) -> [(Double, Double, Double)] {
    var cells: [(Double, Double, Double)] = []
    for stride in [8, 16, 32] {
      for y in 0..<(height / stride) {
        for x in 0..<(width / stride) { cells.append((Double(x), Double(y), Double(stride))) }
      }
    }
    return cells
  }

  /// YOLOv8 columns: row `c` of the output is channel `c` of every box.
  private func yolov8(_ v: ArraySlice<Float>, channels: Int, boxes n: Int, floor: Float) -> [Candidate] {
    let base = v.startIndex
    var found: [Candidate] = []
    for i in 0..<n {
      var best = 0
      for c in 1..<(channels - 4) where v[base + (4 + c) * n + i] > v[base + (4 + best) * n + i] { best = c }
      let score = v[base + (4 + best) * n + i]
      guard score >= floor else { continue }
      let (cx, cy) = (Double(v[base + i]), Double(v[base + n + i]))
      let (bw, bh) = (Double(v[base + 2 * n + i]), Double(v[base + 3 * n + i]))
      found.append(Candidate(cx: cx, cy: cy, w: bw, h: bh, classIndex: best, score: score))
    }
    return found
  }

  /// DETR queries: softmax without the last ("no object") class when the logits have one more class
  /// than the labels, otherwise a sigmoid per class (RT-DETR, Deformable DETR).
  private func detr(
    _ boxes: ArraySlice<Float>, _ logits: ArraySlice<Float>, queries: Int, classes: Int, width: Double,
    height: Double, floor: Float, labelCount: Int?
  ) -> [Candidate] {
    let softmax = labelCount.map { classes == $0 + 1 } ?? false
    let real = softmax ? classes - 1 : classes
    var found: [Candidate] = []
    for q in 0..<queries {
      let l = logits.startIndex + q * classes
      var best = 0
      for c in 1..<max(1, real) where logits[l + c] > logits[l + best] { best = c }
      let score: Float
      if softmax {
        let top = logits[l..<(l + classes)].max() ?? 0
        let sum = logits[l..<(l + classes)].reduce(Float(0)) { $0 + Foundation.exp($1 - top) }
        score = Foundation.exp(logits[l + best] - top) / sum
      } else {
        score = 1 / (1 + Foundation.exp(-logits[l + best]))
      }
      guard score >= floor else { continue }
      let b = boxes.startIndex + q * 4
      found.append(
        Candidate(
          cx: Double(boxes[b]) * width, cy: Double(boxes[b + 1]) * height, w: Double(boxes[b + 2]) * width,
          h: Double(boxes[b + 3]) * height, classIndex: best, score: score))
    }
    return found
  }

  /// SSD rows: `top, left, bottom, right` as fractions, a score, a class id; the count, when there
  /// is one, says how many rows are real.
  private func ssd(
    _ outputs: [OutputTensor], item: Int, width: Double, height: Double, floor: Float, labelCount: Int?
  ) throws(OpenVINOError) -> [Candidate] {
    let boxes = outputs[self.outputs[0]].slice(item)
    let scores = outputs[self.outputs[1]].slice(item)
    let classes = outputs[self.outputs[2]].slice(item)
    var n = scores.count
    if self.outputs.count == 4, let count = outputs[self.outputs[3]].slice(item).first {
      n = max(0, min(n, Int(count)))
    }
    var found: [Candidate] = []
    for i in 0..<n {
      let score = scores[scores.startIndex + i]
      guard score >= floor else { continue }
      let id = classes[classes.startIndex + i]
      guard id >= 0, id == id.rounded(), id < Float(Int32.max) else {
        throw OpenVINOError(
          .inference, "the model gave class id \(id), which is not a whole number of 0 or more")
      }
      if let labelCount, Int(id) >= labelCount {
        throw OpenVINOError(.inference, "the model gave class id \(Int(id)), beyond the \(labelCount) labels")
      }
      let b = boxes.startIndex + i * 4
      found.append(
        Candidate(
          x0: Double(boxes[b + 1]) * width, y0: Double(boxes[b]) * height, x1: Double(boxes[b + 3]) * width,
          y1: Double(boxes[b + 2]) * height, classIndex: Int(id), score: score))
    }
    return found
  }
}
