@testable import WeirCore

/// Writes `Sources/WeirCore/Sema/StandardLibrary+Prebuilt.swift`: the node types and catalog models
/// of a decoded standard library as Swift values, each a lazily built constant, with the tables
/// ``StandardLibrary`` looks them up in. Workflow types are listed by file; weir parses them on
/// first use.
///
/// Every stored property of the values is written, so that the compiled constants equal what
/// decoding gives (`PrebuiltStdlibTests` compares them field by field, by reflection, and fails on
/// a property this writer leaves out).
enum PrebuiltStdlibSource {
  static let path = "Sources/WeirCore/Sema/StandardLibrary+Prebuilt.swift"

  /// The file's text for `library`, decoded from `stdlib/`.
  static func text(of library: NodeTypeLibrary) -> String {
    let declared = library.types.filter { $0.workflow == nil }
    let workflows = library.types.filter { $0.workflow != nil }
    let models = library.catalog.models
    var names: [(String, Int)] = []
    for (i, type) in (declared + workflows).enumerated() {
      names += ([type.name] + type.aliases).map { ($0, i) }
    }
    var out = """
      // swift-format-ignore-file
      // Generated from stdlib/ by `make stdlib` (the test PrebuiltStdlibTests writes it when run with
      // UPDATE_GOLDEN=1). Do not edit: change stdlib/ and run `make stdlib`.

      extension StandardLibrary {
        /// The node types of `stdlib/types/`, before the workflow types in ``types``.
        static let declaredTypeCount = \(declared.count)

        /// The files of the workflow types (`stdlib/workflows/`), parsed on first use.
        static let workflowTypeFiles: [String] = \(list(workflows.map { literal(String($0.origin.dropFirst("stdlib/".count))) }, indent: "  "))

        /// Every node type name and alias → its index in ``types``.
        static let typeIndex: [String: Int] = \(dictionary(names.sorted { $0.0 < $1.0 }.map { (literal($0.0), String($0.1)) }, indent: "  "))

        static let modelCount = \(models.count)

        /// Every catalog model id → its index in ``models``.
        static let modelIndex: [String: Int] = \(dictionary(models.enumerated().sorted { $0.1.id < $1.1.id }.map { (literal($0.1.id), String($0.0)) }, indent: "  "))

        /// The declared node type at `index`, built the first time it is asked for.
        static func declaredType(at index: Int) -> NodeType? {
          switch index {

      """
    for i in declared.indices { out += "    case \(i): return type\(i)\n" }
    out += """
          default: return nil
          }
        }

        /// The catalog model at `index`, built the first time it is asked for.
        static func model(at index: Int) -> CatalogModel? {
          switch index {

      """
    for i in models.indices { out += "    case \(i): return model\(i)\n" }
    out += """
          default: return nil
          }
        }

      """
    for (i, type) in declared.enumerated() {
      out += "\n  /// `\(type.name)`, \(type.origin)\n"
      out += "  private static let type\(i) = \(nodeType(type, indent: "  "))\n"
    }
    for (i, model) in models.enumerated() {
      out += "\n  /// `\(model.id)`, \(model.origin)\n"
      out += "  private static let model\(i) = \(catalogModel(model, indent: "  "))\n"
    }
    return out + "}\n"
  }

  // MARK: - Values

  static func nodeType(_ t: NodeType, indent: String) -> String {
    built(setting: "nameRange", to: t.nameRange, indent: indent) { indent in
      let inner = indent + "  "
      return call(
        "NodeType",
        [
          ("name", literal(t.name)), ("aliases", list(t.aliases.map(literal), indent: inner)),
          ("family", "." + t.family.rawValue), ("role", role(t.role)), ("doc", literal(t.doc)),
          ("inputs", list(t.inputs.map { requirement($0, indent: inner + "  ") }, indent: inner)),
          ("output", kind(t.output)), ("passesThrough", String(t.passesThrough)),
          ("looksBack", String(t.looksBack)), ("isSequential", String(t.isSequential)),
          ("acceptsAnyParams", String(t.acceptsAnyParams)),
          ("params", list(t.params.map { paramDecl($0, indent: inner + "  ") }, indent: inner)),
          (
            "requiresOneOf",
            list(t.requiresOneOf.map { list($0.map(literal), indent: inner + "  ") }, indent: inner)
          ),
          ("workflow", "nil"), ("origin", literal(t.origin)),
        ], indent: indent)
    }
  }

