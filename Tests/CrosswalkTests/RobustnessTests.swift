import Foundation
import Testing
@testable import Crosswalk
import _CrosswalkXML

/// Inputs found by fuzzing or review that once crashed or misbehaved: each must now give
/// a clean, located CrosswalkError (`Fixtures/fuzz-regressions/<target>/`).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func files(_ target: String) -> [String] {
        let dir = Repo.path("Fixtures/fuzz-regressions/" + target)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { "Fixtures/fuzz-regressions/\(target)/\($0)" }
    }

    func expectClean(_ file: String, _ load: ([UInt8]) throws -> Void) throws {
        let bytes = try Repo.bytes(file)
        let e = try #require(expectCrosswalkError { try load(bytes) }, "\(file) loaded")
        #expect(e.diagnostics.allSatisfy { !$0.message.isEmpty && $0.location.file == "input" }, "\(e)")
    }

    @Test func everyRegressionFixtureFailsCleanly() throws {
        let data = Shared.dataset
        var seen = 0
        for file in Self.files("xml") + Self.files("catalog") {
            try expectClean(file) { _ = try CatalogLoader.load($0, file: "input") }
            seen += 1
        }
        for file in Self.files("mapping") {
            try expectClean(file) { _ = try MappingLoader.load($0, file: "input", catalogs: data.catalogs) }
            seen += 1
        }
        for file in Self.files("organization") {
            try expectClean(file) { bytes in
                let (org, _) = try OrganizationLoader.load(bytes, file: "input", catalogs: data.catalogs)
                // Had it loaded, the assessment must not crash either.
                _ = AssessmentEngine.assess(org, dataset: data, options: AssessmentOptions(asOf: org.assessmentDate ?? CalendarDate("2026-11-23")!))
            }
            seen += 1
        }
        for file in Self.files("csv") {
            // As the fuzz target reads them: the first byte picks the importer (even: systems).
            try expectClean(file) { all in
                let bytes = Array(all.dropFirst())
                if all.first.map({ $0 & 1 == 0 }) ?? true { _ = try OrganizationCSV.systems(bytes, file: "input") } else { _ = try OrganizationCSV.evidence(bytes, file: "input") }
            }
            seen += 1
        }
        #expect(seen >= 3)
    }

    @Test func datesNeverLeaveTheCalendar() {
        let d = CalendarDate("2026-11-23")!
        #expect(d.adding(days: Int.max) == .latest)
        #expect(d.adding(days: Int.min) == .earliest)
        #expect(d.adding(days: 3_000_000) == .latest)
        #expect(d.adding(days: -3_000_000) == .earliest)
        #expect(CalendarDate.latest.adding(days: 1) == .latest)
        #expect(CalendarDate("9999-12-30")!.adding(days: 1) == .latest)
    }

    /// A large review-days is refused at load, and an expiry computed past 9999 is clamped.
    @Test func reviewDaysAreBounded() throws {
        let org = orgXML(evidence: """
                <item id="E1" kind="record" owner="p1" collected="2026-01-01" review-days="36501" status="approved"><title>t</title><satisfies requirement="iso42001:5.2"/></item>
            """)
        let e = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(org, file: "o.xml", catalogs: Shared.dataset.catalogs) })
        #expect(e.code == .invalidValue && e.message.contains("36500"))
        let csv = "id,title,status,satisfies,collected,review_days\nE1,T,approved,iso42001:5.2,2026-01-01,9223372036854775807\n"
        #expect(expectCrosswalkError { _ = try OrganizationCSV.evidence(Array(csv.utf8), file: "e.csv") }?.code == .invalidValue)
    }
}

/// Every loader reports all the problems of a file, up to the cap, then one note.
@Suite("All problems reported")
struct DiagnosticCapTests {
    func expectCapped(_ e: CrosswalkError?, _ code: CrosswalkError.Code, file: String) throws {
        let e = try #require(e)
        #expect(e.diagnostics.count == DiagnosticLog.cap + 1, "\(e.diagnostics.count)")
        #expect(e.diagnostics.prefix(DiagnosticLog.cap).allSatisfy { $0.code == code && $0.location.file == file && $0.location.line > 0 })
        #expect(e.diagnostics.last?.code == .tooManyErrors && e.diagnostics.last?.severity == .note)
        #expect(e.diagnostics.last?.message.hasPrefix("50 more problems") == true, "\(e.diagnostics.last!)")
        // In file order: each line after the last.
        let lines = e.diagnostics.prefix(DiagnosticLog.cap).map(\.location.line)
        #expect(lines == lines.sorted())
    }

