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
    expectSameCells(a.cells, reference.cells, name)
    if a.cells == reference.cells { #expect(a.scores == reference.scores, "the test oracle's scores differ on \(name)") }
    return a
}

/// The engine's cells equal the oracle's; on a difference, names the first cell that differs
/// (not the whole list).
func expectSameCells(_ engine: [Cell], _ oracle: [Cell], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard engine != oracle else { return }
    let i = engine.indices.first { $0 >= oracle.count || engine[$0] != oracle[$0] } ?? engine.count
    let e = i < engine.count ? "\(engine[i])" : "none", o = i < oracle.count ? "\(oracle[i])" : "none"
    Issue.record("the test oracle disagrees on \(name) (\(engine.count) vs \(oracle.count) cells) at cell \(i):\nengine: \(e)\noracle: \(o)", sourceLocation: sourceLocation)
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
        // The date as it stood then, with the provision and the act that set it (in force that day).
        guard case let .notYetApplicable(from, basis) = before.reason else { Issue.record("\(before.reason)"); return }
        #expect(from == CalendarDate("2026-08-02")! && basis?.hasPrefix("Art. 113") == true && basis?.contains("2024/1689") == true, "\(basis ?? "")")
        #expect(basis?.contains("2026/1744") == false)
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
        for p in 1...2 { #expect(a.cell("eu-ai-act:Art. 50(\(p))")?.status == .notApplicable, "Art. 50(\(p))") }
        for p in 3...4 { #expect(a.cell("eu-ai-act:Art. 50(\(p))", "CHAT")?.status == .undetermined, "Art. 50(\(p))") }
        let p5 = try #require(a.cell("eu-ai-act:Art. 50(5)", "CHAT"))
        #expect(p5.status == .undetermined)
        // It waits on the facts of 50(3) and 50(4), not on interacts-with-people (declared, but 50(1) binds providers only).
        #expect(p5.reason == .undetermined(requirement: "Art. 50(5)", facts: ["emotion-recognition", "biometric-categorisation", "deep-fake", "ai-generated-text"].map { .condition(system: "CHAT", condition: $0) }))
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

@Suite("Undeclared facts (issue #12 item 4, engine side)")
struct UndeterminedTests {
    @Test func anUndeclaredConditionIsUndeterminedNotNotApplicable() throws {
        let a = try assessAuditor("undeclared-facts.xml")
        #expect(a.cell("eu-ai-act:Art. 26(7)", "HR-BOT")?.status == .missing)
        #expect(a.cell("eu-ai-act:Art. 26(9)", "HR-BOT")?.status == .missing)
        let c7 = try #require(a.cell("eu-ai-act:Art. 26(7)", "CV-SCREEN"))
        #expect(c7.status == .undetermined && c7.reason.code == "undeclared-fact")
        #expect(c7.reason.sentence.contains("declare whether CV-SCREEN is used at the workplace"))
        let c9 = try #require(a.cell("eu-ai-act:Art. 26(9)", "CV-SCREEN"))
        #expect(c9.reason == .undetermined(requirement: "Art. 26(9)", facts: [.condition(system: "CV-SCREEN", condition: "personal-data")]))
        #expect(c9.reason.sentence.contains("declare whether CV-SCREEN processes personal data"))
    }

    @Test func undeterminedCellsAreCountedApartAndBecomeOneClassifyActionPerSystem() throws {
        let a = try assessAuditor("undeclared-facts.xml")
        let n = a.count(.undetermined)
        #expect(n >= 2)
        let fw = try #require(a.scores.first { $0.scope == .framework })
        #expect(fw.counts[.undetermined] == n && fw.assessedCells == a.cells.filter(\.status.isAssessed).count)
        let d = Deliverables.build(a, organization: try auditorOrganization("undeclared-facts.xml"), dataset: Shared.dataset)
        // One classify action per system (HR-BOT too: Art. 27 and Art. 50 wait on its undeclared facts).
        let classify = d.remediation.filter { $0.gaps.contains { $0.kind == .undetermined } }
        #expect(classify.map(\.systems) == [["HR-BOT"], ["CV-SCREEN"]] || classify.map(\.systems) == [["CV-SCREEN"], ["HR-BOT"]])
        let x = try #require(classify.first { $0.systems == ["CV-SCREEN"] })
        #expect(x.title.hasPrefix("Classify CV-SCREEN: declare true or false workplace-use, public-body, personal-data"))
        #expect(x.requirements.contains(RequirementRef(.euAIAct, "Art. 26(7)")) && x.requirements.contains(RequirementRef(.euAIAct, "Art. 26(9)")))
        #expect(!(try #require(classify.first { $0.systems == ["HR-BOT"] })).requirements.contains(RequirementRef(.euAIAct, "Art. 26(7)")))
        #expect(x.openCells == a.cells.filter { $0.status == .undetermined && $0.system == "CV-SCREEN" }.count)
    }

    @Test func anUnclassifiedSystemLeavesEveryTierDependentObligationUndetermined() throws {
        var org = try auditorOrganization("undeclared-facts.xml")
        org.systems[1].riskTier = .unclassified
        let options = AssessmentOptions(asOf: org.assessmentDate!)
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: options)
        expectSameCells(a.cells, ReferenceEngine.assess(org, dataset: Shared.dataset, options: options).cells, "undeclared-facts.xml")
        let c = try #require(a.cell("eu-ai-act:Art. 26(1)", "CV-SCREEN"))
        #expect(c.status == .undetermined && c.reason == .undetermined(requirement: "Art. 26(1)", facts: [.riskTier(system: "CV-SCREEN")]) && c.reason.code == "unclassified")
        #expect(c.reason.sentence.contains("classify CV-SCREEN's EU AI Act risk tier"))
        #expect(a.cell("eu-ai-act:Art. 5", "CV-SCREEN")?.status == .undetermined)
        #expect(a.cell("eu-ai-act:Art. 4")?.status == .missing)
        #expect(a.cell("eu-ai-act:Art. 26(1)", "HR-BOT")?.status == .missing)
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        #expect(d.remediation.filter { $0.gaps.contains { $0.kind == .undetermined } && $0.systems == ["CV-SCREEN"] }.count == 1)
    }
}

extension AuditorTests {
    @Test func staleSpreadsOnlyAlongFullRoutes() throws {
        let a = try assessAuditor("stale-partial-route.xml")
        #expect(a.cell("iso42001:A.10.3")?.status == .stale)
        for label in ["A.5.19", "A.5.20", "A.5.21", "A.5.22", "A.5.23"] {
            let c = try #require(a.cell("iso27001:\(label)"))
            #expect(c.status == .missing && c.reason.code == "expired-partial-route" && c.evidence == ["SUP-DD"] && c.deadline == nil, "\(label)")
            #expect(c.reason.sentence.contains("SUP-DD (last valid on 2026-06-30)") && c.reason.sentence.contains("iso27001:\(label) intersects-with iso42001:A.10.3"), "\(label)")
        }
    }
}

extension AuditorTests {
    @Test func aMissingProcessIsReportedEvenWhenEverySystemHasItsArtefact() throws {
        let a = try assessAuditor("process-missing.xml")
        for req in ["iso42001:6.1.4", "iso42001:A.5.2"] {
            let process = try #require(a.cell(req))
            #expect(process.status == .missing && process.reason.code == "no-process", "\(req)")
            #expect(a.cell(req, "PRICING")?.status == .met && a.cell(req, "FORECAST")?.status == .met, "\(req)")
        }
        // Requirements without the process prop keep one cell per system only.
        #expect(a.cell("iso42001:8.4") == nil && a.cell("iso42001:8.4", "PRICING") != nil)
    }

    @Test func aProcessWithoutOneSystemsArtefactIsAnExecutionGapOnThatSystemOnly() throws {
        let a = try assessAuditor("process-execution-gap.xml")
        for req in ["iso42001:6.1.4", "iso42001:A.5.2"] {
            #expect(a.cell(req)?.status == .met && a.cell(req)?.evidence == ["IA-PROC"], "\(req)")
            #expect(a.cell(req, "PRICING")?.status == .met, "\(req)")
            let gap = try #require(a.cell(req, "FORECAST"))
            #expect(gap.status == .executionGap && gap.evidence == ["IA-PROC"], "\(req)")
        }
    }
}

extension AuditorTests {
    @Test func reasonsNameWhatTheyRestOn() throws {
        let a = try assessAuditor("reasons.xml")
        let partial = try #require(a.cell("iso42001:A.10.3"))
        #expect(partial.status == .partial && partial.credit == 0.25)
        #expect(partial.reason.sentence == "Partly met through iso27001:A.5.19 (intersects-with, strength 5/10): credit 0.25.")
        let stale = try #require(a.cell("iso42001:5.2"))
        #expect(stale.reason == .evidenceExpired(system: nil, items: ["POL-OLD"], lastValidDay: CalendarDate("2026-06-30")!))
        #expect(stale.reason.sentence.contains("(POL-OLD) was last valid on 2026-06-30"))
        #expect(a.cell("iso42001:7.2")?.reason.sentence == "Only partly met: COMP-1 claims partial coverage.")
        let gap = try #require(try assessAuditor("process-execution-gap.xml").cell("iso42001:6.1.4", "FORECAST"))
        #expect(gap.reason.sentence == "The process is documented for the organisation (IA-PROC), but FORECAST's own artefact does not exist: produce it for this system.")
    }
}

extension AuditorTests {
    @Test func aValidCertificateMeetsItsStandard() throws {
        let a = try assessAuditor("certified.xml")
        let iso27001 = a.cells.filter { $0.requirement.framework == .iso27001 }
        #expect(iso27001.count > 90)
        #expect(iso27001.allSatisfy { $0.status == .met || ($0.requirement.label == "A.7.12" && $0.status == .excluded) })
        let clause = try #require(a.cell("iso27001:4.1"))
        #expect(clause.evidence == ["CERT-27001"] && clause.reason.code == "met-by-certificate")
        #expect(clause.reason.sentence == "Met by the ISO/IEC 27001 certificate IS 712345 issued by Example Certification Ltd (CERT-27001), valid until 2027-05-31.")
        let score = try #require(a.scores.first { $0.scope == .framework && $0.key == "iso27001" })
        #expect(score.readiness == 1)
        // Through the crosswalk, like any other claim.
        #expect(a.cells.contains { $0.requirement.framework == .iso42001 && $0.credit > 0 && $0.evidence == ["CERT-27001"] && !$0.via.isEmpty })
        // Expired: stale.
        #expect(try assessAuditor("certified.xml", asOf: "2027-06-01").cell("iso27001:4.1")?.status == .stale)
    }

    @Test func aCertificateItemNeedsItsCertificate() throws {
        let text = try Repo.text("Fixtures/auditor/certified.xml").replacingOccurrences(of: #"<certificate standard="iso27001" number="IS 712345" issuer="Example Certification Ltd"/>"#, with: "")
        let e = expectCrosswalkError { _ = try OrganizationLoader.load(Array(text.utf8), file: "c.xml", catalogs: Shared.dataset.catalogs) }
        #expect(e?.message.contains("certificate") == true)
    }
}

extension AuditorTests {
    @Test func upcomingCellsListTheirEvidenceAndPreparationIsReportedApart() throws {
        let a = try assessAuditor("upcoming.xml")
        let c = try #require(a.cell("eu-ai-act:Art. 9", "SCORER"))
        #expect(c.status == .upcoming && c.evidence == ["RMS-1"] && c.credit == 1 && c.deadline == CalendarDate("2027-12-02"))
        let eu = try #require(a.scores.first { $0.scope == .framework && $0.key == "eu-ai-act" })
        #expect(eu.assessedCells == a.cells.filter { $0.requirement.framework == .euAIAct && $0.status.isAssessed }.count)
        #expect(eu.upcomingCells == a.cells.filter { $0.requirement.framework == .euAIAct && $0.status == .upcoming }.count && eu.upcomingCells > 10)
        #expect(eu.preparation.map { $0 > 0 && $0 < 1 } == true)
        #expect(eu.upcomingCredit >= 1)
    }

    @Test func claimsOnWhatDoesNotApplyGiveWarnings() throws {
        let a = try assessAuditor("upcoming.xml")
        #expect(a.warnings.count == 2)
        #expect(a.warnings.allSatisfy { $0.severity == .warning && $0.code == .claimNotApplicable })
        #expect(a.warnings[0].message.contains("DEP-1 claims eu-ai-act:Art. 26(1)") && a.warnings[0].message.contains("not-applicable"))
        #expect(a.warnings[1].message.contains("POL-X claims iso42001:A.10.4") && a.warnings[1].message.contains("excludes"))
        #expect(a.warnings[0].location.line > 1)
    }
}

@Suite("One story across files (issue #13, rule 11)")
struct OneStoryTests {
    @Test func gapsAndOwnersAgreeAndCarryTheJoinKeys() throws {
        let (org, d) = try SampleDeliverables.get
        let a = SampleGoldenTests.assessment
        let rows = try CSVReader.parse(AssessmentExport.gapsCSV(a, catalogs: Shared.dataset.catalogs, join: CellJoin(deliverables: d, organization: org))).map(\.fields)
        let header = rows[0]
        func col(_ name: String) -> Int { header.firstIndex(of: name)! }
        var ownerOfGroup: [String: String] = [:]
        for o in d.ownership { ownerOfGroup[o.group.id] = o.owner ?? "" }
        let actionIDs = Set(d.remediation.map(\.id))
        for r in rows.dropFirst() {
            // no_owner agrees with owners.csv: a row whose group has an owner there is not "no owner".
            if !r[col("group")].isEmpty, let groupOwner = ownerOfGroup[r[col("group")]], !groupOwner.isEmpty { #expect(r[col("no_owner")] == "no") }
            #expect(["assigned", "proposed", "none"].contains(r[col("owner_basis")]))
            if !r[col("action")].isEmpty { #expect(actionIDs.contains(r[col("action")])) }
            // Unscored cells have no credit.
            if ["excluded", "not-applicable", "undetermined"].contains(r[col("status")]) { #expect(r[col("credit")].isEmpty) }
            if !r[col("system")].isEmpty { #expect(!r[col("system_name")].isEmpty) }
            #expect(r[col("evidence_titles")].split(separator: ";").count == r[col("evidence")].split(separator: ";").count)
        }
        // Every open cell names the action that closes it.
        for (c, r) in zip(a.cells, rows.dropFirst()) where GapKind(c) != nil { #expect(!r[col("action")].isEmpty, "\(c.requirement) \(c.system ?? "")") }
    }

    @Test func scoresStateTheirPartsAndLeaveNothingScoredEmpty() throws {
        let rows = try CSVReader.parse(AssessmentExport.scoresCSV(try assessAuditor("undeclared-facts.xml"))).map(\.fields)
        let header = rows[0]
        func col(_ name: String) -> Int { header.firstIndex(of: name)! }
        for name in ["organization_cells", "organization_readiness", "system_cells", "system_readiness", "preparation", "undetermined", "prohibited"] { #expect(header.contains(name)) }
        for r in rows.dropFirst() {
            let assessed = Int(r[col("assessed_cells")])!
            #expect(r[col("readiness")].isEmpty == (assessed == 0))
            #expect(Int(r[col("organization_cells")])! + Int(r[col("system_cells")])! == assessed)
        }
    }
}

extension AuditorTests {
    @Test func remediationRanksFindingsNotLabels() throws {
        let a = try assessAuditor("no-inventory.xml")
        let org = try auditorOrganization("no-inventory.xml")
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        let perSystem = a.cells.filter { if case .noInventory = $0.reason { true } else { false } }
        #expect(perSystem.count > 20)
        let inventory = d.remediation.filter { $0.title.hasPrefix("Build the AI system inventory") }
        #expect(inventory.count == 1 && inventory[0].requirements.count == perSystem.count)
        #expect(!d.remediation.contains { $0.requirements.contains(perSystem[0].requirement) && !$0.title.hasPrefix("Build") })
        let excluded = try #require(d.remediation.first { $0.requirements.contains(RequirementRef(.iso42001, "A.2.3")) })
        let missing = try #require(d.remediation.first { $0.requirements.contains(RequirementRef(.iso42001, "A.2.4")) })
        #expect(excluded.gaps.first?.kind == .unjustifiedExclusion && missing.gaps.first?.kind == .missing)
        #expect(excluded.priority.total >= missing.priority.total && excluded.rank < missing.rank)
        #expect(a.cell("iso42001:A.7.3")?.reason == .unjustifiedExclusion(underlying: .noInventory))
        #expect(d.remediation.contains { $0.requirements == [RequirementRef(.iso42001, "A.7.3")] && $0.gaps.first?.kind == .unjustifiedExclusion })
        for x in d.remediation {
            #expect(x.targetDate >= a.asOf && !x.targetBasis.isEmpty)
            if let dl = x.deadline, dl > a.asOf { #expect(x.targetDate == dl) }
            else { #expect(x.targetDate == a.asOf.adding(days: RemediationPlanner.horizonDays(priority: x.priority.total))) }
        }
    }
}

extension AuditorTests {
    @Test func assessPrintsTheClaimWarnings() throws {
        let r = try CLITests().run(["assess", Repo.path("Fixtures/auditor/upcoming.xml")])
        #expect(r.status == 0 || r.status == 1)
        #expect(r.err.contains("warning: evidence DEP-1 claims eu-ai-act:Art. 26(1)") && r.err.contains("[claim-not-applicable]"))
    }
}

extension AuditorTests {
    /// Art. 111: the date of each system follows the facts it declares (issue #17).
    @Test func transitionalDatesFollowEachSystemsDeclaredFacts() throws {
        let a = try assessAuditor("transitional.xml")
        let old = try #require(a.cell("eu-ai-act:Art. 26(1)", "BENEFITS-OLD"))
        #expect(old.status == .upcoming && old.deadline == CalendarDate("2030-08-02"))
        guard case let .notYetApplicable(_, basis) = old.reason else { Issue.record("\(old.reason)"); return }
        #expect(basis?.contains("Art. 111(2)") == true, "\(basis ?? "")")
        let new = try #require(a.cell("eu-ai-act:Art. 26(1)", "BENEFITS-NEW"))
        #expect(new.status == .upcoming && new.deadline == CalendarDate("2027-12-02"))
        let late = try #require(a.cell("eu-ai-act:Art. 26(2)", "CITIZEN-SCORE"))
        #expect(late.status == .upcoming && late.deadline == CalendarDate("2027-12-02"))
        let live = try #require(a.cell("eu-ai-act:Art. 26(1)", "CITIZEN-SCORE"))
        #expect(live.status == .upcoming && live.deadline == CalendarDate("2028-01-10")
                && live.reason == .notYetInOperation(system: "CITIZEN-SCORE", goLive: CalendarDate("2028-01-10")))
        let model = try #require(a.cells.first { $0.requirement.description == "eu-ai-act:Art. 53(1)" })
        #expect(model.status == .upcoming && model.deadline == CalendarDate("2027-08-02"), "\(model.status) \(model.reason.sentence)")
    }

    @Test func transitionalFactsAreCheckedWhenRead() throws {
        let text = try Repo.text("Fixtures/auditor/transitional.xml").replacingOccurrences(of: "public-authority-use=\"true\"/>", with: "public-authority-use=\"yes\"/>")
        let error = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(Array(text.utf8), file: "t.xml", catalogs: Shared.dataset.catalogs) })
        #expect(error.diagnostics.contains { $0.code == .invalidValue && $0.message.contains("public-authority-use 'yes' must be true or false") })
    }
}

extension AuditorTests {
    /// An organisation-wide obligation names at most ``AssessmentOptions/systemsPerApplicability``
    /// of the systems that bind it, in inventory order, and counts the rest (issue #16):
    /// `Fixtures/auditor/many-systems.xml`, 23 systems, Art. 4.
    @Test func organisationCellNamesAtMostTwentyBindingSystems() throws {
        let a = try assessAuditor("many-systems.xml")
        let org = try auditorOrganization("many-systems.xml")
        let cells = a.cells.filter { $0.requirement.description == "eu-ai-act:Art. 4" }
        #expect(cells.count == 1 && cells[0].system == nil && cells[0].status == .missing)
        let named = org.systems.prefix(20).map { s in "\(s.id) (\(s.euRoles.first!.rawValue) of a minimal-risk system)" }
        #expect(AssessmentOptions(asOf: a.asOf).systemsPerApplicability == 20)
        #expect(cells[0].applicability == "Art. 4 applies to the organisation: " + named.joined(separator: "; ") + "; and 3 more systems")
        #expect(named.first?.hasPrefix("S-23 ") == true && named.last?.hasPrefix("S-04 ") == true)

        // No cap: every binding system; the same status, credit and scores (engine and oracle agree).
        var options = AssessmentOptions(asOf: a.asOf)
        options.systemsPerApplicability = 0
        let all = AssessmentEngine.assess(org, dataset: Shared.dataset, options: options)
        expectSameCells(all.cells, ReferenceEngine.assess(org, dataset: Shared.dataset, options: options).cells, "many-systems.xml, no cap")
        let full = try #require(all.cells.first { $0.requirement.description == "eu-ai-act:Art. 4" })
        #expect(full.applicability.components(separatedBy: "; ").count == 23 && !full.applicability.contains("more system"))
        #expect(all.scores == a.scores)
        #expect(zip(all.cells, a.cells).allSatisfy { $0.status == $1.status && $0.credit == $1.credit && $0.reason == $1.reason })

        // One over the cap is counted in the singular.
        options.systemsPerApplicability = 22
        #expect(AssessmentEngine.assess(org, dataset: Shared.dataset, options: options).cells.first { $0.requirement.description == "eu-ai-act:Art. 4" }?
            .applicability.hasSuffix("; and 1 more system") == true)
    }
}
