import Foundation
import WeirCore

extension BackendKinds {
  /// Every backend kind of this weir: `replay` from WeirCore, `builtin`, `http` and `command` from
  /// WeirModels, and `onnx` (WeirONNX, through OpenVINO). A new kind is one file in `Kinds/` and one line here.
  public static let standard: BackendKinds = standard(keys: KeyPolicy())

  /// The standard kinds, with `http` sending keys only where `keys` allows (`--allow-host`, the
  /// user's config file).
  public static func standard(keys: KeyPolicy) -> BackendKinds {
    var kinds = BackendKinds.core
    kinds.register(BuiltinBackendKind())
    kinds.register(HTTPBackendKind(keys: keys))
    kinds.register(CommandBackendKind())
    kinds.register(ONNXBackendKind())
    return kinds
  }
}

extension ModelSpec {
  /// The `backend:` mapping as written and the declaration it belongs to, with the folder relative
  /// paths start from: what the WeirModels kinds build from.
  func writtenBackend() throws(BackendFailure) -> (spec: BackendSpec, model: ModelDecl, folder: URL) {
    guard let config = backend, let decl = declaration, let spec = decl.backend else {
      throw .message("internal error: model '\(name)' lost its declaration (please report)")
    }
    return (spec, decl, URL(fileURLWithPath: config.baseDirectory))
  }
}

extension BackendConfigError {
  /// As a `BackendFailure`, with the range it points at.
  var failure: BackendFailure { .diagnostic(diagnostic) }
}
