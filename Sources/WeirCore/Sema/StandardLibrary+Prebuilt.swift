// swift-format-ignore-file
// Generated from stdlib/ by `make stdlib` (the test PrebuiltStdlibTests writes it when run with
// UPDATE_GOLDEN=1). Do not edit: change stdlib/ and run `make stdlib`.

extension StandardLibrary {
  /// The node types of `stdlib/types/`, before the workflow types in ``types``.
  static let declaredTypeCount = 59

  /// The files of the workflow types (`stdlib/workflows/`), parsed on first use.
  static let workflowTypeFiles: [String] = ["workflows/triage.yaml"]

  /// Every node type name and alias → its index in ``types``.
  static let typeIndex: [String: Int] = [
    "annotation-writer": 0,
    "audio-to-text": 45,
    "aws-lambda": 3,
    "barcode-operator": 51,
    "byte-tracker": 53,
    "centroid-tracker": 54,
    "clusterer": 48,
    "concept-synonym-mapper": 15,
    "concept-threshold": 23,
    "concept-thresholder": 23,
    "custom-code-operator": 21,
    "email": 1,
    "embedding-classifier": 49,
    "embeddings-classifier": 49,
    "image-align": 14,
    "image-color-recognizer": 36,
    "image-crop": 12,
    "image-tiling-operator": 13,
    "image-to-image": 38,
    "image-to-text": 37,
    "input-filter": 25,
    "input-searcher": 20,
    "isolation-operator": 10,
    "kalman-filter-tracker": 55,
    "kalman-reid-tracker": 56,
    "keyword-filter-operator": 26,
    "language-id-operator": 19,
    "multimodal-embedder": 46,
    "multimodal-to-text": 47,
    "neural-lite-tracker": 58,
    "neural-tracker": 57,
    "non-max-suppression": 27,
    "object-counter": 8,
    "optical-character-recognizer": 50,
    "prompter": 16,
    "rag-prompter": 17,
    "random-sample": 24,
    "regex-based-classifier": 18,
    "region-size-filter": 28,
    "region-thresholder": 22,
    "results-push": 4,
    "sms": 2,
    "status-push": 5,
    "tesseract-operator": 52,
    "text-aggregation-operator": 7,
    "text-classifier": 39,
    "text-embedder": 41,
    "text-to-audio": 44,
    "text-to-image": 43,
    "text-to-text": 42,
    "text-token-classifier": 40,
    "tiling-region-aggregator-operator": 9,
    "tokens-to-entity-operator": 11,
    "top-k-regions": 29,
    "triage": 59,
    "visual-anomaly": 35,
    "visual-classifier": 31,
    "visual-detector": 30,
    "visual-embedder": 33,
    "visual-keypointer": 34,
    "visual-segmenter": 32,
    "webhook": 6,
  ]

  static let modelCount = 21

  /// Every catalog model id → its index in ``models``.
  static let modelIndex: [String: Int] = [
    "age-demographics-recognition": 10,
    "asr-wav2vec2-large-robust-ft-swbd-300h-english": 18,
    "ethnicity-demographics-recognition": 8,
    "face-clustering": 14,
    "face-detection": 4,
    "face-identification-transfer-learn": 13,
    "face-landmarks": 11,
    "face-sentiment-recognition": 7,
    "gender-demographics-recognition": 9,
    "general-clusterering": 2,
    "general-image-detection": 3,
    "general-image-embedding": 1,
    "general-image-recognition": 0,
    "landmarks-align": 12,
    "language-aware-multilingual-ocr-multiplex": 17,
    "margin-100-image-crop": 5,
    "margin-110-image-crop": 6,
    "mistral-7B-Instruct": 20,
    "moderation-recognition": 15,
    "person-vehicle-detection-yolov5": 16,
    "sentiment-analysis-twitter-roberta-base": 19,
  ]

  /// The declared node type at `index`, built the first time it is asked for.
  static func declaredType(at index: Int) -> NodeType? {
    switch index {
    case 0: return type0
    case 1: return type1
    case 2: return type2
    case 3: return type3
    case 4: return type4
    case 5: return type5
    case 6: return type6
    case 7: return type7
    case 8: return type8
    case 9: return type9
    case 10: return type10
    case 11: return type11
    case 12: return type12
    case 13: return type13
    case 14: return type14
    case 15: return type15
    case 16: return type16
    case 17: return type17
    case 18: return type18
    case 19: return type19
    case 20: return type20
    case 21: return type21
    case 22: return type22
    case 23: return type23
    case 24: return type24
    case 25: return type25
    case 26: return type26
    case 27: return type27
    case 28: return type28
    case 29: return type29
    case 30: return type30
    case 31: return type31
    case 32: return type32
    case 33: return type33
    case 34: return type34
    case 35: return type35
    case 36: return type36
    case 37: return type37
    case 38: return type38
    case 39: return type39
    case 40: return type40
    case 41: return type41
    case 42: return type42
    case 43: return type43
    case 44: return type44
    case 45: return type45
    case 46: return type46
    case 47: return type47
    case 48: return type48
    case 49: return type49
    case 50: return type50
    case 51: return type51
    case 52: return type52
    case 53: return type53
    case 54: return type54
    case 55: return type55
    case 56: return type56
    case 57: return type57
    case 58: return type58
    default: return nil
    }
  }

  /// The catalog model at `index`, built the first time it is asked for.
  static func model(at index: Int) -> CatalogModel? {
    switch index {
    case 0: return model0
    case 1: return model1
    case 2: return model2
    case 3: return model3
    case 4: return model4
    case 5: return model5
    case 6: return model6
    case 7: return model7
    case 8: return model8
    case 9: return model9
    case 10: return model10
    case 11: return model11
    case 12: return model12
    case 13: return model13
    case 14: return model14
    case 15: return model15
    case 16: return model16
    case 17: return model17
    case 18: return model18
    case 19: return model19
    case 20: return model20
    default: return nil
    }
  }

  /// `annotation-writer`, stdlib/types/action.yaml
  private static let type0 = {
    var value = NodeType(
      name: "annotation-writer",
      aliases: [],
      family: .action,
      role: .operator,
      doc: "Writes what reaches it as annotations with a status, as if a person had labelled it: each region (its box and concepts) or each concept of the input. weir writes to its annotation store; Clarifai writes only when the workflow is the app's base workflow.\n",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "annotation_status",
          type: .enumeration(EnumDomain(cases: [EnumCase(name: "ANNOTATION_SUCCESS", number: 24150), EnumCase(name: "ANNOTATION_PENDING", number: 24151), EnumCase(name: "ANNOTATION_AWAITING_REVIEW", number: 24157), EnumCase(name: "ANNOTATION_AWAITING_CONSENSUS_REVIEW", number: 24159)], aliases: [:])),
          doc: "The status written: ANNOTATION_SUCCESS (24150, accepted), ANNOTATION_PENDING (24151), ANNOTATION_AWAITING_REVIEW (24157, for a task's reviewers) or ANNOTATION_AWAITING_CONSENSUS_REVIEW (24159, for a task's labelers); by name or number.\n",
          isRequired: true,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "annotation_user_id",
          type: .string,
          doc: "The user the annotations are written for, as if they had made them.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "task_id",
          type: .string,
          doc: "The labelling task the annotations belong to; reviewers find them there.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "annotation_info",
          type: .any,
          doc: "Free-form JSON stored with each annotation.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/action.yaml"
    )
    value.nameRange = SourceRange(start: 214, end: 231)
    return value
  }()

