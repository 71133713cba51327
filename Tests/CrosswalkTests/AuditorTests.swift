import Testing
@testable import Crosswalk

/// Loads `Fixtures/auditor/<name>` (each file states the auditor's conclusions in its comment).
func auditorOrganization(_ name: String) throws -> Organization {
    let file = try InputFile.read(Repo.path("Fixtures/auditor/" + name))
    return try OrganizationLoader.load(file.bytes, file: "auditor/" + name, catalogs: Shared.dataset.catalogs).organization
}

/// Assesses `Fixtures/auditor/<name>` at `asOf` (default: the file's assessment date), and
/// checks that the test oracle reaches the same cells.
func assessAuditor(_ name: String, asOf: String? = nil) throws -> Assessment {
    let org = try auditorOrganization(name)
    let options = AssessmentOptions(asOf: asOf.flatMap(CalendarDate.init) ?? org.assessmentDate!)
    let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: options)
    let reference = ReferenceEngine.assess(org, dataset: Shared.dataset, options: options)
    #expect(a.cells == reference.cells, "the test oracle disagrees on \(name)")
    #expect(a.scores == reference.scores, "the test oracle's scores differ on \(name)")
    return a
}

@Suite("Auditor's rules (issue #13)")
struct AuditorTests {
    @Test func timeEvidenceCollectedLaterDoesNotExistYet() throws {
        let before = try assessAuditor("time.xml", asOf: "2025-06-01")
        let c = try #require(before.cell("eu-ai-act:Art. 4"))
        #expect(c.status == .missing && c.evidence.isEmpty)
        #expect(try assessAuditor("time.xml").cell("eu-ai-act:Art. 4")?.status == .met)
    }

    @Test func timeValidUntilIsTheLastValidDay() throws {
        let lastDay = try #require(try assessAuditor("time.xml", asOf: "2026-12-11").cell("iso42001:5.2"))
        #expect(lastDay.status == .dueSoon)
        #expect(lastDay.reason.sentence.contains("valid only until 2026-12-11"))
        let after = try #require(try assessAuditor("time.xml", asOf: "2026-12-12").cell("iso42001:5.2"))
        #expect(after.status == .stale && after.reason.sentence.contains("last valid on 2026-12-11") && after.deadline == CalendarDate("2026-12-11"))
    }

    @Test func timeTheApplicationDateInForceOnTheAsOfDate() throws {
        let before = try #require(try assessAuditor("time.xml", asOf: "2025-06-01").cell("eu-ai-act:Art. 26(1)", "CV-SCREEN"))
        #expect(before.status == .upcoming && before.deadline == CalendarDate("2026-08-02"))
        #expect(before.reason == .notYetApplicable(from: CalendarDate("2026-08-02")!, basis: "Art. 113, second paragraph (as adopted)"))
        let now = try #require(try assessAuditor("time.xml").cell("eu-ai-act:Art. 26(1)", "CV-SCREEN"))
        #expect(now.status == .upcoming && now.deadline == CalendarDate("2027-12-02"))
    }
}

extension AuditorTests {
    @Test func article5BindsEveryOperatorWhateverItsInventory() throws {
        let c = try #require(try assessAuditor("prohibited-minimal-only.xml").cell("eu-ai-act:Art. 5"))
        #expect(c.status == .met && c.evidence == ["SCREEN-1"])
        let missing = try #require(try assessAuditor("prohibited.xml").cell("eu-ai-act:Art. 5"))
        #expect(missing.status == .partial && missing.reason == .partialScope)
    }

    @Test func aProhibitedSystemIsAFindingNoEvidenceCanMeet() throws {
        let a = try assessAuditor("prohibited.xml")
        let c = try #require(a.cell("eu-ai-act:Art. 5", "MOOD-CAM"))
        #expect(c.status == .prohibited && c.reason == .prohibitedPractice(system: "MOOD-CAM", requirement: "Art. 5"))
        #expect(c.reason.sentence.contains("withdraw it from the market or stop using it"))
        #expect(a.cell("eu-ai-act:Art. 5", "FORECAST") == nil)
        let org = try auditorOrganization("prohibited.xml")
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        let first = try #require(d.remediation.first)
        #expect(first.gaps.first?.kind == .prohibited && first.systems == ["MOOD-CAM"] && first.title.hasPrefix("Withdraw"))
    }
}

extension AuditorTests {
    @Test func article50Paragraph5OnlyWhereOneOfParagraphs1To4Applies() throws {
        let a = try assessAuditor("chatbot-deployer.xml")
        for p in 1...5 { #expect(a.cell("eu-ai-act:Art. 50(\(p))")?.status == .notApplicable, "Art. 50(\(p))") }
        #expect(!a.cells.contains { $0.requirement.label == "Art. 50(5)" && $0.system != nil })
        // The sample's chatbot, provided and deployed by the insurer, keeps Art. 50(5) with 50(1).
        let sample = SampleGoldenTests.assessment
        #expect(sample.cell("eu-ai-act:Art. 50(1)", "CHAT-ASSIST") != nil && sample.cell("eu-ai-act:Art. 50(5)", "CHAT-ASSIST") != nil)
    }
}

extension AuditorTests {
    @Test func mandatoryClausesCannotBeExcluded() throws {
        let a = try assessAuditor("clause-excluded.xml")
        let audit = try #require(a.cell("iso42001:9.2.2"))
        #expect(audit.status == .missing)
        #expect(audit.reason == .mandatoryExcluded(requirement: "9.2.2", justification: "We are a small company and do not audit ourselves.", underlying: .noEvidence(system: nil)))
        #expect(audit.reason.sentence.contains("is mandatory and cannot be excluded") && audit.reason.sentence.contains("We are a small company"))
        let review = try #require(a.cell("iso42001:9.3.2"))
        #expect(review.status == .partial && review.credit == 0.5 && review.reason.code == "mandatory-excluded" && review.evidence == ["MR-1"])
        #expect(a.cell("iso42001:A.10.4")?.status == .excluded)
        let d = Deliverables.build(a, organization: try auditorOrganization("clause-excluded.xml"), dataset: Shared.dataset)
        #expect(d.remediation.contains { $0.gaps.first?.kind == .mandatoryExcluded && $0.requirements.contains(RequirementRef(.iso42001, "9.2.2")) })
    }
}
