import Testing

@testable import WeirCore

private func kind(_ text: String) -> Kind { try! Kind(parsing: text) }

@Suite struct KindTests {
  @Test func pathsAreShownAsClarifaiWritesThem() throws {
    let k = kind("regions[...].region_info.bounding_box, regions[...].data.concepts")
    #expect(k.paths == ["regions[...].data.concepts", "regions[...].region_info.bounding_box"])
    #expect(k.description == "regions[...].data.concepts, regions[...].region_info.bounding_box")
    #expect(kind("regions[].data.concepts") == kind("regions.data.concepts"))
    #expect(
      kind("frames[...].data.regions[...].track_id").description == "frames[...].data.regions[...].track_id")
    #expect(Kind().description == "nothing")
  }

  @Test(arguments: [
    (
      "regions[...].data.concept",
      "unknown data field 'concept' of 'regions[...].data' in 'regions[...].data.concept'; did you mean 'concepts'?"
    ),
    ("imag", "unknown data field 'imag' in 'imag'; did you mean 'image'?"),
    ("image[...]", "'image' is not a list, so 'image[...]' in 'image[...]' names nothing"),
    ("image.url", "'image' has no fields, so 'image.url' names nothing"),
    ("image,, text", "empty field path in 'image,, text'"),
    (
      "regions[...]..data",
      "'regions[...]..data' is not a field path (write fields like regions[...].data.concepts)"
    ),
  ])
  func malformedKindsSayWhatIsWrong(text: String, message: String) {
    #expect(throws: KindError(message)) { try Kind(parsing: text) }
  }

  @Test func structuralSatisfactionAllowsExtraFields() {
    let detector = kind("regions[...].data.concepts, regions[...].region_info.bounding_box")
    #expect(detector.includes(kind("regions[...].data.concepts")))
    #expect(detector.includes(kind("regions")))
    #expect(detector.includes(Kind()))
    #expect(!detector.includes(kind("image")))
    #expect(!detector.includes(kind("regions[...].data.image")))
    #expect(
      detector.firstMissing(kind("regions[...].data.concepts, regions[...].data.text"))
        == "regions[...].data.text")
    // A field known only as a whole says nothing about what is inside it.
    #expect(!kind("regions").includes(kind("regions[...].data.concepts")))
  }

  @Test func unionMergesTrees() {
    let merged = kind("image").union(kind("regions[...].data.concepts")).union(
      kind("regions[...].region_info.mask"))
    #expect(merged.description == "image, regions[...].data.concepts, regions[...].region_info.mask")
    #expect(merged.union(merged) == merged)
    #expect(kind("regions").union(kind("regions[...].data.text")) == kind("regions[...].data.text"))
  }

  @Test func requirementsReadAnyCommaListsAndAlternatives() throws {
    #expect(try KindRequirement(parsing: "Any") == .any)
    #expect(try KindRequirement(parsing: "any").isSatisfied(by: Kind()))
    let both = try KindRequirement(parsing: "text, concepts")
    #expect(both.isSatisfied(by: kind("concepts, text, image")))
    #expect(!both.isSatisfied(by: kind("text")))
    let either = try KindRequirement(parsing: "image | text")
    #expect(either.isSatisfied(by: kind("text")))
    #expect(either.isSatisfied(by: kind("image")))
    #expect(!either.isSatisfied(by: kind("audio")))
    #expect(either.description == "image | text")
  }

  @Test func viewsSeeInsideRegionsAndFrames() {
    let crops = kind("regions[...].data.image, regions[...].region_info.bounding_box")
    #expect(crops.view(at: .whole) == crops)
    #expect(crops.view(at: .eachRegion) == kind("image"))
    #expect(crops.view(at: .eachFrame) == nil)
    #expect(kind("video").view(at: .eachFrame) == kind("image"))
    #expect(kind("frames[...].data.regions[...].data.image").view(at: .eachFrameRegion) == kind("image"))
  }

  @Test func liftingPutsOutputBackIntoEachRegionKeepingItsBox() {
    let crops = kind("regions[...].data.image, regions[...].region_info.bounding_box")
    let lifted = crops.lifting(kind("concepts"), from: .eachRegion)
    #expect(lifted == kind("regions[...].data.concepts, regions[...].region_info.bounding_box"))
    #expect(
      kind("video").lifting(kind("regions[...].data.concepts"), from: .eachFrame)
        == kind("frames[...].data.regions[...].data.concepts"))
    #expect(kind("image").lifting(kind("concepts"), from: .whole) == kind("concepts"))
  }
}
