// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every Swift target of the package.
let strictSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
  name: "espomail",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "espomail", targets: ["espomail"]),
    // Libraries for the fuzz package in Fuzz/, which builds against them with sanitizers.
    .library(name: "EspoMailCore", targets: ["EspoMailCore"]),
    .library(name: "EspoMailIMAP", targets: ["EspoMailIMAP"]),
    .library(name: "EspoMailMIME", targets: ["EspoMailMIME"]),
    .library(name: "EspoMailStore", targets: ["EspoMailStore"]),
    .library(name: "EspoMailKit", targets: ["EspoMailKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // C libraries, each imported by exactly one Swift module.
    .systemLibrary(
      name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(
      name: "CGMime", pkgConfig: "gmime-3.0", providers: [.apt(["libgmime-3.0-dev"])]),
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .systemLibrary(name: "CUchardet", pkgConfig: "uchardet", providers: [.apt(["libuchardet-dev"])]),

    // Library modules, dependencies pointing down.
    .target(name: "EspoMailCore", swiftSettings: strictSettings),
    .target(name: "EspoMailCurl", dependencies: ["CCurl", "EspoMailCore"], swiftSettings: strictSettings),
    .target(name: "EspoMailMIME", dependencies: ["CGMime", "CUchardet", "EspoMailCore"], swiftSettings: strictSettings),
    .target(name: "EspoMailSecrets", dependencies: ["CCrypto", "EspoMailCore"], swiftSettings: strictSettings),
    .target(name: "EspoMailIMAP", dependencies: ["EspoMailCurl", "EspoMailCore"], swiftSettings: strictSettings),
    .target(name: "EspoMailSMTP", dependencies: ["EspoMailCurl", "EspoMailCore"], swiftSettings: strictSettings),
    .target(
      name: "EspoMailStore",
      dependencies: [
        "CLibPQ", "EspoMailCore", "EspoMailSecrets", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings),
    .target(
      name: "EspoMailKit",
      dependencies: [
        "EspoMailCore", "EspoMailStore", "EspoMailCurl", "EspoMailIMAP", "EspoMailSMTP", "EspoMailMIME",
        "EspoMailSecrets",
      ],
      swiftSettings: strictSettings),
    .target(
      name: "EspoMailCLI",
      dependencies: [
        "EspoMailKit", "EspoMailCore", "EspoMailStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: strictSettings),
    .executableTarget(name: "espomail", dependencies: ["EspoMailCLI"], swiftSettings: strictSettings),

    // Tests.
    .target(
      name: "EspoMailTestSupport",
      dependencies: ["EspoMailCLI", "EspoMailKit", "EspoMailStore", "EspoMailCore"],
      path: "Tests/EspoMailTestSupport",
      swiftSettings: strictSettings),
    .testTarget(name: "EspoMailCoreTests", dependencies: ["EspoMailCore"], swiftSettings: strictSettings),
    .testTarget(
      name: "EspoMailSMTPTests", dependencies: ["EspoMailSMTP", "EspoMailMIME", "EspoMailTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "EspoMailSecretsTests", dependencies: ["EspoMailSecrets", "EspoMailTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(name: "EspoMailCurlTests", dependencies: ["EspoMailCurl"], swiftSettings: strictSettings),
    .testTarget(
      name: "EspoMailMIMETests", dependencies: ["EspoMailMIME"], resources: [.copy("Fixtures")],
      swiftSettings: strictSettings),
    .testTarget(
      name: "EspoMailIMAPTests", dependencies: ["EspoMailIMAP", "EspoMailCurl", "EspoMailTestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: strictSettings),
    .testTarget(
      name: "EspoMailStoreTests",
      dependencies: [
        "EspoMailStore", "EspoMailCore", "EspoMailTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "EspoMailKitTests",
      dependencies: ["EspoMailKit", "EspoMailStore", "EspoMailCore", "EspoMailTestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "EspoMailCLITests",
      dependencies: [
        "EspoMailCLI", "EspoMailTestSupport", "EspoMailIMAP", "EspoMailStore", "EspoMailSecrets", "espomail",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      resources: [.copy("Fixtures")],
      swiftSettings: strictSettings),
  ]
)
