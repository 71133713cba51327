import Foundation
import Testing
@testable import Crosswalk
import _CrosswalkXML

@Suite("OSCAL assessment results and POA&M")
struct OSCALTests {
    /// Every statement id of the loaded catalogues, and the framework that owns it.
    static let statementIDs: [String: FrameworkID] = {
        var ids: [String: FrameworkID] = [:]
        for c in Shared.dataset.catalogs.catalogs { for e in c.entries { if let s = e.statementID { ids[s] = c.framework } } }
        return ids
    }()

    @Test func onlyAbsoluteURIsWithoutSpacesBecomeLinks() {
        for s in ["https://grc.example.com/e/1.pdf", "urn:isbn:0451450523", "s3+x.y-z:bucket/key", "mailto:a@b.example", "ftp://x"] {
            #expect(OSCALContext.isURIReference(s), "\(s)")
        }
        for s in ["", "no colon", ":x", "1http://x", "http://a b", "http://a\nb", "http://a\rb", "C:\\docs\\file.pdf".replacingOccurrences(of: "C:", with: "C :"),
                  "\\\\server\\share", "http://a<b", "sharepoint/policies/ai.docx"] {
            #expect(!OSCALContext.isURIReference(s), "\(s)")
        }
        // Non-ASCII texts take the Character path: a letter scheme, no spaces.
        #expect(OSCALContext.isURIReference("https://exemple.fr/dossier/évaluation.pdf"))
        #expect(!OSCALContext.isURIReference("https://exemple.fr/dossier é"))
    }

    @Test func everyISORequirementHasAnIDOnlyStatementPart() throws {
        for f in [FrameworkID.iso42001, .iso27001] {
            let cat = try #require(Shared.dataset.catalogs.catalog(f))
            for e in cat.requirements {
                #expect(e.statementID == "\(f.rawValue)_\(e.id)_smt", "\(f) \(e.label)")
                #expect(e.statement == nil, "\(f) \(e.label) carries text; ISO text is copyrighted")
            }
        }
        // Statement ids are unique across every bundled catalogue, so a finding's target is unambiguous.
        let all = Shared.dataset.catalogs.catalogs.flatMap { $0.entries.compactMap(\.statementID) }
        #expect(Set(all).count == all.count)
    }

