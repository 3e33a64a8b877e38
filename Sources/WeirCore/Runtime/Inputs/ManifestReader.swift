import Foundation

/// Reads a manifest: JSON lines (`{"id": …, "path": …}` or `"url"`), CSV with a header row naming
/// an `id` and a `path` or `url` column, or a COCO file whose `images` are the inputs.
struct ManifestReader {
  /// The path as the user wrote it (for messages and for resolving relative paths in the file).
  let path: String
  let absolutePath: String

  static let pathColumns = ["path", "file", "file_name", "filename", "image"]

  func read() throws(InputSourceError) -> [InputItem] {
    let bytes: [UInt8]
    switch FileBytes.read(absolutePath) {
    case .success(let b): bytes = b
    case .failure(let e): throw InputSourceError(path: path, message: "cannot read the manifest: \(e)")
    }
    let items: [InputItem]
    if InputResolver.fileExtension(path) == "csv" {
      items = try readCSV(String(decoding: bytes, as: UTF8.self))
    } else {
      items = try readJSON(bytes)
    }
    guard !items.isEmpty else { throw InputSourceError(path: path, message: "the manifest lists no inputs") }
    return items
  }

  /// A path in the manifest, relative to the manifest's folder.
  private func resolve(_ p: String) -> String {
    if p.hasPrefix("/") { return p }
    let dir = (path as NSString).deletingLastPathComponent
    return dir.isEmpty ? p : (dir as NSString).appendingPathComponent(p)
  }

  private func item(id: String?, path p: String?, url: String?, line: Int) throws(InputSourceError)
    -> InputItem
  {
    let p = p.flatMap { $0.isEmpty ? nil : $0 }
    let url = url.flatMap { $0.isEmpty ? nil : $0 }
    let id = id.flatMap { $0.isEmpty ? nil : $0 } ?? (p ?? url).map(InputNames.fileName)
    guard let id, !id.isEmpty else {
      throw InputSourceError(path: path, line: line, message: "an input needs an id, a path or a url")
    }
    return InputItem(id: id, path: p.map(resolve), url: url)
  }

  // MARK: JSON

  private func readJSON(_ bytes: [UInt8]) throws(InputSourceError) -> [InputItem] {
    try bytes.withUnsafeBufferPointer { (buffer) throws(InputSourceError) in
      var s = JSONScanner(buffer)
      var entries: [Entry] = []
      do throws(JSONScanError) {
        if s.peek() == UInt8(ascii: "[") {
          try s.readArray { (s) throws(JSONScanError) in entries.append(try readEntry(&s)) }
        } else if try isCOCO(&s) {
          var index = COCOIndex()
          try index.read(&s)
          return index.images.map { InputItem(id: $0.fileName, path: resolve($0.fileName)) }
        } else {
          while s.peek() != nil { entries.append(try readEntry(&s)) }
        }
      } catch {
        let err = ReplayError.at(error.offset, in: buffer, path: path, error.message)
        throw InputSourceError(path: path, line: err.line, message: error.message)
      }
      var items: [InputItem] = []
      for e in entries {
        let line = ReplayError.at(e.offset, in: buffer, path: path, "").line ?? 0
        items.append(try item(id: e.id, path: e.path, url: e.url, line: line))
      }
      return items
    }
  }

  private func isCOCO(_ s: inout JSONScanner) throws(JSONScanError) -> Bool {
    let start = s.index
    defer { s.index = start }
    guard s.peek() == UInt8(ascii: "{") else { return false }
    var found = false
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "images" { found = true }
      try s.skipValue()
    }
    // JSON lines hold more than one value; a COCO file is one object.
    return found && s.peek() == nil
  }

  private struct Entry {
    var offset: Int
    var id: String?
    var path: String?
    var url: String?
  }

  private func readEntry(_ s: inout JSONScanner) throws(JSONScanError) -> Entry {
    _ = s.peek()
    let start = s.index
    if s.peek() == UInt8(ascii: "\"") { return Entry(offset: start, path: try s.readString()) }
    var id: String?
    var p: String?
    var url: String?
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "id" {
        id = try s.readStringOrNumber()
      } else if key == "url" {
        url = try s.readString()
      } else if Self.pathColumns.contains(key.string) {
        p = try s.readString()
      } else {
        try s.skipValue()
      }
    }
    return Entry(offset: start, id: id, path: p, url: url)
  }

  // MARK: CSV

  private func readCSV(_ text: String) throws(InputSourceError) -> [InputItem] {
    var rows = CSV.parse(text)
    guard !rows.isEmpty else { return [] }
    let header = rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    let idColumn = header.firstIndex(of: "id")
    let pathColumn = Self.pathColumns.lazy.compactMap { header.firstIndex(of: $0) }.first
    let urlColumn = header.firstIndex(of: "url")
    guard idColumn != nil || pathColumn != nil || urlColumn != nil else {
      throw InputSourceError(
        path: path, line: 1,
        message: "the header names no 'id', 'path' or 'url' column (found: \(header.joined(separator: ", ")))"
      )
    }
    var items: [InputItem] = []
    for row in rows where !(row.fields.count == 1 && row.fields[0].isEmpty) {
      func field(_ i: Int?) -> String? { i.flatMap { $0 < row.fields.count ? row.fields[$0] : nil } }
      items.append(
        try item(id: field(idColumn), path: field(pathColumn), url: field(urlColumn), line: row.line))
    }
    return items
  }
}

/// A small RFC 4180 reader: commas, quoted fields with `""` escapes and line breaks inside quotes.
enum CSV {
  struct Row {
    var line: Int
    var fields: [String]
  }

  static func parse(_ text: String) -> [Row] {
    var rows: [Row] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var rowLine = 1
    var chars = text.makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
      if let p = pending {
        pending = nil
        return p
      }
      return chars.next()
    }
    while let c = next() {
      if inQuotes {
        if c == "\"" {
          if let n = next() {
            if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
          } else {
            inQuotes = false
          }
        } else {
          if c == "\n" || c == "\r\n" { line += 1 }
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"": inQuotes = true
      case ",":
        fields.append(field)
        field = ""
      case "\n", "\r\n", "\r":
        fields.append(field)
        rows.append(Row(line: rowLine, fields: fields))
        fields = []
        field = ""
        line += 1
        rowLine = line
      default: field.append(c)
      }
    }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      rows.append(Row(line: rowLine, fields: fields))
    }
    return rows
  }
}
