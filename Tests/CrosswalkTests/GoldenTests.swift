import Foundation
import Testing
@testable import Crosswalk

/// Compares `bytes` with the golden file `Fixtures/golden/<name>`; with
/// `CROSSWALK_RECORD=1` in the environment, writes it instead.
func expectGolden(_ bytes: [UInt8], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let path = Repo.path("Fixtures/golden/" + name)
    if ProcessInfo.processInfo.environment["CROSSWALK_RECORD"] == "1" {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(bytes, to: path)
        return
    }
    let golden = try InputFile.read(path).bytes
    if golden != bytes {
        let a = String(decoding: golden, as: UTF8.self).components(separatedBy: "\r\n")
        let b = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        Issue.record("\(name) differs from its golden file at line \(i + 1):\n  golden: \(i < a.count ? a[i] : "<end>")\n  actual: \(i < b.count ? b[i] : "<end>")\nRe-record with CROSSWALK_RECORD=1 swift test if the change is intended.", sourceLocation: sourceLocation)
    }
}

@Suite("Sample organisation (golden files)")
struct SampleGoldenTests {
    static let assessment: Assessment = {
        let data = Shared.dataset
        let file = try! InputFile.read(Repo.path("Fixtures/sample/insurer.xml"))
        let (org, _) = try! OrganizationLoader.load(file.bytes, file: "sample/insurer.xml", catalogs: data.catalogs)
        return AssessmentEngine.assess(org, dataset: data, options: AssessmentOptions(asOf: org.assessmentDate!))
    }()

    @Test func gapsCSV() throws {
        try expectGolden(AssessmentExport.gapsCSV(Self.assessment, catalogs: Shared.dataset.catalogs), "sample/gaps.csv")
    }

    @Test func scoresCSV() throws {
        try expectGolden(AssessmentExport.scoresCSV(Self.assessment), "sample/scores.csv")
    }

    @Test func catalogueAndMappingExports() throws {
        try expectGolden(CatalogExport.csv(Shared.dataset.catalogs.catalog(.iso42001)!), "catalog-iso42001.csv")
        try expectGolden(MappingExport.csv(graph: Shared.dataset.graph, includeDerived: true), "mappings.csv")
    }

    @Test func theSampleTellsItsStory() throws {
        let a = Self.assessment
        // The execution gap: impact assessments exist for some systems only.
        #expect(a.cells.contains { $0.requirement.description == "iso42001:6.1.4" && $0.status == .met })
        #expect(a.cells.contains { $0.requirement.description == "iso42001:6.1.4" && $0.status != .met && $0.system != nil })
        for status in [CellStatus.met, .partial, .missing, .stale, .dueSoon, .executionGap, .excluded, .notApplicable, .upcoming] {
            #expect(a.count(status) > 0, "the sample shows no \(status.rawValue) cell")
        }
        #expect(a.cells.contains { $0.reasonCode == "unjustified-exclusion" })
        // Drafts never count: no met cell rests on a draft.
        let drafts = Set(try OrganizationLoader.load(InputFile.read(Repo.path("Fixtures/sample/insurer.xml")).bytes, file: "s", catalogs: Shared.dataset.catalogs)
            .organization.evidence.filter { $0.status == "draft" }.map(\.id))
        #expect(!drafts.isEmpty)
        #expect(a.cells.filter { $0.status == .met }.allSatisfy { !$0.evidence.allSatisfy(drafts.contains) })
        #expect(a.cells.contains { $0.reasonCode == "met-via-mapping" })
    }
}

