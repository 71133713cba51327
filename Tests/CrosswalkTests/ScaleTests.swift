import Foundation
import Testing
@testable import Crosswalk
@testable import _CrosswalkXML

@Suite("Platform scale: generator, fast engine, streamed ingest")
struct ScaleTests {
    static let small = GeneratorOptions(systems: 30, evidence: 1_500, seed: 7)

    @Test func generatedFilesLoadWithoutErrorsAndAreDeterministic() throws {
        let bytes = OrganizationGenerator.generate(Self.small, dataset: Shared.dataset)
        #expect(bytes == OrganizationGenerator.generate(Self.small, dataset: Shared.dataset))
        #expect(bytes != OrganizationGenerator.generate(GeneratorOptions(systems: 30, evidence: 1_500, seed: 8), dataset: Shared.dataset))
        let (org, warnings) = try OrganizationLoader.load(bytes, file: "generated.xml", catalogs: Shared.dataset.catalogs)
        #expect(warnings.isEmpty)
        #expect(org.systems.count == 30 && org.evidence.count == 1_500)
        #expect(Set(org.systems.map(\.riskTier)).count >= 4)
        #expect(org.evidence.contains { $0.status == .draft } && org.evidence.contains { !$0.systems.isEmpty } && org.evidence.contains { $0.systems.isEmpty })
        #expect(Set(org.evidence.flatMap(\.claims).map(\.requirement.framework)).count == 4)
        #expect(org.decisions.contains { !$0.applicable && $0.justification.isEmpty })
        #expect(Set(org.owners.map(\.requirement)).count < org.owners.count)  // some requirements have two owners
    }

    @Test func streamedLoadEqualsInMemoryLoad() throws {
        let bytes = OrganizationGenerator.generate(Self.small, dataset: Shared.dataset)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-scale-\(getpid()).xml").path
        defer { unlink(path) }
        try OrganizationGenerator.write(Self.small, dataset: Shared.dataset, to: path)
        #expect(try InputFile.read(path).bytes == bytes)
        let a = try OrganizationLoader.load(bytes, file: "g.xml", catalogs: Shared.dataset.catalogs).organization
        let b = try OrganizationLoader.load(contentsOf: path, file: "g.xml", catalogs: Shared.dataset.catalogs).organization
        #expect(a.evidence == b.evidence && a.systems == b.systems && a.owners == b.owners && a.decisions == b.decisions)
    }

    @Test func streamedLoadReportsMissingFilesAndXMLErrors() throws {
        #expect(expectCrosswalkError { _ = try OrganizationLoader.load(contentsOf: "/nonexistent/org.xml", catalogs: Shared.dataset.catalogs) }?.code == .ioError)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-bad-\(getpid()).xml").path
        defer { unlink(path) }
        try AtomicFile.write(Array("<organization xmlns=\"urn:crosswalk:organization:1\">\n<scope>".utf8), to: path)
        let e = expectCrosswalkError { _ = try OrganizationLoader.load(contentsOf: path, catalogs: Shared.dataset.catalogs) }
        #expect(e?.code == .xmlMalformed || e?.code == .xmlTruncated)
        #expect(e?.location.file == path)
    }

    /// The fast engine agrees byte for byte with the simple one it replaced, on organisations
    /// with every mix of evidence (organisation-wide share 0 … 1, several seeds and dates).
    @Test(arguments: [(UInt64(1), 0.03, "2026-11-23"), (2, 0.3, "2026-11-23"), (3, 1.0, "2026-11-23"), (4, 0.0, "2028-09-01"), (5, 0.1, "2025-06-01")])
    func fastEngineEqualsTheReferenceEngine(seed: UInt64, share: Double, asOf: String) throws {
        let options = GeneratorOptions(systems: 16, evidence: 700, seed: seed, organizationWideShare: share)
        let bytes = OrganizationGenerator.generate(options, dataset: Shared.dataset)
        var (org, _) = try OrganizationLoader.load(bytes, file: "g.xml", catalogs: Shared.dataset.catalogs)
        // Shared and unknown system references, duplicated claims: the corners of the index.
        org.evidence[0].systems = [org.systems[1].id, org.systems[1].id, org.systems[2].id]
        org.evidence[1].claims += org.evidence[1].claims
        let assessOptions = AssessmentOptions(asOf: CalendarDate(asOf)!)
        let fast = AssessmentEngine.assess(org, dataset: Shared.dataset, options: assessOptions)
        let reference = ReferenceEngine.assess(org, dataset: Shared.dataset, options: assessOptions)
        #expect(fast.cells == reference.cells)
        #expect(fast.scores == reference.scores)
        #expect(AssessmentExport.gapsCSV(fast, catalogs: Shared.dataset.catalogs) == AssessmentExport.gapsCSV(reference, catalogs: Shared.dataset.catalogs))
    }

