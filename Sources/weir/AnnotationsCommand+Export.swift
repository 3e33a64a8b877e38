import ArgumentParser
import Foundation
import WeirCore
import WeirStore

extension AnnotationsCommand {
  /// `weir annotations export`: COCO, JSON lines, YOLO (an Ultralytics dataset), Label Studio or CVAT.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export annotations as COCO, JSON lines, a YOLO dataset, Label Studio tasks or CVAT XML.",
      discussion: """
        coco, yolo and cvat take accepted annotations (ANNOTATION_SUCCESS) only unless --status says \
        otherwise (--status all takes every status); jsonl and labelstudio take every status (Label \
        Studio gets the rows awaiting review as predictions). Every image of the selected runs is exported, those without a label too. \
        Class ids come from the workflow's model concepts in declared order (or --classes) and never \
        depend on the filter; the class map is written beside the export.

        coco, jsonl, labelstudio and cvat write one file (standard output unless --output is given; \
        the class map goes to NAME.classes.txt beside it); yolo writes a new folder (an Ultralytics \
        dataset: data.yaml, images/ and labels/ split into train and val), so it needs --output.
        """)

    @OptionGroup var filter: FilterOptions
    @Option(help: "The export format.")
    var format: ExportFormat
    @Option(help: "The file to write (a new or empty folder for yolo).")
    var output: String?
    @Option(help: "The classes, in id order: a file with one name per line, or a list 'cat,dog'.")
    var classes: String?
    @Option(
      help: "Image paths are written relative to this folder (default: the folder holding every image).")
    var imageRoot: String?
    @Option(help: "labelstudio: image addresses are this URL followed by the image's relative path.")
    var urlPrefix: String?
    @Option(help: "yolo: the share of images that go to val, chosen by a hash of the input id and --seed.")
    var valFraction = 0.2
    @Option(help: "yolo: the seed of the train/val split.")
    var seed: UInt64 = 0
    @Flag(help: "yolo: copy the images into the dataset instead of linking to them.")
    var copyImages = false

    func validate() throws {
      guard valFraction >= 0 && valFraction <= 1 else {
        throw ValidationError("--val-fraction must be between 0 and 1, not \(valFraction)")
      }
      if format != .yolo && copyImages { throw ValidationError("--copy-images is for --format yolo") }
      if format != .labelstudio && urlPrefix != nil {
        throw ValidationError("--url-prefix is for --format labelstudio")
      }
    }

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        if format == .yolo && output == nil {
          throw Failure("yolo export writes a dataset folder; give a new folder with --output")
        }
        let targets = try checkOutput()
        let store = try filter.openStore()
        var query = try filter.annotationFilter()
        if filter.status.isEmpty && format.acceptedOnlyByDefault {
          query.statuses = [AnnotationStatus.success.rawValue]
        }
        let options = ExportOptions(
          imageRoot: imageRoot, urlPrefix: urlPrefix, valFraction: valFraction, seed: seed,
          copyImages: copyImages)
        let classMap = try classes.map { argument throws(ClassMapError) in try ClassMap.parse(argument) }
        let set = try store.exportSet(query, classes: classMap, options: options)
        let result = try AnnotationExporter.export(set, as: format)
        // Notes after the write: a refused export prints only its error.
        try write(result, set: set, to: targets) {
          for note in result.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        }
      }
    }

    /// The files to write (the export and its class map), refused (before the store is even opened)
    /// when one is the store itself or something weir must not write (``OutputTarget``). A yolo
    /// folder is checked as it is written (``OutputTree``).
    private func checkOutput() throws -> (export: OutputTarget, classes: OutputTarget)? {
      guard let output else { return nil }
      do {
        if format == .yolo {
          let folder = try FilePaths.resolvingLinks(output)
          if folder == (try? FilePaths.resolvingLinks(filter.store)) {
            throw Failure("refusing to write '\(output)': it is the annotation store '\(filter.store)'")
          }
          return nil
        }
        let store = [ProtectedFile("annotation store", filter.store)]
        let target = try OutputTarget.inspect(output)
        try target.refuseSameFile(as: store)
        let classes = try OutputTarget.inspect(Self.classMapPath(beside: output))
        try classes.refuseSameFile(as: store + [ProtectedFile("export", output)])
        return (target, classes)
      } catch let error as OutputFileError {
        throw Failure(error.description)
      }
    }

    /// `out/coco.json` → `out/coco.classes.txt`.
    static func classMapPath(beside output: String) -> String {
      (output as NSString).deletingPathExtension + ".classes.txt"
    }

    private func write(
      _ result: ExportResult, set: ExportSet, to targets: (export: OutputTarget, classes: OutputTarget)?,
      notes: () -> Void
    ) throws {
      guard let output else {
        for file in result.files { FileHandle.standardOutput.write(file.contents) }
        notes()
        return
      }
      do {
        if format == .yolo {
          let files = result.files.map { OutputTree.Entry.file(path: $0.path, bytes: [UInt8]($0.contents)) }
          let images = result.images.map {
            copyImages
              ? OutputTree.Entry.copy(path: $0.path, source: $0.source)
              : OutputTree.Entry.link(path: $0.path, target: $0.source)
          }
          try OutputTree.write(files + images, to: output)
        } else if let targets, let file = result.files.first {
          try targets.export.write([UInt8](file.contents))
          try targets.classes.write(Array(set.classes.classesText.utf8))
        }
      } catch {
        throw Failure("\(error)")
      }
      notes()
      let (annotations, images) = (set.annotations.count, set.images.count)
      let summary =
        "wrote \(annotations) annotation\(annotations == 1 ? "" : "s") on \(images) image\(images == 1 ? "" : "s") "
        + "(\(set.classes.names.count) class\(set.classes.names.count == 1 ? "" : "es")) to '\(output)'"
      FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
  }
}
