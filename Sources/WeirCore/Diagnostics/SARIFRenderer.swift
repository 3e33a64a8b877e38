import Foundation

/// Renders diagnostics as a SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the
/// format GitHub code scanning and most CI dashboards read.
///
/// One run; `tool.driver` lists the rules (for lint rules with their documentation), each result
/// points at its file with a region (1-based lines; columns count Unicode code points, as the run's
/// `columnKind` says; `endColumn` is exclusive). Notes with a range become `relatedLocations`,
/// fix-its become `fixes`. Keys are sorted so the output is stable.
public struct SARIFRenderer: Sendable {
  /// What SARIF says about one rule.
  public struct Rule: Sendable, Equatable {
    /// The diagnostic id results carry (`lint.dead-branch`).
    public var id: String
    /// A PascalCase name for the rule.
    public var name: String?
    public var shortDescription: String
    public var fullDescription: String
    /// Markdown help: why it matters and how to fix it.
    public var help: String
    public var helpURI: String?
    public var defaultLevel: Severity

    public init(
      id: String, name: String? = nil, shortDescription: String, fullDescription: String, help: String,
      helpURI: String? = nil, defaultLevel: Severity
    ) {
      self.id = id
      self.name = name
      self.shortDescription = shortDescription
      self.fullDescription = fullDescription
      self.help = help
      self.helpURI = helpURI
      self.defaultLevel = defaultLevel
    }
  }

  public var toolName: String
  public var toolVersion: String
  public var informationURI: String?
  /// Rules to describe; results whose id is not among them get a rule entry with just the id.
  public var rules: [Rule]

  public init(
    toolName: String = "weir", toolVersion: String, informationURI: String? = nil, rules: [Rule] = []
  ) {
    self.toolName = toolName
    self.toolVersion = toolVersion
    self.informationURI = informationURI
    self.rules = rules
  }

