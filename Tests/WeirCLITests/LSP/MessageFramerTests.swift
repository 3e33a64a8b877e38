import Foundation
import Testing
import WeirCore
import WeirLSP

/// The `Content-Length` framing, byte by byte: messages split across reads, two in one read, a
/// body larger than the server takes, and JSON text written the same way every time.
@Suite struct MessageFramerTests {
  static func frame(_ body: String) -> [UInt8] {
    Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
  }

  @Test func messagesSplitAcrossReadsAndJoinedInOne() {
    var framer = MessageFramer()
    let bytes = Self.frame("{\"id\":1,\"method\":\"a\"}") + Self.frame("{\"id\":2,\"method\":\"é\"}")
    for byte in bytes.prefix(10) { framer.append([byte]) }
    #expect(framer.next() == nil)
    framer.append(bytes.dropFirst(10))
    guard case .message(let first) = framer.next(), case .message(let second) = framer.next() else {
      Issue.record("two messages expected")
      return
    }
    #expect(first["id"] == .int(1))
    #expect(second["method"] == .string("é"))
    #expect(framer.next() == nil)
  }

  @Test func aBodyPastTheLimitIsSkippedAndTheNextMessageRead() {
    var framer = MessageFramer(maxBody: 16)
    framer.append(
      Self.frame("{\"text\":\"" + String(repeating: "x", count: 40) + "\"}") + Self.frame("{\"id\":3}"))
    guard case .badFrame(let why) = framer.next() else {
      Issue.record("a bad frame expected")
      return
    }
    #expect(why.hasPrefix("a message of 51 bytes"))
    guard case .message(let next) = framer.next() else {
      Issue.record("the next message expected")
      return
    }
    #expect(next["id"] == .int(3))
  }

  @Test func jsonTextIsCompactWithSortedKeysAndWholeNumbers() {
    let value: JSONValue = .object([
      "b": .array([.int(1), .number(0.5), .bool(true), .null]), "a": .string("q\"\n\u{1}😀"),
    ])
    #expect(JSONText.serialize(value) == "{\"a\":\"q\\\"\\n\\u0001😀\",\"b\":[1,0.5,true,null]}")
    #expect(JSONText.parse(Array(JSONText.serialize(value).utf8)) == value)
  }
}
