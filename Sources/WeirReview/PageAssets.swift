import Foundation

/// The page's files (`Resources/page/`), read once from the target's bundle. Plain HTML, CSS and
/// JavaScript: no build step, nothing fetched from elsewhere.
struct PageAssets: Sendable {
  struct Asset: Sendable {
    var contentType: String
    var text: String
  }

  let files: [String: Asset]

  /// Reads the files; a missing one is an error the command reports (an incomplete installation).
  static func load() throws -> PageAssets {
    var files: [String: Asset] = [:]
    let types = [
      "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
      "js": "text/javascript; charset=utf-8",
    ]
    for (name, ext) in [("index", "html"), ("review", "css"), ("review", "js")] {
      guard
        let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "page")
          ?? Bundle.module.url(forResource: name, withExtension: ext)
      else { throw ReviewServerError.missingAsset("\(name).\(ext)") }
      files["/\(name).\(ext)"] = Asset(
        contentType: types[ext] ?? "text/plain", text: try String(contentsOf: url, encoding: .utf8))
    }
    return PageAssets(files: files)
  }
}
