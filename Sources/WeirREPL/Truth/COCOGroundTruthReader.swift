import Foundation
import WeirCore

/// Reads a COCO annotations file (`images`, `categories`, `annotations`) as `GroundTruth`.
///
/// Boxes are COCO pixels `[x, y, width, height]`; they are normalized by the image's `width` and
/// `height` into Clarifai's `top_row, left_col, bottom_row, right_col`, the form predictions use.
public enum COCOGroundTruthReader {
  /// The ground truth, or a message that says what is wrong and where (`annotations[3]: …`).
  public static func read(_ bytes: [UInt8], path: String) -> Result<GroundTruth, GroundTruthError> {
    let file: COCOFile
    do {
      file = try JSONDecoder().decode(COCOFile.self, from: Data(bytes))
    } catch let error as DecodingError {
      return .failure(GroundTruthError(path: path, message: describe(error)))
    } catch {
      return .failure(GroundTruthError(path: path, message: "\(error)"))
    }
    return build(file, path: path)
  }

  private static func build(_ file: COCOFile, path: String) -> Result<GroundTruth, GroundTruthError> {
    func fail(_ message: String) -> Result<GroundTruth, GroundTruthError> {
      .failure(GroundTruthError(path: path, message: message))
    }
    guard let images = file.images else {
      return fail("not a COCO annotations file: it has no 'images' list")
    }
    guard let categories = file.categories else {
      return fail("not a COCO annotations file: it has no 'categories' list")
    }
    let annotations = file.annotations ?? []
    var imageById: [COCOID: COCOImage] = [:]
    var objects: [String: [GroundTruth.Object]] = [:]
    for (i, image) in images.enumerated() {
      if imageById[image.id] != nil { return fail("images[\(i)]: image id \(image.id) appears twice") }
      imageById[image.id] = image
      objects[image.fileName] = []
    }
    var categoryName: [COCOID: String] = [:]
    for category in categories { categoryName[category.id] = category.name }
    var crowd = 0
    for (i, annotation) in annotations.enumerated() {
      guard let image = imageById[annotation.imageId] else {
        return fail("annotations[\(i)]: image_id \(annotation.imageId) is not in 'images'")
      }
      guard let name = categoryName[annotation.categoryId] else {
        return fail("annotations[\(i)]: category_id \(annotation.categoryId) is not in 'categories'")
      }
      if annotation.isCrowd == 1 {
        crowd += 1
        continue
      }
      guard annotation.bbox.count == 4, annotation.bbox[2] >= 0, annotation.bbox[3] >= 0 else {
        return fail("annotations[\(i)]: bbox must be [x, y, width, height] with width and height >= 0")
      }
      guard let w = image.width, let h = image.height, w > 0, h > 0 else {
        return fail("images entry '\(image.fileName)' needs a positive width and height to place its boxes")
      }
      let (x, y, bw, bh) = (annotation.bbox[0], annotation.bbox[1], annotation.bbox[2], annotation.bbox[3])
      let box = BoundingBox(
        topRow: y / Double(h), leftCol: x / Double(w), bottomRow: (y + bh) / Double(h),
        rightCol: (x + bw) / Double(w))
      objects[image.fileName, default: []].append(.init(concept: name, box: box))
    }
    return .success(
      GroundTruth(path: path, images: objects, categories: categories.map(\.name), skippedCrowd: crowd))
  }

  private static func describe(_ error: DecodingError) -> String {
    func at(_ path: [CodingKey]) -> String {
      var text = ""
      for key in path {
        if let i = key.intValue {
          text += "[\(i)]"
        } else {
          text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return text.isEmpty ? "" : "\(text): "
    }
    switch error {
    case .dataCorrupted(let c) where c.codingPath.isEmpty: return "not valid JSON"
    case .dataCorrupted(let c): return "\(at(c.codingPath))\(c.debugDescription.lowercasedFirst)"
    case .keyNotFound(let key, let c): return "\(at(c.codingPath))missing '\(key.stringValue)'"
    case .typeMismatch(let type, let c): return "\(at(c.codingPath))expected \(describe(type))"
    case .valueNotFound(let type, let c): return "\(at(c.codingPath))expected \(describe(type)), found null"
    @unknown default: return "\(error)"
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Int.Type: return "a number"
    case is String.Type: return "a string"
    case is [Any].Type: return "a list"
    default: return type == COCOID.self ? "a number or a string" : "an object"
    }
  }
}

/// Why a ground-truth file could not be used.
public struct GroundTruthError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`, or the message alone when it names the file itself.
  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// An id COCO files write as a number or a string.
private enum COCOID: Hashable, Decodable, CustomStringConvertible {
  case number(Int)
  case text(String)

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
  }

  var description: String {
    switch self {
    case .number(let n): return "\(n)"
    case .text(let s): return "'\(s)'"
    }
  }
}

private struct COCOFile: Decodable {
  var images: [COCOImage]?
  var categories: [COCOCategory]?
  var annotations: [COCOAnnotation]?
}

private struct COCOImage: Decodable {
  var id: COCOID
  var fileName: String
  var width: Int?
  var height: Int?
  enum CodingKeys: String, CodingKey {
    case id, width, height
    case fileName = "file_name"
  }
}

private struct COCOCategory: Decodable {
  var id: COCOID
  var name: String
}

private struct COCOAnnotation: Decodable {
  var imageId: COCOID
  var categoryId: COCOID
  var bbox: [Double]
  var isCrowd: Int?
  enum CodingKeys: String, CodingKey {
    case bbox
    case imageId = "image_id"
    case categoryId = "category_id"
    case isCrowd = "iscrowd"
  }
}

extension String {
  fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
