import Testing
@testable import Crosswalk

/// Builds a small organisation file around the given systems, evidence and decisions.
func orgXML(frameworks: [String] = ["iso42001", "iso27001", "eu-ai-act"], systems: String = "", evidence: String = "", decisions: String = "", owners: String = "") -> [UInt8] {
    let text = """
    <?xml version="1.0" encoding="UTF-8"?>
    <organization xmlns="urn:crosswalk:organization:1" version="1" name="Test Org" assessment-date="2026-11-23">
      <scope>
    \(frameworks.map { "    <framework id=\"\($0)\"/>" }.joined(separator: "\n"))
        <eu-role>provider</eu-role>
        <eu-role>deployer</eu-role>
      </scope>
      <people>
        <person id="p1" name="Pat One" role="CISO"/>
        <person id="p2" name="Sam Two" role="CDO"/>
      </people>
      <systems>
    \(systems)
      </systems>
      <applicability>
    \(decisions)
      </applicability>
      <evidence>
    \(evidence)
      </evidence>
      <owners>
    \(owners)
      </owners>
    </organization>
    """
    return Array(text.utf8)
}

func item(_ id: String, _ req: String, coverage: String = "full", status: String = "approved", validUntil: String = "2027-06-30", systems: [String] = []) -> String {
    """
        <item id="\(id)" kind="record" owner="p1" collected="2026-01-01" valid-until="\(validUntil)" status="\(status)">
          <title>\(id)</title>
          <satisfies requirement="\(req)" coverage="\(coverage)"/>
    \(systems.map { "      <system ref=\"\($0)\"/>" }.joined(separator: "\n"))
        </item>
    """
}

let pricing = #"<system id="PRICING" name="Pricing" owner="p2" lifecycle="production" sourcing="in-house" risk-tier="high" annex-iii="5c" eu-role="provider deployer"/>"#
let cvScreen = #"<system id="CV" name="CV screening" owner="p2" lifecycle="production" sourcing="third-party-service" vendor="V" risk-tier="high" annex-iii="4" eu-role="deployer"/>"#
let forecast = #"<system id="FORECAST" name="Forecast" owner="p2" lifecycle="production" sourcing="in-house" risk-tier="minimal" eu-role="provider deployer"/>"#

func assess(_ bytes: [UInt8], asOf: String = "2026-11-23") throws -> Assessment {
    let data = Shared.dataset
    let (org, _) = try OrganizationLoader.load(bytes, file: "org.xml", catalogs: data.catalogs)
    return AssessmentEngine.assess(org, dataset: data, options: AssessmentOptions(asOf: CalendarDate(asOf)!))
}

extension Assessment {
    func cell(_ ref: String, _ system: String? = nil) -> Cell? {
        cells.first { $0.requirement.description == ref && $0.system == system }
    }
}

@Suite("Gap engine")
struct AssessmentTests {
    /// The score tallies index their counts by ``CellStatus/ordinal``: it must be the position in `allCases`.
    @Test func statusOrdinalIsThePositionInAllCases() {
        #expect(CellStatus.allCases.map(\.ordinal) == Array(CellStatus.allCases.indices))
        #expect(GapKind.allCases.map(\.ordinal) == Array(GapKind.allCases.indices))
    }

    @Test func directFullEvidenceIsMet() throws {
        let a = try assess(orgXML(evidence: item("E1", "iso42001:A.2.2")))
        let c = try #require(a.cell("iso42001:A.2.2"))
        #expect(c.status == .met && c.reason.code == "met" && c.evidence == ["E1"] && c.credit == 1)
    }

    @Test func partialClaimIsPartial() throws {
        let c = try #require(try assess(orgXML(evidence: item("E1", "iso42001:A.2.2", coverage: "partial"))).cell("iso42001:A.2.2"))
        #expect(c.status == .partial && c.reason.code == "partial-evidence" && c.credit == 0.5)
    }