@Suite("Command line, end to end")
struct CLITests {
    /// The built `crosswalk` executable, beside the test bundle.
    static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir.appendingPathComponent("crosswalk").path, Repo.path(".build/debug/crosswalk")] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return Repo.path(".build/debug/crosswalk")
    }

    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func catalogsListsAllFourFrameworks() throws {
        let r = try run(["catalogs"])
        #expect(r.status == 0)
        for fw in ["eu-ai-act", "iso27001", "iso42001", "nist-ai-rmf"] { #expect(r.out.contains(fw)) }
        #expect(r.out.contains("38 control") && r.out.contains("72 subcategory"))
    }

    @Test func exportCatalogPrintsTheWholeTree() throws {
        let r = try run(["export", "catalog", "iso42001", "--format", "csv"])
        #expect(r.status == 0)
        #expect(Array(r.out.utf8) == CatalogExport.csv(Shared.dataset.catalogs.catalog(.iso42001)!))
    }

    @Test func mapAndCoverage() throws {
        let m = try run(["map", "eu-ai-act:Art. 12", "--to", "iso42001"])
        #expect(m.status == 0 && m.out.contains("A.6.2.8"))
        let c = try run(["coverage", "--from", "iso42001", "--to", "nist-ai-rmf"])
        #expect(c.status == 0 && c.out.contains("dispositioned 72/72"))
        let bad = try run(["map", "iso42001:A.99"])
        #expect(bad.status == 2)
    }

    @Test func validateReportsLocatedErrorsAndExitCode() throws {
        let ok = try run(["validate", Repo.path("Catalogs/iso42001.xml"), Repo.path("Catalogs/crosswalk-nist-ai-rmf-iso42001.xml")])
        #expect(ok.status == 0)
        let path = Repo.path("Fixtures/invalid/catalog-several-errors.xml")
        let bad = try run(["validate", path])
        #expect(bad.status == 2)
        #expect(bad.err.contains("\(path):21:") && bad.err.contains("\(path):25:") && bad.err.contains("\(path):26:"))
        // A crosswalk resolves against catalogues named beside it, in any order.
        let pair = try run(["validate", Repo.path("Fixtures/crosswalks/mini.xml"), Repo.path("Fixtures/catalogs/minimal.xml"), Repo.path("Fixtures/catalogs/mini-b.xml")])
        #expect(pair.status == 0 && pair.out.contains("2 mappings"), "\(pair.err)")
        let hostile = try run(["validate", Repo.path("Fixtures/hostile/xxe-local-file.xml")])
        #expect(hostile.status == 2 && hostile.err.contains("DOCTYPE") && !hostile.out.contains("root:"))
    }

    @Test func assessTheBundledSampleAndWriteReports() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-cli-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["assess", "--out", dir])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Northwind Mutual Insurance") && r.out.contains("Overall readiness"))
        let gaps = try InputFile.read(dir + "/gaps.csv").bytes
        #expect(gaps == AssessmentExport.gapsCSV(SampleGoldenTests.assessment, catalogs: Shared.dataset.catalogs))
        let failing = try run(["assess", "--fail-on-gaps"])
        #expect(failing.status == 1)
        let missing = try run(["assess", "/nonexistent/org.xml"])
        #expect(missing.status == 3 && missing.err.contains("/nonexistent/org.xml"))
    }

    @Test func unwritableOutputDirectoryIsAnIOError() throws {
        let r = try run(["assess", "--out", "/proc/crosswalk-cannot-write-here"])
        #expect(r.status == 3)
    }
}

@Suite("Atomic writes")
struct AtomicWriteTests {
    @Test func replacesAndLeavesNoTemporaryFile() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-atomic-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/report.csv"
        try AtomicFile.write(Array("old\r\n".utf8), to: path)
        try AtomicFile.write(Array("new\r\n".utf8), to: path)
        #expect(try InputFile.read(path).bytes == Array("new\r\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.csv"])
    }

    @Test func aFailedWriteKeepsThePreviousFile() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-atomic-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/report.csv"
        try AtomicFile.write(Array("previous".utf8), to: path)
        // A directory where the file should go makes the final rename fail after the data is written.
        let blocked = dir + "/blocked"
        try FileManager.default.createDirectory(atPath: blocked + "/inner", withIntermediateDirectories: true)
        #expect(throws: CrosswalkError.self) { try AtomicFile.write(Array("new".utf8), to: blocked) }
        #expect(try InputFile.read(path).bytes == Array("previous".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["blocked", "report.csv"])
    }
}
