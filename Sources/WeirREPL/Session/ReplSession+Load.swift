import Foundation
import WeirCore
import WeirDriver

extension ReplSession {
  /// `load FILE`: a new workflow; settings, runs and inputs start afresh (model outputs already
  /// cached stay, keyed by model fingerprint).
  ///
  /// Ground truth belongs to a workflow's inputs: loading another file drops it. With `inputs`
  /// (`weir repl FILE --inputs …`) the session starts on those inputs rather than every input the
  /// models know.
  func load(_ path: String, inputs patterns: [String]? = nil) async -> ReplResponse {
    switch readDocument(environment.resolve(path), shownAs: path) {
    case .failure(let error): return error.response
    case .success(let loaded):
      let another = document.map { $0.path != loaded.document.path } ?? false
      let previous = (document, checked, library)
      document = loaded.document
      checked = loaded.checked
      library = loaded.library
      if let patterns {
        switch choose(patterns) {
        case .failure(let error):
          (document, checked, library) = previous
          return error.response
        case .success(let chosen): inputs = chosen
        }
      }
      settings = [:]
      inputPatterns = patterns
      snapshots = []
      lastReport = nil
      runCount = 0
      var dropped = false
      if another, truth != nil {
        truth = nil
        truthIndex = nil
        dropped = true
      }
      var response = await refreshed(verb: "loaded", warnings: loaded.warnings)
      if dropped {
        response.text += "\nground truth dropped (it was for the previous workflow); use 'truth FILE'"
      }
      return response
    }
  }

  /// `load FILE` with the inputs chosen up front: what `weir repl FILE --inputs …` starts with, so
  /// the greeting counts those inputs.
  public func open(_ path: String, inputs patterns: [String]) async -> ReplResponse {
    await load(path, inputs: patterns.isEmpty ? nil : patterns)
  }

  /// `reload`: the same file read again. Settings that still name something are kept, and so are
  /// model outputs whose model config did not change.
  func reload() async -> ReplResponse {
    guard let old = document else { return .error("no workflow loaded; use 'load FILE' first") }
    switch readDocument(old.path, shownAs: old.source.path) {
    case .failure(let error): return error.response
    case .success(let loaded):
      document = loaded.document
      checked = loaded.checked
      library = loaded.library
      let workflow = loaded.document.workflow
      let dropped = settings.keys.filter { workflow.value(of: $0) == nil && !Self.canAdd($0, workflow) }
        .sorted()
      for target in dropped { settings[target] = nil }
      // The settings kept must still make a workflow that checks; if not, they are all dropped.
      var cleared: [SettingTarget] = []
      let (again, diagnostics) = ReplToolchain.check(
        workflow.applying(settings), library: library, driver: environment.driver)
      if diagnostics.hasErrors {
        cleared = settings.keys.sorted()
        settings = [:]
      } else {
        checked = again
      }
      var response = await refreshed(verb: "reloaded", warnings: loaded.warnings)
      if !dropped.isEmpty {
        response.text +=
          "\nsettings dropped (no longer in the workflow): "
          + dropped.map(\.description).joined(separator: ", ")
      }
      if !cleared.isEmpty {
        response.text +=
          "\nsettings dropped (the workflow would not check with them): "
          + cleared.map(\.description).joined(separator: ", ")
      }
      return response
    }
  }

  /// Whether a setting not written in the file can still apply: a parameter of an existing node.
  static func canAdd(_ target: SettingTarget, _ workflow: Workflow) -> Bool {
    if case .parameter(let node, _, _) = target { return workflow.node(node) != nil }
    return false
  }

  /// A workflow file read, parsed and checked.
  struct LoadedDocument {
    var document: Document
    var checked: CheckedWorkflow
    var library: NodeTypeLibrary
    var warnings: [Diagnostic]
  }