    @Test func staleAndDueSoonAroundTheAsOfDate() throws {
        let bytes = orgXML(evidence: item("E1", "iso42001:A.2.2", validUntil: "2026-12-10") + item("E2", "iso42001:A.2.3", validUntil: "2026-11-22"))
        let a = try assess(bytes)
        #expect(a.cell("iso42001:A.2.2")?.status == .dueSoon)
        #expect(a.cell("iso42001:A.2.2")?.deadline == CalendarDate("2026-12-10"))
        #expect(a.cell("iso42001:A.2.3")?.status == .stale)
        // The day before expiry + 30 days is not yet due soon; on expiry day it still counts.
        #expect(try assess(bytes, asOf: "2026-11-09").cell("iso42001:A.2.2")?.status == .met)
        #expect(try assess(bytes, asOf: "2026-11-22").cell("iso42001:A.2.3")?.status == .dueSoon)
        #expect(try assess(bytes, asOf: "2026-12-11").cell("iso42001:A.2.2")?.status == .stale)
    }

    @Test func draftEvidenceDoesNotCount() throws {
        let c = try #require(try assess(orgXML(evidence: item("E1", "iso42001:A.2.2", status: "draft"))).cell("iso42001:A.2.2"))
        #expect(c.status == .missing && c.reason.code == "draft-only" && c.evidence == ["E1"])
    }

    @Test func executionGapWhenOnlyTheProcessExists() throws {
        let bytes = orgXML(systems: pricing + forecast, evidence: item("PROC", "iso42001:6.1.4") + item("IA-P", "iso42001:6.1.4", systems: ["PRICING"]))
        let a = try assess(bytes)
        #expect(a.cell("iso42001:6.1.4", "PRICING")?.status == .met)
        let gap = try #require(a.cell("iso42001:6.1.4", "FORECAST"))
        #expect(gap.status == .executionGap && gap.evidence == ["PROC"] && gap.reason.sentence.contains("FORECAST"))
        #expect(a.cell("iso42001:8.4") == nil)  // assessed per system only
        #expect(a.cell("iso42001:6.1.4")?.status == .met)  // and, for 6.1.4, the process once for the organisation
    }

    @Test func soaExclusions() throws {
        let decisions = """
            <decision requirement="iso42001:A.10.4" applicable="false"><justification>No customers use our AI.</justification></decision>
            <decision requirement="iso42001:A.7.5" applicable="false"/>
        """
        let a = try assess(orgXML(systems: forecast, decisions: decisions))
        #expect(a.cell("iso42001:A.10.4")?.status == .excluded)
        let u = try #require(a.cell("iso42001:A.7.5", "FORECAST"))
        #expect(u.status == .missing && u.reason.code == "unjustified-exclusion")
    }

    @Test func euObligationsApplyByTierRoleConditionAndDate() throws {
        let a = try assess(orgXML(systems: pricing + cvScreen + forecast))
        // Art. 9: providers of high-risk systems; from 2 Dec 2027 for Annex III systems.
        #expect(a.cell("eu-ai-act:Art. 9", "PRICING")?.status == .upcoming)
        #expect(a.cell("eu-ai-act:Art. 9", "PRICING")?.deadline == CalendarDate("2027-12-02"))
        #expect(a.cell("eu-ai-act:Art. 9", "CV") == nil)        // deployer only
        #expect(a.cell("eu-ai-act:Art. 9", "FORECAST") == nil)  // minimal risk
        #expect(a.cell("eu-ai-act:Art. 26(1)", "CV") != nil)
        // Art. 27: deployers of Annex III 5(c) systems.
        #expect(a.cell("eu-ai-act:Art. 27", "PRICING")?.applicability.contains("annex-iii-5c") == true)
        // CV (Annex III 4): only a public body or public service would be bound, and neither is declared.
        #expect(a.cell("eu-ai-act:Art. 27", "CV")?.status == .undetermined)
        // Art. 4 already applies, once for the organisation.
        let literacy = try #require(a.cell("eu-ai-act:Art. 4"))
        #expect(literacy.status == .missing)
        // After the date, the duty is assessed.
        let later = try assess(orgXML(systems: pricing), asOf: "2027-12-02")
        #expect(later.cell("eu-ai-act:Art. 9", "PRICING")?.status == .missing)
        // No high-risk system: Art. 26(1) applies to none.
        let none = try assess(orgXML(systems: forecast))
        #expect(none.cell("eu-ai-act:Art. 26(1)")?.status == .notApplicable)
    }