    @Test func findingsTargetStatementsAndSubjectsAreInTheInventory() throws {
        let doc = try SampleReports.json("assessment-results.json")
        let ar = try #require(doc["assessment-results"] as? [String: Any])
        let result = try #require((ar["results"] as? [[String: Any]])?.first)
        let local = try #require(result["local-definitions"] as? [String: Any])
        let inventory = Set(((local["inventory-items"] as? [[String: Any]]) ?? []).compactMap { $0["uuid"] as? String })
        let components = Set(((local["components"] as? [[String: Any]]) ?? []).compactMap { $0["uuid"] as? String })
        let (org, _) = try SampleDeliverables.get
        #expect(inventory.count == org.systems.count && components.count == org.systems.count)
        let parties = Set(((ar["metadata"] as? [String: Any])?["parties"] as? [[String: Any]] ?? []).compactMap { $0["uuid"] as? String })
        let observations = try #require(result["observations"] as? [[String: Any]])
        let findings = try #require(result["findings"] as? [[String: Any]])
        let assessed = SampleGoldenTests.assessment.cells.filter { $0.status.isAssessed }
        #expect(observations.count == assessed.count && findings.count == assessed.count)
        let observationIDs = Set(observations.compactMap { $0["uuid"] as? String })
        #expect(observationIDs.count == observations.count, "observation UUIDs are unique")
        for o in observations {
            let subjects = try #require(o["subjects"] as? [[String: Any]])
            for s in subjects {
                let id = try #require(s["subject-uuid"] as? String)
                switch s["type"] as? String {
                case "inventory-item": #expect(inventory.contains(id))
                case "party": #expect(parties.contains(id))
                default: Issue.record("unexpected subject type \(s)")
                }
            }
            #expect((o["methods"] as? [String]) == ["EXAMINE"])
        }
        var satisfied = 0
        for f in findings {
            let target = try #require(f["target"] as? [String: Any])
            let id = try #require(target["target-id"] as? String)
            let fw = (f["props"] as? [[String: Any]])?.first { $0["name"] as? String == "framework" }?["value"] as? String
            #expect(target["type"] as? String == "statement-id")
            #expect(Self.statementIDs[id]?.rawValue == fw, "target \(id) is a statement of \(fw ?? "?")")
            for r in f["related-observations"] as? [[String: Any]] ?? [] { #expect(observationIDs.contains(r["observation-uuid"] as? String ?? "")) }
            if (target["status"] as? [String: Any])?["state"] as? String == "satisfied" { satisfied += 1 }
        }
        #expect(satisfied == SampleGoldenTests.assessment.count(.met))
        // The placeholder for the assessment plan is a back-matter resource, and says so.
        let href = try #require((ar["import-ap"] as? [String: Any])?["href"] as? String)
        let resources = try #require((ar["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]])
        let plan = try #require(resources.first { "#" + ($0["uuid"] as? String ?? "") == href })
        #expect((plan["title"] as? String)?.contains("No OSCAL assessment plan") == true)
    }

    /// Each evidence item cited is described once per document, as a back-matter resource
    /// (title, kind/status/dates, evidence id, location), and observations cite it by
    /// `#uuid` with just its id: every citation resolves, every evidence resource is cited,
    /// and each observation cites exactly its cell's evidence. In the assessment results the
    /// reason is said once, by the finding; the POA&M's observations (no findings there)
    /// keep it.
    @Test(arguments: ["assessment-results", "poam"]) func evidenceIsDescribedOnceAndCited(_ name: String) throws {
        let doc = try SampleReports.json(name + ".json")
        let root = try #require((name == "poam" ? doc["plan-of-action-and-milestones"] : doc["assessment-results"]) as? [String: Any])
        let observations = try #require((name == "poam" ? root["observations"] : (root["results"] as? [[String: Any]])?.first?["observations"]) as? [[String: Any]])
        let resources = try #require((root["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]])
        let (org, d) = try SampleDeliverables.get
        let cx = OSCALContext(SampleGoldenTests.assessment, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs, provenance: SampleReports.provenance)
        func prop(_ o: [String: Any], _ n: String) -> String? { (o["props"] as? [[String: Any]])?.first { $0["name"] as? String == n }?["value"] as? String }
        var evidenceOf: [String: String] = [:]  // "#uuid" → evidence id
        for r in resources {
            guard let id = prop(r, "evidence-id") else { continue }
            let e = try #require(org.evidence.first { $0.id == id })
            #expect(r["uuid"] as? String == cx.evidenceResource(id))
            #expect(evidenceOf.updateValue(id, forKey: "#" + (r["uuid"] as! String)) == nil, "\(id) described twice")
            #expect(r["title"] as? String == (e.title.isEmpty ? e.id : e.title))
            let description = try #require(r["description"] as? String)
            #expect(description.hasPrefix("Evidence \(id): \(e.kind), \(e.status)"))
            if let x = e.expires { #expect(description.contains("valid until \(x)")) }
            let rlink = (r["rlinks"] as? [[String: Any]])?.first?["href"] as? String
            #expect(rlink == (OSCALContext.isURIReference(e.locationURI) ? e.locationURI : nil))
            #expect(prop(r, "sha256") == (e.sha256.isEmpty ? nil : e.sha256))
        }
        #expect(!evidenceOf.isEmpty)
        let cells = Dictionary(uniqueKeysWithValues: SampleGoldenTests.assessment.cells.filter(\.status.isAssessed).map { (cx.observation($0), $0) })
        var cited = Set<String>()
        for o in observations {
            let cell = try #require(cells[o["uuid"] as? String ?? ""])
            var ids: [String] = []
            for ev in o["relevant-evidence"] as? [[String: Any]] ?? [] {
                let href = try #require(ev["href"] as? String)
                let id = try #require(evidenceOf[href], "\(href) resolves to no evidence resource")
                #expect(ev["description"] as? String == id && ev["props"] == nil)
                ids.append(id)
                cited.insert(href)
            }
            #expect(ids == cell.evidence.filter { id in org.evidence.contains { $0.id == id } })
            let description = try #require(o["description"] as? String)
            if name == "poam" {
                #expect(description == cell.sentence && prop(o, "cell-status") == cell.status.rawValue)
            } else {
                #expect(description == OSCALContext.examined(cell) && prop(o, "cell-status") == nil && prop(o, "reason-code") == nil)
            }
        }
        #expect(cited == Set(evidenceOf.keys), "only evidence that is cited is listed")
        if name == "assessment-results" {
            // The finding says the reason once: its description, not again in its status remarks.
            let findings = try #require((root["results"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
            for f in findings {
                #expect(((f["target"] as? [String: Any])?["status"] as? [String: Any])?["remarks"] == nil)
                #expect((f["description"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test func poamItemsReferenceTheirRisksAndOwners() throws {
        let doc = try SampleReports.json("poam.json")
        let pm = try #require(doc["plan-of-action-and-milestones"] as? [String: Any])
        let items = try #require(pm["poam-items"] as? [[String: Any]])
        let risks = try #require(pm["risks"] as? [[String: Any]])
        let (org, d) = try SampleDeliverables.get
        #expect(items.count == d.remediation.count && risks.count == d.remediation.count)
        let riskIDs = Set(risks.compactMap { $0["uuid"] as? String })
        let observationIDs = Set((pm["observations"] as? [[String: Any]] ?? []).compactMap { $0["uuid"] as? String })
        for i in items {
            for r in i["related-risks"] as? [[String: Any]] ?? [] { #expect(riskIDs.contains(r["risk-uuid"] as? String ?? "")) }
            for o in i["related-observations"] as? [[String: Any]] ?? [] { #expect(observationIDs.contains(o["observation-uuid"] as? String ?? "")) }
        }
        // ACT-001's risk: its deadline, priority, the requirements it closes, its owner as a party.
        let first = d.remediation[0]
        let risk = try #require(risks.first { ($0["props"] as? [[String: Any]])?.contains { $0["name"] as? String == "action-id" && $0["value"] as? String == first.id } == true })
        #expect(risk["deadline"] as? String == first.deadline.map { "\($0)T00:00:00Z" })
        let closes = (risk["props"] as? [[String: Any]] ?? []).filter { $0["name"] as? String == "closes" }.compactMap { $0["value"] as? String }
        #expect(closes == first.requirements.map(\.description))
        let task = try #require(((risk["remediations"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])?.first)
        let party = try #require(((task["responsible-roles"] as? [[String: Any]])?.first?["party-uuids"] as? [String])?.first)
        let parties = (pm["metadata"] as? [String: Any])?["parties"] as? [[String: Any]] ?? []
        let owner = try #require(parties.first { $0["uuid"] as? String == party })
        #expect(owner["name"] as? String == org.people.first { $0.id == first.owner }?.name)
    }

    @Test func deterministicAndContentDerivedIdentifiers() throws {
        let (org, d) = try SampleDeliverables.get
        let again = ReportBundle.render(SampleGoldenTests.assessment, deliverables: d, organization: org, dataset: Shared.dataset, provenance: SampleReports.provenance)
        for name in OSCALReports.names { #expect(again.first { $0.name == name }!.bytes == SampleReports.file(name), "\(name)") }
        // The observation of a cell keeps its UUID when the assessment date changes.
        let later = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: CalendarDate("2027-03-01")!))
        let cell = SampleGoldenTests.assessment.cells.first { $0.system == "CV-SCREEN" && $0.status.isAssessed }!
        let a = OSCALContext(SampleGoldenTests.assessment, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs, provenance: SampleReports.provenance)
        let b = OSCALContext(later, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs, provenance: SampleReports.provenance)
        #expect(a.observation(cell) == b.observation(cell))
        #expect(String(decoding: SampleReports.file("assessment-results.json"), as: UTF8.self).contains("\"last-modified\":\"\(SampleGoldenTests.assessment.asOf)T00:00:00Z\""))
    }

    /// The XML carries the same values as the JSON: every flag and field value, as a multiset.
    @Test(arguments: ["assessment-results", "poam"]) func xmlHasTheSameContentAsJSON(_ name: String) throws {
        let jsonValues = try jsonStrings(JSONSerialization.jsonObject(with: Data(SampleReports.file(name + ".json")))).sorted()
        let root = try parseXMLTree(SampleReports.file(name + ".xml"), file: name + ".xml", limits: .default)
        #expect(root.namespace == "http://csrc.nist.gov/ns/oscal/1.0")
        var xmlValues: [String] = []
        collect(root, into: &xmlValues)
        xmlValues.sort()
        #expect(xmlValues.count == jsonValues.count)
        #expect(xmlValues == jsonValues)
    }

    @Test func trestleLoadsBothDocuments() throws {
        guard let python = TrestlePython.path else {
            #expect(!TrestlePython.inCI, "compliance-trestle is missing in CI: .ci/run must create .venv-trestle")
            return
        }
        let dir = try temporaryFolder("crosswalk-oscal")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for n in ["assessment-results.json", "poam.json"] { try AtomicFile.write(SampleReports.file(n), to: dir + "/" + n) }
        let (status, out) = try TrestlePython.run(python, ["oscal", dir + "/assessment-results.json", dir + "/poam.json"])
        #expect(status == 0, "\(out)")
        #expect(out.contains("trestle: assessment-results"))
    }

    func jsonStrings(_ v: Any) -> [String] {
        switch v {
        case let s as String: [s]
        case let a as [Any]: a.flatMap(jsonStrings)
        case let o as [String: Any]: o.values.flatMap(jsonStrings)
        default: []
        }
    }

    func collect(_ e: _CrosswalkXML.XMLElement, into out: inout [String]) {
        for a in e.attributes where a.name != "xmlns" { out.append(a.value) }
        if e.elements.isEmpty {
            if !e.textContent.isEmpty || e.attributes.isEmpty { out.append(e.textContent) }
        } else if e.elements.allSatisfy({ $0.name == "p" }) {
            out.append(e.elements.map(\.textContent).joined(separator: "\n\n"))
        } else {
            for c in e.elements { collect(c, into: &out) }
        }
    }
}
