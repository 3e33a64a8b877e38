// swift-tools-version:6.1
import PackageDescription

// Heavy dependencies stay at the edges (STYLE.md): WeirCore links libyaml alone; SQLite lives in
// WeirStore, image codecs and the cascade detector in WeirVision, outside-world backends in WeirModels.
let package = Package(
  name: "weir",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "weir", targets: ["weir"]),
    .library(name: "WeirCore", targets: ["WeirCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
  ],
  targets: [
    .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(name: "CJPEG", providers: [.apt(["libjpeg62-turbo-dev"])]),
    .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(name: "CEditLine", providers: [.apt(["libedit-dev"])]),

    .target(name: "WeirCore", dependencies: ["CYAML"]),
    // Our own C: setjmp-guarded libjpeg/libpng calls (Swift cannot call setjmp; see its header).
    .target(name: "CWeirImage", dependencies: ["CJPEG", "CPNG"], linkerSettings: [.linkedLibrary("jpeg")]),
    .target(
      name: "WeirVision", dependencies: ["CJPEG", "CPNG", "CWeirImage"], resources: [.copy("Resources/cascades")]),
    .target(
      name: "WeirStore",
      dependencies: [
        "WeirCore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(name: "WeirModels", dependencies: ["WeirCore", "WeirVision"]),
    // One path from a file to check, lint, bands, plan and backends, for every front end.
    .target(name: "WeirDriver", dependencies: ["WeirCore", "WeirModels"]),
    // The REPL core: requests in, responses out, no terminal; checks and plans through the driver.
    .target(name: "WeirREPL", dependencies: ["WeirCore", "WeirDriver"]),
    .executableTarget(
      name: "weir",
      dependencies: [
        "WeirCore", "WeirDriver", "WeirREPL", "WeirStore", "WeirModels", "WeirVision", "CEditLine", "CPNG",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // The REPL core's tests stay here, beside the golden harness they share.
    .testTarget(name: "WeirCoreTests", dependencies: ["WeirCore", "WeirREPL"]),
    .testTarget(name: "WeirVisionTests", dependencies: ["WeirVision"]),
    // The check ⇔ plan contract (every node type in every position) and the check/plan fuzz test.
    .testTarget(name: "WeirDriverTests", dependencies: ["WeirDriver", "WeirCore"]),
    .testTarget(
      name: "WeirStoreTests",
      dependencies: ["WeirStore", "WeirCore", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "WeirModelsTests",
      dependencies: ["WeirModels", "WeirCore", .product(name: "FlyingFox", package: "FlyingFox")]),
    .testTarget(
      name: "WeirCLITests",
      dependencies: [
        "WeirCore", "WeirDriver", "WeirVision", .product(name: "GRDB", package: "GRDB.swift"),
        // A loopback model server for `weir run` with an http backend (RemoteBackendRunTests).
        .product(name: "FlyingFox", package: "FlyingFox"),
      ]),
  ],
  swiftLanguageModes: [.v5]
)