  static func catalogModel(_ m: CatalogModel, indent: String) -> String {
    built(setting: "typeRange", to: m.typeRange, indent: indent) { indent in
      let inner = indent + "  "
      return call(
        "CatalogModel",
        [
          ("id", literal(m.id)), ("type", literal(m.type)), ("userId", optional(m.userId, literal)),
          ("appId", optional(m.appId, literal)),
          ("concepts", m.concepts.map { list($0.map(concept), indent: inner) } ?? "nil"),
          ("params", list(m.params.map(mapEntry), indent: inner)),
          ("doc", literal(m.doc)), ("origin", literal(m.origin)),
        ], indent: indent)
    }
  }

  /// The value `make` writes, and then a range that no initialiser takes, set in a closure.
  static func built(
    setting property: String, to range: SourceRange?, indent: String, _ make: (String) -> String
  ) -> String {
    guard let range else { return make(indent) }
    let inner = indent + "  "
    return "{\n\(inner)var value = \(make(inner))\n\(inner)value.\(property) = \(sourceRange(range))\n"
      + "\(inner)return value\n\(indent)}()"
  }

  static func paramDecl(_ p: ParamDecl, indent: String) -> String {
    call(
      "ParamDecl",
      [
        ("name", literal(p.name)), ("type", paramType(p.type)), ("doc", literal(p.doc)),
        ("isRequired", String(p.isRequired)), ("defaultValue", optional(p.defaultValue, typedValue)),
        ("range", optional(p.range, numberRange)), ("mustContain", optional(p.mustContain, literal)),
        ("clarifaiField", clarifaiField(p.clarifaiField)),
      ], indent: indent)
  }

  static func paramType(_ type: ParamType) -> String {
    switch type {
    case .number: return ".number"
    case .int: return ".int"
    case .string: return ".string"
    case .bool: return ".bool"
    case .enumeration(let domain):
      let cases = domain.cases.map {
        "EnumCase(name: \(literal($0.name)), number: \(optional($0.number, { String($0) })))"
      }
      let aliases = domain.aliases.sorted { $0.key < $1.key }.map { (literal($0.key), literal($0.value)) }
      return ".enumeration(EnumDomain(cases: [\(cases.joined(separator: ", "))], aliases: "
        + "\(aliases.isEmpty ? "[:]" : "[" + aliases.map { "\($0): \($1)" }.joined(separator: ", ") + "]")))"
    case .conceptThresholds: return ".conceptThresholds"
    case .conceptMap: return ".conceptMap"
    case .conceptList: return ".conceptList"
    case .stringList: return ".stringList"
    case .stringMap: return ".stringMap"
    case .any: return ".any"
    }
  }

  static func clarifaiField(_ field: ClarifaiField) -> String {
    switch field {
    case .params: return ".params"
    case .dataConcepts: return ".dataConcepts"
    case .outputConfig: return ".outputConfig"
    case .none: return ".none"
    }
  }

  static func role(_ role: NodeRole) -> String {
    switch role {
    case .model: return ".model"
    case .operator: return ".operator"
    case .workflow: return ".workflow"
    }
  }

  static func requirement(_ r: KindRequirement, indent: String) -> String {
    switch r {
    case .any: return ".any"
    case .oneOf(let kinds): return ".oneOf(\(list(kinds.map(kind), indent: indent)))"
    }
  }

