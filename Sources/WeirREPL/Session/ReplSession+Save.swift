import WeirCore
import WeirDriver

extension ReplSession {
  /// `save [FILE]`: the settings written into the workflow's text, changing only the scalars that
  /// changed. Saved over the loaded file, the session reloads it and has nothing left to save;
  /// saved elsewhere, the session goes on with the loaded file and its settings.
  func save(_ path: String?) -> ReplResponse {
    guard let document else { return .error("no workflow loaded; use 'load FILE' first") }
    let writer = SettingsWriter(source: document.source, workflow: document.workflow)
    let edits: [TextEdit]
    let changes: [SettingsWriter.Change]
    switch writer.edits(for: settings) {
    case .success(let made): (edits, changes) = made
    case .failure(let error): return .error("nothing saved: \(error.message)")
    }
    let destination = path.map(environment.resolve) ?? document.path
    let shown = path ?? document.source.path
    let bytes = TextEdit.apply(edits, to: document.source.bytes)
    if changes.isEmpty, destination == document.path {
      return ReplResponse(
        text: "nothing to save: the file already says what is in force",
        payload: .saved(SaveSummary(path: shown, changes: [])))
    }
    if let refusal = refusal(toWrite: destination, workflowIsOutput: destination == document.path) {
      return .error("nothing saved: \(refusal)")
    }
    do {
      try environment.writeFile(destination, bytes)
    } catch {
      return .error("cannot write '\(shown)': \(Self.describe(error))")
    }
    var lines = ["saved \(ReplFormat.plural(changes.count, "change")) to \(shown)"]
    for c in changes {
      lines.append(
        "  line \(c.line): \(c.target)  \(c.old.isEmpty ? "added" : c.old + " →") \(c.new.trimmingLeadingPunctuation)"
      )
    }
    if destination == document.path {
      let source = SourceFile(path: document.source.path, bytes: bytes)
      let (workflow, _) = ReplToolchain.parse(source)
      if let workflow {
        self.document = Document(path: document.path, source: source, workflow: workflow)
        self.checked = ReplToolchain.check(workflow, library: library, driver: environment.driver).checked
        settings = [:]
      } else {
        lines.append("warning: the saved file did not parse back; the session keeps its settings")
      }
    } else {
      lines.append("  the session still edits \(document.source.path)")
    }
    return ReplResponse(
      text: lines.joined(separator: "\n"), payload: .saved(SaveSummary(path: shown, changes: changes)))
  }
}

extension ReplSession {
  /// Why `path` must not be written: it is a file the session reads (the workflow, unless it is
  /// the file being saved, or a predictions file). Checked by device and inode after links.
  func refusal(toWrite path: String, workflowIsOutput: Bool) -> String? {
    var files: [ProtectedFile] = []
    if let document, !workflowIsOutput { files.append(ProtectedFile("workflow", document.path)) }
    for model in currentPlan()?.models ?? [] {
      guard let backend = model.spec.backend, backend.kind == "replay",
        case .string(let value) = backend.value
      else { continue }
      let file = value.hasPrefix("/") ? value : backend.baseDirectory + "/" + value
      files.append(ProtectedFile("predictions file", file))
    }
    do {
      try OutputTarget.inspect(path).refuseSameFile(as: files)
      return nil
    } catch let error where error.message != nil {
      return error.description
    } catch {
      // Whether the file can be written at all is the writer's to say, in its own words.
      return nil
    }
  }
}

extension String {
  /// `, cat: 0.9` and `\n    cat: 0.9` (insertions) shown as `cat: 0.9`.
  fileprivate var trimmingLeadingPunctuation: String {
    String(drop { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\r" })
  }
}
