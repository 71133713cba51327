import Foundation
import Testing
@testable import Crosswalk

/// The auditor's conclusions stated in `Fixtures/interchange/two-systems.xml`.
@Suite("Interchange on a two-system organisation")
struct InterchangeScenarioTests {
    static let setup: (Organization, Assessment, Deliverables) = {
        let file = try! InputFile.read(Repo.path("Fixtures/interchange/two-systems.xml"))
        let (org, _) = try! OrganizationLoader.load(file.bytes, file: "two-systems.xml", catalogs: Shared.dataset.catalogs)
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!))
        return (org, a, Deliverables.build(a, organization: org, dataset: Shared.dataset))
    }()

    func ar() throws -> (result: [String: Any], local: [String: Any]) {
        let (org, a, d) = Self.setup
        let doc = AssessmentResultsDocument(a, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs, provenance: Provenance(a, dataset: Shared.dataset))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(doc.json())) as? [String: Any])
        let result = try #require(((json["assessment-results"] as? [String: Any])?["results"] as? [[String: Any]])?.first)
        return (result, try #require(result["local-definitions"] as? [String: Any]))
    }

    func findings(_ result: [String: Any], _ label: String) -> [[String: Any]] {
        (result["findings"] as? [[String: Any]] ?? []).filter { f in (f["props"] as? [[String: Any]] ?? []).contains { $0["name"] as? String == "requirement" && $0["value"] as? String == label } }
    }
    func prop(_ o: [String: Any], _ name: String) -> String? { (o["props"] as? [[String: Any]])?.first { $0["name"] as? String == name }?["value"] as? String }

    @Test func oscalFindingsAndSubjects() throws {
        let (result, local) = try ar()
        let observations = Dictionary(uniqueKeysWithValues: (result["observations"] as? [[String: Any]] ?? []).map { ($0["uuid"] as! String, $0) })
        let items = Dictionary(uniqueKeysWithValues: (local["inventory-items"] as? [[String: Any]] ?? []).map { ($0["uuid"] as! String, prop($0, "system-id")!) })
        func subject(_ f: [String: Any]) -> String? {
            let o = observations[((f["related-observations"] as? [[String: Any]])?.first?["observation-uuid"] as? String) ?? ""]
            let s = (o?["subjects"] as? [[String: Any]])?.first
            return s?["type"] as? String == "inventory-item" ? items[s?["subject-uuid"] as? String ?? ""] : "organisation"
        }
        func state(_ f: [String: Any]) -> String? { ((f["target"] as? [String: Any])?["status"] as? [String: Any])?["state"] as? String }
        let policy = findings(result, "5.2")
        #expect(policy.count == 1 && state(policy[0]) == "satisfied" && subject(policy[0]) == "organisation")
        let vv = findings(result, "A.6.2.4")
        #expect(vv.count == 2)
        #expect(vv.allSatisfy { ($0["target"] as? [String: Any])?["target-id"] as? String == "iso42001_a.6.2.4_smt" })
        let bySystem = Dictionary(uniqueKeysWithValues: vv.map { (subject($0) ?? "?", state($0) ?? "?") })
        #expect(bySystem == ["SCORER": "satisfied", "ROUTER": "not-satisfied"])
        // 6.1.4: the process (an organisation cell) and each system's artefact, all missing.
        let ia = findings(result, "6.1.4")
        #expect(ia.count == 3 && ia.allSatisfy { state($0) == "not-satisfied" })
        #expect(Set(ia.compactMap(subject)) == ["organisation", "SCORER", "ROUTER"])
    }

    @Test func ciso() throws {
        let (org, a, d) = Self.setup
        let export = CISOAssistantExport(a, deliverables: d, organization: org, dataset: Shared.dataset)
        let rows = parseCSV(try #require(export.files.first { $0.name == "compliance-assessment-iso42001.csv" }).bytes)
        func row(_ ref: String) -> [String]? { rows.first { $0[1] == ref } }
        #expect(row("5.2")?[4] == "compliant" && row("5.2")?[5] == "done" && row("5.2")?[6] == "5")
        let vv = try #require(row("A.6.2.4"))
        #expect(vv[4] == "partially_compliant" && vv[5] == "in_progress")
        #expect(vv[7].contains("SCORER: met") && vv[7].contains("ROUTER: missing"))
        let six = try #require(row("6.1"))
        #expect(six[3].contains("iso42001 6.1.4") && six[4] == "non_compliant")
        #expect(export.warnings.contains { $0.hasPrefix("iso42001 6.1.4 is not in CISO Assistant's") })
    }

    @Test func poamCoversEveryOpenCell() throws {
        let (org, a, d) = Self.setup
        let doc = POAMDocument(a, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs, provenance: Provenance(a, dataset: Shared.dataset))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(doc.json())) as? [String: Any])
        let pm = try #require(json["plan-of-action-and-milestones"] as? [String: Any])
        let observed = Set((pm["observations"] as? [[String: Any]] ?? []).compactMap { o in
            (o["props"] as? [[String: Any]])?.first { $0["name"] as? String == "requirement" }?["value"] as? String }.map { $0 })
        for c in a.cells where c.status.isGap { #expect(observed.contains(c.requirement.label), "\(c.requirement) \(c.system ?? "")") }
        #expect((pm["poam-items"] as? [Any])?.count == d.remediation.count)
    }
}