    @Test func catalogLoader() throws {
        var text = LimitsTests.catalogHead
        for i in 0..<250 { text += "\n<control id=\"9bad-\(i)\"><title>t</title></control>" }
        text += "</catalog>"
        try expectCapped(expectCrosswalkError { _ = try CatalogLoader.load(Array(text.utf8), file: "c.xml") }, .invalidIdentifier, file: "c.xml")
    }

    @Test func mappingLoader() throws {
        var text = try Repo.text("Fixtures/crosswalks/mini.xml")
        let end = text.range(of: "  </mapping>")!
        var maps = ""
        for i in 0..<250 {
            maps += """
                <map uuid="u-\(i)"><prop name="strength" ns="urn:crosswalk" value="5"/><relationship>intersects-with</relationship>
                  <source type="control" id-ref="nope-\(i)"/><target type="control" id-ref="B2"/></map>\n
                """
        }
        text.insert(contentsOf: maps, at: end.lowerBound)
        let catalogs = try CatalogSet([loadCatalog("Fixtures/catalogs/minimal.xml"), loadCatalog("Fixtures/catalogs/mini-b.xml")])
        try expectCapped(expectCrosswalkError { _ = try MappingLoader.load(Array(text.utf8), file: "m.xml", catalogs: catalogs) }, .unknownRequirement, file: "m.xml")
    }

    @Test func organizationLoader() throws {
        let items = (0..<250).map { "    <item id=\"E\($0)\" kind=\"record\" status=\"bogus\"><title>t</title><satisfies requirement=\"iso42001:5.2\"/></item>" }.joined(separator: "\n")
        let org = orgXML(evidence: items)
        try expectCapped(expectCrosswalkError { _ = try OrganizationLoader.load(org, file: "o.xml", catalogs: Shared.dataset.catalogs) }, .invalidValue, file: "o.xml")
    }

    @Test func csvImports() throws {
        let rows = (0..<250).map { "S\($0),Name,bogus" }.joined(separator: "\n")
        let csv = "id,name,lifecycle\n" + rows + "\n"
        try expectCapped(expectCrosswalkError { _ = try OrganizationCSV.systems(Array(csv.utf8), file: "s.csv") }, .invalidValue, file: "s.csv")
    }

    /// Regression: warnings filling the log dropped a later error, and the file loaded.
    @Test func warningsNeverCrowdOutAnError() throws {
        let bytes = try Repo.bytes("Fixtures/fuzz-regressions/mapping/warnings-crowd-out-error.xml")
        let e = try #require(expectCrosswalkError { _ = try MappingLoader.load(bytes, file: "m.xml", catalogs: Shared.dataset.catalogs) })
        #expect(e.code == .unknownRequirement && e.message.contains("no-such-control"))
        #expect(e.diagnostics.count == DiagnosticLog.cap + 1)
        var log = DiagnosticLog(file: "f")
        for i in 0..<300 { log.warning(.invalidValue, "w\(i)", line: i + 1) }
        #expect(!log.hasErrors)
        log.error(.invalidValue, "the error", line: 301)
        #expect(log.hasErrors && log.items.count == DiagnosticLog.cap && log.items.last?.message == "the error")
    }
}

/// `Docs/Errors.md` lists every error code the sources define.
@Suite("Error catalogue")
struct ErrorCatalogueTests {
    /// Every code defined in Sources/: `static let x: Code = "…"`, `XMLParseError.Kind`
    /// cases, and any `Code(rawValue: "…")` / `.init(rawValue: "…")` literal.
    static func codesInSources() throws -> Set<String> {
        let root = Repo.path("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var codes = Set<String>()
        let patterns = [
            #"static let \w+: (?:CrosswalkError\.)?Code = "([a-z0-9-]+)""#,
            #"Code\(rawValue: "([a-z0-9-]+)"\)"#,
            #"\.init\(rawValue: "([a-z0-9-]+)"\)"#,
            #"case \w+ = "(xml-[a-z0-9-]+)""#,
        ].map { try! NSRegularExpression(pattern: $0) }
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for p in patterns {
                for m in p.matches(in: text, range: range) { codes.insert(String(text[Range(m.range(at: 1), in: text)!])) }
            }
        }
        return codes
    }

