/// The cascades bundled with WeirVision (in `Resources/cascades`, with their licences).
public enum BuiltInCascade: String, Sendable, Hashable, CaseIterable {
  /// `haarcascade_frontalcatface.xml`: frontal cat faces (Joseph Howse, BSD-3-Clause).
  case catFace
  /// `haarcascade_frontalcatface_extended.xml`: frontal cat faces, with rotated features.
  case catFaceExtended
  /// `haarcascade_frontalface_default.xml`: frontal human faces (Rainer Lienhart, Intel licence).
  case humanFace

  /// The XML file's base name in the resource bundle.
  public var resourceName: String {
    switch self {
    case .catFace: "haarcascade_frontalcatface"
    case .catFaceExtended: "haarcascade_frontalcatface_extended"
    case .humanFace: "haarcascade_frontalface_default"
    }
  }
}
