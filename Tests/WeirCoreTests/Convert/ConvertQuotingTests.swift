import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// Values that plain YAML would read differently survive a conversion both ways: each is quoted
/// where it must be, and reads back as the same value of the same kind.
@Suite struct ConvertQuotingTests {
  /// `email` takes any parameters, so every tricky value can sit on one node.
  static let clarifai = """
    workflow:
      id: quoting
      nodes:
        - id: "odd: node"
          model:
            model_id: notify
            model_type_id: email
            output_info:
              params:
                dollar: $accept
                quoted-dollar: "$review"
                yes-text: "yes"
                number-text: "0.5"
                number: 0.50
                colon: "a: b"
                hash: "#not a comment"
                spaced: "  padded  "
                block: |
                  two lines
                  and a "quote"
                unicode: 猫 🐈
                tagged: !!str 12
                empty: ""
                nothing:
                dash: "- item"
                "key with: colon": 1
                list: [a, "b, c", {x: 1}, [2, 3]]
                map: {}
    """

  @Test func valuesReadBackTheSameBothWays() throws {
    let file = SourceFile(path: "quoting.yaml", text: Self.clarifai)
    let native = try Self.convert(file, to: .native)
    let nativeFile = SourceFile(path: "quoting.native.yaml", text: native)
    let back = try Self.convert(nativeFile, to: .clarifai)
    let original = try Self.params(file)
    #expect(try Self.params(nativeFile) == original, "\(native)")
    #expect(try Self.params(SourceFile(path: "back.yaml", text: back)) == original, "\(back)")
    GoldenFile.check(
      native, against: GoldenFile.fixtures("convert").appendingPathComponent("quoting.native.out"))
  }

  static func convert(_ file: SourceFile, to target: Dialect) throws -> String {
    let outcome = Frontend.check(file)
    #expect(!outcome.diagnostics.contains { $0.severity == .error && !$0.id.hasPrefix("plan.") })
    let conversion = WorkflowConverter().convert(try #require(outcome.checked), file: file, to: target)
    #expect(conversion.diagnostics.isEmpty)
    return try #require(conversion.text)
  }

  /// The first node's id and parameters as resolved values, one line each.
  static func params(_ file: SourceFile) throws -> [String] {
    let node = try #require(WorkflowParser.parse(file).workflow?.nodes.first)
    return ["id \(node.id.value)"] + node.params.map { "\($0.name.value) = \(describe($0.value))" }
  }

  static func describe(_ value: ParamValue) -> String {
    switch value {
    case .scalar(let s): return "\(s.resolved)"
    case .varRef(let v): return "var \(v.value)"
    case .list(let items, _): return "[" + items.map(describe).joined(separator: ", ") + "]"
    case .map(let params, _):
      return "{" + params.map { "\($0.name.value): \(describe($0.value))" }.joined(separator: ", ") + "}"
    }
  }
}
