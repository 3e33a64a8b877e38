import WeirCore

/// A JSON Schema (draft-07) of both dialects, for editors that validate YAML with one
/// (yaml-language-server): the keys come from the parsers (`DialectKeys`), node types, their
/// parameters, enum values and ranges from the node-type library, models from its catalog. Nothing
/// is written per node type by hand, so the schema follows the library.
///
/// The schema says less than `weir check` (kinds, graph rules and thresholds across nodes are
/// not expressible in it); it is for completion and quick feedback in editors without `weir lsp`.
public enum WorkflowSchema {
  public static func schema(_ library: NodeTypeLibrary) -> JSONValue {
    var definitions: [String: JSONValue] = [
      "native": native(),
      "node": node(library),
      "model": model(library),
      "backend": backend(),
      "clarifai": clarifai(),
      "clarifai-node": clarifaiNode(),
      "clarifai-model": clarifaiModel(library),
    ]
    for type in library.types {
      definitions["params-" + type.name] = params(type, vars: true)
      definitions["clarifai-params-" + type.name] = params(type, vars: false)
    }
    return .object([
      "$schema": .string("http://json-schema.org/draft-07/schema#"),
      "title": .string("weir workflow"),
      "description": .string(
        "A workflow in weir's dialect (weir: 1) or in Clarifai's workflow YAML (workflow: {id, nodes}). weir check says more."
      ),
      "oneOf": .array([ref("native"), ref("clarifai")]),
      "definitions": .object(definitions),
    ])
  }

  // MARK: - weir's dialect

  static func native() -> JSONValue {
    var properties: [String: JSONValue] = [:]
    for key in DialectKeys.nativeTop {
      switch key {
      case "weir":
        properties[key] = .object(["const": .int(1), "description": .string("the dialect's version")])
      case "workflow":
        properties[key] = .object(["type": .string("string"), "description": .string("the workflow's name")])
      case "description": properties[key] = .object(["type": .string("string")])
      case "vars":
        properties[key] = .object([
          "type": .string("object"), "description": .string("named values that parameters use as $name"),
        ])
      case "models":
        properties[key] = .object(["type": .string("object"), "additionalProperties": ref("model")])
      case "nodes":
        properties[key] = .object([
          "type": .string("object"), "additionalProperties": ref("node"),
          "description": .string("node id → node; a node reads 'input' (or 'inputs'), or the workflow input"),
        ])
      case "params":
        properties[key] = .object([
          "type": .string("object"),
          "description": .string("parameters, when this workflow is used as a node type"),
        ])
      default: properties[key] = .object([:])
      }
    }
    return .object([
      "type": .string("object"), "required": .array([.string("weir")]), "properties": .object(properties),
      "additionalProperties": .bool(false),
    ])
  }

  static func node(_ library: NodeTypeLibrary) -> JSONValue {
    var properties: [String: JSONValue] = [:]
    for key in DialectKeys.nativeNode {
      switch key {
      case "type": properties[key] = typeNames(library, models: false)
      case "model":
        properties[key] = .object([
          "anyOf": .array([.object(["type": .string("string")]), ref("model")]),
          "description": .string("a model under 'models:', a model of the catalog, or a model written here"),
        ])
      case "input":
        properties[key] = .object(["type": .string("string"), "description": .string("the node it reads")])
      case "inputs":
        properties[key] = .object(["type": .string("array"), "items": .object(["type": .string("string")])])
      case "params": properties[key] = .object(["type": .string("object")])
      default: properties[key] = .object([:])
      }
    }
    let conditions: [JSONValue] = library.types.map { type in
      .object([
        "if": .object([
          "properties": .object([
            "type": .object(["enum": .array(([type.name] + type.aliases).map { .string($0) })])
          ]),
          "required": .array([.string("type")]),
        ]),
        "then": .object(["properties": .object(["params": ref("params-" + type.name)])]),
      ])
    }
    return .object([
      "type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false),
      "allOf": .array(conditions),
    ])
  }

