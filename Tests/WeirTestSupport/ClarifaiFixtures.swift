import WeirCore
import WeirValues

/// Clarifai-shaped answers with predictions that follow from the input id: ids containing `cat` get a
/// sure cat (0.97), `dog` a doubtful dog (0.7), anything else an unlikely cat (0.3).
public enum ClarifaiFixtures {
  public static func prediction(for id: String) -> (concept: String, value: Double) {
    if id.contains("cat") { return ("cat", 0.97) }
    if id.contains("dog") { return ("dog", 0.7) }
    return ("cat", 0.3)
  }

  public static func output(for id: String, namingInput: Bool = true, status: (Int, String) = (10000, "Ok"))
    -> WeirValues.JSONValue
  {
    let (concept, value) = prediction(for: id)
    var output: [String: JSONValue] = [
      "id": .string("out-\(id)"),
      "status": .object(["code": .number(Double(status.0)), "description": .string(status.1)]),
      "model": .object(["id": .string("pets-detector"), "model_type_id": .string("visual-detector")]),
    ]
    if namingInput { output["input"] = .object(["id": .string(id)]) }
    if status.0 == 10000 {
      output["data"] = .object([
        "regions": .array([
          .object([
            "id": .string("region-\(id)"),
            "region_info": .object([
              "bounding_box": .object([
                "top_row": .number(0.1), "left_col": .number(0.2), "bottom_row": .number(0.5),
                "right_col": .number(0.6),
              ])
            ]),
            "data": .object([
              "concepts": .array([
                .object([
                  "id": .string(concept), "name": .string(concept), "value": .number(value),
                  "app_id": .string("main"),
                ])
              ])
            ]),
            "value": .number(value),
          ])
        ])
      ])
    }
    return .object(output)
  }

  public static func response(for ids: [String], failing: [String: Int?] = [:], namingInputs: Bool = true)
    -> WeirValues.JSONValue
  {
    var outputs: [JSONValue] = []
    for id in ids {
      switch failing[id] {
      case .none: outputs.append(output(for: id, namingInput: namingInputs))
      case .some(.none): continue
      case .some(.some(let code)):
        outputs.append(output(for: id, status: (code, "Input image could not be decoded")))
      }
    }
    let mixed = !failing.isEmpty
    return .object([
      "status": .object([
        "code": .number(mixed ? 10010 : 10000), "description": .string(mixed ? "Mixed Success" : "Ok"),
      ]),
      "outputs": .array(namingInputs ? outputs.reversed() : outputs),
    ])
  }
}

/// FlyingFox has a `JSONValue` too; in this target it is always weir's.
typealias JSONValue = WeirValues.JSONValue
