import Foundation
import WeirCore

/// One JSON-RPC message as it arrived: its parsed body, or why it could not be read.
public enum IncomingMessage: Sendable {
  case message(JSONValue)
  /// The body is not JSON (answered with a parse error, -32700).
  case notJSON
  /// The header is broken, or the body is larger than the server takes (answered, then skipped).
  case badFrame(String)
}

/// The `Content-Length` framing of the Language Server Protocol, over a byte buffer: headers
/// (`Content-Length: N`, optionally `Content-Type`) ending in a blank line, then N bytes of JSON.
public struct MessageFramer: Sendable {
  /// The largest body read; a longer one is skipped and answered with an error.
  public var maxBody: Int
  private var buffer: [UInt8] = []
  private var start = 0
  /// Bytes of an oversized body still to skip.
  private var skipping = 0

  public init(maxBody: Int = 64 << 20) {
    self.maxBody = maxBody
  }

  /// Adds bytes as they arrive.
  public mutating func append(_ bytes: some Sequence<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  /// The next whole message in the buffer, if one has arrived.
  public mutating func next() -> IncomingMessage? {
    if skipping > 0 {
      skipArrived()
      if skipping > 0 { return nil }
    }
    guard let headerEnd = findHeaderEnd() else {
      if buffer.count - start > 8192 {
        // No blank line in 8 KiB of header: not LSP framing. Drop it and say so.
        buffer.removeAll()
        start = 0
        return .badFrame("a message header longer than 8 KiB, or no blank line after it")
      }
      return nil
    }
    let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
    let bodyStart = headerEnd + 4
    guard let length = Self.contentLength(header) else {
      start = bodyStart
      compact()
      return .badFrame("a message header without a valid Content-Length")
    }
    if length > maxBody {
      start = bodyStart
      skipping = length
      skipArrived()
      return .badFrame("a message of \(length) bytes, more than the \(maxBody >> 20) MiB weir reads")
    }
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Array(buffer[bodyStart..<(bodyStart + length)])
    start = bodyStart + length
    compact()
    guard let value = JSONText.parse(body) else { return .notJSON }
    return .message(value)
  }

  /// Whether a whole message is waiting (so the server need not wait for input).
  public var hasWholeMessage: Bool {
    guard let headerEnd = findHeaderEnd() else { return false }
    let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
    guard let length = Self.contentLength(header) else { return true }
    return length > maxBody || buffer.count - (headerEnd + 4) >= length
  }

  /// Drops as much of an oversized body as has arrived.
  private mutating func skipArrived() {
    let n = min(skipping, buffer.count - start)
    start += n
    skipping -= n
    compact()
  }

  private func findHeaderEnd() -> Int? {
    var i = start
    while i + 3 < buffer.count {
      if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i }
      i += 1
    }
    return nil
  }

  private static func contentLength(_ header: String) -> Int? {
    for line in header.split(separator: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length"
      else { continue }
      guard let n = Int(parts[1].trimmingCharacters(in: .whitespaces)), n >= 0 else { return nil }
      return n
    }
    return nil
  }

  private mutating func compact() {
    if start > 1 << 16 || start == buffer.count {
      buffer.removeFirst(start)
      start = 0
    }
  }

  /// A message framed for sending.
  public static func frame(_ value: JSONValue) -> [UInt8] {
    let body = Array(JSONText.serialize(value).utf8)
    return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }
}