  /// `Kind()`, or its fields by name: `Kind(fields: ["image": Kind()])`.
  static func kind(_ k: Kind) -> String {
    guard !k.isEmpty else { return "Kind()" }
    let fields = k.fields.sorted { $0.key < $1.key }.map { "\(literal($0.key)): \(kind($0.value))" }
    return "Kind(fields: [\(fields.joined(separator: ", "))])"
  }

  static func typedValue(_ v: TypedValue) -> String {
    switch v {
    case .bool(let b): return ".bool(\(b))"
    case .int(let i): return ".int(\(i))"
    case .number(let x): return ".number(\(double(x)))"
    case .string(let s): return ".string(\(literal(s)))"
    case .enumCase(let e):
      return ".enumCase(EnumCase(name: \(literal(e.name)), number: \(optional(e.number, { String($0) }))))"
    case .list(let items): return ".list([\(items.map(typedValue).joined(separator: ", "))])"
    case .map(let entries): return ".map([\(entries.map(mapEntry).joined(separator: ", "))])"
    case .json(let json): return ".json(\(jsonValue(json)))"
    }
  }

  static func mapEntry(_ e: MapEntry) -> String {
    "MapEntry(key: \(literal(e.key)), value: \(typedValue(e.value)))"
  }

  static func jsonValue(_ v: JSONValue) -> String {
    switch v {
    case .null: return ".null"
    case .bool(let b): return ".bool(\(b))"
    case .number(let x): return ".number(\(double(x)))"
    case .string(let s): return ".string(\(literal(s)))"
    case .array(let items): return ".array([\(items.map(jsonValue).joined(separator: ", "))])"
    case .object(let fields):
      guard !fields.isEmpty else { return ".object([:])" }
      let entries = fields.sorted { $0.key < $1.key }.map { "\(literal($0.key)): \(jsonValue($0.value))" }
      return ".object([\(entries.joined(separator: ", "))])"
    }
  }

  static func numberRange(_ r: NumberRange) -> String {
    "NumberRange(lower: \(double(r.lower)), upper: \(double(r.upper)), "
      + "lowerIsOpen: \(r.lowerIsOpen), upperIsOpen: \(r.upperIsOpen))"
  }

  static func concept(_ c: CatalogConcept) -> String {
    "CatalogConcept(id: \(literal(c.id)), name: \(literal(c.name)))"
  }

  static func sourceRange(_ r: SourceRange) -> String { "SourceRange(start: \(r.start), end: \(r.end))" }

  // MARK: - Swift text

  /// A Swift literal that reads back as exactly `x`.
  static func double(_ x: Double) -> String {
    if x.isNaN { return "Double.nan" }
    if x.isInfinite { return x < 0 ? "-Double.infinity" : "Double.infinity" }
    return "\(x)"
  }

  /// A Swift string literal of `s`.
  static func literal(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  static func optional<T>(_ value: T?, _ write: (T) -> String) -> String { value.map(write) ?? "nil" }

  /// `[a, b]`, one element per line when any is long.
  static func list(_ items: [String], indent: String) -> String {
    guard !items.isEmpty else { return "[]" }
    let flat = "[" + items.joined(separator: ", ") + "]"
    if flat.count <= 80 && !flat.contains("\n") { return flat }
    return "[\n" + items.map { indent + "  " + $0 + ",\n" }.joined() + indent + "]"
  }

  static func dictionary(_ entries: [(String, String)], indent: String) -> String {
    guard !entries.isEmpty else { return "[:]" }
    return "[\n" + entries.map { "\(indent)  \($0.0): \($0.1),\n" }.joined() + indent + "]"
  }

  /// `Name(label: value, …)`, one argument per line, the closing parenthesis at `indent`.
  static func call(_ name: String, _ arguments: [(String, String)], indent: String) -> String {
    "\(name)(\n" + arguments.map { "\(indent)  \($0.0): \($0.1)" }.joined(separator: ",\n") + "\n\(indent))"
  }
}
