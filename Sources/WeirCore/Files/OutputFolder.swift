import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder of files written as one (YOLO labels): never through a link planted in the folder,
/// and a failed write leaves no half folder (Documentation/Runtime.md, "Writing files").
///
/// A new folder is filled under a temporary name beside it and renamed into place. In an existing
/// folder, every file to be written is checked first (a link, a folder or a device there refuses
/// the whole export before anything is written), the files are written into a temporary folder
/// inside it, then each is renamed over its name: a rename replaces a directory entry, it never
/// writes through one.
public enum OutputFolder {
  /// Writes `files` (plain names, no `/`) into the folder at `path`.
  public static func write(_ files: [(name: String, bytes: [UInt8])], to path: String) throws(OutputFileError)
  {
    for file in files
    where file.name.isEmpty || file.name.contains("/") || file.name == "." || file.name == ".." {
      throw OutputFileError(path: path, reason: "'\(file.name)' is not a plain file name")
    }
    let resolved = try FilePaths.resolvingLinks(path)
    var st = stat()
    if lstat(resolved, &st) != 0 {
      guard errno == ENOENT else { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
      let staging = try makeStagingFolder(in: (resolved as NSString).deletingLastPathComponent, path: path)
      do throws(OutputFileError) {
        try fill(staging, with: files, path: path)
        guard rename(staging, resolved) == 0 else {
          throw OutputFileError(path: path, reason: FilePaths.errnoText())
        }
      } catch {
        removeTree(staging)
        throw error
      }
      return
    }
    guard st.st_mode & S_IFMT == S_IFDIR else {
      throw OutputFileError(path: path, reason: "it is not a folder")
    }
    try checkEntries(resolved, files.map(\.name), path: path)
    let staging = try makeStagingFolder(in: resolved, path: path)
    defer { removeTree(staging) }
    try fill(staging, with: files, path: path)
    for file in files {
      guard rename(staging + "/" + file.name, resolved + "/" + file.name) == 0 else {
        throw OutputFileError(path: path + "/" + file.name, reason: FilePaths.errnoText())
      }
    }
  }

  /// Refuses an existing folder in which one of the names is anything but a regular file.
  private static func checkEntries(_ folder: String, _ names: [String], path: String) throws(OutputFileError)
  {
    for name in names {
      var st = stat()
      guard lstat(folder + "/" + name, &st) == 0 else { continue }
      let what: String
      switch st.st_mode & S_IFMT {
      case S_IFREG: continue
      case S_IFLNK: what = "a symbolic link"
      case S_IFDIR: what = "a folder"
      default: what = "not a regular file"
      }
      throw OutputFileError(
        path: path + "/" + name,
        reason: "it is \(what); weir never writes through a link or over a special file in an output folder")
    }
  }

  private static func makeStagingFolder(in parent: String, path: String) throws(OutputFileError) -> String {
    let name = (path as NSString).lastPathComponent
    for _ in 0..<100 {
      let staging =
        parent + "/." + name + ".weir-" + String(UInt32.random(in: 0...UInt32.max), radix: 16) + ".tmp"
      if mkdir(staging, 0o777) == 0 { return staging }
      if errno != EEXIST { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
    }
    throw OutputFileError(path: path, reason: "cannot make a temporary folder in '\(parent)'")
  }

  /// Writes every file into the fresh folder `staging`, each created exclusively.
  private static func fill(_ staging: String, with files: [(name: String, bytes: [UInt8])], path: String)
    throws(OutputFileError)
  {
    for file in files {
      let fd = FilePaths.open(
        staging + "/" + file.name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
      guard fd >= 0 else {
        throw OutputFileError(path: path + "/" + file.name, reason: FilePaths.errnoText())
      }
      let target = OutputTarget(
        path: path + "/" + file.name, resolved: staging + "/" + file.name, kind: .absent, mode: nil,
        owner: nil)
      let stream = OutputFileStream(target: target, fd: fd, temporary: nil)
      try stream.write(file.bytes)
      try stream.commit()
    }
  }

  /// Removes the staging folder and what is in it (plain files only: weir made them).
  private static func removeTree(_ folder: String) {
    if let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
      for name in names { unlink(folder + "/" + name) }
    }
    rmdir(folder)
  }
}
