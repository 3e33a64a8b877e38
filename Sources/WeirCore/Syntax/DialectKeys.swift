/// The keys each place of the two dialects allows, as the parsers check them: for tools that
/// describe the language (the language server's completion, `weir schema`).
public enum DialectKeys {
  /// The top level of a weir workflow.
  public static var nativeTop: [String] { NativeParser.topKeys }
  /// A node of a weir workflow.
  public static var nativeNode: [String] { NativeParser.nodeKeys }
  /// A model under `models:`, or written inline on a node.
  public static var nativeModel: [String] { NativeParser.modelKeys }
  /// The top level of a Clarifai workflow, its `workflow:`, a node and a node's `model:`.
  public static var clarifaiTop: [String] { ClarifaiParser.topKeys }
  public static var clarifaiWorkflow: [String] { ClarifaiParser.workflowKeys }
  public static var clarifaiNode: [String] { ClarifaiParser.nodeKeys }
  public static var clarifaiModel: [String] { ClarifaiParser.modelKeys }
  /// `output_info` of a Clarifai model.
  public static let clarifaiOutputInfo = ["params", "data"]
  /// The backend kinds, and the options the parser knows for each (`nil`: the kind checks them).
  public static var backendKinds: [String] { BackendParser.kinds }
  public static func backendOptions(_ kind: String) -> [String]? {
    BackendParser.options.first { $0.key == kind }?.value ?? nil
  }
  /// The detectors built into weir, for `builtin:`.
  public static var builtinModels: [String] { BackendParser.builtinModels }
}
