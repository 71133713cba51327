import Foundation
import Testing
@testable import Crosswalk

/// Inventory, lifecycle and suppliers (issue #19): each test states an auditor's conclusion
/// about a small organisation in `Fixtures/auditor/` (the conclusions are in each file's
/// header), and `assessAuditor` also checks that the test oracle reaches the same cells.
@Suite("Inventory, lifecycle and suppliers (issue #19)")
struct LifecycleTests {
    // MARK: Sourcing

    @Test func aBoughtChatbotNeedsItsOwnSupplierDueDiligence() throws {
        let a = try assessAuditor("suppliers.xml")
        // One supplier policy does not cover every vendor's AI.
        #expect(a.cell("iso42001:A.10.3")?.status == .met)
        #expect(a.cell("iso42001:A.10.3", "CHATBOT")?.status == .met)
        let copilot = try #require(a.cell("iso42001:A.10.3", "COPILOT"))
        #expect(copilot.status == .executionGap
                && copilot.reason == .noSupplierDueDiligence(system: "COPILOT", vendor: "OfficeSuite Inc.", process: ["SUP-POL"]))
        #expect(a.cell("iso42001:A.10.3", "CLAIMS-MODEL") == nil, "an in-house system has no supplier cell")
        #expect(a.cell("iso27001:A.5.19", "CHATBOT")?.status == .met)
        #expect(a.cell("iso27001:A.5.19", "COPILOT")?.reason.code == "no-supplier-due-diligence")
    }

    @Test func supplierAssuranceMeetsDevelopmentDutiesOfABoughtSystem() throws {
        let a = try assessAuditor("suppliers.xml")
        let chatbot = try #require(a.cell("iso42001:A.6.2.4", "CHATBOT"))
        #expect(chatbot.status == .met && chatbot.reason == .metBySupplierAssurance(system: "CHATBOT", vendor: "Acme Chat Ltd", items: ["ACME-TEST"]))
        let copilot = try #require(a.cell("iso42001:A.6.2.4", "COPILOT"))
        #expect(copilot.status == .missing && copilot.reason == .noSupplierAssurance(system: "COPILOT", vendor: "OfficeSuite Inc."))
        #expect(copilot.reason.sentence.contains("obtain the supplier's assurance"))
        // The organisation builds CLAIMS-MODEL itself: an ordinary gap.
        #expect(a.cell("iso42001:A.6.2.4", "CLAIMS-MODEL")?.reason == .noEvidence(system: "CLAIMS-MODEL"))
    }

    @Test func withoutSupplierEvidenceTheChatbotHasTheGapsSaidToAskTheVendor() throws {
        var org = try auditorOrganization("suppliers.xml")
        org.evidence.removeAll { $0.id == "ACME-TEST" || $0.id == "DD-ACME" }
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!))
        expectSameCells(a.cells, ReferenceEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!)).cells, "suppliers without supplier evidence")
        #expect(a.cell("iso42001:A.6.2.4", "CHATBOT")?.reason == .noSupplierAssurance(system: "CHATBOT", vendor: "Acme Chat Ltd"))
        #expect(a.cell("iso42001:A.10.3", "CHATBOT")?.reason.code == "no-supplier-due-diligence")
    }

    // MARK: Per-system decisions and owners

    @Test func aPerSystemExclusionExcludesThatSystemOnly() throws {
        let a = try assessAuditor("suppliers.xml")
        #expect(a.cell("iso42001:A.7.4", "COPILOT")?.status == .excluded)
        #expect(a.cell("iso42001:A.7.4", "CHATBOT")?.status == .missing)
        #expect(a.cell("iso42001:A.7.4", "CLAIMS-MODEL")?.status == .missing)
        let org = try auditorOrganization("suppliers.xml")
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        let soa = try #require(d.statements.first { $0.framework == .iso42001 }?.entries.first { $0.control.label == "A.7.4" })
        #expect(soa.decision == .notRecorded && soa.applicable)
        #expect(soa.systemDecisions.map(\.label) == ["COPILOT: excluded — The vendor's model; none of our data is used to train or tune it."])
    }

    @Test func aPerSystemOwnerOwnsThatSystemsCellsAndIsAClaimOnTheGroup() throws {
        let a = try assessAuditor("suppliers.xml")
        #expect(a.cell("iso42001:A.6.2.6", "CHATBOT")?.owner == "po")
        #expect(a.cell("iso42001:A.6.2.6", "COPILOT")?.owner == "cto")
        let org = try auditorOrganization("suppliers.xml")
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        let group = try #require(d.ownership.first { $0.group.members.contains { $0.requirement == RequirementRef(.iso42001, "A.6.2.6") } })
        #expect(group.owner == "cto" && group.basis == .anchorAssignment)
        #expect(group.otherClaims == [OwnerClaim(person: "po", requirement: RequirementRef(.iso42001, "A.6.2.6"), system: "CHATBOT")])
        #expect(group.hasConflict)
    }

    // MARK: Lifecycle stage

    @Test func aPlannedSystemsOperationDutiesWaitForGoLive() throws {
        let a = try assessAuditor("lifecycle.xml")
        for label in ["A.6.2.6", "A.6.2.8"] {
            let c = try #require(a.cell("iso42001:\(label)", "FORECAST"))
            #expect(c.status == .upcoming && c.deadline == CalendarDate("2027-03-01")
                    && c.reason == .notYetInOperation(system: "FORECAST", goLive: CalendarDate("2027-03-01")))
        }
        #expect(a.cell("iso42001:A.6.2.2", "FORECAST")?.status == .missing, "design duties apply from the start")
        // Preparation: the monitoring plan already counts, under upcoming.
        let prep = try #require(a.cell("iso42001:A.9.4", "FORECAST"))
        #expect(prep.status == .upcoming && prep.evidence == ["MON-PLAN"] && prep.credit == 1)
        // No go-live: upcoming without a date, and a warning asks for one.
        let pilot = try #require(a.cell("iso42001:A.6.2.6", "PILOT"))
        #expect(pilot.status == .upcoming && pilot.deadline == nil && pilot.reason == .notYetInOperation(system: "PILOT", goLive: nil))
        #expect(a.warnings.contains { $0.code == .lifecycleDate && $0.message.contains("PILOT") && $0.message.contains("go-live") })
    }

    @Test func afterGoLiveTheOperationDutiesAreDue() throws {
        let a = try assessAuditor("lifecycle.xml", asOf: "2027-03-02")
        #expect(a.cell("iso42001:A.6.2.6", "FORECAST")?.status == .missing)
        #expect(a.cell("iso42001:A.9.4", "FORECAST")?.status == .met)
        #expect(a.warnings.contains { $0.code == .lifecycleDate && $0.message.contains("system FORECAST is planned, but its go-live (2027-03-01)") })
    }

    @Test func aRetiredHighRiskSystemKeepsItsDocumentationAndLogDuties() throws {
        let a = try assessAuditor("retired.xml")
        let kept = try #require(a.cell("eu-ai-act:Art. 18", "HR-OLD"))
        #expect(kept.status == .met && kept.evidence == ["DOC-KEEP"])
        #expect(kept.applicability.contains("outlives HR-OLD (retired on 2028-03-31)") && kept.applicability.contains("until 2038-01-10"))
        #expect(a.cell("eu-ai-act:Art. 18", "HR-ARCHIVE")?.status == .missing, "retired without retained documentation: a gap")
        #expect(a.cell("eu-ai-act:Art. 19", "HR-OLD")?.applicability.contains("until 2028-09-30") == true)
        #expect(a.cell("eu-ai-act:Art. 19", "HR-ARCHIVE")?.status == .missing)
        // Everything else drops the retired systems.
        #expect(a.cells.filter { $0.requirement.description == "eu-ai-act:Art. 9" }.compactMap(\.system) == ["HR-NEW"])
        #expect(a.cells.filter { $0.requirement.description == "nist-ai-rmf:MANAGE 1.1" }.compactMap(\.system) == ["HR-NEW"])
        // The decommissioning record.
        #expect(a.cell("nist-ai-rmf:MANAGE 2.4", "HR-OLD")?.status == .met)
    }

    @Test func theLogDutyEndsSixMonthsAfterRetirementTheDocumentationDutyDoesNot() throws {
        let a = try assessAuditor("retired.xml", asOf: "2028-10-01")
        #expect(a.cells.filter { $0.requirement.description == "eu-ai-act:Art. 19" }.compactMap(\.system) == ["HR-NEW"])
        #expect(a.cell("eu-ai-act:Art. 18", "HR-OLD")?.status == .met)
        #expect(a.cell("eu-ai-act:Art. 18", "HR-ARCHIVE")?.status == .missing)
    }

    // MARK: The AI register

    @Test func theRegisterFlagsAnEmbeddedSystemFromASoftwareRegister() throws {
        let r = try CLITests().run(["inventory", Repo.path("Fixtures/auditor/suppliers.xml"), "--systems-csv", Repo.path("Fixtures/auditor/software-register.csv"),
                                    "--format", "csv"])
        #expect(r.status == 0, "\(r.err)")
        let rows = r.out.components(separatedBy: "\r\n")
        #expect(rows.first == DeliverablesExport.registerColumns.joined(separator: ","))
        let mail = try #require(rows.first { $0.hasPrefix("MAIL-FILTER,") })
        #expect(mail.contains("confirm whether this is an AI system and classify it") && mail.contains(",missing,"), "\(mail)")
        let copilot = try #require(rows.first { $0.hasPrefix("COPILOT,") })
        #expect(copilot.contains("complete due diligence on OfficeSuite Inc."), "\(copilot)")
        let claims = try #require(rows.first { $0.hasPrefix("CLAIMS-MODEL,") })
        #expect(claims.contains(",not-applicable,") && !claims.contains("due diligence"), "\(claims)")
        let table = try CLITests().run(["inventory", Repo.path("Fixtures/auditor/suppliers.xml")])
        #expect(table.status == 0 && table.out.contains("CLAIMS-MODEL") && table.out.contains("3 systems;"))
    }

    @Test func theRegisterSaysHowCompleteEachRecordIs() throws {
        let org = try auditorOrganization("suppliers.xml")
        let a = try assessAuditor("suppliers.xml")
        let register = AIRegister.build(a, organization: org, catalogs: Shared.dataset.catalogs)
        #expect(register.map(\.system.id) == ["CHATBOT", "COPILOT", "CLAIMS-MODEL"])
        #expect(register[0].supplierDueDiligence == .incomplete && register[1].supplierDueDiligence == .missing)
        #expect(a.cell("iso27001:A.5.20", "CHATBOT")?.status == .met && a.cell("iso27001:A.5.22", "CHATBOT")?.status == .partial)
        #expect(register[2].supplierDueDiligence == .notApplicable)
        #expect(register.allSatisfy { $0.ownerAssigned && $0.impactAssessment == .missing })
    }

    // MARK: Bad input

    @Test func badLifecycleAndPerSystemInputIsLocated() throws {
        let file = try InputFile.read(Repo.path("Fixtures/invalid/lifecycle-references.xml"))
        let error = try #require(throws: CrosswalkError.self) {
            try OrganizationLoader.load(file.bytes, file: "lifecycle-references.xml", catalogs: Shared.dataset.catalogs)
        }
        let text = error.description
        #expect(text.contains("lifecycle-references.xml:11:") && text.contains("system BOT has retired-on but its lifecycle is production"))
        #expect(text.contains("lifecycle-references.xml:12:") && text.contains("system OLD is retired on 2024-01-31, before it was placed on the market"))
        #expect(text.contains("lifecycle-references.xml:15:") && text.contains("names system 'BOTT', which is not in <systems>; did you mean 'BOT'?"))
        #expect(text.contains("lifecycle-references.xml:20:") && text.contains("VENDOR-DOC is provided-by=\"supplier\" but names no system"))
        #expect(text.contains("lifecycle-references.xml:26:") && text.contains("names system 'NOPE'"))
    }

    @Test func aPerSystemDecisionOnAnOrganisationRequirementWarns() throws {
        var org = try auditorOrganization("suppliers.xml")
        org.decisions.append(ApplicabilityDecision(requirement: RequirementRef(.iso42001, "A.2.2"), system: "CHATBOT", applicable: false, justification: "n/a"))
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!))
        #expect(a.warnings.contains { $0.code == .perSystemNoEffect && $0.message.contains("iso42001:A.2.2 for system CHATBOT changes nothing") })
        #expect(a.cell("iso42001:A.2.2")?.status == .missing, "the organisation-wide requirement stays applicable")
    }
}

