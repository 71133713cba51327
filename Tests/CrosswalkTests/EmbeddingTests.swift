import Foundation
import Testing
import Crosswalk

/// `Docs/Embedding.md`: its example, compiled as a package of its own (public API only) and
/// run in a fresh folder; and its smaller snippets.
@Suite("Embedding example")
struct EmbeddingTests {
    /// The Swift program between the `embedding-example` markers of `Docs/Embedding.md`.
    static func documentedExample() throws -> String {
        let doc = try Repo.text("Docs/Embedding.md")
        let begin = try #require(doc.range(of: "<!-- embedding-example: begin -->\n```swift\n"))
        let end = try #require(doc.range(of: "```\n<!-- embedding-example: end -->", range: begin.upperBound..<doc.endIndex))
        return String(doc[begin.upperBound..<end.lowerBound])
    }

    /// Runs `arguments` in `directory`, returning its exit status and standard output.
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The example as an embedder would build it: a new package in a fresh temporary folder,
    /// depending on this repository by path (so only `public` API is visible), built, then
    /// run in a folder that holds only `northwind.xml` — `reports/` and `out/` do not exist.
    /// The build products are cached in `.build/embedding-example` between runs.
    @Test(.timeLimit(.minutes(20))) func theDocumentedExampleBuildsAndRunsInAFreshFolder() throws {
        let temp = NSTemporaryDirectory() + "crosswalk-embedding-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let package = temp + "/example", work = temp + "/run"
        try FileManager.default.createDirectory(atPath: package + "/Sources/Example", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let identity = Repo.root.lastPathComponent.lowercased()
        let manifest = """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "Example",
                platforms: [.macOS(.v13)],
                dependencies: [.package(path: "\(Repo.root.path)")],
                targets: [.executableTarget(name: "Example", dependencies: [.product(name: "Crosswalk", package: "\(identity)")])]
            )

            """
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: package + "/Package.swift"))
        try Data(try Self.documentedExample().utf8).write(to: URL(fileURLWithPath: package + "/Sources/Example/main.swift"))
        try FileManager.default.copyItem(atPath: Repo.path("Fixtures/sample/insurer.xml"), toPath: work + "/northwind.xml")

        let scratch = Repo.path(".build/embedding-example")
        let build = try Self.run(["swift", "build", "--package-path", package, "--scratch-path", scratch, "--product", "Example"], in: package)
        try #require(build.status == 0, "the documented example does not build:\n\(build.output)")
        let binary = try Self.run(["swift", "build", "--package-path", package, "--scratch-path", scratch, "--show-bin-path"], in: package)
            .output.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n").last! + "/Example"
        let result = try Self.run([binary], in: work)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.components(separatedBy: "\n")
        #expect(lines.first == "loaded Northwind Mutual Insurance with 6 systems and 0 warnings")
        #expect(lines.contains { $0.hasPrefix("readiness ") && $0.hasSuffix(" %") })
        #expect(lines.contains { $0.hasPrefix("1 ACT-001 ") })
        #expect(lines.contains("ISO/IEC 42001 SoA: 38 controls"))
        #expect(lines.contains("assessment.xlsx: ok"))
        #expect(lines.contains("organisation round trip: equal"))
        #expect(lines.contains("assessment as JSON: equal"))
        #expect(lines.contains("assessment.json read back: equal"))
        let reports = try FileManager.default.contentsOfDirectory(atPath: work + "/reports").sorted()
        #expect(lines.contains("wrote \(reports.count) files"))
        #expect(reports.contains("assessment.json") && reports.contains("assessment.xlsx") && reports.contains("report.html") && !reports.contains { $0.hasPrefix(".") })
        #expect(FileManager.default.fileExists(atPath: work + "/out/northwind-amended.xml"))
        // What the doc says it prints (the lines that do not move with the scoring rules).
        let doc = try Repo.text("Docs/Embedding.md")
        for line in lines where line.hasPrefix("loaded ") || line.hasSuffix(": equal") || line.hasSuffix(" controls") {
            #expect(doc.contains(line + "\n"), "Docs/Embedding.md shows \(line)")
        }
    }

    /// "EU AI Act dates for one system", as documented.
    @Test func datesForOneSystem() throws {
        let dataset = try Dataset.bundled()
        let eu = try #require(dataset.catalogs.catalog(.euAIAct))
        let facts = DateFacts(placedOnMarket: CalendarDate("2025-03-01"), publicAuthorityUse: true)
        let art26 = try #require(eu.entry(label: "Art. 26(1)"))
        let date = try #require(eu.applicationDate(of: art26, asOf: CalendarDate("2026-11-23")!, facts: facts))
        #expect(date.date == CalendarDate("2030-08-02") && date.basis.hasPrefix("Art. 111(2)") && date.act.id == "digital-omnibus-ai" && date.act.status == .reported)
        let corrected = try Dataset.bundled(dateOverlays: [try InputFile.read(Repo.path("Fixtures/date-overlays/official-journal.xml"))])
        #expect(corrected.catalogs.catalog(.euAIAct)?.entry(label: "Art. 9")?.appliesFrom == CalendarDate("2028-03-01"))
    }

    /// "Many tenants, cancellation, progress": the AsyncStream pattern, as documented.
    @Test func progressAsAnAsyncSequence() async throws {
        let dataset = Shared.dataset
        let org = try Organization(contentsOf: Repo.path("Fixtures/sample/insurer.xml"), catalogs: dataset.catalogs)
        let date = CalendarDate("2026-11-23")!
        let (updates, sink) = AsyncStream.makeStream(of: Double.self)
        let run = Task { try await dataset.assess(org, options: AssessmentOptions(asOf: date, progress: { sink.yield($0) })) }
        var seen: [Double] = []
        for await fraction in updates { seen.append(fraction); if fraction == 1 { break } }
        let assessment = try await run.value
        #expect(seen.last == 1 && seen == seen.sorted())
        #expect(assessment == dataset.assessment(of: org, options: AssessmentOptions(asOf: date)))
    }

    /// A misspelt value from an embedder's database fails with the reader's message; what a
    /// type cannot hold, the validator catches.
    @Test func valuesFromOutsideAreChecked() throws {
        let dataset = Shared.dataset
        let at = SourceLocation(file: "grc-db", line: 42)
        let typo = try #require(expectCrosswalkError { _ = try RiskTier(parsing: "hihg", field: "risk tier", at: at) })
        #expect(typo.description == "grc-db:42: error: risk tier 'hihg' is not a known risk tier; did you mean 'high'? Allowed: prohibited, high, limited, minimal, general-purpose, general-purpose-systemic, unclassified [invalid-value]")
        var org = try Organization(contentsOf: Repo.path("Fixtures/sample/insurer.xml"), catalogs: dataset.catalogs)
        org.systems.append(AISystem(id: "NO-TIER", name: "Tier not stated"))
        #expect(OrganizationValidator.problems(in: org, catalogs: dataset.catalogs).map(\.code) == [.missingAttribute])
    }
}
