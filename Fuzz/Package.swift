// swift-tools-version:6.0
import PackageDescription

/// Flags every fuzz target links with; `run.sh` compiles all code with the same sanitizers.
let fuzzerLinkFlags: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

/// libFuzzer targets for espomail, kept out of the main package so its `swift build` and
/// `swift test` stay as they are. Build and run them with `run.sh`.
let package = Package(
  name: "espomail-fuzz",
  dependencies: [.package(name: "espomail", path: "..")],
  targets: [
    // libFuzzer's driver, called from each target's main (SwiftPM links executables with their own main).
    .systemLibrary(name: "CLibFuzzer"),
    .executableTarget(
      name: "FuzzIMAPResponse",
      dependencies: ["CLibFuzzer", .product(name: "EspoMailIMAP", package: "espomail")],
      linkerSettings: fuzzerLinkFlags),
    .executableTarget(
      name: "FuzzMessageImport",
      dependencies: [
        "CLibFuzzer",
        .product(name: "EspoMailCore", package: "espomail"),
        .product(name: "EspoMailMIME", package: "espomail"),
        .product(name: "EspoMailStore", package: "espomail"),
        .product(name: "EspoMailKit", package: "espomail"),
      ],
      linkerSettings: fuzzerLinkFlags),
  ]
)
