import Foundation
import WeirCore

/// Which files `weir check` and `weir lint` read: the paths given, with folders searched, or with
/// no paths the workflows of the current project (Documentation/Language.md, "Checking a project").
///
/// A file named on the command line is always read. In a folder, a workflow file is a `.yaml` or
/// `.yml` file, outside hidden folders (`.weir/` holds types and models, not workflows), whose
/// top level has a `weir:` or `workflow:` key, the keys both dialects start with; other YAML (a
/// CI configuration, a models file, type declarations) is left alone.
public enum WorkflowFiles {
  /// The key of `.weir.yaml` that lists a project's workflows, as globs relative to its folder.
  public static let projectKey = "workflows"

  /// `paths` with every folder replaced by the workflow files below it, sorted; files as given.
  public static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      guard path != SourceReader.stdinPath,
        FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
      else { return [path] }
      return workflows(below: path)
    }
  }

  /// The workflow files below `folder`, sorted, as paths starting with `folder`.
  public static func workflows(below folder: String) -> [String] {
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    return files(below: base).filter(isWorkflow)
  }

  /// What `weir check` with no paths reads: the globs of `workflows:` in the nearest `.weir.yaml`
  /// (relative to its folder), else every workflow file below the current folder. The diagnostics
  /// are problems of the `.weir.yaml`.
  public static func project(currentDirectory: String = FileManager.default.currentDirectoryPath) -> (
    paths: [String], problems: [FileDiagnostics]
  ) {
    let found = LintConfiguration.locate(forFile: currentDirectory + "/-") { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
    guard let found, case .success(let file) = SourceReader.read(found) else {
      return (workflows(below: "."), [])
    }
    let (root, _) = YAMLLoader().load(file)
    guard let list = root?.mapping?.pair(projectKey) else { return (workflows(below: "."), []) }
    let (read, problem) = readGlobs(list.value)
    guard let globs = read else {
      let shown = relative(found, to: currentDirectory)
      let file = SourceFile(path: shown, bytes: file.bytes)
      return ([], [FileDiagnostics(file: file, diagnostics: problem.map { [$0] } ?? [])])
    }
    let folder = (found as NSString).deletingLastPathComponent
    let all = files(below: folder.isEmpty ? "." : folder)
    var paths: [String] = []
    var seen = Set<String>()
    for glob in globs {
      for path in all where matches(glob, relative(path, to: folder)) && seen.insert(path).inserted {
        paths.append(path)
      }
    }
    return (paths.map { relative($0, to: currentDirectory) }.sorted(), [])
  }

  /// `workflows:` as a list of strings, or what is wrong with it.
  private static func readGlobs(_ node: YAMLNode) -> (globs: [String]?, problem: Diagnostic?) {
    let expected = "'\(projectKey)' lists globs of workflow files, such as [\"workflows/*.yaml\"]"
    if let scalar = node.scalar, case .string(let s) = scalar.resolved { return ([s], nil) }
    guard let items = node.sequence?.items else {
      return (
        nil, .error("config.bad-workflows", expected + "; found \(node.kindDescription)", at: node.range)
      )
    }
    var globs: [String] = []
    for item in items {
      guard let scalar = item.scalar, case .string(let s) = scalar.resolved, !s.isEmpty else {
        return (
          nil, .error("config.bad-workflows", expected + "; found \(item.kindDescription)", at: item.range)
        )
      }
      globs.append(s)
    }
    return (globs, nil)
  }

  /// Whether `path` (relative to the project) matches `glob`: `*` and `?` as the shell's, `**/`
  /// any number of folders.
  static func matches(_ glob: String, _ path: String) -> Bool {
    let pattern = glob.hasPrefix("./") ? String(glob.dropFirst(2)) : glob
    if fnmatch(pattern, path, FNM_PATHNAME) == 0 { return true }
    if pattern.contains("**/") {
      // `a/**/b.yaml` matches `a/b.yaml` and `a/x/y/b.yaml`.
      if fnmatch(pattern.replacingOccurrences(of: "**/", with: ""), path, FNM_PATHNAME) == 0 { return true }
      return fnmatch(pattern.replacingOccurrences(of: "**/", with: "*/"), path, 0) == 0
    }
    // A folder named by the glob stands for the workflows below it.
    return !pattern.contains(where: { "*?[".contains($0) }) && path.hasPrefix(pattern + "/")
      && isWorkflowName(path)
  }

  /// Every regular `.yaml`/`.yml` file below `folder`, outside hidden folders and hidden files.
  private static func files(below folder: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let entry = walker.nextObject() as? String {
      let name = (entry as NSString).lastPathComponent
      if name.hasPrefix(".") {
        walker.skipDescendants()
        continue
      }
      guard isWorkflowName(name) else { continue }
      let path = folder == "." ? entry : folder + "/" + entry
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        found.append(path)
      }
    }
    return found.sorted()
  }

  private static func isWorkflowName(_ name: String) -> Bool {
    name.hasSuffix(".yaml") || name.hasSuffix(".yml")
  }

  /// Whether the file's top level has `weir:` or `workflow:` (read from its first 64 KiB).
  static func isWorkflow(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 64 << 10)) ?? Data()
    let text = String(decoding: head, as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
      line.hasPrefix("weir:") || line.hasPrefix("workflow:")
    }
  }

  private static func relative(_ path: String, to folder: String) -> String {
    if path == folder { return "" }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
