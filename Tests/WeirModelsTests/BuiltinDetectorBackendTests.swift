import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirModels

/// The built-in detector as a model backend, on the real example photos.
@Suite struct BuiltinDetectorBackendTests {
  let photos = Repository.root.appendingPathComponent("examples/pets/photos")

  func backend(_ yaml: String) throws -> any ModelBackend {
    let parsed = ParsedBackend(yaml)
    return try ModelBackends.make(
      spec: parsed.spec, model: parsed.model, environment: [:], keys: KeyPolicy(), allowExec: false,
      baseDirectory: Repository.root)
  }

  func request(_ file: String) -> ModelRequest {
    let path = photos.appendingPathComponent(file).path
    return ModelRequest(input: InputItem(id: file, path: path), data: DataRecord(image: ImageRef(path: path)))
  }

  @Test func kittenGetsOpenCVsBoxAsASureCat() async throws {
    let results = try await backend("builtin: cat-face").predict([request("cat_kitten_gcompris.jpg")])
    let record = try #require(try results.first?.get())
    // OpenCV: (263,140,130) lw 3.44 and (20,12,128) lw 0.30 on the 640x360 photo.
    #expect(record.regions.count == 2)
    #expect(record.image?.width == 640 && record.image?.height == 360)
    let sure = try #require(record.regions.first { $0.id == "cat-face@263,140,130x130" })
    #expect(sure.concepts.map(\.id) == ["cat"])
    #expect(abs(sure.boundingBox!.leftCol - 263.0 / 640) < 1e-12)
    #expect(abs(sure.boundingBox!.bottomRow - 270.0 / 360) < 1e-12)
    #expect(sure.concepts[0].value > 0.95)
    let grass = try #require(record.regions.first { $0.id == "cat-face@20,12,128x128" })
    #expect(grass.concepts[0].value < 0.5)
  }

  /// Issue 12, item 16: the pixel budget is a backend option; an image over it fails its input alone.
  @Test func maxPixelsBoundsTheImagesDecoded() async throws {
    let small = try backend("{builtin: cat-face, max_pixels: 100000}")
    let results = await small.predict([request("cat_kitten_gcompris.jpg")])
    let path = photos.appendingPathComponent("cat_kitten_gcompris.jpg").path
    #expect(
      results[0].failureMessage
        == "cannot read image '\(path)': JPEG image too large: 640x360 is more than 0.1 megapixels; raise the "
        + "backend's 'max_pixels' to read it")
    let enough = try backend("{builtin: cat-face, max_pixels: 230400}")
    #expect(try await enough.predict([request("cat_kitten_gcompris.jpg")])[0].get().regions.count == 2)
    #expect(throws: BackendConfigError.self) { try backend("{builtin: cat-face, max_pixels: 0}") }
  }

  @Test func horsesHaveNoCat() async throws {
    let results = try await backend("builtin: cat-face").predict([request("horses_darknet.jpg")])
    #expect(try results[0].get().regions.isEmpty)
  }

  @Test func brokenAndMissingImagesFailOnlyThemselves() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weir-builtin-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let jpeg = try Data(contentsOf: photos.appendingPathComponent("cat_tabby_opencvdoc.jpg"))
    let truncated = dir.appendingPathComponent("truncated.jpg")
    try jpeg.prefix(jpeg.count / 3).write(to: truncated)
    let requests = [
      ModelRequest(input: InputItem(id: "truncated.jpg", path: truncated.path), data: DataRecord()),
      ModelRequest(
        input: InputItem(id: "gone.jpg", path: dir.appendingPathComponent("gone.jpg").path),
        data: DataRecord()),
      request("cat_tabby_opencvdoc.jpg"),
    ]
    let results = try await backend("{builtin: cat-face, min_neighbors: 3}").predict(requests)
    #expect(results[0].failureMessage?.contains("truncated JPEG data") == true)
    #expect(results[1].failureMessage?.contains("gone.jpg") == true)
    #expect(try results[2].get().regions.contains { $0.id == "cat-face@175,67,90x90" })
  }

  @Test func optionsAreChecked() {
    let parsed = ParsedBackend("{builtin: cat-fcae, scale_factor: 0.9, min_neighbours: 2}")
    let messages = ModelBackends.diagnose(spec: parsed.spec, model: parsed.model).map(\.message)
    #expect(
      messages == [
        "there is no built-in detector 'cat-fcae'",
        "option 'scale_factor' of model 'pets' must be a number above 1 and at most 4, not '0.9'",
        "unknown option 'min_neighbours' for the builtin backend of model 'pets'",
      ])
  }
}
