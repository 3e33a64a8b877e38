import Foundation

extension NodeTypeDocs {
  /// `weir types --format json`: every node type and catalog model as data, for tools. The shape
  /// is documented in Documentation/Types.md ("weir types as JSON") and versioned: fields may be
  /// added, none is removed or changes meaning within a version.
  public static func json(_ library: NodeTypeLibrary, runs: Runs) -> String {
    let types = library.types.sorted { $0.name < $1.name }
    let models = library.catalog.models.sorted { $0.id < $1.id }
    return encode(
      TypesJSON(types: types.map { TypeJSON($0, runs: runs($0)) }, models: models.map(ModelJSON.init)))
  }

  /// The same shape holding only one type, or one catalog model (`weir types NAME --format json`).
  public static func json(_ type: NodeType, runs: Runs) -> String {
    encode(TypesJSON(types: [TypeJSON(type, runs: runs(type))], models: []))
  }

  public static func json(_ model: CatalogModel) -> String {
    encode(TypesJSON(types: [], models: [ModelJSON(model)]))
  }

  private static func encode(_ value: TypesJSON) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding these plain structs of strings, numbers and booleans cannot fail.
    guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
      return "{}\n"
    }
    return text + "\n"
  }
}

/// The document: `{"format": "weir-types", "version": 1, "types": […], "models": […]}`.
struct TypesJSON: Encodable {
  var format = "weir-types"
  var version = 1
  var types: [TypeJSON]
  var models: [ModelJSON]
}

/// One node type.
struct TypeJSON: Encodable {
  var name: String
  var aliases: [String]
  var family: String
  /// `model`, `operator` or `workflow`.
  var role: String
  /// `local`, `remote` or `check-only` (`NodeExecution`).
  var runs: NodeExecution
  var input: String
  var output: String
  var passesThrough: Bool
  var doc: String
  var params: [ParamJSON]
  var requiresOneOf: [[String]]
  var acceptsAnyParams: Bool
  /// Where it is declared: `stdlib/types/filter.yaml`, or the user's file.
  var origin: String

  init(_ type: NodeType, runs: NodeExecution) {
    name = type.name
    aliases = type.aliases
    family = type.family.rawValue
    role = type.role.rawValue
    self.runs = runs
    input = type.inputDescription
    output = type.outputDescription
    passesThrough = type.passesThrough
    doc = type.doc
    params = type.params.map(ParamJSON.init)
    requiresOneOf = type.requiresOneOf
    acceptsAnyParams = type.acceptsAnyParams
    origin = type.origin
  }

  enum CodingKeys: String, CodingKey {
    case name, aliases, family, role, runs, input, output, doc, params, origin
    case passesThrough = "passes_through"
    case requiresOneOf = "requires_one_of"
    case acceptsAnyParams = "accepts_any_params"
  }
}

/// One parameter of a node type.
struct ParamJSON: Encodable {
  var name: String
  /// As `weir types NAME` shows it: `number in [0, 1]`, `enum`, `concept-thresholds`.
  var type: String
  var required: Bool
  /// The default as weir shows it (`0`, `GREATER_THAN (1)`); absent when there is none.
  var defaultValue: String?
  /// An enum's values: Clarifai's name, and its number when it has one; absent for other types.
  var values: [EnumValueJSON]?
  var doc: String

  init(_ param: ParamDecl) {
    name = param.name
    type = param.typeDescription
    required = param.isRequired
    defaultValue = param.defaultValue?.description
    if case .enumeration(let domain) = param.type {
      values = domain.cases.map { EnumValueJSON(name: $0.name, number: $0.number) }
    }
    doc = param.doc
  }

  enum CodingKeys: String, CodingKey {
    case name, type, required, values, doc
    case defaultValue = "default"
  }
}

/// One value of an enum parameter: `{"name": "GREATER_THAN", "number": 1}`.
struct EnumValueJSON: Encodable {
  var name: String
  var number: Int?
}

/// One model of the catalog.
struct ModelJSON: Encodable {
  var id: String
  var type: String
  var userId: String?
  var appId: String?
  /// Concept ids and names; absent when the catalog does not list them.
  var concepts: [ConceptJSON]?
  var doc: String

  struct ConceptJSON: Encodable {
    var id: String
    var name: String
  }

  init(_ model: CatalogModel) {
    id = model.id
    type = model.type
    userId = model.userId
    appId = model.appId
    concepts = model.concepts?.map { ConceptJSON(id: $0.id, name: $0.name) }
    doc = model.doc
  }

  enum CodingKeys: String, CodingKey {
    case id, type, concepts, doc
    case userId = "user_id"
    case appId = "app_id"
  }
}