  /// The whole log, pretty-printed JSON ending with a newline.
  public func render(_ reports: [FileDiagnostics]) -> String {
    var allRules = rules
    for r in reports {
      for d in r.diagnostics where !allRules.contains(where: { $0.id == d.id }) {
        allRules.append(
          Rule(id: d.id, shortDescription: d.id, fullDescription: d.id, help: d.id, defaultLevel: d.severity))
      }
    }
    let index = Dictionary(allRules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let results = reports.flatMap { r in
      r.diagnostics.map { result($0, in: r.file, ruleIndex: index[$0.id]!) }
    }
    let driver = SARIF.Driver(
      name: toolName, version: toolVersion, semanticVersion: toolVersion, informationUri: informationURI,
      rules: allRules.map(Self.descriptor))
    let log = SARIF.Log(runs: [SARIF.Run(tool: SARIF.Tool(driver: driver), results: results)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings and numbers cannot fail.
    let data = (try? encoder.encode(log)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private static func descriptor(_ r: Rule) -> SARIF.ReportingDescriptor {
    SARIF.ReportingDescriptor(
      id: r.id, name: r.name, shortDescription: .init(text: r.shortDescription),
      fullDescription: .init(text: r.fullDescription), help: .init(text: r.help, markdown: r.help),
      helpUri: r.helpURI, defaultConfiguration: .init(level: level(r.defaultLevel)))
  }

  private static func level(_ s: Severity) -> String {
    switch s {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "note"
    }
  }

  private func result(_ d: Diagnostic, in file: SourceFile, ruleIndex: Int) -> SARIF.Result {
    let uri = Self.uri(file.path)
    let unplaced = d.notes.filter { $0.range == nil }.map { "\n\($0.message)" }.joined()
    let related = d.notes.enumerated().compactMap { i, note -> SARIF.Location? in
      guard let range = note.range else { return nil }
      return SARIF.Location(
        id: i, physicalLocation: Self.physical(uri, file, range), message: .init(text: note.message))
    }
    let fixes = d.fixIts.map { f in
      SARIF.Fix(
        description: .init(text: f.message),
        artifactChanges: [
          SARIF.ArtifactChange(
            artifactLocation: .init(uri: uri),
            replacements: [
              SARIF.Replacement(
                deletedRegion: Self.region(file, f.range), insertedContent: .init(text: f.replacement))
            ])
        ])
    }
    return SARIF.Result(
      ruleId: d.id, ruleIndex: ruleIndex, level: Self.level(d.severity),
      message: .init(text: d.message + unplaced),
      locations: [SARIF.Location(id: nil, physicalLocation: Self.physical(uri, file, d.range), message: nil)],
      relatedLocations: related.isEmpty ? nil : related, fixes: fixes.isEmpty ? nil : fixes)
  }

  private static func physical(_ uri: String, _ file: SourceFile, _ range: SourceRange?)
    -> SARIF.PhysicalLocation
  {
    SARIF.PhysicalLocation(artifactLocation: .init(uri: uri), region: range.map { region(file, $0) })
  }

  static func region(_ file: SourceFile, _ range: SourceRange) -> SARIF.Region {
    let start = codePointLocation(file, range.start)
    let end = codePointLocation(file, range.end)
    return SARIF.Region(
      startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
  }

  /// 1-based line and column in Unicode code points, as `columnKind: unicodeCodePoints` says.
  static func codePointLocation(_ file: SourceFile, _ offset: Int) -> (line: Int, column: Int) {
    let line = file.location(of: offset).line
    let start = file.lineStarts[line - 1]
    let end = min(max(offset, start), file.bytes.count)
    return (line, String(decoding: file.bytes[start..<end], as: UTF8.self).unicodeScalars.count + 1)
  }

  /// A relative path stays relative (GitHub resolves it against the repository); an absolute one
  /// becomes a `file://` URI. Characters not allowed in a URI path are percent-encoded.
  static func uri(_ path: String) -> String {
    let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    return path.hasPrefix("/") ? "file://\(encoded)" : encoded
  }
}

extension DiagnosticRenderer {
  /// A SARIF 2.1.0 log of several files' diagnostics; `rules` describes the rules results refer to
  /// (`LintRules.sarifRules`).
  public static func sarif(_ reports: [FileDiagnostics], rules: [SARIFRenderer.Rule], toolVersion: String)
    -> String
  {
    SARIFRenderer(toolVersion: toolVersion, rules: rules).render(reports)
  }

  /// GitHub Actions workflow commands, one line per diagnostic.
  public static func github(_ reports: [FileDiagnostics]) -> String {
    GitHubRenderer().render(reports)
  }
}

/// The subset of the SARIF 2.1.0 object model weir writes.
enum SARIF {
  struct Log: Encodable {
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
    let columnKind = "unicodeCodePoints"
  }

  struct Tool: Encodable { var driver: Driver }

  struct Driver: Encodable {
    var name: String
    var version: String
    var semanticVersion: String
    var informationUri: String?
    var rules: [ReportingDescriptor]
  }

  struct ReportingDescriptor: Encodable {
    var id: String
    var name: String?
    var shortDescription: Message
    var fullDescription: Message
    var help: Message
    var helpUri: String?
    var defaultConfiguration: Configuration
  }

  struct Configuration: Encodable { var level: String }

  struct Message: Encodable {
    var text: String
    var markdown: String? = nil
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Message
    var locations: [Location]
    var relatedLocations: [Location]?
    var fixes: [Fix]?
  }

  struct Location: Encodable {
    var id: Int?
    var physicalLocation: PhysicalLocation
    var message: Message?
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }

  struct ArtifactLocation: Encodable { var uri: String }

  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
  }

  struct Fix: Encodable {
    var description: Message
    var artifactChanges: [ArtifactChange]
  }

  struct ArtifactChange: Encodable {
    var artifactLocation: ArtifactLocation
    var replacements: [Replacement]
  }

  struct Replacement: Encodable {
    var deletedRegion: Region
    var insertedContent: Content
  }

  struct Content: Encodable { var text: String }
}
