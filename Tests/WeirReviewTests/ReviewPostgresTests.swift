import Foundation
import Testing
import WeirCore
import WeirTestSupport

/// `weir review --store postgresql://…`: the same page and API over a PostgreSQL store, against a
/// real cluster the test starts.
@Suite(.serialized) struct ReviewPostgresTests {
  @Test func reviewOnPostgreSQLServesTheQueueAndWritesDecisions() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let temp = try TemporaryDirectory("weir-review-pg")
    defer { temp.remove() }
    let run = try WeirProcess.run(
      [
        "run", ReviewFixtures.workflow.path, "--inputs", ReviewFixtures.photos.path, "--store", cluster.url,
        "--set", "accept=0.9", "--set", "review=0.1",
      ], environment: cluster.environment, in: temp.url)
    try #require(run.status == 0, "\(run.stderr)")
    // The password in the URL (this server process gets no PGPASSWORD): never printed.
    let store = cluster.url.replacingOccurrences(
      of: "postgresql://postgres@", with: "postgresql://postgres:\(cluster.password)@")
    let server = try ReviewProcess(store: store, in: temp.url)
    defer { server.stop() }
    #expect(server.printed.contains("serving 'postgresql://postgres@/weir?host="), "\(server.printed)")
    #expect(!server.printed.contains(cluster.password))

    func queue(_ reviewer: String, limit: Int) throws -> [[String: Any]] {
      let answer = try HTTP.send(
        URL(string: server.base.absoluteString + "api/queue?limit=\(limit)")!,
        headers: ["X-Weir-Reviewer": reviewer])
      #expect(answer.status == 200, "\(answer.text)")
      return answer.json()["inputs"] as? [[String: Any]] ?? []
    }
    let ana = try queue("ana", limit: 2)
    let bo = try queue("bo", limit: 50)
    let ids = { (inputs: [[String: Any]]) in Set(inputs.compactMap { $0["id"] as? String }) }
    #expect(ana.count == 2)
    #expect(ids(ana).isDisjoint(with: ids(bo)), "ana: \(ids(ana)), bo: \(ids(bo))")
    let rows = ana.flatMap { ($0["annotations"] as? [[String: Any]]) ?? [] }.filter {
      $0["review"] as? Bool == true
    }
    let first = try #require(rows.first)
    #expect((first["band"] as? String)?.hasPrefix("review: (0.1, 0.9] of write-review") == true, "\(first)")
    let key = try #require(first["key"] as? [String: Any])

    let csrf = try ReviewAPITests.csrf(server)
    let decisions = server.base.appendingPathComponent("api/decisions")
    let byBo = try HTTP.send(
      decisions, method: "POST", headers: ["X-CSRF-Token": csrf, "X-Weir-Reviewer": "bo"],
      json: ["key": key, "action": "accept"])
    #expect(byBo.status == 409, "\(byBo.text)")
    let byAna = try HTTP.send(
      decisions, method: "POST", headers: ["X-CSRF-Token": csrf, "X-Weir-Reviewer": "ana"],
      json: ["key": key, "action": "reject"])
    #expect(byAna.status == 200, "\(byAna.text)")
    #expect(try cluster.value("SELECT action || ' by ' || reviewer FROM decisions") == "reject by ana")
    let again = try HTTP.send(
      decisions, method: "POST", headers: ["X-CSRF-Token": csrf, "X-Weir-Reviewer": "ana"],
      json: ["key": key, "action": "accept"])
    #expect(again.status == 409, "\(again.text)")

    let left = Int(try cluster.value("SELECT count(*) FROM annotations WHERE status = 24157")) ?? 0
    let stats = try WeirProcess.run(
      ["annotations", "stats", "--store", cluster.url], environment: cluster.environment, in: temp.url)
    #expect(stats.status == 0, "\(stats.stderr)")
    #expect(stats.stdout.hasPrefix("1 review item decided, \(left - 1) left\n"), "\(stats.stdout)")
  }
}
