import Foundation

/// Reads COCO detection results, `[{image_id, category_id, bbox, score}, …]`: each detection's
/// image and category checked against the COCO file, the detections gathered in runs of one image
/// (results list an image's detections together, so an image is looked up once per run, not once
/// per detection).
///
/// A large file is read in parallel chunks (`readInParallel`), each cut just before a detection;
/// the runs come back in file order, so the result is the same as reading it in one go.
struct COCOResultsReader {
  /// Detections of one image, as they follow each other in the file.
  struct Run {
    var imageId: String
    var detections: [COCODetection]
  }

  /// The images and categories detections must name; `nil` reads them unchecked (the caller then
  /// says the COCO file is missing).
  let coco: COCOIndex?
  private(set) var runs: [Run] = []
  /// The last category found in the COCO file, so a run of one category is looked up once.
  private var lastCategory: String?

  init(coco: COCOIndex?) {
    self.coco = coco
  }

  /// Reads one detection at the scanner.
  mutating func read(_ s: inout JSONScanner) throws(JSONScanError) {
    let at = s.index
    let (imageId, d) = try COCODetection.read(&s)
    if imageId != runs.last?.imageId {
      if let coco, coco.imageIndex[imageId] == nil {
        s.index = at
        throw s.error("detection for image_id \(imageId), which the COCO images file does not list")
      }
      runs.append(Run(imageId: imageId, detections: []))
    }
    if let coco, d.categoryId != lastCategory {
      guard coco.categories[d.categoryId] != nil else {
        s.index = at
        throw s.error("detection with category_id \(d.categoryId), which the COCO images file does not list")
      }
      lastCategory = d.categoryId
    }
    runs[runs.count - 1].detections.append(d)
  }

  /// Reads the list that starts at `start` (its `[`) in `chunks` pieces at once. Returns the runs
  /// and where the list ends (after its `]`), or `nil` when a cut did not fall between two
  /// detections of the list (a string holding `, {`, say): the caller then reads it in one go.
  ///
  /// Each cut is put before a `{` that follows a `,`, and checked afterwards: the chunk before it
  /// must end exactly there after a whole detection. The first chunk starts at the list's real
  /// start, so by induction every cut that passes is a real boundary. An error is the one reading
  /// in one go would give: the first chunk that fails started at a real boundary.
  static func readInParallel(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, coco: COCOIndex?, chunks: Int
  ) throws(JSONScanError) -> (runs: [Run], end: Int)? {
    var s = JSONScanner(buffer, from: start)
    try s.expect(UInt8(ascii: "["), "'['")
    guard s.peek() != UInt8(ascii: "]") else { return nil }
    let cuts = Self.cuts(buffer, from: s.index, chunks: chunks)
    let outcomes = UnsafeMutableBufferPointer<Result<Chunk, JSONScanError>>.allocate(capacity: cuts.count - 1)
    outcomes.initialize(repeating: .success(Chunk()))
    defer {
      outcomes.deinitialize()
      outcomes.deallocate()
    }
    DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { i in
      do throws(JSONScanError) {
        outcomes[i] = .success(try readChunk(buffer, from: cuts[i], to: cuts[i + 1], coco: coco))
      } catch {
        outcomes[i] = .failure(error)
      }
    }
    var runs: [Run] = []
    for (i, outcome) in outcomes.enumerated() {
      let chunk: Chunk
      switch outcome {
      case .success(let c): chunk = c
      case .failure(let e): throw e
      }
      let last = i == cuts.count - 2
      // A chunk that ran past its cut, or ended the list before the last cut, was cut mid-value.
      guard last ? chunk.end != nil : chunk.stoppedAt == cuts[i + 1] else { return nil }
      for run in chunk.runs {
        if run.imageId == runs.last?.imageId {
          runs[runs.count - 1].detections += run.detections
        } else {
          runs.append(run)
        }
      }
      if last, let end = chunk.end { return (runs, end) }
    }
    return nil
  }

  /// What one chunk read: its runs, and where it stopped (before the next chunk's first
  /// detection), or where the list ended (after its `]`).
  private struct Chunk {
    var runs: [Run] = []
    var stoppedAt: Int?
    var end: Int?
  }

  /// Reads detections from `start` until the next one would start at `stop` or later, or the list ends.
  private static func readChunk(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to stop: Int, coco: COCOIndex?
  ) throws(JSONScanError) -> Chunk {
    var s = JSONScanner(buffer, from: start)
    var reader = COCOResultsReader(coco: coco)
    while true {
      try reader.read(&s)
      switch s.peek() {
      case UInt8(ascii: ","):
        s.index += 1
        _ = s.peek()
        if s.index >= stop { return Chunk(runs: reader.runs, stoppedAt: s.index) }
      case UInt8(ascii: "]"):
        return Chunk(runs: reader.runs, end: s.index + 1)
      default:
        throw s.error("expected ',' or ']' in a list")
      }
    }
  }

  /// Where to cut: the first element's start, then near each `chunks`-th of the bytes a `{` after a
  /// `,` (blanks between), then the end of the buffer.
  private static func cuts(_ buffer: UnsafeBufferPointer<UInt8>, from first: Int, chunks: Int) -> [Int] {
    var cuts = [first]
    let length = buffer.count - first
    for i in 1..<max(1, chunks) {
      var p = max(cuts[cuts.count - 1] + 1, first + length * i / chunks)
      while p < buffer.count, !startsElement(buffer, at: p) { p += 1 }
      guard p < buffer.count else { break }
      cuts.append(p)
    }
    cuts.append(buffer.count)
    return cuts
  }

  /// Whether a `{` at `p` follows a `,` with only blanks between.
  private static func startsElement(_ buffer: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
    guard buffer[p] == UInt8(ascii: "{") else { return false }
    var q = p - 1
    while q >= 0 {
      switch buffer[q] {
      case 0x20, 0x0a, 0x0d, 0x09: q -= 1
      case UInt8(ascii: ","): return true
      default: return false
      }
    }
    return false
  }
}