  /// Reads, parses and checks a workflow file; errors refuse it, and the session keeps what it had.
  func readDocument(_ fullPath: String, shownAs path: String) -> Result<LoadedDocument, ReplResponseError> {
    let bytes: [UInt8]
    do {
      bytes = try environment.readFile(fullPath)
    } catch {
      return .failure(ReplResponseError("cannot read '\(path)': \(Self.describe(error))"))
    }
    let source = SourceFile(path: path, bytes: bytes)
    let library = environment.typeLibrary(fullPath)
    var (workflow, parseDiagnostics) = ReplToolchain.parse(source)
    var diagnostics = parseDiagnostics
    var checked: CheckedWorkflow?
    if let parsed = workflow {
      // Models bound outside the file (--backend, the models file) are bound once, here.
      let (bound, reports) = environment.driver.bind(parsed, at: fullPath, library: library)
      workflow = bound
      if reports.contains(where: { $0.diagnostics.hasErrors }) {
        let rendered = DiagnosticRenderer.text(reports)
        return .failure(
          ReplResponseError(
            "'\(path)' was not loaded: its model bindings have errors\n"
              + rendered.trimmingCharacters(in: .newlines)))
      }
    }
    if let workflow {
      let (result, checkDiagnostics) = ReplToolchain.check(
        workflow, library: library, driver: environment.driver)
      checked = result
      diagnostics = (diagnostics + checkDiagnostics).sortedUnique()
    }
    guard let workflow, let checked, !diagnostics.hasErrors else {
      let errors = diagnostics.filter { $0.severity == .error }.count
      return .failure(
        ReplResponseError(
          "'\(path)' was not loaded: \(ReplFormat.plural(errors, "error"))\n"
            + ReplToolchain.render(diagnostics, source),
          diagnostics: diagnostics))
    }
    let document = Document(path: fullPath, source: source, workflow: workflow)
    return .success(
      LoadedDocument(document: document, checked: checked, library: library, warnings: diagnostics))
  }

  /// After the workflow or the inputs changed: inputs resolved, model outputs fetched where not
  /// cached, the table rebuilt. Answers with what was loaded.
  func refreshed(verb: String, warnings: [Diagnostic]) async -> ReplResponse {
    guard let document else { return .error("no workflow loaded") }
    var notes: [String] = []
    if inputPatterns == nil {
      switch knownInputs() {
      case .success(let known?): inputs = known
      case .success(nil):
        inputs = []
        notes.append("no inputs yet: the models record none; use 'inputs PATH|GLOB'")
      case .failure(let error):
        inputs = []
        notes.append("no inputs: \(error.message)")
      }
    }
    let (cached, fetched, failures) = await fetchOutputs()
    let workflow = document.workflow
    let summary = LoadSummary(
      path: document.source.path, dialect: workflow.dialect, nodes: workflow.nodes.count,
      vars: workflow.vars.count,
      writers: checked?.flatWriters(operators).count ?? 0, inputs: inputs.count,
      regions: table?.regionCount ?? 0, cachedModels: cached, fetchedModels: fetched, failures: failures)
    var lines = [loadLine(verb, summary)]
    if !warnings.isEmpty { lines.append(ReplToolchain.render(warnings, document.source)) }
    lines += notes
    lines += Self.failureLines(failures)
    return ReplResponse(
      status: unreachable.isEmpty || inputs.isEmpty ? .ok : .error, text: lines.joined(separator: "\n"),
      diagnostics: warnings,
      payload: .loaded(summary))
  }

  private func loadLine(_ verb: String, _ s: LoadSummary) -> String {
    var text =
      "\(verb) \(s.path) (\(s.dialect.rawValue)): \(ReplFormat.plural(s.nodes, "node")), \(ReplFormat.plural(s.vars, "var")), "
      + "\(ReplFormat.plural(s.writers, "writer")) · \(ReplFormat.plural(s.inputs, "input")) · "
      + ReplFormat.plural(s.regions, "region")
    if !s.cachedModels.isEmpty {
      text += "\n  model outputs reused for " + s.cachedModels.map { "'\($0)'" }.joined(separator: ", ")
    }
    return text
  }

  static func failureLines(_ failures: [String]) -> [String] {
    var lines = failures.prefix(10).map { "  model failed: \($0)" }
    if failures.count > 10 { lines.append("  … and \(failures.count - 10) more failures") }
    return lines
  }

  /// `inputs [PATH|GLOB…]`: lists the inputs, or chooses them: files, folders, globs and manifests
  /// as `weir run --inputs` takes them, or ids (and globs of ids) of inputs the recordings name.
  func setInputs(_ patterns: [String]) async -> ReplResponse {
    if patterns.isEmpty { return listInputs() }
    guard document != nil else { return .error("no workflow loaded; use 'load FILE' first") }
    switch choose(patterns) {
    case .failure(let error): return error.response
    case .success(let chosen): inputs = chosen
    }
    inputPatterns = patterns
    let (_, fetched, failures) = await fetchOutputs()
    var lines = [
      "\(ReplFormat.plural(inputs.count, "input")) · \(ReplFormat.plural(table?.regionCount ?? 0, "region"))"
    ]
    if !fetched.isEmpty {
      lines[0] += " · asked " + fetched.map { "'\($0)'" }.joined(separator: ", ") + " for the new ones"
    }
    lines += Self.failureLines(failures)
    return ReplResponse(
      status: unreachable.isEmpty ? .ok : .error, text: lines.joined(separator: "\n"),
      payload: .inputs(inputs))
  }