  static func model(_ library: NodeTypeLibrary) -> JSONValue {
    var properties: [String: JSONValue] = [:]
    for key in DialectKeys.nativeModel {
      switch key {
      case "type": properties[key] = typeNames(library, models: true)
      case "concepts":
        properties[key] = .object(["type": .string("array"), "items": .object(["type": .string("string")])])
      case "backend": properties[key] = ref("backend")
      case "params": properties[key] = .object(["type": .string("object")])
      case "model_id": properties[key] = catalogIds(library)
      default: properties[key] = .object(["type": .string("string")])
      }
    }
    return .object([
      "type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false),
    ])
  }

  static func backend() -> JSONValue {
    var properties: [String: JSONValue] = [:]
    for kind in DialectKeys.backendKinds {
      switch kind {
      case "builtin":
        properties[kind] = .object(["enum": .array(DialectKeys.builtinModels.map { .string($0) })])
      case "replay":
        properties[kind] = .object([
          "type": .string("string"), "description": .string("a file of recorded predictions"),
        ])
      default: properties[kind] = .object([:])
      }
      for option in DialectKeys.backendOptions(kind) ?? [] where properties[option] == nil {
        properties[option] = .object([:])
      }
    }
    return .object([
      "type": .string("object"), "properties": .object(properties), "minProperties": .int(1),
      "description": .string("how the model is reached: replay, builtin, http or command"),
    ])
  }

  // MARK: - Clarifai's dialect

  static func clarifai() -> JSONValue {
    let workflow: JSONValue = .object([
      "type": .string("object"),
      "required": .array([.string("id"), .string("nodes")]),
      "properties": .object([
        "id": .object(["type": .string("string")]),
        "nodes": .object(["type": .string("array"), "minItems": .int(1), "items": ref("clarifai-node")]),
      ]),
      "additionalProperties": .bool(false),
    ])
    return .object([
      "type": .string("object"), "required": .array([.string("workflow")]),
      "properties": .object(["workflow": workflow]), "additionalProperties": .bool(false),
    ])
  }

  static func clarifaiNode() -> JSONValue {
    .object([
      "type": .string("object"),
      "required": .array([.string("id"), .string("model")]),
      "properties": .object([
        "id": .object(["type": .string("string")]),
        "model": ref("clarifai-model"),
        "node_inputs": .object([
          "type": .string("array"), "minItems": .int(1),
          "items": .object([
            "type": .string("object"), "required": .array([.string("node_id")]),
            "properties": .object(["node_id": .object(["type": .string("string")])]),
            "additionalProperties": .bool(false),
          ]),
        ]),
      ]),
      "additionalProperties": .bool(false),
    ])
  }

  static func clarifaiModel(_ library: NodeTypeLibrary) -> JSONValue {
    var properties: [String: JSONValue] = [:]
    for key in DialectKeys.clarifaiModel {
      switch key {
      case "model_type_id": properties[key] = typeNames(library, models: false)
      case "model_id": properties[key] = catalogIds(library)
      case "output_info":
        properties[key] = .object([
          "type": .string("object"),
          "properties": .object(
            DialectKeys.clarifaiOutputInfo.reduce(into: [:]) { $0[$1] = .object(["type": .string("object")]) }
          ),
          "additionalProperties": .bool(false),
        ])
      default: properties[key] = .object(["type": .string("string")])
      }
    }
    let conditions: [JSONValue] = library.types.map { type in
      .object([
        "if": .object([
          "properties": .object([
            "model_type_id": .object(["enum": .array(([type.name] + type.aliases).map { .string($0) })])
          ]),
          "required": .array([.string("model_type_id")]),
        ]),
        "then": .object([
          "properties": .object([
            "output_info": .object(["properties": .object(["params": ref("clarifai-params-" + type.name)])])
          ])
        ]),
      ])
    }
    return .object([
      "type": .string("object"), "required": .array([.string("model_id")]), "properties": .object(properties),
      "additionalProperties": .bool(false), "allOf": .array(conditions),
    ])
  }