extension LifecycleTests {
    /// Per-system decisions and owners from spreadsheets give the same cells as in the XML.
    @Test func perSystemDecisionsAndOwnersFromCSVGiveTheSameCells() throws {
        let xml = try auditorOrganization("suppliers.xml")
        var org = xml
        org.decisions = try OrganizationCSV.decisions(InputFile.read(Repo.path("Fixtures/csv/decisions.csv")).bytes, file: "decisions.csv")
        org.owners = try OrganizationCSV.owners(InputFile.read(Repo.path("Fixtures/csv/owners.csv")).bytes, file: "owners.csv")
        #expect(org.decisions.map(\.system) == ["COPILOT"] && org.owners.map(\.system) == [nil, "CHATBOT"])
        let options = AssessmentOptions(asOf: xml.assessmentDate!)
        #expect(AssessmentEngine.assess(org, dataset: Shared.dataset, options: options).cells == AssessmentEngine.assess(xml, dataset: Shared.dataset, options: options).cells)
    }

    @Test func badDecisionsCSVIsLocated() throws {
        let r = try CLITests().run(["validate", Repo.path("Fixtures/auditor/suppliers.xml"), "--decisions-csv", Repo.path("Fixtures/csv/decisions-bad.csv")])
        #expect(r.status == 2)
        #expect(r.err.contains("decisions-bad.csv:3:1: error: requirement 'A.6.2.4' must be framework:label"), "\(r.err)")
        #expect(r.err.contains("decisions-bad.csv:3:3: error: applicable 'maybe' must be true or false") == false, "one problem per row: the requirement")
        // A system the organisation does not have is the validator's error, once the file reads.
        let typo = try CLITests().run(["validate", Repo.path("Fixtures/auditor/suppliers.xml"), "--decisions-csv", Repo.path("Fixtures/csv/decisions-typo.csv")])
        #expect(typo.status == 2 && typo.err.contains("decisions-typo.csv:2:1: error: applicability decision on iso42001:A.7.4 names system 'COPILTO'")
                && typo.err.contains("did you mean 'COPILOT'?"), "\(typo.err)")
        let ok = try CLITests().run(["validate", Repo.path("Fixtures/auditor/suppliers.xml"), "--decisions-csv", Repo.path("Fixtures/csv/decisions.csv"),
                                     "--owners-csv", Repo.path("Fixtures/csv/owners.csv")])
        #expect(ok.status == 0 && ok.out.contains("(with ") && ok.out.contains("owners.csv"), "\(ok.out)\(ok.err)")
    }
}

