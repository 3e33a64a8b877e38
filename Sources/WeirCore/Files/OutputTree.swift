import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A new folder of many files (a YOLO dataset: label files in subfolders, links to images), written
/// as one: into a new or empty folder only, never half.
///
/// The tree is built under a temporary name beside the folder, every file created exclusively
/// without following links; then the file system is synced once (`syncfs`, not an `fsync` per file:
/// 100,000 label files would wait on the disk 100,000 times) and the tree renamed into place, so a
/// crash leaves either no folder or the whole one. A folder that already holds anything is refused
/// before anything is written: an export never mixes with older files.
public enum OutputTree {
  /// What goes into the tree, by relative path (`labels/train/a/x.txt`).
  public enum Entry: Sendable {
    case file(path: String, bytes: [UInt8])
    /// A symbolic link to `target` (an absolute path).
    case link(path: String, target: String)
    /// A copy of the file at `source`.
    case copy(path: String, source: String)

    var path: String {
      switch self {
      case .file(let path, _), .link(let path, _), .copy(let path, _): return path
      }
    }
  }

  /// Writes `entries` as the folder `path`, which must not exist or be empty.
  public static func write(_ entries: [Entry], to path: String) throws(OutputFileError) {
    for entry in entries {
      let parts = entry.path.split(separator: "/", omittingEmptySubsequences: false)
      if entry.path.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
        throw OutputFileError(path: path, reason: "'\(entry.path)' is not a relative path inside the folder")
      }
    }
    let resolved = try FilePaths.resolvingLinks(path)
    try refuseUnlessEmpty(resolved, path: path)
    let parent = (resolved as NSString).deletingLastPathComponent
    let staging = try makeStagingFolder(in: parent, path: path)
    do throws(OutputFileError) {
      var folders: Set<String> = []
      for entry in entries { try add(entry, under: staging, folders: &folders, path: path) }
      try syncFileSystem(of: staging, path: path)
      guard rename(staging, resolved) == 0 else {
        throw OutputFileError(path: path, reason: FilePaths.errnoText())
      }
    } catch {
      removeTree(staging)
      throw error
    }
    let fd = FilePaths.open(parent.isEmpty ? "/" : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
      _ = fsync(fd)
      close(fd)
    }
  }

  /// Refuses a file, and a folder with anything in it.
  static func refuseUnlessEmpty(_ resolved: String, path: String) throws(OutputFileError) {
    var st = stat()
    guard lstat(resolved, &st) == 0 else {
      guard errno == ENOENT else { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
      return
    }
    guard st.st_mode & S_IFMT == S_IFDIR else {
      throw OutputFileError(path: path, reason: "it is not a folder; an export writes a new folder")
    }
    guard let dir = opendir(resolved) else {
      throw OutputFileError(path: path, reason: FilePaths.errnoText())
    }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = entryName(entry)
      if name != "." && name != ".." {
        throw OutputFileError(
          path: path,
          reason: "the folder is not empty; an export writes a new or empty folder, so nothing was written")
      }
    }
  }

  /// Creates one entry, and the folders on its way.
  private static func add(_ entry: Entry, under root: String, folders: inout Set<String>, path: String)
    throws(OutputFileError)
  {
    let full = root + "/" + entry.path
    try makeFolders(for: entry.path, under: root, folders: &folders, path: path)
    switch entry {
    case .file(_, let bytes):
      try create(full, bytes: bytes, path: path + "/" + entry.path)
    case .link(_, let target):
      guard symlink(target, full) == 0 else {
        throw OutputFileError(path: path + "/" + entry.path, reason: FilePaths.errnoText())
      }
    case .copy(_, let source):
      guard let data = FileManager.default.contents(atPath: source) else {
        throw OutputFileError(path: path + "/" + entry.path, reason: "cannot read the image '\(source)'")
      }
      try create(full, bytes: [UInt8](data), path: path + "/" + entry.path)
    }
  }

  private static func makeFolders(
    for relative: String, under root: String, folders: inout Set<String>, path: String
  )
    throws(OutputFileError)
  {
    var folder = ""
    for part in relative.split(separator: "/").dropLast() {
      folder += (folder.isEmpty ? "" : "/") + part
      guard folders.insert(folder).inserted else { continue }
      guard mkdir(root + "/" + folder, 0o777) == 0 || errno == EEXIST else {
        throw OutputFileError(path: path + "/" + folder, reason: FilePaths.errnoText())
      }
    }
  }

  /// Writes a new file without syncing it (the tree is synced once, at the end).
  private static func create(_ file: String, bytes: [UInt8], path: String) throws(OutputFileError) {
    let fd = FilePaths.open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { raw in
        raw.baseAddress.map { Glibc.write(fd, $0 + offset, raw.count - offset) } ?? -1
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
      offset += n
    }
  }

  /// One `syncfs(2)` for the whole file system the tree is on; `sync()` where there is no syncfs.
  /// syncfs is looked up at run time because the C library's header hides it from Swift.
  private static func syncFileSystem(of folder: String, path: String) throws(OutputFileError) {
    typealias SyncFS = @convention(c) (Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else {
      sync()
      return
    }
    let fd = FilePaths.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
    defer { close(fd) }
    guard unsafeBitCast(symbol, to: SyncFS.self)(fd) == 0 else {
      throw OutputFileError(path: path, reason: FilePaths.errnoText())
    }
  }

  private static func makeStagingFolder(in parent: String, path: String) throws(OutputFileError) -> String {
    let name = (path as NSString).lastPathComponent
    for _ in 0..<100 {
      let staging =
        (parent.isEmpty ? "" : parent) + "/." + name + ".weir-"
        + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        + ".tmp"
      if mkdir(staging, 0o777) == 0 { return staging }
      if errno != EEXIST { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
    }
    throw OutputFileError(path: path, reason: "cannot make a temporary folder in '\(parent)'")
  }

  /// The name of a `readdir` entry.
  private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
    }
  }

  /// Removes a tree weir made (files, links and folders; links are removed, never followed).
  static func removeTree(_ folder: String) {
    guard let dir = opendir(folder) else {
      unlink(folder)
      return
    }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = entryName(entry)
      if name != "." && name != ".." { names.append(name) }
    }
    closedir(dir)
    for name in names {
      let child = folder + "/" + name
      var st = stat()
      if lstat(child, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR { removeTree(child) } else { unlink(child) }
    }
    rmdir(folder)
  }
}