    /// Evidence per cell (#16): a cell lists at most `evidencePerCell` ids, in register order,
    /// and counts the rest; its reason lists the same; the oracle reaches the same cells; the
    /// counts are in assessment.json and read back.
    @Test func cellsListAtMostTheCapAndCountTheRest() throws {
        let options = GeneratorOptions(systems: 40, evidence: 2_000, seed: 3, organizationWideShare: 0.3)
        let (org, _) = try OrganizationLoader.load(OrganizationGenerator.generate(options, dataset: Shared.dataset), file: "g.xml", catalogs: Shared.dataset.catalogs)
        var uncapped = AssessmentOptions(asOf: org.assessmentDate!)
        uncapped.evidencePerCell = 0
        let all = AssessmentEngine.assess(org, dataset: Shared.dataset, options: uncapped)
        var capped = AssessmentOptions(asOf: org.assessmentDate!)
        capped.evidencePerCell = 5
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: capped)
        expectSameCells(a.cells, ReferenceEngine.assess(org, dataset: Shared.dataset, options: capped).cells, "capped generated organisation")
        #expect(a.scores == all.scores, "the cap changes what is listed, never a status or a score")
        let cut = zip(all.cells, a.cells).filter { $0.0.evidence.count > 5 }
        #expect(cut.count > 20)
        for (full, c) in cut {
            #expect(c.evidence == Array(full.evidence.prefix(5)) && c.evidenceOmitted == full.evidence.count - 5 && c.status == full.status)
            #expect(c.sentence.hasSuffix(" not listed.)") && c.sentence.contains("(\(c.evidenceOmitted) more evidence item"))
        }
        #expect(a.cells.allSatisfy { $0.evidence.count <= 5 })
        let d = Deliverables(a, organization: org, dataset: Shared.dataset)
        let json = ReportBundle(a, deliverables: d, organization: org, dataset: Shared.dataset).file(named: "assessment.json")!.render()
        #expect(try Assessment(assessmentJSON: json, file: "a.json").cells == a.cells, "evidenceOmitted is written and read back")
    }

    @Test func fastEngineEqualsTheReferenceEngineOnTheSample() throws {
        let file = try InputFile.read(Repo.path("Fixtures/sample/insurer.xml"))
        let (org, _) = try OrganizationLoader.load(file.bytes, file: "sample/insurer.xml", catalogs: Shared.dataset.catalogs)
        for date in ["2026-11-23", "2027-12-02", "2025-01-01"] {
            let options = AssessmentOptions(asOf: CalendarDate(date)!)
            let fast = AssessmentEngine.assess(org, dataset: Shared.dataset, options: options)
            let reference = ReferenceEngine.assess(org, dataset: Shared.dataset, options: options)
            #expect(fast.cells == reference.cells && fast.scores == reference.scores)
        }
    }

    @Test func foldedTextMatchesFoldingWhitespace() {
        let pieces = [" ", "  ", "\n", "\t", "a", "é", "e\u{301}", " \u{301}", "\u{600} ", "—", "😀", "\u{200D}", "x", "\r\n", "AB", "\u{903}", "\u{E33}", "\u{1F3FB}", "\r"]
        var rng = SplitMix64(seed: 99)
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<rng.below(8) { s += rng.pick(pieces) }
            #expect(Array(s.utf8).foldedText() == s.foldingWhitespaceByCharacter(), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func csvNumbersMatchFormatFixed() {
        var rng = SplitMix64(seed: 5)
        for i in 0..<5_000 {
            let value = (Double(rng.below(2_000_001)) - 1_000_000) / Double([1, 3, 7, 100, 1_000][i % 5])
            for decimals in 0...3 {
                var w = CSVWriter()
                w.number(value, decimals: decimals)
                #expect(w.bytes == Array(formatFixed(value, decimals: decimals).utf8), "\(value) \(decimals)")
            }
        }
        var w = CSVWriter()
        w.number(Int.min); w.number(0); w.number(-7); w.number(0.004, decimals: 2); w.number(-0.004, decimals: 2)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "\(Int.min),0,-7,0.00,0.00")
    }
}
