import Foundation
import WeirCore

/// Turns a `MultiOutputResponse` into one result per sent input.
///
/// Outputs are matched to inputs by `outputs[].input.id` (the id each input was sent under), never by
/// position — except when no output names its input and the counts agree, which some self-hosted
/// servers do. An output whose `status.code` is not 10000 fails only its own input.
enum ClarifaiResponseParser {
  static func results(body: Data, sent: [ClarifaiBatch.Sent], key: APIKey?) -> [Result<
    DataRecord, ModelError
  >] {
    let response: ClarifaiOutputsResponse
    do {
      response = try JSONDecoder().decode(ClarifaiOutputsResponse.self, from: body)
    } catch {
      let problem = ModelError(
        "the model server's answer is not a Clarifai response: \(describe(error, body: body, key: key))")
      return sent.map { _ in .failure(problem) }
    }
    let byPosition = response.outputs.allSatisfy { $0.inputId == nil } && response.outputs.count == sent.count
    var byId: [String: ClarifaiOutput] = [:]
    for output in response.outputs {
      if let id = output.inputId, byId[id] == nil { byId[id] = output }
    }
    return sent.enumerated().map { position, input in
      let output = byPosition ? response.outputs[position] : byId[input.wireId]
      guard let output else {
        let why = response.status.flatMap {
          $0.isSuccess || $0.code == ClarifaiStatus.mixed ? nil : $0.summary
        }
        return .failure(
          ModelError(
            why.map { "the model server failed: \($0)" }
              ?? "the model server's answer has no output for this input"))
      }
      return result(of: output)
    }
  }

  private static func result(of output: ClarifaiOutput) -> Result<DataRecord, ModelError> {
    if let status = output.status, !status.isSuccess {
      return .failure(ModelError("the model failed on this input: \(status.summary ?? "no description")"))
    }
    switch output.data {
    case .success(let record): return .success(record.fillingRegionIds().withImageSize(of: output.inputImage))
    case .failure(let error):
      // The path starts at the output's `data`, where the user would look: `regions[0].region_info…`.
      let why = describe(error, body: nil, key: nil, droppingPath: 3)
      return .failure(ModelError("the model server's output for this input is not Clarifai data: \(why)"))
    }
  }

  /// A one-line account of a decoding failure: where in the JSON and what was wrong, plus the start of
  /// the body when it is not JSON at all (an HTML error page from a proxy, say).
  static func describe(_ error: Error, body: Data?, key: APIKey? = nil, droppingPath dropped: Int = 0)
    -> String
  {
    guard let decoding = error as? DecodingError else { return "\(error)" }
    switch decoding {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return "it is not valid JSON" + (body.map { " (it starts with \(snippet($0, key: key)))" } ?? "")
    case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
      let path = c.codingPath.dropFirst(dropped).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
        .joined()
      var what = c.debugDescription
      if case .keyNotFound(let key, _) = decoding { what = "'\(key.stringValue)' is missing" }
      return path.isEmpty ? what : "at \(path.hasPrefix(".") ? String(path.dropFirst()) : path): \(what)"
    @unknown default:
      return "\(decoding)"
    }
  }

  /// The first characters of a body, quoted on one line, scrubbed of the key.
  ///
  /// The key is scrubbed *before* the text is cut: cutting first leaves part of a key that no
  /// longer matches. Only a window of the body is decoded, and when the window ends inside the body
  /// its last `key.longestForm` characters are dropped after scrubbing, since they may hold the start
  /// of a key that the window cut off.
  static func snippet(_ body: Data, limit: Int = 80, key: APIKey?) -> String {
    let margin = key?.longestForm ?? 0
    let window = body.prefix(limit * 4 + margin * 8)
    var text = key.redact(String(decoding: window, as: UTF8.self))
    if window.count < body.count { text = String(text.dropLast(margin)) }
    text = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")
    if text.isEmpty { return "nothing (an empty body)" }
    return text.count > limit ? "'\(text.prefix(limit))…'" : "'\(text)'"
  }
}

/// `{"status": …, "outputs": [...]}`; `outputs` may be absent when the whole request failed.
struct ClarifaiOutputsResponse: Decodable {
  var status: ClarifaiStatus?
  var outputs: [ClarifaiOutput]

  enum CodingKeys: String, CodingKey { case status, outputs }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    status = try c.decodeIfPresent(ClarifaiStatus.self, forKey: .status)
    outputs = try c.decodeIfPresent([ClarifaiOutput].self, forKey: .outputs) ?? []
    guard status != nil || c.contains(.outputs) else {
      throw DecodingError.keyNotFound(
        CodingKeys.outputs, .init(codingPath: [], debugDescription: "neither 'status' nor 'outputs' is there")
      )
    }
  }
}

/// One `Output`: its status, the input it answers and its data. Bad data fails only this output.
struct ClarifaiOutput: Decodable {
  var status: ClarifaiStatus?
  var inputId: String?
  /// The input's image as the server describes it: Clarifai gives its size in `image_info`.
  var inputImage: ImageRef?
  var data: Result<DataRecord, Error>

  enum CodingKeys: String, CodingKey { case status, input, data }

  /// `input: {id, data: {image: {url, image_info: {width, height}}}}`; every part optional.
  struct InputRef: Decodable {
    var id: String?
    var data: InputData?

    struct InputData: Decodable {
      var image: ImageRef?
    }

    enum CodingKeys: String, CodingKey { case id, data }

    init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      id = try? c.decodeIfPresent(String.self, forKey: .id)
      // A server that describes its input oddly still answers for it: the size is a nicety.
      data = try? c.decodeIfPresent(InputData.self, forKey: .data)
    }
  }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    status = try? c.decodeIfPresent(ClarifaiStatus.self, forKey: .status)
    let input = try? c.decodeIfPresent(InputRef.self, forKey: .input)
    inputId = input?.id
    inputImage = input?.data?.image
    data = Result { try c.decodeIfPresent(DataRecord.self, forKey: .data) ?? DataRecord() }
  }
}

extension DataRecord {
  /// The prediction with the input image's size when the prediction itself gives none, as replay
  /// does with the same responses (COCO and YOLO export need sizes). Only the size is taken: the
  /// image's URL or bytes stay with the input.
  func withImageSize(of image: ImageRef?) -> DataRecord {
    guard let image, let width = image.width, let height = image.height, self.image?.width == nil else {
      return self
    }
    var out = self
    var ref = out.image ?? ImageRef()
    ref.width = width
    ref.height = height
    out.image = ref
    return out
  }
}