extension LifecycleTests {
    @Test func anOrganisationBuiltInCodeChecksItsPerSystemReferences() throws {
        var org = try auditorOrganization("suppliers.xml")
        #expect(org.problems(catalogs: Shared.dataset.catalogs).filter { $0.severity == .error }.isEmpty)
        org.owners.append(OwnerAssignment(requirement: RequirementRef(.iso42001, "A.6.2.6"), system: "NOPE", person: "cto"))
        let error = try #require(throws: CrosswalkError.self) { try org.validate(catalogs: Shared.dataset.catalogs) }
        #expect(error.message.contains("names system 'NOPE'"))
    }
}

extension LifecycleTests {
    /// A mandatory clause cannot be excluded for one system either; an exclusion without a
    /// justification does not hold for that system.
    @Test func perSystemExclusionsFollowTheSoARules() throws {
        var org = try auditorOrganization("suppliers.xml")
        org.decisions.append(ApplicabilityDecision(requirement: RequirementRef(.iso42001, "8.4"), system: "COPILOT", applicable: false,
                                                   justification: "The vendor assessed it."))
        org.decisions.append(ApplicabilityDecision(requirement: RequirementRef(.iso42001, "A.6.2.3"), system: "CLAIMS-MODEL", applicable: false))
        let options = AssessmentOptions(asOf: org.assessmentDate!)
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: options)
        expectSameCells(a.cells, ReferenceEngine.assess(org, dataset: Shared.dataset, options: options).cells, "per-system exclusions")
        let clause = try #require(a.cell("iso42001:8.4", "COPILOT"))
        #expect(clause.status == .missing && clause.reason.code == "mandatory-excluded" && clause.reason.sentence.contains("The vendor assessed it."))
        #expect(a.cell("iso42001:8.4", "CHATBOT")?.reason.code == "no-evidence", "the other systems are untouched")
        let bare = try #require(a.cell("iso42001:A.6.2.3", "CLAIMS-MODEL"))
        #expect(bare.status == .missing && bare.reason.code == "unjustified-exclusion")
    }
}

