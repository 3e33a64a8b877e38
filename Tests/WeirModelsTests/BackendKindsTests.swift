import Foundation
import Testing
import WeirModels

@testable import WeirCore

/// The backend kinds as plug-ins: the registry, what each kind checks and builds, and the lists the
/// parser keeps in step with it.
@Suite struct BackendKindsTests {
  @Test func theStandardKindsAreRegisteredOnceInOrder() {
    #expect(BackendKinds.standard.names == ["replay", "builtin", "http", "command", "onnx"])
    #expect(BackendKinds.core.names == ["replay"])
    #expect(BackendKinds.standard.kind("ftp") == nil)
  }

  /// The parser tells the kind key from its options with its own list of kinds (it cannot see
  /// WeirModels); it must name the registry's kinds, and the built-in detectors WeirVision has.
  @Test func theParserKnowsTheRegisteredKindsAndDetectors() {
    #expect(BackendParser.kinds == BackendKinds.standard.names)
    #expect(BackendParser.builtinModels == BuiltinBackendKind.models.map(\.name))
    for (kind, options) in BackendParser.options {
      guard let options else { continue }
      #expect(BackendKinds.standard.kind(kind)?.optionNames == options, "\(kind)")
    }
  }

  /// A kind added at run time is what the registry builds; one not registered is a clear message.
  @Test func aRegisteredKindIsBuiltAndAnUnknownOneIsRefused() throws {
    struct Echo: BackendKind {
      let name = "echo"
      let optionNames: [String] = []
      func make(_ model: ModelSpec, context: BackendContext) throws(BackendFailure) -> any ModelBackend {
        throw .message("echo made for '\(model.name)'")
      }
    }
    var kinds = BackendKinds.core
    kinds.register(Echo())
    let model = ModelSpec(
      name: "m", type: "visual-detector", backend: BackendConfig(kind: "echo", value: .null))
    #expect(throws: BackendFailure.self) { try kinds.make(model, context: BackendContext()) }
    do {
      _ = try kinds.make(model, context: BackendContext())
    } catch {
      guard case .message(let text) = error else { Issue.record("\(error)"); return }
      #expect(text == "echo made for 'm'")
    }
    let unknown = ModelSpec(
      name: "m", type: "visual-detector", backend: BackendConfig(kind: "ftp", value: .null))
    do {
      _ = try BackendKinds.core.make(unknown, context: BackendContext())
      Issue.record("an unregistered kind was built")
    } catch {
      guard case .message(let text) = error else { Issue.record("\(error)"); return }
      #expect(text == "model 'm' has a 'ftp' backend, which this weir does not build (it builds: replay)")
    }
  }
}