    @Test func creditFlowsThroughTheCrosswalkByRelationship() throws {
        // 42001 9.2.2 is equivalent-to 27001 9.2.2: full credit, marked as via the mapping.
        let a = try assess(orgXML(evidence: item("AUDIT", "iso27001:9.2.2")))
        let c = try #require(a.cell("iso42001:9.2.2"))
        #expect(c.status == .met && c.reason.code == "met-via-mapping" && c.via.first?.contains("equivalent-to") == true)
        // 42001 5.2 intersects 27001 5.2: partial only, weighted by strength.
        let p = try #require(try assess(orgXML(evidence: item("POL", "iso27001:5.2"))).cell("iso42001:5.2"))
        #expect(p.status == .partial && p.reason.code == "partial-via-mapping" && p.credit < 0.5)
        // Several partial routes never add up to met.
        let many = try assess(orgXML(evidence: item("A", "iso27001:A.8.15") + item("B", "iso27001:A.8.16") + item("C", "iso27001:A.8.25")))
        #expect(many.cell("iso42001:A.6.2.8")?.status != .met)
    }

    @Test func subsetAndSupersetRoutes() throws {
        // nist-ai-rmf MAP 1.5 subset-of iso42001 6.1.1: evidence for 6.1.1 meets MAP 1.5 in full.
        let s = try assess(orgXML(frameworks: ["iso42001", "nist-ai-rmf"], evidence: item("CRITERIA", "iso42001:6.1.1")))
        let sm = try #require(s.cells.first { $0.requirement.description == "nist-ai-rmf:MAP 1.5" })
        #expect(sm.status == .met && sm.reason.code == "met-via-mapping" && sm.via.first?.contains("subset-of") == true)
        // A legal duty is never met in full through ISO/IEC 42001: Art. 26(1) intersects-with A.9.4 (issue 17),
        // so evidence for A.9.4 on the system is partial credit towards it.
        let a = try assess(orgXML(systems: cvScreen, evidence: item("USE", "iso42001:A.9.4", validUntil: "2028-12-31", systems: ["CV"])), asOf: "2027-12-02")
        let c = try #require(a.cell("eu-ai-act:Art. 26(1)", "CV"))
        #expect(c.status == .partial && c.reason.code == "partial-via-mapping" && c.via.first?.contains("intersects-with") == true)
        // NIST MANAGE 4.3 superset-of iso42001 A.8.4: evidence for A.8.4 reaches MANAGE 4.3 only partly.
        let n = try assess(orgXML(frameworks: ["iso42001", "nist-ai-rmf"], systems: forecast, evidence: item("INC", "iso42001:A.8.4", systems: ["FORECAST"])))
        let m = try #require(n.cells.first { $0.requirement.description == "nist-ai-rmf:MANAGE 4.3" })
        #expect(m.status == .partial && m.via.first?.contains("superset-of") == true)
    }

    @Test func systemEvidenceOnAnOrganisationRequirementIsPartial() throws {
        let c = try #require(try assess(orgXML(systems: forecast, evidence: item("E1", "iso42001:A.2.2", systems: ["FORECAST"]))).cell("iso42001:A.2.2"))
        #expect(c.status == .partial && c.reason.code == "partial-scope")
    }

    @Test func anotherSystemsEvidenceDoesNotFit() throws {
        let a = try assess(orgXML(systems: pricing + forecast, evidence: item("IA", "iso42001:6.1.4", systems: ["PRICING"])))
        #expect(a.cell("iso42001:6.1.4", "FORECAST")?.status == .missing)
    }

    @Test func perSystemRequirementsWithoutAnInventory() throws {
        let c = try #require(try assess(orgXML()).cell("iso42001:8.4"))
        #expect(c.status == .missing && c.reason.code == "no-inventory")
    }

    @Test func retiredSystemsAreLeftOut() throws {
        let retired = forecast.replacingOccurrences(of: "lifecycle=\"production\"", with: "lifecycle=\"retired\"")
        let a = try assess(orgXML(systems: pricing + retired))
        #expect(a.cells.allSatisfy { $0.system != "FORECAST" })
        #expect(a.cell("iso42001:6.1.4", "PRICING") != nil)
    }

