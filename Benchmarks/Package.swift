// swift-tools-version: 6.0
// The platform-scale benchmark harness, kept out of the product (as swift-collections keeps
// its benchmarks): `Benchmarks/run.sh` builds it and the `crosswalk` tool in release mode and
// compares both against the C baseline in the same run. `swift build`/`swift test` at the
// repository root never build it.
import PackageDescription

let package = Package(
    name: "CrosswalkBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Crosswalk", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "CrosswalkBench",
            dependencies: [
                .product(name: "Crosswalk", package: "Crosswalk"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Start-up alone (Dataset.bundled(), 20 runs): quick to build and run.
        .executableTarget(
            name: "StartupBench",
            dependencies: [.product(name: "Crosswalk", package: "Crosswalk")]
        ),
    ]
)
