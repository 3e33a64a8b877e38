import Foundation
import WeirCore

/// One batch ready to send: the JSON body, which requests it carries (under which id), and the
/// requests that could not be sent at all (an unreadable image), which fail on their own.
struct ClarifaiBatch: Sendable {
  struct Sent: Sendable, Hashable {
    /// The request's index in the batch.
    var index: Int
    /// The id the input is sent under; the server's `outputs[].input.id` names it.
    var wireId: String
  }

  var body: Data
  var sent: [Sent]
  var unsent: [(index: Int, error: ModelError)]
}

/// Builds `PostModelOutputs` request bodies: `{"inputs": [{"id", "data": {"image": {"base64"|"url"}}}]}`.
enum ClarifaiRequestBuilder {
  /// Encodes the requests that can be sent; the others are returned with the reason.
  static func build(_ requests: [ModelRequest]) -> ClarifaiBatch {
    let wireIds = self.wireIds(for: requests.map(\.input.id))
    var inputs: [WireInput] = []
    var sent: [ClarifaiBatch.Sent] = []
    var unsent: [(index: Int, error: ModelError)] = []
    for (index, request) in requests.enumerated() {
      switch wireData(for: request) {
      case .success(let data):
        inputs.append(WireInput(id: wireIds[index], data: data))
        sent.append(.init(index: index, wireId: wireIds[index]))
      case .failure(let error):
        unsent.append((index, error))
      }
    }
    // Encoding plain strings cannot fail; an empty body is never sent because `sent` is then empty.
    let body = (try? JSONEncoder().encode(WireRequest(inputs: inputs))) ?? Data()
    return ClarifaiBatch(body: body, sent: sent, unsent: unsent)
  }

  /// The id each input is sent under: its own id when that is unique in the batch and made of letters,
  /// digits and `-_.` (so any server accepts it), else `weir-<index>`. Outputs are matched back by it.
  static func wireIds(for ids: [String]) -> [String] {
    var counts: [String: Int] = [:]
    for id in ids { counts[id, default: 0] += 1 }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
    return ids.enumerated().map { index, id in
      let safe = !id.isEmpty && id.count <= 128 && id.allSatisfy(allowed.contains) && !id.hasPrefix("weir-")
      return safe && counts[id] == 1 ? id : "weir-\(index)"
    }
  }

  /// What is sent for one request: the image (the data's own image first, else the input's) as base64
  /// bytes for a file or as a URL, or the text of a text input.
  static func wireData(for request: ModelRequest) -> Result<WireData, ModelError> {
    let image = request.data.image
    if let path = image?.path ?? request.input.path {
      do {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        return .success(WireData(image: WireImage(base64: bytes.base64EncodedString())))
      } catch {
        return .failure(ModelError("cannot read the image '\(path)' to send it: \(readableReason(error))"))
      }
    }
    if let url = image?.url ?? request.input.url {
      return .success(WireData(image: WireImage(url: url)))
    }
    if let text = request.data.text {
      return .success(WireData(text: WireText(raw: text)))
    }
    return .failure(ModelError("input '\(request.input.id)' has no image file, image URL or text to send"))
  }

  /// Foundation's reason for a failed read, without the "The file … couldn't be opened" preamble where possible.
  private static func readableReason(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return String(cString: strerror(code.rawValue)).lowercased()
    }
    if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
    return ns.localizedDescription
  }

  struct WireRequest: Encodable {
    var inputs: [WireInput]
  }

  struct WireInput: Encodable {
    var id: String
    var data: WireData
  }

  struct WireData: Encodable {
    var image: WireImage?
    var text: WireText?
  }

  struct WireImage: Encodable {
    var base64: String?
    var url: String?
  }

  struct WireText: Encodable {
    var raw: String
  }
}
