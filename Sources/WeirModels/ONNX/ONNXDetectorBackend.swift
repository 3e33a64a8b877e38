import Foundation
import WeirCore
import WeirONNX
import WeirVision

/// An ONNX detector run in-process through OpenVINO (Documentation/Backends.md, "onnx"): each image
/// becomes a record of Clarifai-shaped regions, one concept each (the class), boxes as fractions.
public final class ONNXDetectorBackend: ModelBackend {
  let detector: ONNXDetector
  let modelName: String

  /// Several batches per call, so decoding the next batch overlaps the model running this one.
  public var maxBatchSize: Int { max(32, detector.options.batch * 4) }

  init(detector: ONNXDetector, modelName: String) {
    self.detector = detector
    self.modelName = modelName
  }

  public func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    let loads: [@Sendable () throws -> RGBImage] = requests.map { request in
      let path = request.data.image?.path ?? request.input.path
      let remote = request.input.url != nil || request.data.image?.url != nil
      let id = request.input.id
      return { () throws -> RGBImage in
        guard let path else {
          throw ModelError(
            remote
              ? "the onnx backend reads local image files; URL inputs need an http backend"
              : "input '\(id)' has no image file for the onnx backend")
        }
        do {
          return try ImageDecoder.decodeRGB(contentsOf: URL(fileURLWithPath: path))
        } catch {
          throw ModelError("cannot read image '\(path)': \(error)")
        }
      }
    }
    // Inference and decoding are blocking CPU work: keep them off the cooperative pool.
    let results = await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async {
        continuation.resume(returning: self.detector.detect(loads))
      }
    }
    return zip(requests, results).map { request, result in
      switch result {
      case .success(let image):
        let path = request.data.image?.path ?? request.input.path
        return .success(record(image, path: path))
      case .failure(let error as ModelError):
        return .failure(error)
      case .failure(let error):
        return .failure(ModelError("model '\(modelName)': \(error)"))
      }
    }
  }

  /// The detections of one image as a data record.
  func record(_ image: ONNXDetector.ImageResult, path: String?) -> DataRecord {
    let (w, h) = (Double(image.width), Double(image.height))
    let regions = image.detections.map { d -> Region in
      let box = BoundingBox(topRow: d.top, leftCol: d.left, bottomRow: d.bottom, rightCol: d.right)
      let (x, y) = (Int((d.left * w).rounded()), Int((d.top * h).rounded()))
      let (bw, bh) = (Int(((d.right - d.left) * w).rounded()), Int(((d.bottom - d.top) * h).rounded()))
      // The score as the float it is (0.72, not 0.7199999690055847).
      let value = Double("\(d.score)") ?? Double(d.score)
      return Region(
        id: "\(d.label)@\(x),\(y),\(bw)x\(bh)", boundingBox: box,
        concepts: [Concept(id: d.label, name: d.label, value: value)], value: value)
    }
    return DataRecord(
      image: ImageRef(path: path, width: image.width, height: image.height), regions: regions,
      metadata: ["detector": .string("onnx")])
  }
}
