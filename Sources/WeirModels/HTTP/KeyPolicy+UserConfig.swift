import Foundation
import WeirCore

extension KeyPolicy {
  /// A problem with `--allow-host` or with the user's config file: where and what.
  public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// The policy of the person running weir: the `--allow-host` entries, then `allow_hosts:` from their
  /// own config file (`userConfigPath`). Nothing in a workflow file or a project's `.weir.yaml` counts.
  ///
  /// - Throws: `LoadError` for an entry that is not a host, or a config file that cannot be read or
  ///   is not what weir expects (a missing file is fine: it allows nothing).
  public static func load(allowHosts: [String], environment: [String: String]) throws(LoadError) -> KeyPolicy
  {
    var hosts: [Host] = []
    for entry in allowHosts {
      guard let host = Host(parsing: entry) else {
        throw LoadError(
          message: "--allow-host '\(entry)' is not a host: write HOST or HOST:PORT, such as 127.0.0.1:8080")
      }
      hosts.append(host)
    }
    let path = userConfigPath(environment: environment)
    if let path { hosts += try readConfig(at: path) }
    return KeyPolicy(allowedHosts: hosts, configPath: path)
  }

  /// `$XDG_CONFIG_HOME/weir/config.yaml` when that variable holds an absolute path, else
  /// `$HOME/.config/weir/config.yaml`; `nil` when neither is set.
  public static func userConfigPath(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      return URL(fileURLWithPath: xdg).appendingPathComponent("weir/config.yaml").path
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return URL(fileURLWithPath: home).appendingPathComponent(".config/weir/config.yaml").path
  }

  /// The hosts in `allow_hosts:` of the config file at `path`; none when there is no such file.
  static func readConfig(at path: String) throws(LoadError) -> [Host] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw LoadError(message: "cannot read \(path): \(error.localizedDescription)")
    }
    let file = SourceFile(path: path, bytes: Array(data))
    let (node, diagnostics) = YAMLLoader().load(file)
    if let first = diagnostics.first(where: { $0.severity == .error }) {
      throw LoadError(message: "\(location(first.range, file)): \(first.message)")
    }
    return try hosts(in: node, file: file)
  }

  private static func hosts(in node: YAMLNode?, file: SourceFile) throws(LoadError) -> [Host] {
    guard let node else { return [] }
    if case .scalar(let s) = node, case .null = s.resolved { return [] }
    guard let mapping = node.mapping else {
      throw LoadError(
        message:
          "\(location(node.range, file)): the weir config must be a mapping, such as 'allow_hosts: [127.0.0.1:8080]'"
      )
    }
    var hosts: [Host] = []
    for pair in mapping.entries {
      guard pair.keyString == "allow_hosts" else {
        throw LoadError(
          message:
            "\(location(pair.key.range, file)): unknown key '\(pair.keyString ?? "?")' in the weir config; it takes: allow_hosts"
        )
      }
      if case .scalar(let s) = pair.value, case .null = s.resolved { continue }
      guard let items = pair.value.sequence?.items else {
        throw LoadError(message: "\(location(pair.value.range, file)): allow_hosts must be a list of hosts")
      }
      for item in items {
        guard let text = item.scalar?.value, let host = Host(parsing: text) else {
          throw LoadError(
            message:
              "\(location(item.range, file)): an allow_hosts entry must be HOST or HOST:PORT, such as 127.0.0.1:8080"
          )
        }
        hosts.append(host)
      }
    }
    return hosts
  }

  /// `path:line:col`.
  private static func location(_ range: SourceRange?, _ file: SourceFile) -> String {
    guard let range else { return file.path }
    let (line, column) = file.location(of: range.start)
    return "\(file.path):\(line):\(column)"
  }
}