  /// The inputs `patterns` name: ids (and globs of ids) of inputs the recordings know, else files,
  /// folders, globs and manifests.
  func choose(_ patterns: [String]) -> Result<[InputItem], ReplResponseError> {
    let known = (try? knownInputs().get()) ?? nil ?? []
    var chosen: [InputItem] = []
    var seen = Set<String>()
    for pattern in patterns {
      let matches = known.filter { $0.id == pattern || FileGlob.matches($0.id, pattern) }
      var items = matches
      if items.isEmpty {
        switch environment.resolveInputs([pattern], environment.currentDirectory) {
        case .success(let files):
          // A file a recording knows keeps the recording's input (same id).
          items = files.map { file in known.first { $0.id == file.id } ?? file }
        case .failure(let error):
          // A near input id is the likelier intent; otherwise say why the files did not do.
          let hint = NameSuggester.didYouMean(pattern, in: known.map(\.id))
          return .failure(
            ReplResponseError(
              "no file or known input matches '\(pattern)'" + (hint.isEmpty ? ": \(error.message)" : hint)))
        }
      }
      if items.isEmpty {
        return .failure(
          ReplResponseError(
            "no file or known input matches '\(pattern)'\(NameSuggester.didYouMean(pattern, in: known.map(\.id)))"
          ))
      }
      for item in items where seen.insert(item.id).inserted { chosen.append(item) }
    }
    return .success(chosen)
  }

  private func listInputs() -> ReplResponse {
    guard !inputs.isEmpty else {
      return ReplResponse(text: document == nil ? "no workflow loaded" : "no inputs", payload: .inputs([]))
    }
    var lines = ["\(ReplFormat.plural(inputs.count, "input")):"]
    let shown = 20
    lines += inputs.prefix(shown).map { "  \($0.id)" + ($0.path.map { "  \($0)" } ?? "") }
    if inputs.count > shown { lines.append("  … and \(inputs.count - shown) more") }
    return ReplResponse(text: lines.joined(separator: "\n"), payload: .inputs(inputs))
  }

  /// `truth PATH`: a COCO file, a YOLO dataset folder or an annotation store as ground truth.
  func loadTruth(_ path: String) -> ReplResponse {
    switch readTruth(path) {
    case .failure(let error): return .error(error.description)
    case .success(let truth):
      self.truth = truth
      truthIndex = nil
      var perConcept: [String: Int] = [:]
      for objects in truth.images.values { for o in objects { perConcept[o.concept, default: 0] += 1 } }
      let covered = inputs.filter { truth.objects(forInput: $0.id) != nil }.count
      let summary = GroundTruthSummary(
        path: path, images: truth.images.count, objects: truth.objectCount, perConcept: perConcept,
        coveredInputs: covered, inputs: inputs.count, skippedCrowd: truth.skippedCrowd)
      let concepts = perConcept.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
        separator: ", ")
      var text =
        "ground truth \(path): \(ReplFormat.plural(truth.objectCount, "object")) on "
        + ReplFormat.plural(truth.images.count, "image") + (concepts.isEmpty ? "" : " (\(concepts))")
        + " · covers \(covered) of \(ReplFormat.plural(inputs.count, "input"))"
      if !truth.reviews.isEmpty {
        text +=
          "\n  \(ReplFormat.plural(truth.reviews.count, "review decision")): sweep shows what reviewers kept per band"
      }
      if truth.skippedCrowd > 0 {
        text += "\n  \(ReplFormat.plural(truth.skippedCrowd, "crowd annotation")) skipped"
      }
      if covered == 0, !inputs.isEmpty {
        text += "\n  warning: no input of the session is in the ground truth; images are matched by file name"
      }
      return ReplResponse(text: text, payload: .truth(summary))
    }
  }

  /// A short reason for a failed file operation.
  static func describe(_ error: Error) -> String {
    if let refused = error as? OutputFileError { return refused.message ?? refused.reason }
    let ns = error as NSError
    if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError || ns.code == 260 {
      return "no such file"
    }
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code))).lowercased()
    }
    return ns.localizedDescription
  }
}