    @Test func everyCodeIsDocumented() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count >= 30, "found only \(codes.sorted())")
        #expect(codes.contains("xml-too-deep") && codes.contains("identifier-too-long") && codes.contains("csv-malformed"))
        let doc = try Repo.text("Docs/Errors.md")
        for code in codes.sorted() {
            #expect(doc.contains("### `\(code)`"), "Docs/Errors.md has no section for \(code)")
        }
        // And nothing documented that the sources no longer define.
        let documented = doc.split(separator: "\n").filter { $0.hasPrefix("### `") }.map { $0.dropFirst(5).prefix { $0 != "`" } }.map(String.init)
        #expect(Set(documented) == codes, "documented but not defined: \(Set(documented).subtracting(codes).sorted())")
    }

    @Test func everyXMLKindMapsToAPublicCode() {
        let kinds: [XMLParseError.Kind] = [.malformed, .doctype, .entityReference, .inputTooLarge, .tooDeep, .textTooLong,
                                           .attributeTooLong, .tooManyAttributes, .tooManyElements, .empty, .truncated]
        let publicCodes: [CrosswalkError.Code] = [.xmlMalformed, .xmlDoctype, .xmlEntity, .xmlTooLarge, .xmlTooDeep, .xmlTextTooLong,
                                                 .xmlAttributeTooLong, .xmlTooManyAttributes, .xmlTooManyElements, .xmlEmpty, .xmlTruncated]
        #expect(kinds.map(\.rawValue) == publicCodes.map(\.rawValue))
    }
}

/// One loaded `Dataset`, shared by concurrent assessments, gives each the same result as
/// a sequential run.
@Suite("Concurrency")
struct ConcurrencyTests {
    struct Job: Sendable { var org: Organization; var asOf: CalendarDate }

    static func jobs() throws -> [Job] {
        let data = Shared.dataset
        let sample = try OrganizationLoader.load(Repo.bytes("Fixtures/sample/insurer.xml"), file: "insurer.xml", catalogs: data.catalogs).organization
        var lean = sample
        lean.name = "Lean"
        lean.evidence = EvidenceRegister(sample.evidence.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        var risky = sample
        risky.name = "Risky"
        risky.systems = sample.systems.map { var s = $0; s.riskTier = .high; return s }
        var bare = sample
        bare.name = "Bare"
        bare.evidence = []
        bare.decisions = []
        var dates = ["2025-06-01", "2026-08-02", "2026-11-23", "2027-12-31"].map { CalendarDate($0)! }
        var out: [Job] = []
        for org in [sample, lean, risky, bare] {
            for d in dates { out.append(Job(org: org, asOf: d)) }
            dates.append(dates.removeFirst())
        }
        return out
    }

    static func render(_ job: Job, _ data: Dataset) -> [UInt8] {
        let a = AssessmentEngine.assess(job.org, dataset: data, options: AssessmentOptions(asOf: job.asOf))
        return AssessmentExport.gapsCSV(a, catalogs: data.catalogs) + AssessmentExport.scoresCSV(a)
    }

    @Test func concurrentAssessmentsMatchSequentialOnes() async throws {
        let data = Shared.dataset
        let jobs = try Self.jobs()
        let sequential = jobs.map { Self.render($0, data) }
        #expect(Set(sequential).count > 8, "the variants should differ")
        let concurrent = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            for _ in 0..<2 {
                for (i, job) in jobs.enumerated() { group.addTask { (i, Self.render(job, data)) } }
            }
            var results: [Int: [[UInt8]]] = [:]
            for await (i, bytes) in group { results[i, default: []].append(bytes) }
            return results
        }
        for (i, expected) in sequential.enumerated() {
            let got = concurrent[i] ?? []
            #expect(got.count == 2 && got.allSatisfy { $0 == expected }, "job \(i) differs when run concurrently")
        }
    }

    @Test func concurrentLoadsOfEveryKind() async throws {
        let catalog = try Repo.bytes("Fixtures/catalogs/sp800-53-style.xml")
        let org = try Repo.bytes("Fixtures/sample/insurer.xml")
        let csv = try Repo.bytes("Fixtures/csv/evidence.csv")
        let catalogs = Shared.dataset.catalogs
        let expected = try CatalogLoader.load(catalog, file: "c.xml").catalog.entries.map(\.label)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { try CatalogLoader.load(catalog, file: "c.xml").catalog.entries.map(\.label) == expected }
                group.addTask { try OrganizationLoader.load(org, file: "o.xml", catalogs: catalogs).organization.evidence.count > 0 }
                group.addTask { try OrganizationCSV.evidence(csv, file: "e.csv").count == 2 }
            }
            for try await ok in group { #expect(ok) }
        }
    }
}
