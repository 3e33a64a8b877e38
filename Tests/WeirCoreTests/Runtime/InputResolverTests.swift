import Foundation
import Testing

@testable import WeirCore

@Suite struct InputResolverTests {
  typealias S = RuntimeTestSupport

  /// A folder of photos: `photos/cat1.jpg`, `photos/DOG.PNG`, `photos/sub/cat2.jpeg`, a hidden file,
  /// a hidden folder and a text file.
  static func photos() throws -> URL {
    let root = try S.temporaryFolder("weir-inputs")
    for name in [
      "photos/cat1.jpg", "photos/DOG.PNG", "photos/sub/cat2.jpeg", "photos/.hidden.jpg",
      "photos/.cache/x.jpg", "photos/notes.txt",
    ] {
      try S.write("x", to: root.appendingPathComponent(name))
    }
    return root
  }

  @Test func folderIsRecursiveSortedAndImagesOnly() throws {
    let root = try Self.photos()
    defer { try? FileManager.default.removeItem(at: root) }
    let items = try InputResolver(baseDirectory: root.path).resolve(["photos"])
    #expect(items.map(\.id) == ["DOG.PNG", "cat1.jpg", "sub/cat2.jpeg"])
    #expect(items.map(\.path) == ["photos/DOG.PNG", "photos/cat1.jpg", "photos/sub/cat2.jpeg"])
  }

  @Test func filesGlobsAndURLs() throws {
    let root = try Self.photos()
    defer { try? FileManager.default.removeItem(at: root) }
    let r = InputResolver(baseDirectory: root.path)
    #expect(try r.resolve(["photos/cat1.jpg"]) == [InputItem(id: "cat1.jpg", path: "photos/cat1.jpg")])
    #expect(try r.resolve(["photos/*.jpg"]).map(\.path) == ["photos/cat1.jpg"])
    #expect(try r.resolve(["photos/**/cat*"]).map(\.id) == ["cat1.jpg", "sub/cat2.jpeg"])
    #expect(
      try r.resolve(["https://example.com/a/b.jpg?x=1"]) == [
        InputItem(id: "b.jpg", url: "https://example.com/a/b.jpg?x=1")
      ])
    // The same file twice is one input.
    #expect(try r.resolve(["photos/cat1.jpg", "photos/*.jpg"]).count == 1)
  }

  @Test func manifestsInJSONLinesCSVAndCOCO() throws {
    let root = try Self.photos()
    defer { try? FileManager.default.removeItem(at: root) }
    try S.write(
      """
      {"id": "a", "path": "photos/cat1.jpg"}
      {"url": "https://example.com/x/dog.png"}
      {"id": 42}
      "photos/sub/cat2.jpeg"
      """, to: root.appendingPathComponent("list/inputs.jsonl"))
    try S.write(
      "ID,Path,url\r\na,../photos/cat1.jpg,\n\"b, quoted\",,https://example.com/b.jpg\n\nc,\"photos/with \"\"quote\"\".jpg\",\n",
      to: root.appendingPathComponent("list/inputs.csv"))
    let r = InputResolver(baseDirectory: root.path)
    #expect(
      try r.resolve(["list/inputs.jsonl"]) == [
        InputItem(id: "a", path: "list/photos/cat1.jpg"),
        InputItem(id: "dog.png", url: "https://example.com/x/dog.png"),
        InputItem(id: "42"), InputItem(id: "cat2.jpeg", path: "list/photos/sub/cat2.jpeg"),
      ])
    #expect(
      try r.resolve(["list/inputs.csv"]) == [
        InputItem(id: "a", path: "list/../photos/cat1.jpg"),
        InputItem(id: "b, quoted", url: "https://example.com/b.jpg"),
        InputItem(id: "c", path: "list/photos/with \"quote\".jpg"),
      ])
    let coco = try r.resolve([S.fixture("replay", "coco-instances.json")])
    #expect(coco.map(\.id) == ["cat1.jpg", "dog1.jpg", "empty.jpg"])
  }

  @Test func clearErrors() throws {
    let root = try Self.photos()
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    try S.write(
      "{\"id\": \"a\", \"path\": \"1.jpg\"}\n{\"id\": \"a\", \"path\": \"2.jpg\"}\n",
      to: root.appendingPathComponent("dup.jsonl"))
    try S.write("{\"id\": \"a\"}\n{\"id\": \"b\"\n", to: root.appendingPathComponent("bad.jsonl"))
    try S.write("name,size\nx,1\n", to: root.appendingPathComponent("bad.csv"))
    try S.write("{\"nothing\": 1}\n", to: root.appendingPathComponent("noid.jsonl"))
    let r = InputResolver(baseDirectory: root.path)
    let cases: [(String, String)] = [
      ("nope.jpg", "nope.jpg: no such file or folder"),
      ("empty", "empty: no images (.jpg, .jpeg, .png, …) in this folder"),
      ("photos/*.gif", "photos/*.gif: no images match this pattern"),
      (
        "photos/notes.txt",
        "photos/notes.txt: not an image, a folder or a manifest (.jsonl, .csv, a COCO .json)"
      ),
      ("dup.jsonl", "dup.jsonl: input id 'a' names two inputs: 1.jpg and 2.jpg"),
      ("bad.jsonl", "bad.jsonl:3: expected ',' or '}' in an object, found end of file"),
      ("bad.csv", "bad.csv:1: the header names no 'id', 'path' or 'url' column (found: name, size)"),
      ("noid.jsonl", "noid.jsonl:1: an input needs an id, a path or a url"),
    ]
    for (source, message) in cases {
      #expect(throws: InputSourceError.self) { try r.resolve([source]) }
      do { _ = try r.resolve([source]) } catch { #expect(error.description == message) }
    }
  }
}
