import Foundation

/// An OpenCV Haar cascade (stump-based, `BOOST`/`HAAR`, upright and rotated features), evaluated
/// exactly as OpenCV 4's `CascadeClassifier::detectMultiScale3` evaluates it: same windows, same
/// `levelWeight`s, same grouped boxes (see ``detect(_:options:)``).
///
/// Loading parses the XML once (a few hundred milliseconds for the largest bundled file in a
/// debug build); keep the value and reuse it: detection does not mutate it and it is `Sendable`.
public struct CascadeClassifier: Sendable, Hashable {
  let cascade: HaarCascade

  /// Loads one of the bundled cascades.
  public init(builtIn: BuiltInCascade) throws {
    let url =
      Bundle.module.url(forResource: builtIn.resourceName, withExtension: "xml", subdirectory: "cascades")
      ?? Bundle.module.url(forResource: builtIn.resourceName, withExtension: "xml")
    guard let url else { throw CascadeLoadingError.missingResource(builtIn.resourceName + ".xml") }
    try self.init(contentsOf: url)
  }

  /// Loads a cascade XML file in OpenCV's "new" format (as written by `opencv_traincascade`).
  public init(contentsOf url: URL) throws {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      let reason = (error as? CocoaError)?.underlying?.localizedDescription ?? error.localizedDescription
      throw CascadeLoadingError.unreadable(path: url.path, reason: reason)
    }
    try self.init(xml: data)
  }

  /// Parses cascade XML held in memory.
  public init(xml: Data) throws {
    cascade = try CascadeXMLReader.read(xml)
  }

  /// The detection window's width in pixels at scale 1 (24 for the bundled cascades).
  public var windowWidth: Int { cascade.windowWidth }
  /// The detection window's height in pixels at scale 1.
  public var windowHeight: Int { cascade.windowHeight }
  /// The number of stages; a window that passes all of them has this ``Detection/rejectLevel``.
  public var stageCount: Int { cascade.stages.count }
  /// The number of weak classifiers (stumps) over all stages.
  public var weakClassifierCount: Int { cascade.stumps.count }
  /// Whether the cascade uses 45°-rotated features (and so needs a tilted integral image).
  public var usesTiltedFeatures: Bool { cascade.hasTiltedFeatures }
}
