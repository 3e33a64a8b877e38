import Foundation
import WeirCore
import WeirVision

/// The built-in visual detector: OpenCV's Haar cascades, run in-process on the CPU with no network
/// (Design.md §5). Each detection becomes a region with one concept (`cat` or `face`) whose value is
/// `Detection.confidence` — the cascade's levelWeight through `1/(1+exp(-2·(lw−1)))`.
public final class BuiltinDetectorBackend: ModelBackend {
  public let config: BuiltinDetectorConfig
  private let classifier: CascadeClassifier

  /// Detection is CPU-bound and already parallel inside one image, so batching buys nothing.
  public var maxBatchSize: Int { 1 }

  public init(config: BuiltinDetectorConfig) throws {
    self.config = config
    self.classifier = try CascadeClassifier(builtIn: config.cascade)
  }

  public func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    var results: [Result<DataRecord, ModelError>] = []
    for request in requests {
      // The cascade is synchronous CPU work: run it off the cooperative pool so it does not starve it.
      let result = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
          continuation.resume(returning: self.detect(request))
        }
      }
      results.append(result)
    }
    return results
  }

  /// Decodes the input's image and runs the cascade on it.
  func detect(_ request: ModelRequest) -> Result<DataRecord, ModelError> {
    guard let path = request.data.image?.path ?? request.input.path else {
      if request.input.url != nil || request.data.image?.url != nil {
        return .failure(
          ModelError("the built-in detector reads local image files; URL inputs need an http backend"))
      }
      return .failure(ModelError("input '\(request.input.id)' has no image file for the built-in detector"))
    }
    let image: GrayImage
    do {
      image = try ImageDecoder.decodeGray(contentsOf: URL(fileURLWithPath: path), maxPixels: config.maxPixels)
    } catch let error as ImageDecodingError {
      if case .tooLarge = error {
        return .failure(
          ModelError("cannot read image '\(path)': \(error); raise the backend's 'max_pixels' to read it"))
      }
      return .failure(ModelError("cannot read image '\(path)': \(error)"))
    } catch {
      return .failure(ModelError("cannot read image '\(path)': \(error)"))
    }
    let detections = classifier.detect(image, options: config.options)
    return .success(Self.record(detections, image: image, path: path, config: config))
  }

  /// Detections as Clarifai-shaped regions with normalized boxes.
  static func record(_ detections: [Detection], image: GrayImage, path: String, config: BuiltinDetectorConfig)
    -> DataRecord
  {
    let w = Double(image.width)
    let h = Double(image.height)
    let regions = detections.map { d -> Region in
      let box = BoundingBox(
        topRow: Double(d.y) / h, leftCol: Double(d.x) / w,
        bottomRow: Double(d.y + d.height) / h, rightCol: Double(d.x + d.width) / w)
      let confidence = d.confidence
      return Region(
        id: "\(config.name)@\(d.x),\(d.y),\(d.width)x\(d.height)", boundingBox: box,
        concepts: [Concept(id: config.concept, name: config.concept, value: confidence)], value: confidence)
    }
    return DataRecord(
      image: ImageRef(path: path, width: image.width, height: image.height), regions: regions,
      metadata: ["detector": .string(config.name)])
  }
}