  // MARK: - Parameters

  /// The parameters of a node type; in weir's dialect any value may also be a `$var`.
  static func params(_ type: NodeType, vars: Bool) -> JSONValue {
    var properties: [String: JSONValue] = [:]
    for param in type.params {
      var schema = value(param.type, range: param.range)
      if vars { schema = .object(["anyOf": .array([schema, varRef])]) }
      if case .object(var members) = schema {
        var description = param.typeDescription
        if !param.doc.isEmpty { description += ": " + param.doc }
        members["description"] = .string(description)
        schema = .object(members)
      }
      properties[param.name] = schema
    }
    return .object([
      "type": .string("object"), "properties": .object(properties),
      "additionalProperties": .bool(type.acceptsAnyParams),
    ])
  }

  static let varRef: JSONValue = .object([
    "type": .string("string"), "pattern": .string("^\\$[A-Za-z_][A-Za-z0-9_-]*$"),
  ])

  static func value(_ type: ParamType, range: NumberRange?) -> JSONValue {
    let string: JSONValue = .object(["type": .string("string")])
    switch type {
    case .number: return number("number", range)
    case .int: return number("integer", range)
    case .string: return string
    case .bool: return .object(["type": .string("boolean")])
    case .enumeration(let domain):
      var values: [JSONValue] = domain.cases.map { .string($0.name) }
      values += domain.cases.compactMap { $0.number.map { .int($0) } }
      values += domain.aliases.keys.sorted().map { .string($0) }
      return .object(["enum": .array(values)])
    case .conceptThresholds:
      let threshold = number("number", range)
      return .object([
        "anyOf": .array([
          .object([
            "type": .string("object"),
            "additionalProperties": .object(["anyOf": .array([threshold, varRef])]),
          ]),
          .object([
            "type": .string("array"),
            "items": .object([
              "type": .string("object"),
              "properties": .object(["id": string, "value": threshold]),
            ]),
          ]),
        ])
      ])
    case .conceptMap, .stringMap:
      return .object(["type": .string("object"), "additionalProperties": string])
    case .conceptList, .stringList:
      return .object(["type": .string("array"), "items": string])
    case .any:
      return .object([:])
    }
  }

  static func number(_ type: String, _ range: NumberRange?) -> JSONValue {
    var members: [String: JSONValue] = ["type": .string(type)]
    if let range {
      if range.lower.isFinite {
        members[range.lowerIsOpen ? "exclusiveMinimum" : "minimum"] = .number(range.lower)
      }
      if range.upper.isFinite {
        members[range.upperIsOpen ? "exclusiveMaximum" : "maximum"] = .number(range.upper)
      }
    }
    return .object(members)
  }

  /// Node type names, each with what it takes and gives, as `anyOf` consts so editors show both.
  static func typeNames(_ library: NodeTypeLibrary, models: Bool) -> JSONValue {
    let types = library.types.filter { !models || $0.role == .model }
    var choices: [JSONValue] = []
    for type in types {
      for name in [type.name] + type.aliases {
        var description = "\(type.inputDescription) → \(type.outputDescription)"
        if !type.doc.isEmpty { description += ". " + type.doc }
        choices.append(.object(["const": .string(name), "description": .string(description)]))
      }
    }
    return .object(["anyOf": .array(choices)])
  }

  /// The catalog's model ids as suggestions; any other id is allowed too.
  static func catalogIds(_ library: NodeTypeLibrary) -> JSONValue {
    let known: [JSONValue] = library.catalog.models.map {
      .object([
        "const": .string($0.id), "description": .string("\($0.type)\($0.doc.isEmpty ? "" : ". " + $0.doc)"),
      ])
    }
    return .object(["anyOf": .array(known + [.object(["type": .string("string")])])])
  }

  static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/definitions/" + name)]) }
}
