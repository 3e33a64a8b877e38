// swift-tools-version:6.2
import PackageDescription

// Heavy dependencies stay at the edges (Documentation/Design.md §9.1): WeirCore links libyaml alone;
// SQLite lives in WeirStore, image codecs and the cascade detector in WeirVision, outside-world
// backends in WeirModels.
// Our own targets build with warnings as errors, so a new warning fails `make build` and `make test`.
// (SwiftPM applies warning settings to this package's targets only, never to dependencies.)
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

// A target that sees FoundationNetworking (through any import) asks the linker for libcurl, a shared
// library that brings some thirty more (TLS, Kerberos, LDAP, SSH) into every process at start-up.
// weir opens libcurl itself when an http model needs it (CCurlLoader), so the targets linked into
// `weir` leave it out of the link.
let withoutLibcurl: [SwiftSetting] = [
  .unsafeFlags(["-Xfrontend", "-disable-autolink-library", "-Xfrontend", "curl"])
]

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
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
    .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"5.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
  ],
  targets: [
    .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(name: "CJPEG", providers: [.apt(["libjpeg62-turbo-dev"])]),
    .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(name: "CEditLine", providers: [.apt(["libedit-dev"])]),

    // The values every stage passes around (JSON values, the data record, input items, annotation
    // records and statuses); the lowest layer, depending on nothing of weir's. WeirCore re-exports it.
    .target(name: "WeirValues", swiftSettings: strict),
    .target(name: "WeirCore", dependencies: ["WeirValues", "CYAML"], swiftSettings: strict),
    // Our own C: setjmp-guarded libjpeg/libpng calls (Swift cannot call setjmp; see its header).
    .target(
      name: "CWeirImage", dependencies: ["CJPEG", "CPNG"], cSettings: [.treatAllWarnings(as: .error)],
      linkerSettings: [.linkedLibrary("jpeg")]),
    .target(
      name: "WeirVision", dependencies: ["CJPEG", "CPNG", "CWeirImage"],
      resources: [.copy("Resources/cascades")],
      swiftSettings: strict),
    .target(
      name: "WeirStore",
      dependencies: [
        "WeirCore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ], swiftSettings: strict),
    // The PostgreSQL store, its shards and workers (postgres-nio), for runs that outgrow one machine.
    .target(
      name: "WeirPostgres",
      dependencies: ["WeirCore", "WeirStore", .product(name: "PostgresNIO", package: "postgres-nio")],
      swiftSettings: strict + withoutLibcurl),
    // OpenVINO's C API, opened with dlopen when an onnx model is built (weir never links it), and the
    // ONNX detector on top: preprocessing, output decoders, NMS.
    .target(
      name: "COpenVINO", cSettings: [.treatAllWarnings(as: .error)], linkerSettings: [.linkedLibrary("dl")]),
    .target(
      name: "WeirONNX", dependencies: ["COpenVINO", "WeirVision"], swiftSettings: strict + withoutLibcurl),
    // libcurl opened on first use, for Foundation's HTTP client: weir does not link libcurl, so a
    // process that never talks HTTP never loads it (Documentation/Development.md, start-up).
    .target(name: "CCurlLoader", cSettings: [.treatAllWarnings(as: .error)]),
    .target(
      name: "WeirModels", dependencies: ["WeirCore", "WeirVision", "WeirONNX", "CCurlLoader"],
      swiftSettings: strict + withoutLibcurl),
    // One path from a file to check, lint, bands, plan and backends, for every front end.
    .target(
      name: "WeirDriver", dependencies: ["WeirCore", "WeirModels"], swiftSettings: strict + withoutLibcurl),
    // The REPL core: requests in, responses out, no terminal; checks and plans through the driver.
    .target(
      name: "WeirREPL", dependencies: ["WeirCore", "WeirDriver"], swiftSettings: strict + withoutLibcurl),
    // The language server (`weir lsp`): JSON-RPC over stdio, diagnostics through the driver,
    // hover, completion, navigation; and the JSON Schema of both dialects (`weir schema`).
    .target(
      name: "WeirLSP", dependencies: ["WeirCore", "WeirDriver"], swiftSettings: strict + withoutLibcurl),
    // The REPL's sweep charts, drawn as SVG or PNG.
    .target(
      name: "WeirPlot", dependencies: ["WeirCore", "WeirREPL", "CPNG"], swiftSettings: strict + withoutLibcurl
    ),
    // `weir review`: the review queue served to a browser (Hummingbird 2), its page and JSON API.
    .target(
      name: "WeirReview",
      dependencies: [
        "WeirCore", "WeirStore", "WeirDriver", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ], resources: [.copy("Resources/page")], swiftSettings: strict + withoutLibcurl),
    .executableTarget(
      name: "weir",
      dependencies: [
        "WeirCore", "WeirDriver", "WeirREPL", "WeirStore", "WeirModels", "WeirVision", "WeirONNX", "WeirPlot",
        "WeirLSP", "WeirPostgres", "WeirReview", "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        // SHA-256 of model files for a sharded run's fingerprint (already linked through postgres-nio).
        .product(name: "Crypto", package: "swift-crypto"),
      ], swiftSettings: strict + withoutLibcurl),

    // What several test targets share: golden files, the weir-process runner, the loopback Clarifai
    // server, the repository root, temporary folders and the reference workflow.
    .target(
      name: "WeirTestSupport",
      dependencies: ["WeirCore", "WeirValues", .product(name: "FlyingFox", package: "FlyingFox")],
      path: "Tests/WeirTestSupport", swiftSettings: strict),

    // The REPL core's tests stay here, beside the golden harness they share.
    .testTarget(
      name: "WeirCoreTests", dependencies: ["WeirCore", "WeirREPL", "WeirTestSupport"], swiftSettings: strict),
    .testTarget(name: "WeirVisionTests", dependencies: ["WeirVision"], swiftSettings: strict),
    .testTarget(
      name: "WeirONNXTests", dependencies: ["WeirONNX", "WeirVision", "WeirTestSupport"],
      swiftSettings: strict),
    // The check ⇔ plan contract (every node type in every position) and the check/plan fuzz test.
    .testTarget(
      name: "WeirDriverTests", dependencies: ["WeirDriver", "WeirCore", "WeirTestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "WeirStoreTests",
      dependencies: [
        "WeirStore", "WeirCore", "WeirTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "WeirModelsTests",
      dependencies: [
        "WeirModels", "WeirCore", "WeirValues", "WeirTestSupport",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ], swiftSettings: strict),
    // `weir review`'s API over HTTP and its page in headless Chromium (WebDriver).
    .testTarget(
      name: "WeirReviewTests",
      dependencies: [
        "WeirReview", "WeirStore", "WeirCore", "WeirTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ], swiftSettings: strict),
    .testTarget(
      name: "WeirPostgresTests", dependencies: ["WeirPostgres", "WeirCore", "WeirStore", "WeirTestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "WeirCLITests",
      dependencies: [
        "WeirCore", "WeirDriver", "WeirLSP", "WeirVision", "WeirTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ], swiftSettings: strict),
  ],
  swiftLanguageModes: [.v5]
)