extension LifecycleTests {
    /// Lifecycle facts that contradict the as-of date are warnings that say what to fix; the
    /// engine still assesses on the documented rule.
    @Test func lifecycleDatesAgainstTheAsOfDateWarn() throws {
        var org = try auditorOrganization("suppliers.xml")
        org.systems[0].goLive = CalendarDate("2027-06-01")                       // production, live later
        org.systems[1].placedOnMarket = CalendarDate("2027-01-01")               // production, placed later
        var retired = AISystem(id: "OLD", name: "Old model"); retired.lifecycle = .retired      // no retired-on
        var later = AISystem(id: "LATER", name: "Retired later"); later.lifecycle = .retired
        later.retiredOn = CalendarDate("2027-03-31")                              // after the as-of date
        org.systems += [retired, later]
        org.owners.append(OwnerAssignment(requirement: RequirementRef(.iso42001, "A.2.2"), system: "CHATBOT", person: "cto"))
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!))
        let messages = a.warnings.map(\.message)
        func has(_ code: CrosswalkError.Code, _ text: String) -> Bool { a.warnings.contains { $0.code == code && $0.message.contains(text) } }
        #expect(has(.lifecycleDate, "system CHATBOT is in production, but its go-live (2027-06-01) is after the assessment date"), "\(messages)")
        #expect(has(.lifecycleDate, "system COPILOT is in production but placed on the market on 2027-01-01"), "\(messages)")
        #expect(has(.lifecycleDate, "system OLD is retired without retired-on"), "\(messages)")
        #expect(has(.lifecycleDate, "system LATER is retired on 2027-03-31, after the assessment date"), "\(messages)")
        #expect(has(.perSystemNoEffect, "owner assignment of iso42001:A.2.2 for system CHATBOT changes nothing"), "\(messages)")
        #expect(a.cell("iso42001:A.6.2.6", "CHATBOT")?.status == .missing, "a production system's operation duties stay due")
    }
}