  /// `email`, stdlib/types/action.yaml
  private static let type1 = {
    var value = NodeType(
      name: "email",
      aliases: [],
      family: .action,
      role: .operator,
      doc: "Sends an email when any data reaches it. Clarifai does not publish its parameters' names.",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/action.yaml"
    )
    value.nameRange = SourceRange(start: 1680, end: 1685)
    return value
  }()

  /// `sms`, stdlib/types/action.yaml
  private static let type2 = {
    var value = NodeType(
      name: "sms",
      aliases: [],
      family: .action,
      role: .operator,
      doc: "Sends a text message when any data reaches it. Clarifai does not publish its parameters' names.",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/action.yaml"
    )
    value.nameRange = SourceRange(start: 1887, end: 1890)
    return value
  }()

  /// `aws-lambda`, stdlib/types/action.yaml
  private static let type3 = {
    var value = NodeType(
      name: "aws-lambda",
      aliases: [],
      family: .action,
      role: .operator,
      doc: "Calls an AWS Lambda function with what reaches it (a PostModelOutputsRequest in `request`) and passes on its answer (a MultiOutputResponse in `response`).\n",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/action.yaml"
    )
    value.nameRange = SourceRange(start: 2098, end: 2108)
    return value
  }()

  /// `results-push`, stdlib/types/action.yaml
  private static let type4 = {
    var value = NodeType(
      name: "results-push",
      aliases: [],
      family: .action,
      role: .operator,
      doc: "Pushes prediction results to an outside system in its own format.",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/action.yaml"
    )
    value.nameRange = SourceRange(start: 2389, end: 2401)
    return value
  }()

  /// `status-push`, stdlib/types/action.yaml
  private static let type5 = {
    var value = NodeType(
      name: "status-push",
      aliases: [],
      family: .action,
      role: .operator,
      doc: "Pushes the processing status of a batch of inputs to an outside system.",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/action.yaml"
    )
    value.nameRange = SourceRange(start: 2579, end: 2590)
    return value
  }()

  /// `webhook`, stdlib/types/action.yaml
  private static let type6 = {
    var value = NodeType(
      name: "webhook",
      aliases: [],
      family: .action,
      role: .operator,
      doc: "weir's own push: posts what reaches it, as Clarifai-shaped JSON, to a URL, and passes it on. Not a Clarifai type (use results-push there).\n",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "url",
          type: .string,
          doc: "Where to send the data (http or https).",
          isRequired: true,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "method",
          type: .enumeration(EnumDomain(cases: [EnumCase(name: "POST", number: nil), EnumCase(name: "PUT", number: nil)], aliases: [:])),
          doc: "The HTTP method.",
          isRequired: false,
          defaultValue: .enumCase(EnumCase(name: "POST", number: nil)),
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "headers",
          type: .stringMap,
          doc: "Extra HTTP headers.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/action.yaml"
    )
    value.nameRange = SourceRange(start: 2774, end: 2781)
    return value
  }()

