import Foundation
import WeirCore

/// YOLO as an Ultralytics dataset:
///
/// ```
/// data.yaml                       names by class id, train and val folders
/// classes.txt                     the class map, one name per line (line n is class n)
/// images/{train,val}/<relative>   links to the images (or copies, --copy-images)
/// labels/{train,val}/<relative stem>.txt   a line `class cx cy w h` per box, normalized
/// ```
///
/// Every image with a file is in it, the ones without a box as an empty label file (background).
/// Ultralytics finds an image's labels by replacing the last `/images/` of its path with `/labels/`
/// and the extension with `.txt`, which is why both trees mirror the images' relative paths. An
/// image goes to `val` when a hash of its input id and the seed falls below the val fraction, so
/// an image's split never depends on what else is exported.
enum YOLOExporter {
  static func export(_ set: ExportSet) throws -> ExportResult {
    let placement = try ImagePlacement(set.images, options: set.options)
    let classIndex = set.classes.lookup()
    var files: [ExportedFile] = []
    var images: [ExportedImage] = []
    var owners: [String: String] = [:]
    var (boxless, urlOnly, counts) = (0, 0, [0, 0])
    for (image, annotations) in set.annotationsByImage {
      guard let source = placement.files[image.inputId], let name = placement.names[image.inputId] else {
        urlOnly += 1
        continue
      }
      let split = isValidation(image.inputId, set.options) ? "val" : "train"
      counts[split == "val" ? 1 : 0] += 1
      let label = "labels/\(split)/" + (name as NSString).deletingPathExtension + ".txt"
      if let other = owners[label] {
        throw ExportError.fileNameClash(label, inputIds: [other, image.inputId])
      }
      owners[label] = image.inputId
      var text = ""
      for a in annotations {
        guard let box = a.record.box else {
          boxless += 1
          continue
        }
        guard let index = classIndex(a.record.conceptId, a.record.conceptName) else { continue }
        text += "\(index) " + line(box) + "\n"
      }
      files.append(ExportedFile(path: label, contents: Data(text.utf8)))
      images.append(ExportedImage(path: "images/\(split)/" + name, source: source))
    }
    let valFolder = counts[1] > 0 ? "images/val" : "images/train"
    files.insert(
      ExportedFile(path: "data.yaml", contents: Data(dataYAML(set.classes, val: valFolder).utf8)), at: 0)
    files.insert(ExportedFile(path: "classes.txt", contents: Data(set.classes.classesText.utf8)), at: 1)
    var notes = set.classes.notes + AnnotationExporter.boxlessNote(boxless, format: "YOLO")
    notes += set.unmappedNote(format: "YOLO")
    if urlOnly > 0 {
      notes.append(
        "\(urlOnly) image\(urlOnly == 1 ? "" : "s") known only by URL left out of the YOLO dataset: it needs files"
      )
    }
    if counts[1] == 0 && counts[0] > 0 && set.options.valFraction > 0 {
      notes.append(
        "no image fell into val (--val-fraction \(set.options.valFraction)); data.yaml validates on train")
    }
    return ExportResult(files: files, images: images, notes: notes)
  }

  /// `cx cy w h`, normalized, six decimals.
  static func line(_ box: BoundingBox) -> String {
    let values = [
      (box.leftCol + box.rightCol) / 2, (box.topRow + box.bottomRow) / 2, box.rightCol - box.leftCol,
      box.bottomRow - box.topRow,
    ]
    return values.map(sixDecimals).joined(separator: " ")
  }

  /// `%.6f` without `String(format:)`, which costs microseconds a call: a million boxes make four
  /// million numbers. Rounds half away from zero on the value × 10⁶ (what `%.6f` prints for
  /// every box coordinate but exact binary ties, which coordinates of real boxes are not).
  static func sixDecimals(_ x: Double) -> String {
    guard x.isFinite, abs(x) < 1e12 else { return String(format: "%.6f", x) }
    let scaled = Int64((abs(x) * 1_000_000).rounded())
    let (whole, fraction) = scaled.quotientAndRemainder(dividingBy: 1_000_000)
    let digits = String(fraction)
    let sign = x < 0 && scaled != 0 ? "-" : ""
    return sign + String(whole) + "." + String(repeating: "0", count: 6 - digits.count) + digits
  }

  /// Whether an input goes to `val`: FNV-1a of the seed and the input id, as a fraction of 2⁶⁴.
  static func isValidation(_ inputId: String, _ options: ExportOptions) -> Bool {
    guard options.valFraction > 0 else { return false }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in withUnsafeBytes(of: options.seed.littleEndian, Array.init) + Array(inputId.utf8) {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    // FNV's low bits mix poorly; one round of SplitMix's finalizer spreads them.
    hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
    hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
    hash ^= hash >> 31
    return Double(hash >> 11) / Double(UInt64(1) << 53) < options.valFraction
  }

  /// Ultralytics' dataset file. No `path:` key, so the folders are found beside this file wherever
  /// the dataset is moved; names are quoted so any concept name is one YAML string.
  static func dataYAML(_ classes: ClassMap, val: String) -> String {
    var text = "# An Ultralytics dataset written by `weir annotations export --format yolo`.\n"
    text += "# Class ids come from \(classes.origin).\n"
    text += "train: images/train\nval: \(val)\nnc: \(classes.names.count)\nnames:\n"
    for (i, name) in classes.names.enumerated() { text += "  \(i): \(quoted(name))\n" }
    return text
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ s: String) -> String { YAMLText.quoted(s) }
}
