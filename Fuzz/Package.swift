// swift-tools-version: 6.0
// libFuzzer targets for every input path of Crosswalk (issue #7). Not part of the root
// package: `swift build` and `swift test` at the root never build these. See Docs/Fuzzing.md
// and .ci/fuzz, which builds them with `-sanitize=fuzzer,address -parse-as-library`.
import PackageDescription

let package = Package(
    name: "CrosswalkFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Crosswalk", path: "..")],
    targets: [
        // libFuzzer's driver entry point, declared for Swift.
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "Crosswalk", package: "Crosswalk")]),
        .executableTarget(name: "FuzzXML", dependencies: ["CLibFuzzer", .product(name: "_CrosswalkXML", package: "Crosswalk")]),
        .executableTarget(name: "FuzzCatalog", dependencies: ["FuzzSupport", .product(name: "Crosswalk", package: "Crosswalk")]),
        .executableTarget(name: "FuzzMapping", dependencies: ["FuzzSupport", .product(name: "Crosswalk", package: "Crosswalk")]),
        .executableTarget(name: "FuzzOrganization", dependencies: ["FuzzSupport", .product(name: "Crosswalk", package: "Crosswalk")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "Crosswalk", package: "Crosswalk")]),
        .executableTarget(name: "FuzzAssessmentJSON", dependencies: ["FuzzSupport", .product(name: "Crosswalk", package: "Crosswalk")]),
    ]
)