  /// `text-aggregation-operator`, stdlib/types/aggregate.yaml
  private static let type7 = {
    var value = NodeType(
      name: "text-aggregation-operator",
      aliases: [],
      family: .aggregate,
      role: .operator,
      doc: "Joins the text of OCR regions into one text, in reading order: regions are sorted left to right and then top to bottom by the top-left corner of their box, and words closer than the window factors times the average word size are joined on one line.\n",
      inputs: [
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["text": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "avg_word_width_window_factor",
          type: .number,
          doc: "How many average word widths apart two words may be and still be on one line.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100.0, lowerIsOpen: true, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "avg_word_height_window_factor",
          type: .number,
          doc: "How many average word heights apart two words may be and still be on one line.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100.0, lowerIsOpen: true, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/aggregate.yaml"
    )
    value.nameRange = SourceRange(start: 200, end: 225)
    return value
  }()

  /// `object-counter`, stdlib/types/aggregate.yaml
  private static let type8 = {
    var value = NodeType(
      name: "object-counter",
      aliases: [],
      family: .aggregate,
      role: .operator,
      doc: "Counts the regions, frame by frame, that hold one of its concepts (all regions when it has none), and gives the count as `metadata.object_count`; the regions pass on unchanged. `weir run` stores each input's count (`weir annotations list` and the run summary show them), so a counter runs even when no node reads it.\n",
      inputs: [
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["metadata": Kind()]),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "concepts",
          type: .conceptList,
          doc: "Count only regions with one of these concepts.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .dataConcepts
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/aggregate.yaml"
    )
    value.nameRange = SourceRange(start: 1001, end: 1015)
    return value
  }()

  /// `tiling-region-aggregator-operator`, stdlib/types/aggregate.yaml
  private static let type9 = {
    var value = NodeType(
      name: "tiling-region-aggregator-operator",
      aliases: [],
      family: .aggregate,
      role: .operator,
      doc: "Follows image-tiling-operator and a detector run on each tile: it moves the boxes found on the tiles back onto the whole image and removes duplicates with non-maximum suppression, keeping only the top concept of each box.\n",
      inputs: [
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/aggregate.yaml"
    )
    value.nameRange = SourceRange(start: 1654, end: 1687)
    return value
  }()

  /// `isolation-operator`, stdlib/types/aggregate.yaml
  private static let type10 = {
    var value = NodeType(
      name: "isolation-operator",
      aliases: [],
      family: .aggregate,
      role: .operator,
      doc: "Measures the distance between detections and labels the ones that stand alone.",
      inputs: [
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/aggregate.yaml"
    )
    value.nameRange = SourceRange(start: 2214, end: 2232)
    return value
  }()

  /// `tokens-to-entity-operator`, stdlib/types/aggregate.yaml
  private static let type11 = {
    var value = NodeType(
      name: "tokens-to-entity-operator",
      aliases: [],
      family: .aggregate,
      role: .operator,
      doc: "Joins classified tokens into entities (\"New\" + \"York\" -> \"New York\").",
      inputs: [.oneOf([Kind(fields: ["concepts": Kind(), "text": Kind()])])],
      output: Kind(fields: ["concepts": Kind(), "text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/aggregate.yaml"
    )
    value.nameRange = SourceRange(start: 2566, end: 2591)
    return value
  }()

  /// `image-crop`, stdlib/types/edit.yaml
  private static let type12 = {
    var value = NodeType(
      name: "image-crop",
      aliases: [],
      family: .edit,
      role: .operator,
      doc: "Crops the image around each region, scaling the box by `margin` about its centre (clipped to the image); each crop is a new region with its own id. It needs the image and the regions; when the node before it (a detector) gives no image, it looks back along the graph for one, so `IN -> detector -> crop` works. Models that need an image then run on every crop.\n",
      inputs: [
        .oneOf([Kind(fields: ["image": Kind()])]),
        .oneOf([Kind(fields: ["regions": Kind()])]),
      ],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["image": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
      passesThrough: false,
      looksBack: true,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "margin",
          type: .number,
          doc: "The factor the box is scaled by about its centre: 1.0 keeps it, 1.1 adds 5% on each side (Clarifai's `margin-110-image-crop`). Clarifai publishes no default; weir uses 1.0.\n",
          isRequired: false,
          defaultValue: .number(1.0),
          range: NumberRange(lower: 0.0, upper: 10.0, lowerIsOpen: true, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 177, end: 187)
    return value
  }()

  /// `image-tiling-operator`, stdlib/types/edit.yaml
  private static let type13 = {
    var value = NodeType(
      name: "image-tiling-operator",
      aliases: [],
      family: .edit,
      role: .operator,
      doc: "Cuts an image into equal tiles, each a region with its own box and image, so that a detector can find small objects; tiling-region-aggregator-operator puts them back together. Its parameters (tile size, max object size) are set in Clarifai's UI; their names are not published.\n",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["image": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 1048, end: 1069)
    return value
  }()

  /// `image-align`, stdlib/types/edit.yaml
  private static let type14 = {
    var value = NodeType(
      name: "image-align",
      aliases: [],
      family: .edit,
      role: .operator,
      doc: "Aligns an image (a face crop) using the keypoints a visual-keypointer found in it. Like image-crop, it looks back along the graph for the image.\n",
      inputs: [
        .oneOf([Kind(fields: ["image": Kind()])]),
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["region_info": Kind(fields: ["keypoint_locations": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["image": Kind()]),
      passesThrough: false,
      looksBack: true,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 1536, end: 1547)
    return value
  }()

  /// `concept-synonym-mapper`, stdlib/types/edit.yaml
  private static let type15 = {
    var value = NodeType(
      name: "concept-synonym-mapper",
      aliases: [],
      family: .edit,
      role: .operator,
      doc: "Renames concepts by following synonym relations: Clarifai uses the knowledge graph of the app (hypernyms and hyponyms too); weir uses the `synonyms` mapping. Use it to turn a public model's concept ids into your app's.\n",
      inputs: [.oneOf([Kind(fields: ["concepts": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "knowledge_graph_id",
          type: .string,
          doc: "Clarifai's knowledge graph to follow; \"\" means the whole graph of the app.",
          isRequired: false,
          defaultValue: .string(""),
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "synonyms",
          type: .conceptMap,
          doc: "weir's extension: a mapping from each concept to the one it becomes, for example `{ai_l8TKp2h5: cat}`.\n",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .none
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 1871, end: 1893)
    return value
  }()

  /// `prompter`, stdlib/types/edit.yaml
  private static let type16 = {
    var value = NodeType(
      name: "prompter",
      aliases: [],
      family: .edit,
      role: .operator,
      doc: "Builds a prompt for a language model by putting the input text into a template.\n",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "prompt_template",
          type: .string,
          doc: "The template; `{data.text.raw}` is replaced by the input text.",
          isRequired: true,
          defaultValue: nil,
          range: nil,
          mustContain: "{data.text.raw}",
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 2616, end: 2624)
    return value
  }()

  /// `rag-prompter`, stdlib/types/edit.yaml
  private static let type17 = {
    var value = NodeType(
      name: "rag-prompter",
      aliases: [],
      family: .edit,
      role: .model,
      doc: "Builds a prompt from the input text and the most similar inputs found by searching the app (retrieval-augmented generation). Do not make it the app's base workflow: that would be a dependency cycle.\n",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "prompt_template",
          type: .string,
          doc: "The template; `{data.text.raw}` is the input text and `{data.hits}` a newline-separated list of search results, most similar first. Without one, clarifai-python's default: the hits as context, then \"Query:\" and the input text.\n",
          isRequired: false,
          defaultValue: .string("Context information is below:\n{data.hits}\nGiven the context information and not prior knowledge, answer the query.\nQuery: {data.text.raw}\nAnswer: "),
          range: nil,
          mustContain: "{data.text.raw}",
          clarifaiField: .params
        ),
        ParamDecl(
          name: "min_score",
          type: .number,
          doc: "Search results scoring lower are left out.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_results",
          type: .int,
          doc: "The most search results put into the prompt.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 1.0, upper: 1000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 3164, end: 3176)
    return value
  }()

  /// `regex-based-classifier`, stdlib/types/edit.yaml
  private static let type18 = {
    var value = NodeType(
      name: "regex-based-classifier",
      aliases: [],
      family: .edit,
      role: .operator,
      doc: "Gives its concepts to every text that the regular expression matches.",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "regex",
          type: .string,
          doc: "The regular expression, for example `\\bbucket\\b`.",
          isRequired: true,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "concepts",
          type: .conceptList,
          doc: "The concepts given to a matching text.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .dataConcepts
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 4527, end: 4549)
    return value
  }()

  /// `language-id-operator`, stdlib/types/edit.yaml
  private static let type19 = {
    var value = NodeType(
      name: "language-id-operator",
      aliases: [],
      family: .edit,
      role: .operator,
      doc: "Tells which language a text is in, as concepts named by language code (`en`, `fr`).",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "library",
          type: .enumeration(EnumDomain(cases: [EnumCase(name: "langdetect", number: nil), EnumCase(name: "fasttext", number: nil)], aliases: ["fastText": "fasttext"])),
          doc: "The language identification library (Clarifai's docs spell it fastText).",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "topk",
          type: .int,
          doc: "The most languages returned.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 1.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "threshold",
          type: .number,
          doc: "Languages with a lower confidence are not returned.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "lowercase",
          type: .bool,
          doc: "Lower-case the text before identifying its language.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 5037, end: 5057)
    return value
  }()

  /// `input-searcher`, stdlib/types/edit.yaml
  private static let type20 = {
    var value = NodeType(
      name: "input-searcher",
      aliases: [],
      family: .edit,
      role: .model,
      doc: "Searches the app for inputs similar to this one and gives the matches as search hits.",
      inputs: [
        .oneOf([
          Kind(fields: ["concepts": Kind()]),
          Kind(fields: ["image": Kind()]),
          Kind(fields: ["text": Kind()]),
        ]),
      ],
      output: Kind(fields: ["hits": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 5764, end: 5778)
    return value
  }()

  /// `custom-code-operator`, stdlib/types/edit.yaml
  private static let type21 = {
    var value = NodeType(
      name: "custom-code-operator",
      aliases: [],
      family: .edit,
      role: .model,
      doc: "Runs code the user wrote on Clarifai's side; weir can only call it through a backend.",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/edit.yaml"
    )
    value.nameRange = SourceRange(start: 5985, end: 6005)
    return value
  }()

  /// `region-thresholder`, stdlib/types/filter.yaml
  private static let type22 = {
    var value = NodeType(
      name: "region-thresholder",
      aliases: [],
      family: .filter,
      role: .operator,
      doc: "Keeps, inside each region, the concepts whose confidence passes that concept's threshold under one comparator; a region left with no concept is dropped. Everything else about the region (its box, its mask, its crop) passes through unchanged. A concept with no threshold of its own uses `default_threshold`; with neither, it is removed.\n",
      inputs: [
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "concept_threshold_type",
          type: .enumeration(EnumDomain(cases: [EnumCase(name: "GREATER_THAN", number: 1), EnumCase(name: "GREATER_THAN_OR_EQUAL", number: 2), EnumCase(name: "LESS_THAN", number: 3), EnumCase(name: "LESS_THAN_OR_EQUAL", number: 4), EnumCase(name: "EQUAL", number: 5)], aliases: [:])),
          doc: "How a confidence is compared with its threshold: GREATER_THAN (>), GREATER_THAN_OR_EQUAL (>=), LESS_THAN (<), LESS_THAN_OR_EQUAL (<=) or EQUAL (==); Clarifai's ValueComparator, by name or number. Use complementary pairs (> t and <= t) so that no confidence is lost or written twice.\n",
          isRequired: true,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "concepts",
          type: .conceptThresholds,
          doc: "One threshold per concept id, `{cat: 0.95, dog: 0.9}`. Clarifai keeps these in the model's `output_info.data.concepts` as `[{id, value}]`; weir also accepts them as a parameter.\n",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .dataConcepts
        ),
        ParamDecl(
          name: "default_threshold",
          type: .number,
          doc: "weir's extension: the threshold of every concept that `concepts` does not list. Without it such concepts are removed (Clarifai does not document what it does with them).\n",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .none
        ),
      ],
      requiresOneOf: [["concepts", "default_threshold"]],
      workflow: nil,
      origin: "stdlib/types/filter.yaml"
    )
    value.nameRange = SourceRange(start: 243, end: 261)
    return value
  }()

  /// `concept-thresholder`, stdlib/types/filter.yaml
  private static let type23 = {
    var value = NodeType(
      name: "concept-thresholder",
      aliases: ["concept-threshold"],
      family: .filter,
      role: .operator,
      doc: "Keeps the concepts of the input whose confidence passes that concept's threshold under one comparator; an input left with no concept is dropped from the branch. `concept-threshold` is the name older API examples use.\n",
      inputs: [.oneOf([Kind(fields: ["concepts": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "concept_threshold_type",
          type: .enumeration(EnumDomain(cases: [EnumCase(name: "GREATER_THAN", number: 1), EnumCase(name: "GREATER_THAN_OR_EQUAL", number: 2), EnumCase(name: "LESS_THAN", number: 3), EnumCase(name: "LESS_THAN_OR_EQUAL", number: 4), EnumCase(name: "EQUAL", number: 5)], aliases: [:])),
          doc: "How a confidence is compared with its threshold: GREATER_THAN (>), GREATER_THAN_OR_EQUAL (>=), LESS_THAN (<), LESS_THAN_OR_EQUAL (<=) or EQUAL (==); Clarifai's ValueComparator, by name or number. Use complementary pairs (> t and <= t) so that no confidence is lost or written twice.\n",
          isRequired: true,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "concepts",
          type: .conceptThresholds,
          doc: "One threshold per concept id, `{cat: 0.95, dog: 0.9}`. Clarifai keeps these in the model's `output_info.data.concepts` as `[{id, value}]`; weir also accepts them as a parameter.\n",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .dataConcepts
        ),
        ParamDecl(
          name: "default_threshold",
          type: .number,
          doc: "weir's extension: the threshold of every concept that `concepts` does not list. Without it such concepts are removed (Clarifai does not document what it does with them).\n",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .none
        ),
      ],
      requiresOneOf: [["concepts", "default_threshold"]],
      workflow: nil,
      origin: "stdlib/types/filter.yaml"
    )
    value.nameRange = SourceRange(start: 2258, end: 2277)
    return value
  }()

  /// `random-sample`, stdlib/types/filter.yaml
  private static let type24 = {
    var value = NodeType(
      name: "random-sample",
      aliases: [],
      family: .filter,
      role: .operator,
      doc: "Lets each input through with probability `keep_fraction`, independently for each input (\"if keep_fraction > rand() then output this input\"). weir seeds the draw from `seed` and the input's id, so a run can be repeated exactly.\n",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "keep_fraction",
          type: .number,
          doc: "The fraction of inputs to keep, from 0 (none) to 1 (all).",
          isRequired: true,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "seed",
          type: .int,
          doc: "weir's extension, the seed of the draw; runs with the same seed keep the same inputs.",
          isRequired: false,
          defaultValue: .int(0),
          range: nil,
          mustContain: nil,
          clarifaiField: .none
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/filter.yaml"
    )
    value.nameRange = SourceRange(start: 2842, end: 2855)
    return value
  }()

  /// `input-filter`, stdlib/types/filter.yaml
  private static let type25 = {
    var value = NodeType(
      name: "input-filter",
      aliases: [],
      family: .filter,
      role: .operator,
      doc: "Passes on only the inputs that match the criteria it is configured with; others leave the branch. Clarifai does not publish the names of its parameters, so weir does not check them.\n",
      inputs: [.any],
      output: Kind(),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/filter.yaml"
    )
    value.nameRange = SourceRange(start: 3593, end: 3605)
    return value
  }()

  /// `keyword-filter-operator`, stdlib/types/filter.yaml
  private static let type26 = {
    var value = NodeType(
      name: "keyword-filter-operator",
      aliases: [],
      family: .filter,
      role: .operator,
      doc: "Initialized with a set of words, it finds which of them occur in the input text and gives them as concepts. Clarifai does not publish the names of its parameters.\n",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/filter.yaml"
    )
    value.nameRange = SourceRange(start: 3913, end: 3936)
    return value
  }()

  /// `non-max-suppression`, stdlib/types/filter.yaml
  private static let type27 = {
    var value = NodeType(
      name: "non-max-suppression",
      aliases: [],
      family: .filter,
      role: .operator,
      doc: "weir's extension: removes boxes that overlap a more confident box. Regions are taken from the most confident down (a region's confidence is its top concept's; ties keep their order), and a box whose intersection over union with a kept box is above `iou_threshold` is dropped (exactly at the threshold it stays). Per class by default: only boxes with the same top concept suppress each other. Regions without a box are kept.\n",
      inputs: [
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "iou_threshold",
          type: .number,
          doc: "Boxes overlapping a kept box by more than this intersection over union are dropped.",
          isRequired: false,
          defaultValue: .number(0.5),
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .none
        ),
        ParamDecl(
          name: "class_agnostic",
          type: .bool,
          doc: "When true, any box suppresses any other; otherwise only boxes of the same top concept.",
          isRequired: false,
          defaultValue: .bool(false),
          range: nil,
          mustContain: nil,
          clarifaiField: .none
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/filter.yaml"
    )
    value.nameRange = SourceRange(start: 4362, end: 4381)
    return value
  }()

  /// `region-size-filter`, stdlib/types/filter.yaml
  private static let type28 = {
    var value = NodeType(
      name: "region-size-filter",
      aliases: [],
      family: .filter,
      role: .operator,
      doc: "weir's extension: drops boxes whose width, height or area is outside the given bounds (each inclusive and optional, at least one given), in the image's fraction or in pixels. Regions without a box are kept.\n",
      inputs: [
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["region_info": Kind(fields: ["bounding_box": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["regions": Kind(fields: ["region_info": Kind(fields: ["bounding_box": Kind()])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_width",
          type: .number,
          doc: "The smallest width kept.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: Double.infinity, lowerIsOpen: false, upperIsOpen: true),
          mustContain: nil,
          clarifaiField: .none
        ),
        ParamDecl(
          name: "max_width",
          type: .number,
          doc: "The largest width kept.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: Double.infinity, lowerIsOpen: false, upperIsOpen: true),
          mustContain: nil,
          clarifaiField: .none
        ),
        ParamDecl(
          name: "min_height",
          type: .number,
          doc: "The smallest height kept.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: Double.infinity, lowerIsOpen: false, upperIsOpen: true),
          mustContain: nil,
          clarifaiField: .none
        ),
        ParamDecl(
          name: "max_height",
          type: .number,
          doc: "The largest height kept.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: Double.infinity, lowerIsOpen: false, upperIsOpen: true),
          mustContain: nil,
          clarifaiField: .none
        ),
        ParamDecl(
          name: "min_area",
          type: .number,
          doc: "The smallest area (width × height) kept.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: Double.infinity, lowerIsOpen: false, upperIsOpen: true),
          mustContain: nil,
          clarifaiField: .none
        ),
        ParamDecl(
          name: "max_area",
          type: .number,
          doc: "The largest area (width × height) kept.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: Double.infinity, lowerIsOpen: false, upperIsOpen: true),
          mustContain: nil,
          clarifaiField: .none
        ),
        ParamDecl(
          name: "units",
          type: .enumeration(EnumDomain(cases: [EnumCase(name: "normalized", number: 1), EnumCase(name: "pixels", number: 2)], aliases: [:])),
          doc: "normalized (the default): fractions of the image, a width of 0.1 is a tenth of it; pixels: the image's pixels, which needs its size (an input of unknown size fails at this node).\n",
          isRequired: false,
          defaultValue: .enumCase(EnumCase(name: "normalized", number: 1)),
          range: nil,
          mustContain: nil,
          clarifaiField: .none
        ),
      ],
      requiresOneOf: [["min_width", "max_width", "min_height", "max_height", "min_area", "max_area"]],
      workflow: nil,
      origin: "stdlib/types/filter.yaml"
    )
    value.nameRange = SourceRange(start: 5473, end: 5491)
    return value
  }()

  /// `top-k-regions`, stdlib/types/filter.yaml
  private static let type29 = {
    var value = NodeType(
      name: "top-k-regions",
      aliases: [],
      family: .filter,
      role: .operator,
      doc: "weir's extension: keeps the `k` most confident regions of each input (a region's confidence is its top concept's; ties keep their order) and drops the rest.\n",
      inputs: [
        .oneOf([
          Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()])])]),
        ]),
      ],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "k",
          type: .int,
          doc: "How many regions to keep.",
          isRequired: true,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: Double.infinity, lowerIsOpen: false, upperIsOpen: true),
          mustContain: nil,
          clarifaiField: .none
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/filter.yaml"
    )
    value.nameRange = SourceRange(start: 6955, end: 6968)
    return value
  }()

  /// `visual-detector`, stdlib/types/predict.yaml
  private static let type30 = {
    var value = NodeType(
      name: "visual-detector",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Finds objects in an image: one region per object, with a bounding box (normalized top_row, left_col, bottom_row, right_col) and the concepts it may be, each with a confidence. On a video it runs on every frame.\n",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_value",
          type: .number,
          doc: "Predictions below this confidence are not returned; 0 returns all.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "max_concepts",
          type: .int,
          doc: "The most concepts returned per prediction; 0 means Clarifai's default of 20.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "select_concepts",
          type: .stringList,
          doc: "Only these concept ids are returned.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 490, end: 505)
    return value
  }()

  /// `visual-classifier`, stdlib/types/predict.yaml
  private static let type31 = {
    var value = NodeType(
      name: "visual-classifier",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Tells which concepts an image shows, each with a confidence. After an image-crop it runs on every crop and puts the concepts into that region, keeping the region's box.\n",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_value",
          type: .number,
          doc: "Predictions below this confidence are not returned; 0 returns all.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "max_concepts",
          type: .int,
          doc: "The most concepts returned per prediction; 0 means Clarifai's default of 20.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "select_concepts",
          type: .stringList,
          doc: "Only these concept ids are returned.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 1431, end: 1448)
    return value
  }()

  /// `visual-segmenter`, stdlib/types/predict.yaml
  private static let type32 = {
    var value = NodeType(
      name: "visual-segmenter",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Gives a mask per region of the image with the concept it shows.",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["mask": Kind()])])]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_value",
          type: .number,
          doc: "Predictions below this confidence are not returned; 0 returns all.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "max_concepts",
          type: .int,
          doc: "The most concepts returned per prediction; 0 means Clarifai's default of 20.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "select_concepts",
          type: .stringList,
          doc: "Only these concept ids are returned.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 1742, end: 1758)
    return value
  }()

  /// `visual-embedder`, stdlib/types/predict.yaml
  private static let type33 = {
    var value = NodeType(
      name: "visual-embedder",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Turns an image into an embedding vector (for search, clustering and classification).",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["embeddings": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 1982, end: 1997)
    return value
  }()

  /// `visual-keypointer`, stdlib/types/predict.yaml
  private static let type34 = {
    var value = NodeType(
      name: "visual-keypointer",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Finds keypoints (landmarks such as eyes and mouth corners) of the objects in an image, as regions with keypoint locations.\n",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["keypoint_locations": Kind()])])]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_value",
          type: .number,
          doc: "Predictions below this confidence are not returned; 0 returns all.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "max_concepts",
          type: .int,
          doc: "The most concepts returned per prediction; 0 means Clarifai's default of 20.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "select_concepts",
          type: .stringList,
          doc: "Only these concept ids are returned.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 2172, end: 2189)
    return value
  }()

  /// `visual-anomaly`, stdlib/types/predict.yaml
  private static let type35 = {
    var value = NodeType(
      name: "visual-anomaly",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Scores how unusual an image is compared with what the model was trained on.",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_value",
          type: .number,
          doc: "Predictions below this confidence are not returned; 0 returns all.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "max_concepts",
          type: .int,
          doc: "The most concepts returned per prediction; 0 means Clarifai's default of 20.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "select_concepts",
          type: .stringList,
          doc: "Only these concept ids are returned.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 2500, end: 2514)
    return value
  }()

  /// `image-color-recognizer`, stdlib/types/predict.yaml
  private static let type36 = {
    var value = NodeType(
      name: "image-color-recognizer",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Gives the dominant colours of an image.",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["colors": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 2701, end: 2723)
    return value
  }()

  /// `image-to-text`, stdlib/types/predict.yaml
  private static let type37 = {
    var value = NodeType(
      name: "image-to-text",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Describes an image in words, or reads the text in a cropped region.",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 2849, end: 2862)
    return value
  }()

  /// `image-to-image`, stdlib/types/predict.yaml
  private static let type38 = {
    var value = NodeType(
      name: "image-to-image",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Turns an image into another image (upscaling, style transfer, inpainting).",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["image": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 3036, end: 3050)
    return value
  }()

  /// `text-classifier`, stdlib/types/predict.yaml
  private static let type39 = {
    var value = NodeType(
      name: "text-classifier",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Tells which concepts a text expresses (sentiment, topic, moderation), with confidences.",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_value",
          type: .number,
          doc: "Predictions below this confidence are not returned; 0 returns all.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "max_concepts",
          type: .int,
          doc: "The most concepts returned per prediction; 0 means Clarifai's default of 20.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "select_concepts",
          type: .stringList,
          doc: "Only these concept ids are returned.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 3232, end: 3247)
    return value
  }()

  /// `text-token-classifier`, stdlib/types/predict.yaml
  private static let type40 = {
    var value = NodeType(
      name: "text-token-classifier",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Classifies the tokens of a text into a set of entity classes (names, places, dates).",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_value",
          type: .number,
          doc: "Predictions below this confidence are not returned; 0 returns all.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "max_concepts",
          type: .int,
          doc: "The most concepts returned per prediction; 0 means Clarifai's default of 20.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "select_concepts",
          type: .stringList,
          doc: "Only these concept ids are returned.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 3445, end: 3466)
    return value
  }()

  /// `text-embedder`, stdlib/types/predict.yaml
  private static let type41 = {
    var value = NodeType(
      name: "text-embedder",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Turns a text into an embedding vector.",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["embeddings": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 3661, end: 3674)
    return value
  }()

  /// `text-to-text`, stdlib/types/predict.yaml
  private static let type42 = {
    var value = NodeType(
      name: "text-to-text",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "A language model: text in, text out. Its inference parameters (temperature, max_tokens, …) depend on the model and are passed on unchecked.\n",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 3802, end: 3814)
    return value
  }()

  /// `text-to-image`, stdlib/types/predict.yaml
  private static let type43 = {
    var value = NodeType(
      name: "text-to-image",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Generates an image from a text prompt.",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["image": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 4075, end: 4088)
    return value
  }()

  /// `text-to-audio`, stdlib/types/predict.yaml
  private static let type44 = {
    var value = NodeType(
      name: "text-to-audio",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Speaks a text (speech synthesis).",
      inputs: [.oneOf([Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["audio": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 4233, end: 4246)
    return value
  }()

  /// `audio-to-text`, stdlib/types/predict.yaml
  private static let type45 = {
    var value = NodeType(
      name: "audio-to-text",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Transcribes speech (automatic speech recognition).",
      inputs: [.oneOf([Kind(fields: ["audio": Kind()])])],
      output: Kind(fields: ["text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 4386, end: 4399)
    return value
  }()

  /// `multimodal-embedder`, stdlib/types/predict.yaml
  private static let type46 = {
    var value = NodeType(
      name: "multimodal-embedder",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Turns an image or a text into an embedding in one shared space.",
      inputs: [.oneOf([Kind(fields: ["image": Kind()]), Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["embeddings": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 4556, end: 4575)
    return value
  }()

  /// `multimodal-to-text`, stdlib/types/predict.yaml
  private static let type47 = {
    var value = NodeType(
      name: "multimodal-to-text",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "A vision-language model, an image or a text (or both) in and text out.",
      inputs: [.oneOf([Kind(fields: ["image": Kind()]), Kind(fields: ["text": Kind()])])],
      output: Kind(fields: ["text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 4736, end: 4754)
    return value
  }()

  /// `clusterer`, stdlib/types/predict.yaml
  private static let type48 = {
    var value = NodeType(
      name: "clusterer",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Assigns embeddings to clusters. It must read an embedder's output: a clusterer fed the raw image is a common mistake in Clarifai's own examples.\n",
      inputs: [.oneOf([Kind(fields: ["embeddings": Kind()])])],
      output: Kind(fields: ["clusters": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 4938, end: 4947)
    return value
  }()

  /// `embedding-classifier`, stdlib/types/predict.yaml
  private static let type49 = {
    var value = NodeType(
      name: "embedding-classifier",
      aliases: ["embeddings-classifier"],
      family: .predict,
      role: .model,
      doc: "Classifies embeddings into concepts (a classifier trained on top of an embedder). `embeddings-classifier` is the spelling of Clarifai's docs table.\n",
      inputs: [.oneOf([Kind(fields: ["embeddings": Kind()])])],
      output: Kind(fields: ["concepts": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_value",
          type: .number,
          doc: "Predictions below this confidence are not returned; 0 returns all.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "max_concepts",
          type: .int,
          doc: "The most concepts returned per prediction; 0 means Clarifai's default of 20.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 200.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
        ParamDecl(
          name: "select_concepts",
          type: .stringList,
          doc: "Only these concept ids are returned.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .outputConfig
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 5199, end: 5219)
    return value
  }()

  /// `optical-character-recognizer`, stdlib/types/predict.yaml
  private static let type50 = {
    var value = NodeType(
      name: "optical-character-recognizer",
      aliases: [],
      family: .predict,
      role: .model,
      doc: "Finds the regions of an image that hold text and reads them: a box and the text read in it, with a confidence.\n",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["text": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 5534, end: 5562)
    return value
  }()

  /// `barcode-operator`, stdlib/types/predict.yaml
  private static let type51 = {
    var value = NodeType(
      name: "barcode-operator",
      aliases: [],
      family: .predict,
      role: .operator,
      doc: "Reads barcodes and QR codes (EAN/UPC, Code 128, Code 39, Interleaved 2 of 5, QR) and gives the decoded text per region.\n",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["text": Kind()])])]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: false,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 5828, end: 5844)
    return value
  }()

  /// `tesseract-operator`, stdlib/types/predict.yaml
  private static let type52 = {
    var value = NodeType(
      name: "tesseract-operator",
      aliases: [],
      family: .predict,
      role: .operator,
      doc: "Reads the text of an image with the Tesseract OCR engine. Its language is chosen in Clarifai's UI; the parameter's name is not published.\n",
      inputs: [.oneOf([Kind(fields: ["image": Kind()])])],
      output: Kind(fields: ["text": Kind()]),
      passesThrough: false,
      looksBack: false,
      isSequential: false,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/predict.yaml"
    )
    value.nameRange = SourceRange(start: 6083, end: 6101)
    return value
  }()

  /// `byte-tracker`, stdlib/types/tracker.yaml
  private static let type53 = {
    var value = NodeType(
      name: "byte-tracker",
      aliases: [],
      family: .tracker,
      role: .operator,
      doc: "ByteTrack: associates detections with tracks in two rounds, high-confidence detections first, then low-confidence ones.\n",
      inputs: [
        .oneOf([
          Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])])])]),
        ]),
      ],
      output: Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["track_id": Kind()])])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: true,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_confidence",
          type: .number,
          doc: "Detections with a lower score are not tracked.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "min_visible_frames",
          type: .int,
          doc: "Only tracks seen in more frames than this are returned.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "track_id_prefix",
          type: .string,
          doc: "A prefix for track ids, so that ids of different trackers do not collide.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_disappeared",
          type: .int,
          doc: "How many frames in a row a track may be missing before it is ended.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "new_track_confidence_thresh",
          type: .number,
          doc: "A detection scoring above this that matches no track starts a new one.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "confidence_thresh",
          type: .number,
          doc: "The score that splits detections into the high- and low-confidence rounds.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "high_confidence_match_thresh",
          type: .number,
          doc: "The distance below which a high-confidence detection matches a track.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "low_confidence_match_thresh",
          type: .number,
          doc: "The distance below which a low-confidence detection matches a track.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "unconfirmed_match_thresh",
          type: .number,
          doc: "The distance below which a detection matches a track not yet confirmed.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_distance",
          type: .number,
          doc: "A detection is associated with a track only when closer than this.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1000000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/tracker.yaml"
    )
    value.nameRange = SourceRange(start: 403, end: 415)
    return value
  }()

  /// `centroid-tracker`, stdlib/types/tracker.yaml
  private static let type54 = {
    var value = NodeType(
      name: "centroid-tracker",
      aliases: [],
      family: .tracker,
      role: .operator,
      doc: "Associates detections with tracks by the distance between box centres.",
      inputs: [
        .oneOf([
          Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])])])]),
        ]),
      ],
      output: Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["track_id": Kind()])])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: true,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_confidence",
          type: .number,
          doc: "Detections with a lower score are not tracked.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "min_visible_frames",
          type: .int,
          doc: "Only tracks seen in more frames than this are returned.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "track_id_prefix",
          type: .string,
          doc: "A prefix for track ids, so that ids of different trackers do not collide.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_disappeared",
          type: .int,
          doc: "How many frames in a row a track may be missing before it is ended.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_distance",
          type: .number,
          doc: "A detection is associated with a track only when closer than this.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1000000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/tracker.yaml"
    )
    value.nameRange = SourceRange(start: 2439, end: 2455)
    return value
  }()

  /// `kalman-filter-tracker`, stdlib/types/tracker.yaml
  private static let type55 = {
    var value = NodeType(
      name: "kalman-filter-tracker",
      aliases: [],
      family: .tracker,
      role: .operator,
      doc: "Predicts each track's next box with a Kalman filter and matches detections with the Hungarian algorithm.",
      inputs: [
        .oneOf([
          Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])])])]),
        ]),
      ],
      output: Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["track_id": Kind()])])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: true,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_confidence",
          type: .number,
          doc: "Detections with a lower score are not tracked.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "min_visible_frames",
          type: .int,
          doc: "Only tracks seen in more frames than this are returned.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_disappeared",
          type: .int,
          doc: "How many frames in a row a track may be missing before it is ended.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "filtered_probability",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_detection",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "has_probability",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "has_embedding",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/tracker.yaml"
    )
    value.nameRange = SourceRange(start: 2879, end: 2900)
    return value
  }()

  /// `kalman-reid-tracker`, stdlib/types/tracker.yaml
  private static let type56 = {
    var value = NodeType(
      name: "kalman-reid-tracker",
      aliases: [],
      family: .tracker,
      role: .model,
      doc: "A Kalman filter tracker that also compares appearance: it needs an embedding for each detection (re-identification).\n",
      inputs: [
        .oneOf([
          Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind(), "embeddings": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])])])]),
        ]),
      ],
      output: Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["track_id": Kind()])])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: true,
      acceptsAnyParams: false,
      params: [
        ParamDecl(
          name: "min_confidence",
          type: .number,
          doc: "Detections with a lower score are not tracked.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "min_visible_frames",
          type: .int,
          doc: "Only tracks seen in more frames than this are returned.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "track_id_prefix",
          type: .string,
          doc: "A prefix for track ids, so that ids of different trackers do not collide.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_disappeared",
          type: .int,
          doc: "How many frames in a row a track may be missing before it is ended.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 100000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_distance",
          type: .number,
          doc: "A detection is associated with a track only when closer than this.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1000000.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "association_confidence",
          type: .number,
          doc: "The score a detection needs to be associated with a track.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "initialization_confidence",
          type: .number,
          doc: "The score a detection needs to start a track; it must be above min_confidence.",
          isRequired: false,
          defaultValue: nil,
          range: NumberRange(lower: 0.0, upper: 1.0, lowerIsOpen: false, upperIsOpen: false),
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "covariance_error",
          type: .number,
          doc: "The Kalman filter's process covariance.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "observation_error",
          type: .number,
          doc: "The Kalman filter's observation error.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "distance_metric",
          type: .string,
          doc: "The distance used to compare embeddings.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_emb_distance",
          type: .number,
          doc: "Embeddings farther apart than this never match.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "max_dead",
          type: .int,
          doc: "How many frames a lost track is kept for re-identification.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "var_tracker",
          type: .string,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: .string("na"),
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "reid_model_path",
          type: .string,
          doc: "The re-identification model.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "keep_track_in_image",
          type: .any,
          doc: "1 keeps projected tracks inside the image.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "project_track",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "use_detect_box",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "project_without_detect",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "project_fix_box_size",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "detect_box_fall_back",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "match_limit_ratio",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "match_limit_min_matches",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
        ParamDecl(
          name: "optimal_assignment",
          type: .any,
          doc: "Not documented by Clarifai.",
          isRequired: false,
          defaultValue: nil,
          range: nil,
          mustContain: nil,
          clarifaiField: .params
        ),
      ],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/tracker.yaml"
    )
    value.nameRange = SourceRange(start: 3561, end: 3580)
    return value
  }()

  /// `neural-tracker`, stdlib/types/tracker.yaml
  private static let type57 = {
    var value = NodeType(
      name: "neural-tracker",
      aliases: [],
      family: .tracker,
      role: .model,
      doc: "A tracker that associates detections with a neural network; its parameters are not published.",
      inputs: [
        .oneOf([
          Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])])])]),
        ]),
      ],
      output: Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["track_id": Kind()])])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: true,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/tracker.yaml"
    )
    value.nameRange = SourceRange(start: 5736, end: 5750)
    return value
  }()

  /// `neural-lite-tracker`, stdlib/types/tracker.yaml
  private static let type58 = {
    var value = NodeType(
      name: "neural-lite-tracker",
      aliases: [],
      family: .tracker,
      role: .model,
      doc: "A lighter neural tracker; its parameters are not published.",
      inputs: [
        .oneOf([
          Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["data": Kind(fields: ["concepts": Kind()]), "region_info": Kind(fields: ["bounding_box": Kind()])])])])]),
        ]),
      ],
      output: Kind(fields: ["frames": Kind(fields: ["data": Kind(fields: ["regions": Kind(fields: ["track_id": Kind()])])])]),
      passesThrough: true,
      looksBack: false,
      isSequential: true,
      acceptsAnyParams: true,
      params: [],
      requiresOneOf: [],
      workflow: nil,
      origin: "stdlib/types/tracker.yaml"
    )
    value.nameRange = SourceRange(start: 6006, end: 6025)
    return value
  }()

  /// `general-image-recognition`, stdlib/models/clarifai.yaml
  private static let model0 = {
    var value = CatalogModel(
      id: "general-image-recognition",
      type: "visual-classifier",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Clarifai's general model, about 11,000 everyday concepts (ids like ai_l8TKp2h5).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 681, end: 698)
    return value
  }()

  /// `general-image-embedding`, stdlib/models/clarifai.yaml
  private static let model1 = {
    var value = CatalogModel(
      id: "general-image-embedding",
      type: "visual-embedder",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "The embedding of Clarifai's general model.",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 866, end: 881)
    return value
  }()

  /// `general-clusterering`, stdlib/models/clarifai.yaml
  private static let model2 = {
    var value = CatalogModel(
      id: "general-clusterering",
      type: "clusterer",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Clusters general-image-embedding's embeddings (the id is spelled so upstream).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 1008, end: 1017)
    return value
  }()

  /// `general-image-detection`, stdlib/models/clarifai.yaml
  private static let model3 = {
    var value = CatalogModel(
      id: "general-image-detection",
      type: "visual-detector",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Clarifai's general object detector.",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 1183, end: 1198)
    return value
  }()

  /// `face-detection`, stdlib/models/clarifai.yaml
  private static let model4 = {
    var value = CatalogModel(
      id: "face-detection",
      type: "visual-detector",
      userId: "clarifai",
      appId: "main",
      concepts: [CatalogConcept(id: "ai_b1b1b1b1", name: "BINARY_POSITIVE")],
      params: [],
      doc: "Finds faces; every region has the one concept BINARY_POSITIVE (id ai_b1b1b1b1).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 1312, end: 1327)
    return value
  }()

  /// `margin-100-image-crop`, stdlib/models/clarifai.yaml
  private static let model5 = {
    var value = CatalogModel(
      id: "margin-100-image-crop",
      type: "image-crop",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [MapEntry(key: "margin", value: .number(1.0))],
      doc: "Crops each region exactly at its box.",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 1555, end: 1565)
    return value
  }()

  /// `margin-110-image-crop`, stdlib/models/clarifai.yaml
  private static let model6 = {
    var value = CatalogModel(
      id: "margin-110-image-crop",
      type: "image-crop",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [MapEntry(key: "margin", value: .number(1.1))],
      doc: "Crops each region with its box scaled by 1.1 about its centre (verified on real output).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 1714, end: 1724)
    return value
  }()

  /// `face-sentiment-recognition`, stdlib/models/clarifai.yaml
  private static let model7 = {
    var value = CatalogModel(
      id: "face-sentiment-recognition",
      type: "visual-classifier",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "The expression of a face crop (happiness, disgust, …).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 1929, end: 1946)
    return value
  }()

  /// `ethnicity-demographics-recognition`, stdlib/models/clarifai.yaml
  private static let model8 = {
    var value = CatalogModel(
      id: "ethnicity-demographics-recognition",
      type: "visual-classifier",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Apparent ethnicity of a face crop (Clarifai's Demographics workflow).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 2101, end: 2118)
    return value
  }()

  /// `gender-demographics-recognition`, stdlib/models/clarifai.yaml
  private static let model9 = {
    var value = CatalogModel(
      id: "gender-demographics-recognition",
      type: "visual-classifier",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Apparent gender of a face crop (Clarifai's Demographics workflow).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 2283, end: 2300)
    return value
  }()

  /// `age-demographics-recognition`, stdlib/models/clarifai.yaml
  private static let model10 = {
    var value = CatalogModel(
      id: "age-demographics-recognition",
      type: "visual-classifier",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Apparent age range of a face crop (Clarifai's Demographics workflow).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 2459, end: 2476)
    return value
  }()

  /// `face-landmarks`, stdlib/models/clarifai.yaml
  private static let model11 = {
    var value = CatalogModel(
      id: "face-landmarks",
      type: "visual-keypointer",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Face landmarks (eyes, nose, mouth corners) of a face crop (Clarifai's Face-Search workflow).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 2624, end: 2641)
    return value
  }()

  /// `landmarks-align`, stdlib/models/clarifai.yaml
  private static let model12 = {
    var value = CatalogModel(
      id: "landmarks-align",
      type: "image-align",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Aligns a face crop using its landmarks (Clarifai's Face-Search workflow).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 2813, end: 2824)
    return value
  }()

  /// `face-identification-transfer-learn`, stdlib/models/clarifai.yaml
  private static let model13 = {
    var value = CatalogModel(
      id: "face-identification-transfer-learn",
      type: "visual-embedder",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Face embeddings for identification (Clarifai's Face-Search workflow).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 2996, end: 3011)
    return value
  }()

  /// `face-clustering`, stdlib/models/clarifai.yaml
  private static let model14 = {
    var value = CatalogModel(
      id: "face-clustering",
      type: "clusterer",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Clusters face embeddings (Clarifai's Face-Search workflow).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 3160, end: 3169)
    return value
  }()

  /// `moderation-recognition`, stdlib/models/clarifai.yaml
  private static let model15 = {
    var value = CatalogModel(
      id: "moderation-recognition",
      type: "visual-classifier",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Flags unsafe images (clarifai-python's multi-branch fixture).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 3315, end: 3332)
    return value
  }()

  /// `person-vehicle-detection-yolov5`, stdlib/models/clarifai.yaml
  private static let model16 = {
    var value = CatalogModel(
      id: "person-vehicle-detection-yolov5",
      type: "visual-detector",
      userId: "clarifai",
      appId: "main",
      concepts: nil,
      params: [],
      doc: "Finds people and vehicles (the ByteTrack example of Clarifai's docs).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 3489, end: 3504)
    return value
  }()

  /// `language-aware-multilingual-ocr-multiplex`, stdlib/models/clarifai.yaml
  private static let model17 = {
    var value = CatalogModel(
      id: "language-aware-multilingual-ocr-multiplex",
      type: "optical-character-recognizer",
      userId: nil,
      appId: nil,
      concepts: nil,
      params: [],
      doc: "Reads text in many languages, a box and the text per region (Clarifai's language-aware OCR workflow).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 3679, end: 3707)
    return value
  }()

  /// `asr-wav2vec2-large-robust-ft-swbd-300h-english`, stdlib/models/clarifai.yaml
  private static let model18 = {
    var value = CatalogModel(
      id: "asr-wav2vec2-large-robust-ft-swbd-300h-english",
      type: "audio-to-text",
      userId: "facebook",
      appId: "asr",
      concepts: nil,
      params: [],
      doc: "English speech recognition (wav2vec 2.0).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 3880, end: 3893)
    return value
  }()

  /// `sentiment-analysis-twitter-roberta-base`, stdlib/models/clarifai.yaml
  private static let model19 = {
    var value = CatalogModel(
      id: "sentiment-analysis-twitter-roberta-base",
      type: "text-classifier",
      userId: "erfan",
      appId: "text-classification",
      concepts: nil,
      params: [],
      doc: "Sentiment of a short text (RoBERTa fine-tuned on tweets).",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 4037, end: 4052)
    return value
  }()

  /// `mistral-7B-Instruct`, stdlib/models/clarifai.yaml
  private static let model20 = {
    var value = CatalogModel(
      id: "mistral-7B-Instruct",
      type: "text-to-text",
      userId: "mistralai",
      appId: "completion",
      concepts: nil,
      params: [],
      doc: "Mistral's 7B instruction-following language model.",
      origin: "stdlib/models/clarifai.yaml"
    )
    value.typeRange = SourceRange(start: 4205, end: 4217)
    return value
  }()
}
