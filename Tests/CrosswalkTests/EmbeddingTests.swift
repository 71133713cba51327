import Foundation
import Testing
import Crosswalk

/// The example of `Docs/Embedding.md`, through the public API only (no `@testable`).
@Suite("Embedding example")
struct EmbeddingTests {
    /// "EU AI Act dates for one system", as documented.
    @Test func datesForOneSystem() throws {
        let dataset = try Dataset.load(bundled: true, extra: [])
        let eu = try #require(dataset.catalogs.catalog(.euAIAct))
        let facts = DateFacts(placedOnMarket: CalendarDate("2025-03-01"), publicAuthorityUse: true)
        let art26 = try #require(eu.entry(label: "Art. 26(1)"))
        let date = try #require(eu.applicationDate(of: art26, asOf: CalendarDate("2026-11-23")!, facts: facts))
        #expect(date.date == CalendarDate("2030-08-02") && date.basis.hasPrefix("Art. 111(2)") && date.act.id == "digital-omnibus-ai" && date.act.status == .reported)
        let corrected = try Dataset.load(dateOverlays: [try InputFile.read(Repo.path("Fixtures/date-overlays/official-journal.xml"))])
        #expect(corrected.catalogs.catalog(.euAIAct)?.entry(label: "Art. 9")?.appliesFrom == CalendarDate("2028-03-01"))
    }

    @Test func theDocumentedExampleRuns() throws {
        let dataset = try Dataset.load(bundled: true, extra: [])
        let file = try InputFile.read(Repo.path("Fixtures/sample/insurer.xml"))
        var (org, warnings) = try OrganizationLoader.load(file.bytes, file: file.path, catalogs: dataset.catalogs)
        #expect(warnings.isEmpty)
        var system = AISystem(id: "CLAIMS-TRIAGE", name: "Claims triage")
        system.riskTier = .high
        system.annexIII = AnnexIIIPoint(lenient: "5(b)")                  // stored as 5b
        system.euRoles = [.deployer]
        system.facts = [ConditionFact(.personalData, holds: true), ConditionFact(.workplaceUse, holds: false)]
        org.systems.append(system)
        let row = (id: "FRAUD-SCORE", name: "Fraud scoring", tier: "minimal", roles: ["provider", "deployer"])
        var imported = AISystem(id: row.id, name: row.name, location: SourceLocation(file: "grc-db", line: 42))
        imported.riskTier = try RiskTier(parsing: row.tier, field: "risk tier", at: imported.location)
        imported.euRoles = try row.roles.map { try EURole(parsing: $0, at: imported.location) }
        org.systems.append(imported)
        org.owners.append(OwnerAssignment(requirement: RequirementRef(.iso42001, "A.6.2.6"), person: "cto",
                                          location: SourceLocation(file: "grc-tool")))
        let problems = OrganizationValidator.problems(in: org, catalogs: dataset.catalogs)
        #expect(problems.isEmpty)
        try OrganizationValidator.validate(org, catalogs: dataset.catalogs)
        #expect(system.annexIII?.rawValue == "5b")
        // The same code with a misspelt row fails with the reader's message.
        let typo = try #require(expectCrosswalkError { _ = try RiskTier(parsing: "hihg", field: "risk tier", at: imported.location) })
        #expect(typo.description == "grc-db:42: error: risk tier 'hihg' is not a known risk tier; did you mean 'high'? Allowed: prohibited, high, limited, minimal, general-purpose, general-purpose-systemic, unclassified [invalid-value]")
        // What a type cannot hold, the validator catches.
        var broken = org
        broken.systems.append(AISystem(id: "NO-TIER", name: "Tier not stated"))
        #expect(OrganizationValidator.problems(in: broken, catalogs: dataset.catalogs).map(\.code) == [.missingAttribute])
        let assessment = AssessmentEngine.assess(org, dataset: dataset, options: AssessmentOptions(asOf: CalendarDate("2026-11-23")!))
        #expect(assessment.overall.readiness > 0 && assessment.overall.readiness < 1)
        #expect(assessment.cells.contains { $0.system == "CLAIMS-TRIAGE" && $0.status == .missing })
        let deliverables = Deliverables.build(assessment, organization: org, dataset: dataset)
        #expect(deliverables.ownership.contains { $0.hasConflict })
        #expect(deliverables.remediation.contains { $0.systems.contains("CLAIMS-TRIAGE") })
        #expect(deliverables.statements.first { $0.framework == .iso42001 }?.entries.count == 38)
        let files = ReportBundle.render(assessment, deliverables: deliverables, organization: org, dataset: dataset)
        let dir = NSTemporaryDirectory() + "crosswalk-embed-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.writeAll(files.map { (path: dir + "/" + $0.name, bytes: $0.bytes) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == files.map(\.name).sorted())
        let xlsx = AssessmentWorkbook.render(assessment, deliverables: deliverables, organization: org, dataset: dataset)
        #expect(xlsx == files.first { $0.name == "assessment.xlsx" }?.bytes)
        let template = try ReportTemplate("<h1>{{organization}}</h1><p>{{overall_readiness}}</p>", file: "brand.mustache")
        let html = HTMLReport.render(assessment, deliverables: deliverables, organization: org, dataset: dataset, template: template)
        #expect(String(decoding: html, as: UTF8.self).hasPrefix("<h1>Northwind Mutual Insurance</h1><p>"))
    }
}
