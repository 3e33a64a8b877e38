import Foundation
import Testing
import WeirPostgres
import WeirTestSupport

/// `--store postgresql://…`: what the URL means, where the password comes from, and that no
/// message ever shows it.
struct PostgresLocationTests {
  @Test func aUnixSocketURLNamesTheFolderAndPort() throws {
    let l = try PostgresLocation(
      "postgresql://weir@/labels?host=/tmp/pg&port=5433", environment: [:], home: "/none")
    #expect(l.socketFolder == "/tmp/pg")
    #expect(l.host == nil)
    #expect(l.port == 5433)
    #expect(l.user == "weir")
    #expect(l.database == "labels")
    #expect(l.description == "postgresql://weir@/labels?host=/tmp/pg&port=5433")
  }

  @Test func aTCPURLTakesHostPortAndDefaults() throws {
    let l = try PostgresLocation(
      "postgres://db.example:6000/weir", environment: ["PGUSER": "ann"], home: "/none")
    #expect(l.host == "db.example")
    #expect(l.port == 6000)
    #expect(l.user == "ann")
    #expect(l.connectTimeout == 10)
    #expect(l.description == "postgresql://ann@db.example:6000/weir")
  }

  @Test func thePasswordComesFromTheURLThenPGPASSWORDThenPgpass() throws {
    let home = try TemporaryDirectory("weir-pgpass")
    try home.write(".pgpass", "# comment\nother:*:*:*:no\ndb.example:5432:weir:ann:from\\:pgpass\n")
    let url = "postgresql://ann@db.example/weir"
    #expect(try PostgresLocation(url, environment: [:], home: home.url.path).password == "from:pgpass")
    #expect(
      try PostgresLocation(url, environment: ["PGPASSWORD": "env"], home: home.url.path).password == "env")
    let inline = try PostgresLocation(
      "postgresql://ann:inline@db.example/weir", environment: [:], home: "/none")
    #expect(inline.password == "inline")
    #expect(!inline.description.contains("inline"))
  }

  @Test func badURLsSayWhatIsWrongWithoutThePassword() {
    #expect(
      throws: PostgresStoreError.badURL(
        "postgresql://ann:***@h:99999/weir", reason: "the port '99999' is not a number from 1 to 65535")
    ) {
      try PostgresLocation("postgresql://ann:secret@h:99999/weir", environment: [:], home: "/none")
    }
    #expect(PostgresLocation.scrub("postgresql://ann:secret@h/weir") == "postgresql://ann:***@h/weir")
    #expect(PostgresLocation.scrub("postgresql://ann@h/weir") == "postgresql://ann@h/weir")
  }
}
