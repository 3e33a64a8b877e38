/// How an image becomes the model's input tensor: the resize, the channel order and the
/// normalisation `(pixel × scale − mean) / std`, per channel of the tensor.
public struct Preprocessing: Sendable, Hashable {
  public enum Resize: String, Sendable, Hashable, CaseIterable {
    /// Keep the aspect ratio, centre the image and fill the rest with grey 114 (as YOLO trainers do).
    case letterbox
    /// Scale each axis to the input size.
    case stretch
  }

  public enum Channels: String, Sendable, Hashable, CaseIterable {
    case rgb, bgr
  }

  public var resize: Resize
  public var channels: Channels
  public var scale: Float
  /// Per tensor channel (after `channels` orders them).
  public var mean: [Float]
  public var std: [Float]
  /// The grey a letterbox fills with, before normalisation.
  public static let padValue: Float = 114

  public init(
    resize: Resize = .letterbox, channels: Channels = .rgb, scale: Float = 1.0 / 255,
    mean: [Float] = [0, 0, 0],
    std: [Float] = [1, 1, 1]
  ) {
    self.resize = resize
    self.channels = channels
    self.scale = scale
    self.mean = mean
    self.std = std
  }
}

/// Where an image landed in the input tensor: tensor pixel = image pixel × scale + pad, per axis.
public struct Placement: Sendable, Hashable {
  public var imageWidth: Int
  public var imageHeight: Int
  public var scaleX: Double
  public var scaleY: Double
  public var padX: Double
  public var padY: Double
  /// The region of the tensor the image covers.
  public var width: Int
  public var height: Int

  /// The placement of a `width × height` image in a `inputWidth × inputHeight` tensor.
  public init(
    imageWidth: Int, imageHeight: Int, inputWidth: Int, inputHeight: Int, resize: Preprocessing.Resize
  ) {
    self.imageWidth = imageWidth
    self.imageHeight = imageHeight
    switch resize {
    case .stretch:
      (width, height, padX, padY) = (inputWidth, inputHeight, 0, 0)
    case .letterbox:
      let r = min(Double(inputWidth) / Double(imageWidth), Double(inputHeight) / Double(imageHeight))
      width = max(1, min(inputWidth, Int((Double(imageWidth) * r).rounded())))
      height = max(1, min(inputHeight, Int((Double(imageHeight) * r).rounded())))
      padX = Double((inputWidth - width) / 2)
      padY = Double((inputHeight - height) / 2)
    }
    scaleX = Double(width) / Double(imageWidth)
    scaleY = Double(height) / Double(imageHeight)
  }

  /// A box in tensor pixels `(x0, y0, x1, y1)` as fractions of the image, clamped to it.
  public func normalized(_ box: (Double, Double, Double, Double)) -> (Double, Double, Double, Double) {
    func clamp(_ v: Double) -> Double { min(1, max(0, v)) }
    let x0 = (box.0 - padX) / scaleX / Double(imageWidth)
    let y0 = (box.1 - padY) / scaleY / Double(imageHeight)
    let x1 = (box.2 - padX) / scaleX / Double(imageWidth)
    let y1 = (box.3 - padY) / scaleY / Double(imageHeight)
    return (clamp(x0), clamp(y0), clamp(x1), clamp(y1))
  }
}