    @Test func ownerIsAFlagOnEveryCell() throws {
        let a = try assess(orgXML(owners: #"<assign requirement="iso42001:A.2.2" person="p1"/>"#))
        #expect(a.cell("iso42001:A.2.2")?.owner == "p1")
        #expect(a.cell("iso42001:A.2.3")?.noOwner == true)
    }

    @Test func deterministicOutput() throws {
        let bytes = orgXML(systems: pricing + cvScreen + forecast, evidence: item("E1", "iso27001:A.5.1") + item("E2", "iso42001:6.1.4", systems: ["CV"]))
        let one = AssessmentExport.gapsCSV(try assess(bytes), catalogs: Shared.dataset.catalogs)
        let two = AssessmentExport.gapsCSV(try assess(bytes), catalogs: Shared.dataset.catalogs)
        #expect(one == two)
    }

    @Test func malformedOrganisationReportsEveryProblemWithItsLine() throws {
        let bad = orgXML(systems: pricing + pricing,
                         evidence: item("E1", "iso42001:A.99.1") + item("E1", "iso42001:A.2.2", validUntil: "2026-13-01", systems: ["GHOST"]),
                         owners: #"<assign requirement="iso42001:A.2.2" person="nobody"/>"#)
        let error = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(bad, file: "org.xml", catalogs: Shared.dataset.catalogs) })
        let messages = error.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("A.99.1") })
        #expect(messages.contains { $0.contains("'E1' is used twice") })
        #expect(messages.contains { $0.contains("2026-13-01") })
        #expect(messages.contains { $0.contains("GHOST") })
        #expect(messages.contains { $0.contains("nobody") })
        #expect(messages.contains { $0.contains("PRICING' is used twice") })
        #expect(error.diagnostics.allSatisfy { $0.location.file == "org.xml" })
        #expect(error.diagnostics.filter { $0.message.contains("A.99.1") }.allSatisfy { $0.location.line > 1 })
        // People and systems carry where they are declared: the second PRICING (both are on
        // one line here, so past the first one's column), not line 1.
        let lines = String(decoding: bad, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let pricingLine = try #require(lines.firstIndex { $0.contains(#"<system id="PRICING""#) })
        let firstColumn = try #require(lines[pricingLine].utf8.firstRange(of: Array(#"<system id="PRICING""#.utf8))).lowerBound
        let duplicate = try #require(error.diagnostics.first { $0.message.contains("PRICING' is used twice") })
        #expect(duplicate.location.line == pricingLine + 1)
        #expect(duplicate.location.column > lines[pricingLine].utf8.distance(from: lines[pricingLine].utf8.startIndex, to: firstColumn) + pricing.utf8.count)
        let assignLine = lines.firstIndex { $0.contains("person=\"nobody\"") }.map { $0 + 1 }
        #expect(error.diagnostics.first { $0.message.contains("nobody") }?.location.line == assignLine)
    }

    @Test func peopleSystemsAndScopeProblemsAreLocated() throws {
        let text = String(decoding: orgXML(frameworks: ["iso42001", "nist-csf"], systems: #"<system id="S" name="S" owner="ghost"/>"#), as: UTF8.self)
            .replacingOccurrences(of: #"<person id="p2" name="Sam Two" role="CDO"/>"#, with: #"<person id="p1" name="Sam Two" role="CDO"/>"#)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of needle: String) -> Int? { lines.firstIndex { $0.contains(needle) }.map { $0 + 1 } }
        let error = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(Array(text.utf8), file: "o.xml", catalogs: Shared.dataset.catalogs) })
        func diagnostic(_ s: String) -> Diagnostic? { error.diagnostics.first { $0.message.contains(s) } }
        #expect(diagnostic("person id 'p1' is used twice")?.location.line == line(of: "Sam Two"))
        #expect(diagnostic("'ghost'")?.location.line == line(of: #"<system id="S""#))
        #expect(diagnostic("framework 'nist-csf' is not loaded")?.location.line == line(of: #"<framework id="nist-csf""#))
        #expect(error.diagnostics.allSatisfy { $0.location.file == "o.xml" && $0.location.line > 1 })
    }

    @Test func unknownElementsAreRejected() throws {
        let text = String(decoding: orgXML(), as: UTF8.self).replacingOccurrences(of: "<people>", with: "<people><robot/>")
        let error = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(Array(text.utf8), file: "o.xml", catalogs: Shared.dataset.catalogs) })
        #expect(error.code == .unknownElement)
    }
}
