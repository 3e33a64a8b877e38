import Foundation
import Testing
import WeirTestSupport

/// Workers in network namespaces of their own (`unshare --net`, a veth pair each), reaching the
/// database only over a real network address, as workers on other machines do. Skipped where
/// namespaces cannot be made (not root, no `ip`).
@Suite(.serialized) struct PostgresNetworkTests {
  @Test(.enabled(if: NetworkNamespace.unavailable == nil, "needs root, ip, unshare and nsenter"))
  func workersInTheirOwnNetworkNamespacesFinishARunOverTheNetwork() throws {
    let spaces = try (0..<2).map { try NetworkNamespace(index: $0) }
    defer { for space in spaces { space.stop() } }
    let cluster = try PostgresCluster(
      listenAddresses: spaces.map(\.hostAddress), clientNetworks: spaces.map { "\($0.namespaceAddress)/32" })
    defer { cluster.stop() }
    let folder = try PostgresStoreTests.slowFolder(count: 60, delay: 0.2)
    let env = cluster.environment
    let run = try BackgroundWeir(
      [
        "run", "workflow.yaml", "--inputs", "inputs.jsonl", "--store", cluster.url, "--shard-size", "5",
        "--allow-exec", "--jobs", "1",
      ], in: folder.url, environment: env)
    defer { if run.process.isRunning { run.process.terminate() } }
    #expect(PostgresStoreTests.waitUntil(30) { (try? cluster.value("SELECT count(*) FROM shards")) == "12" })
    let workers = try spaces.enumerated().map { i, space in
      try BackgroundWeir(
        [
          "worker", "--store", "postgresql://postgres@\(space.hostAddress):\(cluster.port)/weir", "--name",
          "ns\(i)", "--allow-exec", "--jobs", "1",
        ], in: folder.url, environment: env, launcher: space.launcher)
    }
    defer { for w in workers where w.process.isRunning { w.process.terminate() } }
    #expect(run.finish().status == 0, "\(run.standardError)")
    for (i, w) in workers.enumerated() {
      #expect(w.finish().status == 0, "\(w.standardError)")
      #expect(w.standardError.contains("weir worker ns\(i): done:"), "\(w.standardError)")
    }
    #expect(try cluster.value("SELECT count(*) FROM shards WHERE state = 'done'") == "12")
    #expect(try cluster.value("SELECT count(*) FROM inputs") == "60")
    #expect(try cluster.value("SELECT count(*) FROM annotations") == "60")
    // Each worker came in over its veth, from its namespace's address.
    for space in spaces {
      #expect(cluster.log.contains("connection received: host=\(space.namespaceAddress) "), "\(cluster.log)")
    }
  }
}
