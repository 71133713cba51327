import Foundation
import Testing
@testable import Crosswalk

/// The files CISO Assistant imports, checked against the formats read in its repository
/// (`Docs/Interchange.md`) and the URN lists in `Fixtures/ciso-assistant/`.
@Suite("CISO Assistant export")
struct CISOAssistantTests {
    static let export: CISOAssistantExport = {
        let (org, d) = try! SampleDeliverables.get
        return CISOAssistantExport(SampleGoldenTests.assessment, deliverables: d, organization: org, dataset: Shared.dataset)
    }()

    /// A library's nodes as listed in the fixture: urn → (ref_id, assessable).
    static func fixture(_ library: String) throws -> [String: (refID: String, assessable: Bool)] {
        var out: [String: (String, Bool)] = [:]
        for line in try Repo.text("Fixtures/ciso-assistant/\(library).tsv").split(separator: "\n").dropFirst(3) {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            out[f[0]] = (f[1], f[2] == "1")
        }
        return out
    }
    static let libraries = ["iso42001": "iso42001-2023", "iso27001": "iso27001-2022", "eu-ai-act": "ai-act", "nist-ai-rmf": "nist-ai-rmf-1.0"]

    func file(_ name: String) throws -> [UInt8] { try #require(Self.export.files.first { $0.name == name }).bytes }

    @Test func oneAuditPerFrameworkInScopeTheAppliedControlsAndTheMappingLibraries() {
        #expect(Self.export.files.map(\.name) == [
            "compliance-assessment-eu-ai-act.csv", "compliance-assessment-iso27001.csv", "compliance-assessment-iso42001.csv", "applied-controls.csv",
            "crosswalk-eu-ai-act-to-iso42001.yaml", "crosswalk-iso42001-to-iso27001.yaml", "crosswalk-nist-ai-rmf-to-iso42001.yaml",
        ])
    }

    @Test(arguments: ["iso42001", "iso27001", "eu-ai-act"]) func auditImport(_ framework: String) throws {
        let rows = parseCSV(try file("compliance-assessment-\(framework).csv"))
        // The columns `_reconcile_compliance_requirements` reads (backend/data_wizard/views.py).
        #expect(rows[0] == ["urn", "ref_id", "assessable", "name", "compliance_result", "requirement_progress", "score", "observations"])
        let nodes = try Self.fixture(Self.libraries[framework]!)
        let maxScore = framework == "iso42001" ? 5 : 100
        #expect(rows.count > 20)
        var urns = Set<String>()
        for r in rows.dropFirst() {
            let node = try #require(nodes[r[0]], "\(r[0]) is not a node of CISO Assistant's library")
            #expect(node.assessable, "\(r[0]) is not assessable: the wizard would find no requirement assessment for it")
            #expect(r[0].hasPrefix("urn:intuitem:risk:req_node:\(Self.libraries[framework]!):"))
            #expect(r[1] == node.refID)
            #expect(r[2] == "True")
            // RequirementAssessment.Result and .Status (backend/core/models.py).
            #expect(["compliant", "partially_compliant", "non_compliant", "not_applicable", "not_assessed"].contains(r[4]))
            #expect(["to_do", "in_progress", "in_review", "done"].contains(r[5]))
            if !r[6].isEmpty { let s = try #require(Int(r[6])); #expect((0...maxScore).contains(s)) }
            #expect(r[4] == "not_applicable" || r[4] == "not_assessed" ? r[6].isEmpty : !r[6].isEmpty)
            #expect(r[7].hasPrefix("Crosswalk assessment at 2026-11-23"))
            // Reasons in words (never a Swift value's description).
            #expect(!r[7].contains("Optional(") && !r[7].contains("(from:"), "\(r[7].prefix(300))")
            #expect(urns.insert(r[0]).inserted, "\(r[0]) written twice")
        }
    }

    @Test func perSystemCellsAreSummarisedWithTheSystemsNamed() throws {
        let rows = parseCSV(try file("compliance-assessment-iso42001.csv"))
        let a74 = try #require(rows.first { $0[1] == "A.7.4" })
        let cells = SampleGoldenTests.assessment.cells.filter { $0.requirement == RequirementRef(.iso42001, "A.7.4") }
        for c in cells where c.status.isAssessed { #expect(a74[7].contains("\(c.system ?? "Organisation"): \(c.status.rawValue) — \(c.reason.sentence)")) }
        let expected = cells.allSatisfy { $0.status == .met } ? "compliant" : cells.contains { $0.status == .met || $0.credit > 0 } ? "partially_compliant" : "non_compliant"
        #expect(a74[4] == expected)
    }

    /// An obligation of a later date (format 2): its row is not assessed yet and to do, with
    /// no score, and its observations name the date, the legal basis and the evidence
    /// already gathered for it (preparation), e.g. Art. 9 for CLAIMS-PRICING.
    @Test func upcomingCellsAreNotAssessedYetButShowTheirEvidence() throws {
        let rows = parseCSV(try file("compliance-assessment-eu-ai-act.csv"))
        let upcoming = SampleGoldenTests.assessment.cells.filter { $0.requirement == RequirementRef(.euAIAct, "Art. 9") && $0.status == .upcoming && !$0.evidence.isEmpty }
        let c = try #require(upcoming.first)
        let row = try #require(rows.first { $0[1] == "9.1" })
        #expect(row[4] == "not_assessed" && row[5] == "to_do" && row[6].isEmpty)
        #expect(row[7].contains("\(c.system!): upcoming — \(c.reason.sentence) Evidence: \(c.evidence.joined(separator: ", ")).") && row[7].contains("Applies from 2027-12-02"))
    }

    @Test func missingIdentifiersGoToTheNearestParentWithAWarning() throws {
        let rows = parseCSV(try file("compliance-assessment-iso42001.csv"))
        let row = try #require(rows.first { $0[1] == "6.1" })
        #expect(row[3].contains("iso42001 6.1.1") && row[3].contains("iso42001 6.1.4"))
        #expect(Self.export.warnings.contains { $0.contains("iso42001 6.1.4 is not in CISO Assistant's urn:intuitem:risk:library:iso42001-2023") && $0.contains("nearest parent 6.1") })
        // An article of the AI Act lands on its assessable paragraphs.
        let eu = parseCSV(try file("compliance-assessment-eu-ai-act.csv"))
        #expect(eu.contains { $0[1] == "9.1" } && eu.contains { $0[1] == "9.10" })
        #expect(eu.contains { $0[0] == "urn:intuitem:risk:req_node:ai-act:node271" }, "Article 4's one paragraph")
    }

    @Test func appliedControls() throws {
        let rows = parseCSV(try file("applied-controls.csv"))
        // Fields AppliedControlRecordConsumer reads (backend/data_wizard/views.py).
        #expect(rows[0] == ["ref_id", "name", "description", "status", "priority", "csf_function", "eta", "owner", "observation"])
        let (_, d) = try SampleDeliverables.get
        #expect(rows.count == d.remediation.count + 1)
        for (r, x) in zip(rows.dropFirst(), d.remediation) {
            #expect(r[0] == x.id && r[1] == x.title)
            #expect(r[3] == "to_do")  // AppliedControl.Status
            #expect(["1", "2", "3", "4"].contains(r[4]))  // AppliedControl.PRIORITY
            #expect(r[5] == "govern")
            #expect(r[6] == (x.deadline?.description ?? ""))
            #expect(r[7] == (x.owner ?? ""))
        }
        #expect(rows[1][4] == "1" && rows.last![4] == "4")
    }

    @Test func mappingLibrariesUseCISOAssistantsURNs() throws {
        for f in Self.export.files where f.name.hasSuffix(".yaml") {
            let text = String(decoding: f.bytes, as: UTF8.self)
            let parts = f.name.dropFirst("crosswalk-".count).dropLast(".yaml".count).components(separatedBy: "-to-")
            let source = try Self.fixture(Self.libraries[parts[0]]!), target = try Self.fixture(Self.libraries[parts[1]]!)
            var count = 0
            for line in text.split(separator: "\n") {
                let l = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "")
                func value(_ key: String) -> String? { l.hasPrefix(key + ": ") ? String(l.dropFirst(key.count + 2)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : nil }
                if let s = value("source_requirement_urn") { #expect(source[s] != nil, "\(f.name): \(s)"); count += 1 }
                if let t = value("target_requirement_urn") { #expect(target[t] != nil, "\(f.name): \(t)") }
                if let r = value("relationship") { #expect(["subset", "intersect", "equal", "superset", "not_related"].contains(r)) }
                if let r = value("rationale") { #expect(["syntactic", "semantic", "functional"].contains(r)) }
                if let s = value("strength_of_relationship") { #expect((0...10).contains(Int(s) ?? -1)) }
            }
            #expect(count > 10, "\(f.name)")
            #expect(text.contains("source_framework_urn: \"urn:intuitem:risk:framework:\(Self.libraries[parts[0]]!)\""))
        }
        guard let python = TrestlePython.path else {
            #expect(!TrestlePython.inCI, "PyYAML (in .venv-trestle) is missing in CI")
            return
        }
        let dir = try temporaryFolder("crosswalk-ciso")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var paths: [String] = []
        for f in Self.export.files where f.name.hasSuffix(".yaml") { try AtomicFile.write(f.bytes, to: dir + "/" + f.name); paths.append(dir + "/" + f.name) }
        let (status, out) = try TrestlePython.run(python, ["ciso-mapping"] + paths)
        #expect(status == 0, "\(out)")
    }

    @Test func cliWritesTheSameFiles() throws {
        let dir = try temporaryFolder("crosswalk-ciso-cli")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLITests().run(["export", "ciso-assistant", "--out", dir])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("warning: iso42001 6.1.1 is not in CISO Assistant's"))
        for f in Self.export.files { #expect(try InputFile.read(dir + "/" + f.name).bytes == f.bytes, "\(f.name)") }
    }
}
