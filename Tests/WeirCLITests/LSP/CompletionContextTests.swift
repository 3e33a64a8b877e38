import Testing
import WeirCore

@testable import WeirLSP

/// Where completion thinks the cursor is (`|` in each text), read from the text alone.
@Suite struct CompletionContextTests {
  static func context(_ marked: String) -> CompletionContext {
    let offset =
      marked.utf8.firstIndex(of: UInt8(ascii: "|")).map {
        marked.utf8.distance(from: marked.utf8.startIndex, to: $0)
      } ?? 0
    let text = marked.replacingOccurrences(of: "|", with: "")
    return CompletionContext(SourceFile(path: "t.yaml", text: text), at: offset)
  }

  @Test func blockKeysAndValues() {
    let key = Self.context("weir: 1\nnodes:\n  sure:\n    ty|\n")
    #expect(key.path == ["nodes", "sure"])
    #expect(key.key == nil)
    #expect(key.word == "ty")
    let value = Self.context("weir: 1\nnodes:\n  sure:\n    type: reg|\n")
    #expect(value.path == ["nodes", "sure"])
    #expect(value.key == "type")
    #expect(value.word == "reg")
  }

  @Test func flowMappingsAndLists() {
    let concept = Self.context("nodes:\n  a: {type: t, params: {concepts: {c|}}}\n")
    #expect(concept.path == ["nodes", "a", "params", "concepts"])
    #expect(concept.key == nil)
    #expect(concept.word == "c")
    let input = Self.context("nodes:\n  a:\n    inputs: [x, |]\n")
    #expect(input.path == ["nodes", "a"])
    #expect(input.key == "inputs")
    #expect(input.inList)
    let variable = Self.context("nodes:\n  a: {params: {concepts: {cat: $ac|}}}\n")
    #expect(variable.key == "cat")
    #expect(variable.word == "$ac")
  }

  @Test func listItemsOfTheClarifaiDialect() {
    let text =
      "workflow:\n  nodes:\n    - id: a\n      model:\n        output_info:\n          params:\n            |\n"
    let inParams = Self.context(text)
    #expect(inParams.path == ["workflow", "nodes", "-", "model", "output_info", "params"])
    let nodeInput = Self.context(
      "workflow:\n  nodes:\n    - id: b\n      node_inputs:\n        - node_id: |\n")
    #expect(nodeInput.path == ["workflow", "nodes", "-", "node_inputs", "-"])
    #expect(nodeInput.key == "node_id")
  }

  @Test func commentsGetNothing() {
    #expect(Self.context("nodes:\n  a: {type: t}  # a com|ment\n").key == "#")
  }
}
