import Testing

@testable import WeirCore

/// How kinds flow through whole graphs: pass-through, multi-input with look-back, per-region and
/// per-frame scopes (Design.md §3; reference §3.4).
@Suite struct KindFlowTests {
  @Test func cropLooksBackForTheImageAndModelsAfterItRunPerRegion() throws {
    let (checked, problems) = checkForTest(
      """
      weir: 1
      workflow: demographics
      models:
        faces: {type: visual-detector}
        age: {type: visual-classifier}
        gender: {type: visual-classifier}
      nodes:
        detect: {model: faces}
        crop: {type: image-crop, input: detect, params: {margin: 1.1}}
        age: {model: age, input: crop}
        gender: {model: gender, input: crop}
        adults:
          type: concept-thresholder
          input: age
          params: {concept_threshold_type: GREATER_THAN, concepts: {adult: 0.9}}
      """)
    #expect(problems == [])
    let crop = try #require(checked.node("crop"))
    #expect(
      crop.lookBacks == [LookBack(requirement: try KindRequirement(parsing: "image"), source: .workflowInput)]
    )
    #expect(crop.scope == .whole)
    #expect(crop.outputKind?.description == "regions[...].data.image, regions[...].region_info.bounding_box")
    #expect(crop.number("margin") == 1.1)
    let age = try #require(checked.node("age"))
    #expect(age.scope == .eachRegion)
    #expect(
      age.outputKind?.description == "regions[...].data.concepts, regions[...].region_info.bounding_box")
    // A concept thresholder after a per-region classifier also runs on each region, and passes through.
    let adults = try #require(checked.node("adults"))
    #expect(adults.scope == .eachRegion)
    #expect(adults.outputKind == age.outputKind)
  }

  @Test func lookBackFindsTheNearestNodeThatGivesTheImage() throws {
    let (checked, problems) = checkForTest(
      """
      weir: 1
      workflow: upscaled
      models:
        upscale: {type: image-to-image}
        faces: {type: visual-detector}
      nodes:
        big: {model: upscale}
        detect: {model: faces, input: big}
        sure:
          type: region-thresholder
          input: detect
          params: {concept_threshold_type: GREATER_THAN, default_threshold: 0.9}
        crop: {type: image-crop, input: sure}
      """)
    #expect(problems == [])
    #expect(checked.node("crop")?.lookBacks.map(\.source) == [.node("big")])
  }

  @Test func faceSearchChainRunsPerRegionToTheEnd() throws {
    let (checked, problems) = checkForTest(
      """
      workflow:
        id: Face-Search
        nodes:
          - id: face-detect
            model: {model_id: face-detection}
          - id: crop
            model: {model_id: margin-100-image-crop}
            node_inputs: [{node_id: face-detect}]
          - id: face-landmarks
            model: {model_id: face-landmarks}
            node_inputs: [{node_id: crop}]
          - id: face-alignment
            model: {model_id: landmarks-align}
            node_inputs: [{node_id: face-landmarks}]
          - id: face-embed
            model: {model_id: face-identification-transfer-learn}
            node_inputs: [{node_id: face-alignment}]
          - id: face-cluster
            model: {model_id: face-clustering}
            node_inputs: [{node_id: face-embed}]
      """)
    #expect(problems == [])
    #expect(checked.node("crop")?.number("margin") == 1.0)
    #expect(checked.node("crop")?.param("margin")?.source == .model("margin-100-image-crop"))
    #expect(checked.node("face-alignment")?.scope == .eachRegion)
    #expect(checked.node("face-alignment")?.lookBacks.map(\.source) == [.node("crop")])
    #expect(
      checked.node("face-cluster")?.outputKind?.description
        == "regions[...].data.clusters, regions[...].region_info.bounding_box")
  }

  @Test func aTrackerMakesTheInputAVideoAndTheDetectorRunPerFrame() throws {
    let (checked, problems) = checkForTest(
      """
      workflow:
        id: demo-bytetrack
        nodes:
          - id: object-detection
            model: {user_id: clarifai, app_id: main, model_id: person-vehicle-detection-yolov5}
          - id: track
            model:
              model_id: byte-tracker
              model_type_id: byte-tracker
              output_info:
                params: {min_visible_frames: 1, max_disappeared: 30, confidence_thresh: 0.1}
            node_inputs:
              - node_id: object-detection
      """)
    #expect(problems == [])
    #expect(checked.inputKind?.description == "video")
    #expect(checked.node("object-detection")?.scope == .eachFrame)
    #expect(checked.node("track")?.int("max_disappeared") == 30)
    #expect(checked.node("track")?.outputKind?.has("frames[...].data.regions[...].track_id") == true)
    #expect(
      checked.node("track")?.outputKind?.has("frames[...].data.regions[...].region_info.bounding_box") == true
    )
  }

  @Test func textWorkflowsInferATextOrAudioInput() throws {
    let (ocr, ocrProblems) = checkForTest(
      """
      workflow:
        id: wf-ocr
        nodes:
          - id: ocr-workflow
            model: {model_id: language-aware-multilingual-ocr-multiplex}
          - id: text-aggregator
            model:
              model_id: text-aggregation
              model_type_id: text-aggregation-operator
              output_info: {params: {avg_word_width_window_factor: 2.0, avg_word_height_window_factor: 1.0}}
            node_inputs: [{node_id: ocr-workflow}]
          - id: language-id-operator
            model:
              model_id: language-id
              model_type_id: language-id-operator
              output_info: {params: {library: "fasttext", topk: 1, threshold: 0.1, lowercase: true}}
            node_inputs: [{node_id: text-aggregator}]
      """)
    #expect(ocrProblems == [])
    #expect(ocr.node("language-id-operator")?.enumCase("library") == EnumCase(name: "fasttext"))
    #expect(ocr.node("language-id-operator")?.outputKind?.description == "concepts")

    let (asr, asrProblems) = checkForTest(
      """
      workflow:
        id: asr-sentiment
        nodes:
          - id: audio-speech-recognition
            model: {model_id: asr-wav2vec2-large-robust-ft-swbd-300h-english, user_id: facebook, app_id: asr}
          - id: text-sentiment-classification
            model: {model_id: sentiment-analysis-twitter-roberta-base, user_id: erfan, app_id: text-classification}
            node_inputs: [{node_id: audio-speech-recognition}]
      """)
    #expect(asrProblems == [])
    #expect(asr.inputKind?.description == "audio")
  }

  @Test func aCatalogModelOfAnotherUserIsAnotherModel() {
    let (_, problems) = checkForTest(
      """
      workflow:
        id: mine
        nodes:
          - id: faces
            model: {model_id: face-detection, user_id: someone-else, app_id: main}
      """)
    #expect(problems.count == 1)
    #expect(
      problems.first?.contains("model type of 'face-detection' is unknown; its edges are not checked") == true
    )
  }

  @Test func nodesAfterAnUnknownModelAreCheckedForWhatTheyGive() {
    let (checked, problems) = checkForTest(
      """
      workflow:
        id: mixed
        nodes:
          - id: mystery
            model: {model_id: something-private}
          - id: labels
            model: {model_id: general-image-recognition}
            node_inputs: [{node_id: mystery}]
          - id: sure
            model:
              model_id: sure
              model_type_id: region-thresholder
              output_info: {params: {concept_threshold_type: 1, default_threshold: 0.5}}
            node_inputs: [{node_id: labels}]
      """)
    #expect(checked.node("labels")?.inputKind == nil)
    #expect(checked.node("labels")?.outputKind?.description == "concepts")
    #expect(problems.count == 2)
    #expect(
      problems.last?.contains(
        "region-thresholder 'sure' needs regions[...].data.concepts, but its input gives concepts") == true)
  }

  @Test func workflowOrderFollowsInputsNotSourceOrder() throws {
    let (checked, problems) = checkForTest(
      """
      weir: 1
      workflow: backwards
      models:
        pets: {type: visual-detector}
      nodes:
        write: {type: annotation-writer, input: sure, params: {annotation_status: 24150}}
        sure:
          type: region-thresholder
          input: detect
          params: {concept_threshold_type: 1, default_threshold: 0.9}
        detect: {model: pets}
      """)
    #expect(problems == [])
    #expect(checked.orderedNodes.map(\.id) == ["detect", "sure", "write"])
    #expect(
      checked.node("write")?.enumCase("annotation_status")
        == EnumCase(name: "ANNOTATION_SUCCESS", number: 24150))
    #expect(checked.readers(of: .node("detect")) == ["sure"])
  }

  @Test func nodesOnACycleAreLeftUnknownWithoutCascadingErrors() {
    let (checked, problems) = checkForTest(
      """
      weir: 1
      workflow: loop
      nodes:
        a: {type: annotation-writer, input: b, params: {annotation_status: 24150}}
        b: {type: annotation-writer, input: a, params: {annotation_status: 24150}}
      """)
    #expect(problems == [])
    #expect(checked.order == [])
    #expect(checked.node("a")?.outputKind == nil)
  }
}
