import Testing
@testable import WeirCore

@Test func loaderMultibyteRanges() {
  let f = SourceFile(path: "t", text: "a: 猫\nb: 1\n")
  let (node, diags) = YAMLLoader().load(f)
  #expect(diags.isEmpty)
  let b = node?.mapping?["b"]?.scalar
  #expect(b?.resolved == .int(1))
  #expect(f.slice(b!.range) == "1")
  #expect(f.slice(node!.mapping!["a"]!.range) == "猫")
}
