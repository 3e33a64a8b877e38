import Foundation
import WeirCore

/// YOLO (Darknet) labels: one `<image stem>.txt` per image with a line `class cx cy w h` per box
/// (normalized, so no image size is needed), and `classes.txt` with one class name per line; a
/// class's index is its line in `classes.txt` (categories sorted by name).
enum YOLOExporter {
  static func export(_ set: ExportSet) throws -> ExportResult {
    let categories = set.boxCategories
    let classIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1.conceptId, $0) })
    var files = [
      ExportedFile(path: "classes.txt", contents: Data(categories.map { $0.name + "\n" }.joined().utf8))
    ]
    var owners: [String: String] = ["classes.txt": ""]
    var boxless = 0
    for (image, annotations) in set.annotationsByImage {
      let name = labelFileName(image)
      if let other = owners[name] {
        throw ExportError.fileNameClash(name, inputIds: [other, image.inputId].filter { !$0.isEmpty })
      }
      owners[name] = image.inputId
      var text = ""
      for a in annotations {
        guard let box = a.record.box, let index = classIndex[a.record.conceptId] else {
          boxless += 1
          continue
        }
        let values = [
          (box.leftCol + box.rightCol) / 2, (box.topRow + box.bottomRow) / 2, box.rightCol - box.leftCol,
          box.bottomRow - box.topRow,
        ]
        text += "\(index) " + values.map { String(format: "%.6f", $0) }.joined(separator: " ") + "\n"
      }
      files.append(ExportedFile(path: name, contents: Data(text.utf8)))
    }
    return ExportResult(files: files, notes: AnnotationExporter.boxlessNote(boxless, format: "YOLO"))
  }

  /// `photos/cat 1.jpg` → `cat 1.txt`: YOLO pairs a label file with its image by stem.
  static func labelFileName(_ image: StoredImage) -> String {
    let stem = (image.fileName as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "_")
    return (stem.isEmpty ? image.inputId : stem) + ".txt"
  }
}
