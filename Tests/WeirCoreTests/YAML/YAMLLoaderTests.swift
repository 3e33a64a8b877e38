import Foundation
import Testing

@testable import WeirCore

/// The loader's guards and errors: what a hostile or broken file gets.
@Suite struct YAMLLoaderTests {
  func load(_ text: String, limits: YAMLLoader.Limits = .init()) -> (YAMLNode?, [Diagnostic]) {
    let (node, diagnostics) = YAMLLoader(limits: limits).load(SourceFile(path: "t.yaml", text: text))
    return (node, diagnostics)
  }

  @Test(arguments: [
    ("no", ScalarValue.string("no")), ("on", .string("on")), ("yes", .string("yes")), ("off", .string("off")),
    ("0.95", .float(0.95)), ("1e3", .float(1000)), (".5", .float(0.5)), ("-1.5E-2", .float(-0.015)),
    ("0x1F", .int(31)), ("0o17", .int(15)), ("012", .int(12)), ("+12", .int(12)), ("-7", .int(-7)),
    ("0x-1", .string("0x-1")), ("1_000", .string("1_000")), ("0o8", .string("0o8")),
    ("~", .null), ("null", .null), ("NULL", .null), ("", .null),
    ("true", .bool(true)), ("False", .bool(false)), (".inf", .float(.infinity)),
    ("-.Inf", .float(-.infinity)),
    ("$accept", .string("$accept")), ("1.2.3", .string("1.2.3")),
    ("n12", .string("n12")), ("nan", .string("nan")), ("Nope", .string("Nope")), ("tru", .string("tru")),
    ("f", .string("f")), ("~x", .string("~x")), ("1.5e", .string("1.5e")), ("+.5", .float(0.5)),
  ])
  func plainScalarsFollowTheCoreSchema(_ text: String, _ expected: ScalarValue) {
    let (node, diagnostics) = load("v: \(text)\n")
    #expect(diagnostics.isEmpty)
    #expect(node?.mapping?["v"]?.scalar?.resolved == expected)
  }

  @Test func quotedAndTaggedScalars() {
    let (node, _) = load("a: '1'\nb: \"true\"\nc: !!str 5\nd: !!float 1\ne: |\n  7\n")
    let m = node?.mapping
    #expect(m?["a"]?.scalar?.resolved == .string("1"))
    #expect(m?["b"]?.scalar?.resolved == .string("true"))
    #expect(m?["c"]?.scalar?.resolved == .string("5"))
    #expect(m?["d"]?.scalar?.resolved == .float(1))
    #expect(m?["e"]?.scalar?.resolved == .string("7\n"))
    #expect(load("x: .nan\n").0?.mapping?["x"]?.scalar?.resolved.number?.isNaN == true)
  }

