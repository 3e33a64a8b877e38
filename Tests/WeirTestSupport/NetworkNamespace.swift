import Foundation

/// A network namespace of its own, joined to this one by a veth pair with a /30 between them, so
/// that a process started in it (``launcher``) reaches a server here only over a real network
/// address (``hostAddress``), as a worker on another machine would. Made with `unshare --net` (a
/// `sleep` holds the namespace, nothing is written under /run/netns) and `ip`; ``stop()`` ends the
/// holder, which takes the namespace and the veth pair with it. Needs root: ``unavailable`` says
/// why it cannot be used here, so a test can skip.
public final class NetworkNamespace: @unchecked Sendable {
  /// The address of this side of the pair (the server listens here).
  public let hostAddress: String
  /// The address of the namespace's side.
  public let namespaceAddress: String
  private let holder = Process()
  private let hostLink: String

  /// Why namespaces cannot be made here (not root, no `ip`, `unshare` or `nsenter`), or nil.
  public static var unavailable: String? {
    if getuid() != 0 { return "network namespaces need root" }
    for tool in ["/usr/sbin/ip", "/usr/bin/unshare", "/usr/bin/nsenter"]
    where !FileManager.default.isExecutableFile(atPath: tool) {
      return "\(tool) is not installed"
    }
    return nil
  }

  /// Makes the namespace and the pair; `index` keeps several namespaces of one test apart.
  public init(index: Int) throws {
    // A random /30 in 10.200.0.0/14 so that tests running at once on this machine do not collide.
    let third = Int.random(in: 0..<1024)
    let base = "10.\(200 + third / 256).\(third % 256)"
    let quad = 4 * Int.random(in: 0..<64)
    hostAddress = "\(base).\(quad + 1)"
    namespaceAddress = "\(base).\(quad + 2)"
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    holder.arguments = ["--net", "sleep", "600"]
    try holder.run()
    let pid = holder.processIdentifier
    hostLink = "wh\(pid % 100_000)x\(index)"
    let inside = "wn\(pid % 100_000)x\(index)"
    do {
      try Self.waitForOwnNamespace(pid)
      try Self.ip(["link", "add", hostLink, "type", "veth", "peer", "name", inside])
      try Self.ip(["link", "set", inside, "netns", "\(pid)"])
      try Self.ip(["addr", "add", "\(hostAddress)/30", "dev", hostLink])
      try Self.ip(["link", "set", hostLink, "up"])
      for command in [
        ["addr", "add", "\(namespaceAddress)/30", "dev", inside], ["link", "set", inside, "up"],
      ]
        + [["link", "set", "lo", "up"]]
      {
        try Self.run("/usr/bin/nsenter", ["-t", "\(pid)", "-n", "/usr/sbin/ip"] + command)
      }
    } catch {
      stop()
      throw error
    }
  }

  deinit { stop() }

  /// The command prefix that runs a program in the namespace.
  public var launcher: [String] { ["/usr/bin/nsenter", "-t", "\(holder.processIdentifier)", "-n"] }

  /// Ends the namespace (its processes should have ended first) and the veth pair.
  public func stop() {
    if holder.isRunning {
      kill(holder.processIdentifier, SIGKILL)
      holder.waitUntilExit()
    }
    _ = try? Self.ip(["link", "del", hostLink])
  }

  /// Waits until `pid` has left this namespace (`unshare` has run), for up to 10 s.
  private static func waitForOwnNamespace(_ pid: Int32) throws {
    let mine = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/net")
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      let theirs = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/net")
      if let theirs, theirs != mine { return }
      Thread.sleep(forTimeInterval: 0.02)
    }
    throw WeirProcess.Failure("unshare --net did not make a namespace within 10 s")
  }

  private static func ip(_ arguments: [String]) throws { try run("/usr/sbin/ip", arguments) }

  private static func run(_ program: String, _ arguments: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = arguments
    let err = Pipe()
    p.standardError = err
    p.standardOutput = err
    try p.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    if p.terminationStatus != 0 {
      throw WeirProcess.Failure("\(program) \(arguments.joined(separator: " ")) failed: \(message)")
    }
  }
}
