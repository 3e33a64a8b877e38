/// What an ONNX detector is built from: the `backend: {onnx: …}` options, read and checked
/// (Documentation/Backends.md, "onnx").
public struct ONNXDetectorOptions: Sendable, Hashable {
  public var modelPath: String
  /// `nil`: detected from the output shapes.
  public var decoder: DetectorDecoder?
  public var preprocessing: Preprocessing
  /// Width and height of the input tensor; `nil`: the model's own.
  public var inputSize: InputSize?
  /// Class names by index; `nil`: `class_<index>`.
  public var labels: [String]?
  /// Candidates scoring below this are dropped before NMS.
  public var confidenceFloor: Float
  /// Two boxes of one class overlapping by more than this are one detection.
  public var iou: Double
  /// OpenVINO's inference threads; 0: its own choice (every core).
  public var threads: Int
  /// OpenVINO's device name: `CPU`, `GPU`, `NPU`, `AUTO`.
  public var device: String
  /// Images per inference.
  public var batch: Int
  /// The most regions one image gets, highest scores first.
  public var maxDetections: Int

  public struct InputSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
      self.width = width
      self.height = height
    }
  }

  public init(
    modelPath: String, decoder: DetectorDecoder? = nil, preprocessing: Preprocessing = Preprocessing(),
    inputSize: InputSize? = nil, labels: [String]? = nil, confidenceFloor: Float = 0.1, iou: Double = 0.45,
    threads: Int = 0, device: String = "CPU", batch: Int = 1, maxDetections: Int = 300
  ) {
    self.modelPath = modelPath
    self.decoder = decoder
    self.preprocessing = preprocessing
    self.inputSize = inputSize
    self.labels = labels
    self.confidenceFloor = confidenceFloor
    self.iou = iou
    self.threads = threads
    self.device = device
    self.batch = batch
    self.maxDetections = maxDetections
  }
}
