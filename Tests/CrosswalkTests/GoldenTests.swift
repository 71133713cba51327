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
        let (org, d) = try SampleDeliverables.get
        try expectGolden(AssessmentExport.gapsCSV(Self.assessment, catalogs: Shared.dataset.catalogs, join: CellJoin(deliverables: d, organization: org)), "sample/gaps.csv")
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
        #expect(a.cells.contains { if case .unjustifiedExclusion = $0.reason { true } else { false } })
        // Drafts never count: no met cell rests on a draft.
        let drafts = Set(try OrganizationLoader.load(InputFile.read(Repo.path("Fixtures/sample/insurer.xml")).bytes, file: "s", catalogs: Shared.dataset.catalogs)
            .organization.evidence.filter { $0.status == .draft }.map(\.id))
        #expect(!drafts.isEmpty)
        #expect(a.cells.filter { $0.status == .met }.allSatisfy { !$0.evidence.allSatisfy(drafts.contains) })
        #expect(a.cells.contains { if case .metViaMapping = $0.reason { true } else { false } })
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
        // Every report, byte for byte what the library renders.
        for f in SampleReports.files {
            #expect(try InputFile.read(dir + "/" + f.name).bytes == f.bytes, "\(f.name)")
            #expect(r.out.contains("wrote \(dir)/\(f.name)"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).count == 13)
        let failing = try run(["assess", "--fail-on-gaps"])
        #expect(failing.status == 1)
        let catalogue = try run(["assess", Repo.path("Catalogs/iso42001.xml")])
        #expect(catalogue.status == 2 && catalogue.err.contains("not an organisation file") && catalogue.err.contains("[unknown-document]"))
        let missing = try run(["assess", "/nonexistent/org.xml"])
        #expect(missing.status == 3 && missing.err.contains("/nonexistent/org.xml"))
    }

    @Test func ownersAndRemediationTables() throws {
        let owners = try run(["owners"])
        #expect(owners.status == 0)
        #expect(owners.out.contains("CG-009") && owners.out.contains("compliance-officer") && owners.out.contains("ciso (iso27001:6.1.2)"))
        let problems = try run(["owners", "--problems"])
        #expect(problems.out.contains("ciso (iso27001:6.1.2)") && !problems.out.contains("anchor-assignment  \n"))
        let plan = try run(["remediation", "--top", "3"])
        #expect(plan.status == 0 && plan.out.contains("ACT-001") && plan.out.contains("ACT-003") && !plan.out.contains("ACT-004"))
        let csv = try run(["remediation", "--format", "csv"])
        let (org, d) = try SampleDeliverables.get
        #expect(Array(csv.out.utf8) == DeliverablesExport.remediationCSV(d, organization: org))
        let bad = try run(["remediation", "--frameworks", "iso9001"])
        #expect(bad.status == 2 && bad.err.contains("iso9001"))
    }

    @Test func theREADMEShowsTheRealFirstLines() throws {
        let readme = try Repo.text("README.md")
        let owners = try run(["owners"]).out.split(separator: "\n").prefix(10).joined(separator: "\n")
        #expect(readme.contains("```\n" + owners + "\n```"))
        let plan = try run(["remediation", "--top", "5"]).out.split(separator: "\n").prefix(6).joined(separator: "\n")
        #expect(readme.contains("```\n" + plan + "\n```"))
    }

    @Test func aWriteThatFailsMidwayKeepsThePreviousReports() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-efbig-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try run(["assess", "--out", dir]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { ($0, try InputFile.read(dir + "/" + $0).bytes) }
        // A 64 KiB file-size limit: gaps.csv (about 100 KB) fails part-way through its data
        // (EFBIG; SIGXFSZ ignored, as bash's trap '' leaves it for the child).
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" assess --as-of 2026-12-31 --out \"$1\"", Self.binary, dir]
        p.standardOutput = Pipe(); p.standardError = Pipe()
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 3)
        let after = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { ($0, try InputFile.read(dir + "/" + $0).bytes) }
        #expect(after.map(\.0) == before.map(\.0), "no temporary file is left behind")
        #expect(zip(after, before).allSatisfy { $0.1 == $1.1 }, "every previous report is intact")
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
