// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Crosswalk",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Crosswalk", targets: ["Crosswalk"]),
        .executable(name: "crosswalk", targets: ["CrosswalkCLI"]),
        // For the fuzz targets in Fuzz/ only; not a public API.
        .library(name: "_CrosswalkXML", targets: ["_CrosswalkXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // report.html is rendered from a Mustache template (HTML-escaped by default).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The system C library. Only `_CrosswalkXML` imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Private: the one place that touches libxml2. Bytes in, Swift values out.
        // No Foundation here (its ICU types clash with the system ICU libxml2 pulls in).
        .target(
            name: "_CrosswalkXML",
            dependencies: ["CLibXML2"],
            path: "Sources/CrosswalkXML"
        ),
        // zlib, for the deflate streams of assessment.xlsx (Reports/Workbook/Deflater.swift).
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Async-signal-safe removal of temporary files on SIGINT/SIGTERM (AtomicFile).
        .target(name: "CCrosswalkSignals", path: "Sources/CCrosswalkSignals"),
        // The public library: catalogues, mappings, assessment, reports.
        .target(
            name: "Crosswalk",
            dependencies: ["_CrosswalkXML", "CCrosswalkSignals", "CZlib", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("../../Catalogs"), .copy("../../Fixtures/sample")]
        ),
        // The thin command-line tool.
        .executableTarget(
            name: "CrosswalkCLI",
            dependencies: [
                "Crosswalk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test-only C code playing another libxml2 user in the same process.
        .target(name: "CLibXML2Probe", dependencies: ["CLibXML2"], path: "Tests/CLibXML2Probe"),
        .testTarget(
            name: "CrosswalkTests",
            dependencies: ["Crosswalk", "_CrosswalkXML", "CLibXML2Probe", "CZlib"]
        ),
    ]
)
