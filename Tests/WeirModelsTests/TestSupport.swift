import Foundation
import Testing
import WeirCore
import WeirTestSupport
import WeirValues

@testable import WeirModels

let backendFixtures = Repository.root.appendingPathComponent("Tests/Fixtures/backends")

/// A `backend:` mapping parsed from real YAML the way the native parser hands it over: the first key
/// is the kind, its value the kind's value, the other keys the options.
struct ParsedBackend {
  var file: SourceFile
  var spec: BackendSpec
  var model: ModelDecl

  init(_ yaml: String, model name: String = "pets", clarifai: ClarifaiModelRef? = nil) {
    file = SourceFile(path: "workflow.yaml", text: yaml)
    let (node, diagnostics) = YAMLLoader().load(file)
    precondition(diagnostics.isEmpty, "bad test YAML: \(diagnostics)")
    guard case .mapping(let mapping)? = node, let first = mapping.entries.first else {
      preconditionFailure("test YAML must be a mapping")
    }
    spec = BackendSpec(
      kind: Located(first.keyString ?? "", first.key.range), value: ParamValue(first.value),
      options: mapping.entries.dropFirst().map {
        Param(name: Located($0.keyString ?? "", $0.key.range), value: ParamValue($0.value))
      }, range: mapping.range)
    model = ModelDecl(name: Located(name, .at(0)), backend: spec, clarifai: clarifai, range: mapping.range)
  }

  /// The source text a range covers.
  func text(_ range: SourceRange?) -> String? { range.map(file.slice) }

  func make(
    environment: [String: String] = [:], keys: KeyPolicy = .loopbackTestServer, allowExec: Bool = false,
    in directory: URL = backendFixtures
  ) throws -> any ModelBackend {
    try RemoteBackends.make(
      spec: spec, model: model, environment: environment, keys: keys, allowExec: allowExec,
      baseDirectory: directory)
  }

  /// The error `make` throws, or a test failure if it builds.
  func makeError(
    environment: [String: String] = [:], keys: KeyPolicy = .loopbackTestServer, allowExec: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> BackendConfigError? {
    do {
      _ = try make(environment: environment, keys: keys, allowExec: allowExec)
      Issue.record("expected a BackendConfigError", sourceLocation: sourceLocation)
    } catch let error as BackendConfigError {
      return error
    } catch {
      Issue.record("expected a BackendConfigError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
  }
}

extension KeyPolicy {
  /// What `--allow-host 127.0.0.1` allows: the test servers' address (any port).
  static let loopbackTestServer = KeyPolicy(allowedHosts: [Host(name: "127.0.0.1")])
}

/// Requests for inputs named by `ids`, with no image (for servers and programs that do not look).
func requests(
  _ ids: [String], path: (String) -> String? = { _ in nil }, url: (String) -> String? = { _ in nil }
)
  -> [ModelRequest]
{
  ids.map { ModelRequest(input: InputItem(id: $0, path: path($0), url: url($0)), data: DataRecord()) }
}

extension Result {
  var failureMessage: String? {
    if case .failure(let error) = self { return (error as? ModelError)?.message ?? "\(error)" }
    return nil
  }

  var successValue: Success? {
    if case .success(let value) = self { return value }
    return nil
  }
}

/// Records the waits a backend asks for instead of waiting.
final class SleepRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [Duration] = []

  var sleeps: [Duration] { lock.withLock { recorded } }

  var sleep: ClarifaiHTTPBackend.Sleep {
    { duration in self.lock.withLock { self.recorded.append(duration) } }
  }
}

/// FlyingFox has a `JSONValue` too; in these tests it is always weir's.
typealias JSONValue = WeirValues.JSONValue

/// Runs `body` with a fresh `ClarifaiTestServer`, stopping it afterwards (also when `body` throws).
func withTestServer(_ body: (ClarifaiTestServer) async throws -> Void) async throws {
  let server = try await ClarifaiTestServer.start()
  do {
    try await body(server)
  } catch {
    await server.stop()
    throw error
  }
  await server.stop()
}
