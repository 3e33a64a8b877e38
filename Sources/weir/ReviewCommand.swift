import ArgumentParser
import Foundation
import WeirPostgres
import WeirReview
import WeirStore

/// `weir review`: serves the review queue of a store to a browser until interrupted.
struct ReviewCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Review the annotations awaiting review in a browser.",
    discussion: """
      Serves a local web page with the store's ANNOTATION_AWAITING_REVIEW annotations, grouped by \
      input: a accept, x reject, r relabel, drag a corner to correct, u undo, j/k next/previous. \
      Decisions are written to the store at once. A --host other than 127.0.0.1 needs a token: one \
      is generated and printed in the URL, or read from --token-file.
      """)

  @Option(help: "The annotation store: a SQLite file or postgresql://….")
  var store = "weir.db"
  @Option(help: "The port to listen on (0: any free port).")
  var port = 8080
  @Option(help: "The address to listen on. Any but a loopback address requires a token.")
  var host = "127.0.0.1"
  @Option(help: "A file whose first line is the token (instead of a generated one).")
  var tokenFile: String?

  static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]

  func run() async throws {
    do {
      let opened = try StoreOpening.review(store, sqlite: .init(busyTimeout: 2, create: false))
      var settings = ReviewAPI.Settings(token: try token())
      if !Self.loopbackHosts.contains(host) { settings.loopbackNames = [] }
      let api = try ReviewAPI(store: opened, settings: settings)
      let shownHost = host.contains(":") ? "[\(host)]" : host
      let token = settings.token
      let storePath = store
      try await ReviewServer.run(api: api, host: host, port: port) { port in
        let url = "http://\(shownHost):\(port)/" + (token.map { "?token=\($0)" } ?? "")
        print("weir review: serving '\(StoreOpening.displayName(storePath))' at \(url)")
        print("press Ctrl-C to stop")
        fflush(stdout)
      }
    } catch let error as StoreError {
      try AnnotationsCommand.exitWithError(error.description)
    } catch let error as ReviewServerError {
      try AnnotationsCommand.exitWithError(error.description)
    } catch let error as PostgresStoreError {
      try AnnotationsCommand.exitWithError(error.description)
    }
  }

  /// The token: from --token-file, generated for a non-loopback host, or none.
  func token() throws -> String? {
    if let tokenFile {
      guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
        throw ReviewServerError.badTokenFile(path: tokenFile, reason: "it cannot be read")
      }
      let line =
        text.split(whereSeparator: \.isNewline).first.map(String.init)?
        .trimmingCharacters(in: .whitespaces) ?? ""
      guard line.count >= 16,
        line.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) })
      else {
        throw ReviewServerError.badTokenFile(
          path: tokenFile, reason: "its first line must be a token of at least 16 letters, digits, - or _")
      }
      return line
    }
    return Self.loopbackHosts.contains(host) ? nil : ReviewAPI.randomToken()
  }
}