  @Test func duplicateKeyIsReportedAtTheSecondWithANoteAtTheFirst() {
    let source = MarkedSource("1️⃣id2️⃣: a\nmodel: x\n3️⃣id4️⃣: b\n")
    let (node, diagnostics) = YAMLLoader().load(source.file)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.id == "yaml.duplicate-key")
    #expect(diagnostics.first?.range == source.range(3, 4))
    #expect(diagnostics.first?.notes.first?.range == source.range(1, 2))
    #expect(node?.mapping?.entries.count == 3)
  }

  /// A mapping's keys are compared in place while it is small and through a dictionary once it is
  /// large: a repeated key is reported the same on either side of the bound, at the repeat, with a
  /// note at the first.
  @Test(arguments: [3, 15, 16, 17, 40])
  func aRepeatedKeyIsFoundInAMappingOfAnySize(_ size: Int) {
    let keys = (0..<size).map { "k\($0)" } + ["k0", "k\(size / 2)", "k0", "k\(size - 1)"]
    var text = ""
    var offsets: [Int] = []
    for (i, key) in keys.enumerated() {
      offsets.append(text.utf8.count)
      text += "\(key): \(i)\n"
    }
    let (_, diagnostics) = load(text)
    func range(_ j: Int) -> SourceRange? {
      SourceRange(start: offsets[j], end: offsets[j] + keys[j].utf8.count)
    }
    var first: [String: Int] = [:]
    var repeats: [(at: Int, first: Int)] = []
    for (i, key) in keys.enumerated() {
      if let j = first[key] { repeats.append((i, j)) } else { first[key] = i }
    }
    #expect(diagnostics.map(\.id) == Array(repeating: "yaml.duplicate-key", count: 4))
    #expect(diagnostics.map(\.range) == repeats.map { range($0.at) })
    #expect(diagnostics.map { $0.notes.first?.range } == repeats.map { range($0.first) })
  }

  @Test func billionLaughsFailsFast() {
    var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    let names = Array("abcdefghijklmnop").map(String.init)
    for i in 1..<names.count {
      lines.append(
        "\(names[i]): &\(names[i]) ["
          + Array(repeating: "*\(names[i - 1])", count: 10).joined(separator: ", ") + "]")
    }
    let start = Date()
    let (node, diagnostics) = load(lines.joined(separator: "\n") + "\n")
    #expect(Date().timeIntervalSince(start) < 2)
    #expect(node == nil)
    #expect(diagnostics.map(\.id) == ["yaml.alias-bomb"])
  }

  @Test func depthIsBounded() {
    let (node, diagnostics) = load("a: [[[[[[1]]]]]]\n", limits: .init(maxDepth: 4))
    #expect(node == nil)
    #expect(diagnostics.map(\.id) == ["yaml.too-deep"])
    #expect(diagnostics.first?.range?.start == 6)
    let (deep, _) = load(String(repeating: "[", count: 100_000))
    #expect(deep == nil)
  }

  @Test func sizeIsBounded() {
    let (node, diagnostics) = load("a: 123456789\n", limits: .init(maxBytes: 8))
    #expect(node == nil)
    #expect(diagnostics.first?.id == "yaml.too-large")
    #expect(diagnostics.first?.message == "file is 13 bytes; weir reads workflow files up to 8 bytes")
  }

  @Test func libyamlErrorsCarryTheirPosition() {
    let source = MarkedSource("a:\n  b: 1\n 1️⃣c: 2\n")
    let (_, diagnostics) = YAMLLoader().load(source.file)
    #expect(diagnostics.first?.id == "yaml.syntax")
    #expect(diagnostics.first?.range?.start == source.offsets[1])
    let quote = MarkedSource("a: 1️⃣\"café\nb: 1\n")
    let (_, d2) = YAMLLoader().load(quote.file)
    #expect(d2.first?.notes.first?.range?.start == quote.offsets[1])
  }

  @Test func invalidUTF8IsReportedAtTheFirstBadByte() {
    let bytes = Array("a: caf".utf8) + [0xC3] + Array(" x\n".utf8)
    let (node, diagnostics) = YAMLLoader().load(SourceFile(path: "t", bytes: bytes))
    #expect(node == nil)
    #expect(diagnostics.map(\.id) == ["yaml.encoding"])
    #expect(diagnostics.first?.range == SourceRange(start: 6, end: 7))
    for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
      #expect(UTF8Validation.firstProblem(in: Array("x: ".utf8) + bad) != nil, "\(bad)")
    }
    #expect(UTF8Validation.firstProblem(in: Array("猫 café 🐈 ✓".utf8)) == nil)
  }

  @Test func emptyAndCommentOnlyFilesGiveNoNode() {
    for text in ["", "\n\n", "# only a comment\n", "---\n", "--- # x\n..."] {
      let (node, diagnostics) = load(text)
      #expect(node == nil || node?.scalar?.resolved == .null, "\(text)")
      #expect(diagnostics.isEmpty, "\(text)")
    }
  }

  @Test func multipleDocumentsAreAnError() {
    let source = MarkedSource("a: 1\n1️⃣---\nb: 2\n")
    let (_, diagnostics) = YAMLLoader().load(source.file)
    #expect(diagnostics.map(\.id) == ["yaml.multiple-documents"])
    #expect(diagnostics.first?.range?.start == source.offsets[1])
    #expect(load("---\na: 1\n...\n").1.isEmpty)
  }

  @Test func unknownAliasAndBadTag() {
    #expect(load("a: *nope\n").1.map(\.id) == ["yaml.unknown-anchor"])
    #expect(load("a: !!int x\n").1.map(\.id) == ["yaml.bad-tag"])
  }
}
