import Foundation
import WeirCore

/// Where an API key may be sent: the decision of the person running weir, never of a workflow file.
///
/// A workflow file is data that people share and download. It names a server (`http: URL`) and an
/// environment variable (`key_env`), and without this policy it could make weir send any variable to
/// any host. So a key goes only:
/// - to Clarifai's API (`https://api.clarifai.com`) from `CLARIFAI_PAT`, which needs no permission;
/// - to a host the user allowed with `--allow-host HOST[:PORT]` or in their own config file
///   (`allow_hosts:` in `$XDG_CONFIG_HOME/weir/config.yaml`, else `~/.config/weir/config.yaml`),
///   from whichever variable the workflow names.
///
/// A key never goes over plain `http://` except to a loopback address, whatever is allowed. A backend
/// that sends no key (`key_env: null`) needs no permission. Documentation/Backends.md, "Where a key
/// may go".
public struct KeyPolicy: Sendable, Hashable {
  /// One allowed host, with the port when the entry gave one (then only that port is allowed).
  public struct Host: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var port: Int?

    /// Reads `HOST`, `HOST:PORT`, `[IPV6]:PORT` or a URL (`https://host:8443/…`, whose host and port
    /// are taken). Returns `nil` when the text is not one of those.
    public init?(parsing text: String) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.contains("://") {
        guard let url = URL(string: trimmed), let host = url.host, !host.isEmpty else { return nil }
        self.init(name: host, port: url.port)
        return
      }
      var name = Substring(trimmed)
      var port: Int?
      if name.hasPrefix("[") {
        guard let close = name.firstIndex(of: "]") else { return nil }
        let rest = name[name.index(after: close)...]
        name = name[name.index(after: name.startIndex)..<close]
        if !rest.isEmpty {
          guard rest.hasPrefix(":"), let p = Int(rest.dropFirst()) else { return nil }
          port = p
        }
      } else if let colon = name.lastIndex(of: ":"), name.firstIndex(of: ":") == colon {
        guard let p = Int(name[name.index(after: colon)...]) else { return nil }
        port = p
        name = name[..<colon]
      }
      let forbidden = CharacterSet(charactersIn: "/@?#[] \t\\").union(.controlCharacters)
      guard !name.isEmpty, name.rangeOfCharacter(from: forbidden) == nil,
        port.map({ (1...65535).contains($0) }) ?? true
      else { return nil }
      self.init(name: String(name), port: port)
    }

    public init(name: String, port: Int? = nil) {
      self.name = Self.normalized(name)
      self.port = port
    }

    public var description: String {
      let host = name.contains(":") ? "[\(name)]" : name
      return port.map { "\(host):\($0)" } ?? host
    }

    /// Lower case, without IPv6 brackets or a trailing dot, so `API.Example.com.` matches `api.example.com`.
    static func normalized(_ host: String) -> String {
      var h = host.lowercased()
      if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
      while h.hasSuffix(".") { h.removeLast() }
      return h
    }
  }

  /// The hosts allowed by `--allow-host` and by the user's config file, in that order.
  public var allowedHosts: [Host]
  /// The user config file that was read (or would have been), for the message that says how to allow
  /// a host; `nil` when there is no home folder to look in.
  public var configPath: String?

  /// Clarifai's API with `CLARIFAI_PAT`, and nothing else.
  public init(allowedHosts: [Host] = [], configPath: String? = nil) {
    self.allowedHosts = allowedHosts
    self.configPath = configPath
  }

  public static let clarifaiHost = "api.clarifai.com"

  /// Why a key may not go to a server; `nil` when it may.
  public enum Refusal: Sendable, Hashable {
    /// The host (with the port) was not allowed.
    case hostNotAllowed(host: Host)
    /// The URL is plain `http://` to a host that is not loopback.
    case plainHTTP(host: Host)
  }

  /// Whether the key in `keyEnv` may be sent to `url`. No key (`nil`) may go anywhere.
  public func refusal(sending keyEnv: String?, to url: URL) -> Refusal? {
    guard keyEnv != nil else { return nil }
    let scheme = url.scheme?.lowercased() ?? ""
    let name = Host.normalized(url.host ?? "")
    let port = url.port ?? (scheme == "https" ? 443 : 80)
    let host = Host(name: name, port: url.port)
    if scheme != "https", !Self.isLoopback(name) { return .plainHTTP(host: host) }
    if keyEnv == ClarifaiHTTPConfig.defaultKeyEnv, scheme == "https", name == Self.clarifaiHost, port == 443 {
      return nil
    }
    let allowed = allowedHosts.contains { $0.name == name && ($0.port == nil || $0.port == port) }
    return allowed ? nil : .hostNotAllowed(host: host)
  }

  /// `localhost`, `127.0.0.0/8` and `::1`: the only hosts a key may reach over plain HTTP, because
  /// nothing leaves the machine.
  public static func isLoopback(_ host: String) -> Bool {
    let h = Host.normalized(host)
    if h == "localhost" || h.hasSuffix(".localhost") || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
    let parts = h.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == "127" else { return false }
    return parts.allSatisfy { part in part.count <= 3 && UInt8(part) != nil }
  }
}
