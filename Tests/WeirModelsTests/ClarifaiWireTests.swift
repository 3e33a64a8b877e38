import Foundation
import Testing
import WeirCore

@testable import WeirModels

/// The pieces of the http backend that need no server: request bodies, backoff, Retry-After.
@Suite struct ClarifaiWireTests {
  @Test func textDataIsSentAsRaw() throws {
    let request = ModelRequest(input: InputItem(id: "t"), data: DataRecord(text: "a cat on a mat"))
    let built = ClarifaiRequestBuilder.build([request])
    let body = try JSONDecoder().decode(JSONValue.self, from: built.body)
    #expect(body["inputs"]?.array?.first?["data"]?["text"]?["raw"]?.string == "a cat on a mat")
  }

  @Test func theDataImageComesBeforeTheInputs() throws {
    let request = ModelRequest(
      input: InputItem(id: "x", url: "https://x.test/input.jpg"),
      data: DataRecord(image: ImageRef(url: "https://x.test/crop.jpg")))
    let built = ClarifaiRequestBuilder.build([request])
    let body = try JSONDecoder().decode(JSONValue.self, from: built.body)
    #expect(body["inputs"]?.array?.first?["data"]?["image"]?["url"]?.string == "https://x.test/crop.jpg")
  }

  @Test(arguments: [
    (400, false), (401, false), (403, false), (404, false), (408, true), (409, false), (429, true),
    (500, true),
    (501, false), (502, true), (503, true), (504, true), (505, false),
  ])
  func whichStatusesAreRetried(status: Int, retried: Bool) {
    #expect(RetryPolicy.isRetryable(status: status) == retried)
  }

  @Test func backoffDoublesUpToTheCapWithJitter() {
    let policy = RetryPolicy(retries: 10, backoff: .milliseconds(500), maxBackoff: .seconds(4))
    let low = (0..<6).map { policy.delay(afterAttempt: $0, retryAfter: nil, jitter: 0) }
    let high = (0..<6).map { policy.delay(afterAttempt: $0, retryAfter: nil, jitter: 1) }
    #expect(
      low == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(2), .seconds(2)])
    #expect(high == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4)])
    // Retry-After wins over the backoff, up to a minute.
    #expect(policy.delay(afterAttempt: 0, retryAfter: .seconds(7), jitter: 0.3) == .seconds(7))
    #expect(policy.delay(afterAttempt: 0, retryAfter: .seconds(3600), jitter: 0.3) == .seconds(60))
  }

  @Test func retryAfterAsSecondsOrADate() {
    let now = Date(timeIntervalSince1970: 1_784_000_000)
    #expect(RetryPolicy.parseRetryAfter("3", now: now) == .seconds(3))
    #expect(RetryPolicy.parseRetryAfter(" 0.5 ", now: now) == .milliseconds(500))
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    let later = formatter.string(from: now.addingTimeInterval(12))
    #expect(RetryPolicy.parseRetryAfter(later, now: now) == .seconds(12))
    #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
    #expect(RetryPolicy.parseRetryAfter(nil, now: now) == nil)
  }

  /// Clarifai describes each input's image in `outputs[].input.data.image.image_info`; the prediction
  /// gets that size (as replay gives it from the same response), so COCO export has it. The prediction's
  /// own size wins, and an odd input description costs only the size.
  @Test func theInputImageSizeComesWithThePrediction() throws {
    let body = #"""
      {"status": {"code": 10000}, "outputs": [
        {"input": {"id": "a", "data": {"image": {"url": "https://x.test/a.jpg", "base64": "",
          "image_info": {"width": 640, "height": 480, "format": "JPEG"}}}}, "data": {"regions": []}},
        {"input": {"id": "b", "data": {"image": {"image_info": {"width": 10, "height": 20}}}},
          "data": {"image": {"image_info": {"width": 30, "height": 40}}}},
        {"input": {"id": "c", "data": {"image": "odd"}}, "data": {"concepts": [{"id": "cat", "value": 0.9}]}},
        {"input": {"id": "d", "data": {"image": {"image_info": {"width": 640}}}}, "data": {}}
      ]}
      """#
    let sent = ["a", "b", "c", "d"].enumerated().map { ClarifaiBatch.Sent(index: $0, wireId: $1) }
    let results = ClarifaiResponseParser.results(body: Data(body.utf8), sent: sent, key: nil)
    let images = try results.map { try $0.get().image }
    #expect(images[0] == ImageRef(width: 640, height: 480))
    #expect(images[1] == ImageRef(width: 30, height: 40))
    #expect(images[2] == nil)
    #expect(images[3] == nil)
    #expect(try results[2].get().concepts.first?.id == "cat")
  }
}
