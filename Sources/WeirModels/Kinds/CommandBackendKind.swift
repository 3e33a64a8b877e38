import Foundation
import WeirCore

/// `backend: {command: [python3, model.py], timeout: 30}`: a local program speaking JSON lines,
/// run only with `--allow-exec` (Documentation/Backends.md, "command").
public struct CommandBackendKind: BackendKind {
  public let name = "command"
  public var optionNames: [String] { CommandConfig.optionNames }

  public init() {}

  public func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic] {
    let here = URL(fileURLWithPath: "/")
    return CommandConfig.parse(spec: spec, model: model, baseDirectory: here).1.map(\.diagnostic)
  }

  public func make(_ model: ModelSpec, context: BackendContext) throws(BackendFailure) -> any ModelBackend {
    let (spec, decl, folder) = try model.writtenBackend()
    do {
      return try build(spec: spec, model: decl, context: context, folder: folder)
    } catch {
      throw error.failure
    }
  }

  /// The program for a written `command` backend, run in `folder` (the workflow's); refused
  /// without `--allow-exec` before anything else is looked at.
  func build(spec: BackendSpec, model: ModelDecl, context: BackendContext, folder: URL)
    throws(BackendConfigError) -> any ModelBackend
  {
    guard context.allowExec else { throw RemoteBackends.refusal(spec: spec, model: model) }
    let (config, errors) = CommandConfig.parse(spec: spec, model: model, baseDirectory: folder)
    guard let config else { throw errors.first ?? .rejectedWithoutReason(spec) }
    do {
      return try CommandBackend(config: config, modelName: model.name.value, environment: context.environment)
    } catch var error as BackendConfigError {
      error.range = error.range ?? spec.value.range
      throw error
    } catch {
      throw BackendConfigError(
        id: "backend.internal", message: "internal error: \(error) (please report)", range: spec.range)
    }
  }
}
