// swift-tools-version:6.1
import PackageDescription

// Heavy dependencies stay at the edges (Documentation/Design.md §9.1): WeirCore links libyaml alone;
// SQLite lives in WeirStore, image codecs and the cascade detector in WeirVision, outside-world
// backends in WeirModels.
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

    // The values every stage passes around (JSON values, the data record, input items, annotation
    // records and statuses); the lowest layer, depending on nothing of weir's. WeirCore re-exports it.
    .target(name: "WeirValues"),
    .target(name: "WeirCore", dependencies: ["WeirValues", "CYAML"]),
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
    // The REPL's sweep charts, drawn as SVG or PNG.
    .target(name: "WeirPlot", dependencies: ["WeirCore", "CPNG"]),
    .executableTarget(
      name: "weir",
      dependencies: [
        "WeirCore", "WeirStore", "WeirModels", "WeirVision", "WeirPlot", "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // What several test targets share: golden files, the weir-process runner, the loopback Clarifai
    // server, the repository root, temporary folders and the reference workflow.
    .target(
      name: "WeirTestSupport", dependencies: ["WeirCore", .product(name: "FlyingFox", package: "FlyingFox")],
      path: "Tests/WeirTestSupport"),

    .testTarget(name: "WeirCoreTests", dependencies: ["WeirCore", "WeirTestSupport"]),
    .testTarget(name: "WeirVisionTests", dependencies: ["WeirVision"]),
    .testTarget(
      name: "WeirStoreTests",
      dependencies: ["WeirStore", "WeirCore", "WeirTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "WeirModelsTests",
      dependencies: [
        "WeirModels", "WeirCore", "WeirTestSupport", .product(name: "FlyingFox", package: "FlyingFox"),
      ]),
    .testTarget(
      name: "WeirCLITests",
      dependencies: [
        "WeirCore", "WeirVision", "WeirTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
  ],
  swiftLanguageModes: [.v5]
)
