import Foundation
import Testing
import WeirCore
import WeirStore
import WeirTestSupport

/// `weir review`'s JSON API against the real server (`weir review --port 0` on loopback).
@Suite(.serialized) struct ReviewAPITests {
  /// The CSRF token the page carries.
  static func csrf(_ server: ReviewProcess, cookie: String? = nil) throws -> String {
    let page = try HTTP.send(server.base, headers: cookie.map { ["Cookie": $0] } ?? [:])
    guard let range = page.text.range(of: #"name="csrf" content="[0-9a-f]+""#, options: .regularExpression)
    else {
      throw WeirProcess.Failure("no CSRF token in the page (\(page.status)): \(page.text.prefix(200))")
    }
    return String(page.text[range].split(separator: "\"")[3])
  }

  static func decision(_ key: AnnotationKey, _ action: String) -> [String: Any] {
    [
      "key": [
        "workflow": key.workflowId, "input": key.inputId, "node": key.nodeId, "region": key.regionId,
        "concept": key.conceptId,
      ],
      "action": action,
    ]
  }

  static func decisionCount(_ path: String) throws -> Int {
    try SQLiteAnnotationStore(path: path, options: .init(readOnly: true)).allDecisions().count
  }

  @Test func withATokenEveryRequestWithoutItIsRefusedAndNothingIsWritten() throws {
    let temp = try TemporaryDirectory("weir-review-tests")
    defer { temp.remove() }
    let keys = try ReviewFixtures.generated(temp.path("weir.db"))
    let token = "test-token-0123456789abcdef"
    _ = try temp.write("token.txt", token + "\n")
    let server = try ReviewProcess(store: "weir.db", in: temp.url, arguments: ["--token-file", "token.txt"])
    defer { server.stop() }
    #expect(server.printed.contains("?token=\(token)"))

    let queue = server.base.appendingPathComponent("api/queue")
    #expect(try HTTP.send(queue).status == 403)
    #expect(try HTTP.send(queue, headers: ["Cookie": "weir_token=wrong"]).status == 403)
    #expect(try HTTP.send(server.base).status == 403, "the page too")
    let first = try HTTP.send(URL(string: server.base.absoluteString + "?token=\(token)")!)
    #expect(first.status == 303)
    #expect(first.headers["set-cookie"]?.hasPrefix("weir_token=\(token);") == true)
    #expect(first.headers["set-cookie"]?.contains("HttpOnly") == true)

    let cookie = "weir_token=\(token)"
    let csrf = try Self.csrf(server, cookie: cookie)
    let decisions = server.base.appendingPathComponent("api/decisions")
    let accept = Self.decision(keys[0], "accept")
    for headers in [
      ["X-CSRF-Token": csrf], ["X-CSRF-Token": csrf, "Cookie": "weir_token=wrong"],
      ["Cookie": cookie], ["Cookie": cookie, "X-CSRF-Token": "0000"],
    ] {
      let refused = try HTTP.send(decisions, method: "POST", headers: headers, json: accept)
      #expect(refused.status == 403, "\(headers)")
    }
    #expect(try Self.decisionCount(temp.path("weir.db")) == 0)
    let ok = try HTTP.send(
      decisions, method: "POST", headers: ["Cookie": cookie, "X-CSRF-Token": csrf], json: accept)
    #expect(ok.status == 200, "\(ok.text)")
    #expect(try Self.decisionCount(temp.path("weir.db")) == 1)
  }

  @Test func imagesAreServedOnlyForInputsInTheStore() throws {
    let temp = try TemporaryDirectory("weir-review-tests")
    defer { temp.remove() }
    try ReviewFixtures.generated(temp.path("weir.db"))
    _ = try temp.write("secret.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
    let server = try ReviewProcess(store: "weir.db", in: temp.url)
    defer { server.stop() }

    let good = try HTTP.send(URL(string: server.base.absoluteString + "api/images/cat_tabby_opencvdoc.jpg")!)
    #expect(good.status == 200)
    #expect(good.headers["content-type"] == "image/jpeg")
    #expect(
      good.body
        == FileManager.default.contents(
          atPath: ReviewFixtures.photos.appendingPathComponent("cat_tabby_opencvdoc.jpg").path))
    for attempt in [
      "api/images/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "api/images/%2Fetc%2Fpasswd", "api/images/secret.jpg",
      "api/images/..%2Fsecret.jpg",
      "api/images/" + temp.path("secret.jpg").replacingOccurrences(of: "/", with: "%2F"),
      "api/inputs/..%2Fweir.db", "weir.db", "../weir.db",
    ] {
      let answer = try HTTP.send(URL(string: server.base.absoluteString + attempt)!)
      #expect(answer.status == 404, "\(attempt): \(answer.status)")
      #expect(!answer.text.contains("root:"), "\(attempt)")
    }
  }

  @Test func aDecisionOnADecidedRowIsAConflictWithTheCurrentState() throws {
    let temp = try TemporaryDirectory("weir-review-tests")
    defer { temp.remove() }
    let keys = try ReviewFixtures.generated(temp.path("weir.db"))
    let server = try ReviewProcess(store: "weir.db", in: temp.url)
    defer { server.stop() }
    let csrf = try Self.csrf(server)
    let decisions = server.base.appendingPathComponent("api/decisions")
    let headers = ["X-CSRF-Token": csrf, "X-Weir-Reviewer": "ana"]

    let accepted = try HTTP.send(
      decisions, method: "POST", headers: headers, json: Self.decision(keys[1], "accept"))
    #expect(accepted.status == 200, "\(accepted.text)")
    let annotation = accepted.json()["annotation"] as? [String: Any]
    #expect(annotation?["status"] as? Int == 24150)
    #expect(annotation?["band"] as? String == "review: (0.3, 0.8] of write-review")

    let again = try HTTP.send(
      decisions, method: "POST", headers: headers, json: Self.decision(keys[1], "reject"))
    #expect(again.status == 409)
    let current = again.json()["current"] as? [String: Any]
    #expect(current?["statusName"] as? String == "ANNOTATION_SUCCESS")
    #expect((current?["decision"] as? [String: Any])?["reviewer"] as? String == "ana")
    #expect(try Self.decisionCount(temp.path("weir.db")) == 1)

    let bad = try HTTP.send(decisions, method: "POST", headers: headers, body: Data("{not json".utf8))
    #expect(bad.status == 400)
    let unknown = try HTTP.send(
      decisions, method: "POST", headers: headers, json: Self.decision(keys[2], "approve"))
    #expect(unknown.status == 400)
    #expect(unknown.text.contains("unknown action 'approve'"))
    #expect(try Self.decisionCount(temp.path("weir.db")) == 1, "bad input never writes")
  }

  @Test func aLockedStoreAnswers503AndTheDecisionGoesThroughOnceItIsFree() throws {
    let temp = try TemporaryDirectory("weir-review-tests")
    defer { temp.remove() }
    let keys = try ReviewFixtures.generated(temp.path("weir.db"))
    let server = try ReviewProcess(store: "weir.db", in: temp.url)
    defer { server.stop() }
    let csrf = try Self.csrf(server)
    let decisions = server.base.appendingPathComponent("api/decisions")

    // Another writer (as `weir run` holds it while writing a batch) takes the write lock.
    let other = try StoreLockHolder(path: temp.path("weir.db"))
    defer { other.release() }
    let locked = try HTTP.send(
      decisions, method: "POST", headers: ["X-CSRF-Token": csrf], json: Self.decision(keys[0], "accept"))
    #expect(locked.status == 503)
    #expect(locked.json()["locked"] as? Bool == true)
    #expect(locked.headers["retry-after"] == "2")
    #expect((locked.json()["error"] as? String)?.contains("locked by a running `weir run`") == true)
    other.release()

    let retried = try HTTP.send(
      decisions, method: "POST", headers: ["X-CSRF-Token": csrf], json: Self.decision(keys[0], "accept"))
    #expect(retried.status == 200)
    #expect(try Self.decisionCount(temp.path("weir.db")) == 1)
  }

  @Test func theQueueOfARealRunShowsItsReviewRowsWithTheirBands() throws {
    let temp = try TemporaryDirectory("weir-review-tests")
    defer { temp.remove() }
    let run = try WeirProcess.run(
      [
        "run", ReviewFixtures.workflow.path, "--inputs", ReviewFixtures.photos.path, "--store",
        temp.path("weir.db"),
        "--set", "accept=0.9", "--set", "review=0.1",
      ], in: temp.url)
    #expect(run.status == 0, "\(run.stderr)")
    let server = try ReviewProcess(store: "weir.db", in: temp.url)
    defer { server.stop() }
    let queue = try HTTP.send(
      URL(string: server.base.absoluteString + "api/queue?limit=50")!, headers: ["X-Weir-Reviewer": "ana"])
    #expect(queue.status == 200)
    let inputs = queue.json()["inputs"] as? [[String: Any]] ?? []
    #expect(!inputs.isEmpty)
    let reviewRows = inputs.flatMap { ($0["annotations"] as? [[String: Any]]) ?? [] }.filter {
      $0["review"] as? Bool == true
    }
    #expect(!reviewRows.isEmpty)
    for row in reviewRows {
      #expect((row["band"] as? String)?.hasPrefix("review: (0.1, 0.9] of write-review") == true, "\(row)")
    }
    #expect(inputs.allSatisfy { ($0["image"] as? String)?.hasPrefix("/api/images/") == true })
    let stats = try WeirProcess.run(["annotations", "stats", "--store", "weir.db"], in: temp.url)
    #expect(stats.status == 0)
    #expect(stats.stdout == "0 review items decided, \(reviewRows.count) left\nno review decisions yet\n")
  }
}
