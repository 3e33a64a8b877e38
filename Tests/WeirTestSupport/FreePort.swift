import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Free loopback ports for the servers tests start (PostgreSQL, chromedriver, weir review).
public enum FreePort {
  /// A TCP port on 127.0.0.1 that nothing listens on now, asked of the kernel.
  public static func next() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw WeirProcess.Failure("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    guard bound else { throw WeirProcess.Failure("cannot find a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
