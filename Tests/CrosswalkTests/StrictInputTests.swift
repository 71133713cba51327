import Foundation
import Testing
@testable import Crosswalk

/// Where an element's position is reported (libxml2's position at the end of its start tag):
/// the line and column of the `>` (or the `/` of `/>`) that ends the start tag holding the
/// first occurrence of `marker` (unique in the fixture).
func elementPosition(_ marker: String, in text: String) throws -> (line: Int, column: Int) {
    let r = try #require(text.range(of: marker), "\(marker) is not in the fixture")
    var close = try #require(text[r.lowerBound...].firstIndex(of: ">"))
    if close > text.startIndex, text[text.index(before: close)] == "/" { close = text.index(before: close) }
    let before = text[..<close]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    return (line, text[lineStart...close].utf8.count)
}

func loadOrganization(_ relative: String) throws -> (organization: Organization, warnings: [Diagnostic]) {
    try OrganizationLoader.load(Repo.bytes(relative), file: relative, catalogs: Shared.dataset.catalogs)
}

func organizationError(_ relative: String) throws -> CrosswalkError {
    try #require(expectCrosswalkError { _ = try loadOrganization(relative) }, "\(relative) loaded without error")
}

@Suite("Strict input: vocabularies")
struct VocabularyTests {
    @Test func euConditionsAreExactlyTheCatalogues() throws {
        let eu = try #require(Shared.dataset.catalogs.catalog(.euAIAct))
        let used = Set(eu.entries.flatMap(\.conditions))
        #expect(Set(EUCondition.allCases.map(\.rawValue)) == used)
        #expect(EUCondition.allCases.count == 27)
    }

    @Test func annexIIIHasEveryPointAndNoOther() {
        // 1(a)-(c), 2, 3(a)-(d), 4(a)-(b), 5(a)-(d), 6(a)-(e), 7(a)-(d), 8(a)-(b), and the headings 1-8.
        #expect(AnnexIIIPoint.allCases.count == 8 + 3 + 4 + 2 + 4 + 5 + 4 + 2)
        for p in ["1c", "2", "3d", "4b", "5d", "6e", "7d", "8b"] { #expect(AnnexIIIPoint(rawValue: p) != nil, "\(p)") }
        for p in ["1d", "2a", "4c", "5e", "6f", "9", "0", "5(b)", "5B", ""] { #expect(AnnexIIIPoint(rawValue: p) == nil, "\(p)") }
    }

    @Test(arguments: ["5(b)", "5 (b)", "5 b", "5B", "5(B)", " 5b "])
    func lawyersFormsAreNormalised(_ text: String) {
        #expect(AnnexIIIPoint(lenient: text)?.rawValue == "5b")
    }

    @Test(arguments: ["5(f)", "5.b", "V(b)", "5((b))", "Annex III 5(b)", "5bb"])
    func otherFormsAreRefused(_ text: String) {
        #expect(AnnexIIIPoint(lenient: text) == nil)
    }

    @Test func impliedConditionsFollowTheCatalogue() {
        #expect(AnnexIIIPoint(rawValue: "5c")?.impliedConditions == [.annexIII5c, .annexIII5])
        #expect(AnnexIIIPoint(rawValue: "4a")?.impliedConditions == [.annexIII4])
        #expect(AnnexIIIPoint(rawValue: "2")?.impliedConditions == [.annexIII2])
    }

    @Test func nearMissesSuggestTheValueMeant() {
        #expect(RiskTier.suggestion(for: "hihg") == .high)
        #expect(RiskTier.suggestion(for: "High") == .high)
        #expect(EURole.suggestion(for: "deployr") == .deployer)
        #expect(EvidenceStatus.suggestion(for: "aproved") == .approved)
        #expect(EUCondition.suggestion(for: "personal-dta") == .personalData)
        #expect(Lifecycle.suggestion(for: "galactic") == nil)
        #expect(RiskTier.problem("hihg", field: "risk-tier").contains("did you mean 'high'?"))
    }

    /// From code: a typed value cannot hold a bad spelling; text from elsewhere goes through
    /// `init(parsing:)`, which refuses it with the same message the readers give.
    @Test func textFromCodeIsParsedWithTheSameCheck() throws {
        #expect(RiskTier(rawValue: "hihg") == nil && EvidenceStatus(rawValue: "aproved") == nil && EURole(rawValue: "deployr") == nil)
        let e = try #require(expectCrosswalkError { _ = try RiskTier(parsing: "hihg", field: "riskTier", at: SourceLocation(file: "grc-db", line: 7)) })
        #expect(e.code == .invalidValue && e.message.contains("did you mean 'high'?") && e.location == SourceLocation(file: "grc-db", line: 7))
        for (type, bad) in [(Lifecycle.self as any OrganizationVocabulary.Type, "prodution"), (Sourcing.self, "inhouse"), (EURole.self, "deployr"),
                            (EvidenceKind.self, "polcy"), (EvidenceStatus.self, "aproved"), (Coverage.self, "ful"), (EUCondition.self, "personal-dta"),
                            (AnnexIIIPoint.self, "5f")] {
            #expect(throws: CrosswalkError.self) { try parse(bad, as: type) }
        }
        #expect(try EvidenceStatus(parsing: "approved") == .approved)
    }

    private func parse(_ text: String, as type: any OrganizationVocabulary.Type) throws {
        func open<V: OrganizationVocabulary>(_ t: V.Type) throws { _ = try V(parsing: text) }
        try open(type)
    }
}

@Suite("Strict input: organisation files")
struct StrictOrganizationTests {
    /// Each vocabulary's near miss is refused at its own element, with the value meant.
    @Test func unknownValuesAreRefusedAtTheirElement() throws {
        let file = "Fixtures/organizations/unknown-vocabulary.xml"
        let text = try Repo.text(file)
        let e = try organizationError(file)
        let expected: [(marker: String, says: String)] = [
            ("<eu-role>deployr", "did you mean 'deployer'?"),
            ("<condition>personal-dta", "did you mean 'personal-data'?"),
            ("id=\"S1\"", "lifecycle 'prodution' is not a known lifecycle; did you mean 'production'?"),
            ("id=\"S2\"", "sourcing 'inhouse' is not a known sourcing; did you mean 'in-house'?"),
            ("id=\"S3\"", "risk-tier 'hihg' is not a known risk tier; did you mean 'high'?"),
            ("id=\"S4\"", "annex-iii '5(f)' is not a point of Annex III"),
            ("id=\"S5\"", "eu-role 'importr' is not a known EU AI Act role; did you mean 'importer'?"),
            ("<condition>interacts-with-peopel", "did you mean 'interacts-with-people'?"),
            ("<condition holds=\"maybe\"", "holds 'maybe' must be true or false"),
            ("id=\"E1\"", "kind 'polcy' is not a known evidence kind; did you mean 'policy'?"),
            ("id=\"E2\"", "status 'aproved' is not a known evidence status; did you mean 'approved'?"),
            ("coverage=\"ful\"", "coverage 'ful' is not a known coverage; did you mean 'full'?"),
        ]
        #expect(e.diagnostics.count == expected.count, "\(e)")
        for (d, x) in zip(e.diagnostics, expected) {
            let at = try elementPosition(x.marker, in: text)
            #expect(d.location == SourceLocation(file: file, line: at.line, column: at.column), "\(x.marker): \(d)")
            #expect(d.code == .invalidValue && d.message.contains(x.says), "\(d)")
        }
        #expect(e.diagnostics.map(\.location) == e.diagnostics.map(\.location).sorted())
    }

    @Test func aMissingStatusIsAnErrorNeverApproved() throws {
        let file = "Fixtures/organizations/missing-status.xml"
        let e = try organizationError(file)
        let at = try elementPosition("<item id=\"E1\"", in: try Repo.text(file))
        #expect(e.diagnostics.count == 1)
        #expect(e.code == .missingAttribute && e.message.contains("has no status") && e.location == SourceLocation(file: file, line: at.line, column: at.column))
    }

    @Test func requiredFactsAreRequired() throws {
        let file = "Fixtures/organizations/required-facts.xml"
        let text = try Repo.text(file)
        let e = try organizationError(file)
        let expected = [("<person id=\"p2\"", "person 'p2' needs a name"), ("id=\"NAMELESS\"", "system 'NAMELESS' needs a name"),
                        ("id=\"UNTIERED\"", "system UNTIERED declares no EU AI Act risk tier"), ("<item id=\"E1\"", "evidence E1 is approved but has no collected date")]
        #expect(e.diagnostics.count == expected.count, "\(e)")  // not OLD (retired), not TBD (unclassified), not E2 (draft)
        for (d, x) in zip(e.diagnostics, expected) {
            let at = try elementPosition(x.0, in: text)
            #expect(d.location == SourceLocation(file: file, line: at.line, column: at.column) && d.code == .missingAttribute && d.message.contains(x.1), "\(d)")
        }
    }

    /// A bad `<satisfies>`, `<system ref>` or `<assign>` is reported at itself, not at its item.
    @Test func referencesAreLocatedAtTheirOwnElement() throws {
        let file = "Fixtures/organizations/located-references.xml"
        let text = try Repo.text(file)
        let e = try organizationError(file)
        let expected = [("iso42001:A.99", "which iso42001 does not have"), ("ref=\"CV-SCREN\"", "did you mean 'CV-SCREEN'?"),
                        ("person=\"cisco\"", "did you mean 'ciso'?")]
        #expect(e.diagnostics.count == expected.count, "\(e)")
        for (d, x) in zip(e.diagnostics, expected) {
            let at = try elementPosition(x.0, in: text)
            #expect(d.location == SourceLocation(file: file, line: at.line, column: at.column) && d.message.contains(x.1), "\(d)")
        }
    }

    @Test func lawyersAnnexIIIFormsAreReadAs5b() throws {
        let (org, _) = try loadOrganization("Fixtures/organizations/annex-iii-lawyer-forms.xml")
        #expect(org.systems.map { $0.annexIII?.rawValue } == ["5b", "5b", "5b"])
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: CalendarDate("2026-11-23")!))
        // Art. 27 binds the deployer of a point 5(b) system: it is not dismissed as not applicable.
        #expect(a.cells.contains { $0.requirement.label == "Art. 27" && $0.system == "CREDIT" && $0.status != .notApplicable })
    }

    @Test func factsAreDeclaredTrueOrFalseAndTheSystemWins() throws {
        let (org, _) = try loadOrganization("Fixtures/organizations/facts-true-and-false.xml")
        let cv = try #require(org.systems.first { $0.id == "CV" }), forecast = try #require(org.systems.first { $0.id == "FORECAST" })
        #expect(org.fact(.personalData) == false && org.fact(.publicBody) == false && org.fact(.workplaceUse) == nil)
        #expect(cv.fact(.personalData) == true && org.fact(.personalData, for: cv) == true)
        #expect(forecast.fact(.personalData) == nil && org.fact(.personalData, for: forecast) == false)
        #expect(org.fact(.workplaceUse, for: cv) == nil)
        // The Annex III point answers the Annex III conditions once a tier is declared.
        #expect(cv.fact(.annexIII4) == true && cv.fact(.annexIII5b) == false && forecast.fact(.annexIII4) == false)
        #expect(org.conditionsHolding(for: cv).contains("personal-data") && !org.conditionsHolding(for: forecast).contains("personal-data"))
    }

    @Test func contradictoryDeclarationsAreRefused() throws {
        let xml = orgXML(systems: #"<system id="S" name="S" risk-tier="minimal"><condition>personal-data</condition><condition holds="false">personal-data</condition></system>"#)
        let e = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(xml, file: "o.xml", catalogs: Shared.dataset.catalogs) })
        #expect(e.diagnostics.count == 1 && e.message.contains("both to hold and not to hold"))
    }

    /// The bundled sample meets every new requirement.
    @Test func theSampleDeclaresItsFacts() throws {
        let (org, warnings) = try loadOrganization("Fixtures/sample/insurer.xml")
        #expect(warnings.isEmpty)
        #expect(org.systems.allSatisfy { $0.riskTier != nil && $0.fact(.personalData) != nil && org.fact(.workplaceUse, for: $0) != nil })
        #expect(org.fact(.publicBody) == false)
    }
}

@Suite("Strict input: organisations built in code")
struct CodeBuiltOrganizationTests {
    func base() -> Organization {
        var org = Organization(name: "Code Ltd")
        org.source = "grc-tool"
        org.frameworks = [.iso42001, .euAIAct]
        org.people = [Person(id: "p1", name: "Pat One")]
        return org
    }

    @Test func theValidatorChecksRequiredFactsInCode() throws {
        var org = base()
        org.people.append(Person(id: "p2", name: ""))
        org.systems = [AISystem(id: "S1", name: "No tier"), AISystem(id: "S2", name: "")]
        org.systems[1].riskTier = .minimal
        org.evidence = [Evidence(id: "E1", status: .approved, claims: [EvidenceClaim(requirement: RequirementRef(.iso42001, "5.2"), coverage: .full)])]
        let problems = OrganizationValidator.problems(in: org, catalogs: Shared.dataset.catalogs)
        #expect(problems.map(\.code) == [.missingAttribute, .missingAttribute, .missingAttribute, .missingAttribute], "\(problems)")
        #expect(problems.allSatisfy { $0.location.file == "grc-tool" })
        let text = problems.map(\.message).joined(separator: "\n")
        #expect(text.contains("person 'p2' needs a name") && text.contains("S1 declares no EU AI Act risk tier")
                && text.contains("system 'S2' needs a name") && text.contains("E1 is approved but has no collected date"))
        // The library's public check is the same validator.
        let e = try #require(expectCrosswalkError { try OrganizationLoader.check(org, catalogs: Shared.dataset.catalogs) })
        #expect(e.diagnostics == problems)
    }

    @Test func unclassifiedAndRetiredNeedNoTier() throws {
        var org = base()
        var a = AISystem(id: "A", name: "A"); a.riskTier = .unclassified
        var b = AISystem(id: "B", name: "B"); b.lifecycle = .retired
        org.systems = [a, b]
        org.evidence = [Evidence(id: "E1", collected: CalendarDate("2026-01-01"), status: .approved,
                                 claims: [EvidenceClaim(requirement: RequirementRef(.iso42001, "5.2"), coverage: .full)])]
        #expect(OrganizationValidator.problems(in: org, catalogs: Shared.dataset.catalogs).isEmpty)
        org.frameworks = [.iso42001]
        org.systems.append(AISystem(id: "C", name: "C, no tier, EU AI Act out of scope"))
        #expect(OrganizationValidator.problems(in: org, catalogs: Shared.dataset.catalogs).isEmpty)
    }
}

@Suite("Strict input: spreadsheets")
struct StrictCSVTests {
    @Test func windows1252IsRefusedWithHowToResave() throws {
        let file = "Fixtures/csv/systems-windows-1252.csv"
        let e = try #require(expectCrosswalkError { _ = try OrganizationCSV.systems(Repo.bytes(file), file: file) })
        #expect(e.code == .csvEncoding && e.diagnostics.count == 1)
        // "S1,Soci" then 0xE9: line 2, the eighth character.
        #expect(e.location == SourceLocation(file: file, line: 2, column: 8))
        #expect(e.message.contains("not UTF-8") && e.message.contains("CSV UTF-8"))
    }

    @Test func semicolonSeparatedFilesAreRead() throws {
        let systems = try OrganizationCSV.systems(Repo.bytes("Fixtures/csv/systems-semicolon.csv"), file: "s.csv")
        #expect(systems.map(\.id) == ["S1", "S2"])
        #expect(systems[0].name == "Scoring, retail" && systems[0].euRoles == [.provider, .deployer] && systems[0].riskTier == .high)
        #expect(systems[0].fact(.personalData) == true && systems[0].fact(.workplaceUse) == false)
        #expect(systems[1].name == "Société chatbot" && systems[1].fact(.interactsWithPeople) == true)
    }

    @Test func aBOMAndCRLFStillWork() throws {
        let text = "\u{FEFF}id,name,risk_tier\r\nS1,Société,minimal\r\n"
        let systems = try OrganizationCSV.systems(Array(text.utf8), file: "s.csv")
        #expect(systems.map(\.name) == ["Société"])
    }

    @Test func aMissingStatusIsAnErrorAtItsCell() throws {
        let file = "Fixtures/csv/evidence-missing-status.csv"
        let e = try #require(expectCrosswalkError { _ = try OrganizationCSV.evidence(Repo.bytes(file), file: file) })
        #expect(e.diagnostics.count == 1 && e.code == .missingAttribute)
        #expect(e.location == SourceLocation(file: file, line: 3, column: 5) && e.message.contains("never counted on a guess"))
        let noColumn = "Fixtures/csv/evidence-no-status-column.csv"
        let e2 = try #require(expectCrosswalkError { _ = try OrganizationCSV.evidence(Repo.bytes(noColumn), file: noColumn) })
        #expect(e2.code == .missingElement && e2.message.contains("'status'"))
    }

    @Test func unknownValuesAreRefusedAtTheirCell() throws {
        let sys = "Fixtures/csv/systems-unknown-vocabulary.csv"
        let e = try #require(expectCrosswalkError { _ = try OrganizationCSV.systems(Repo.bytes(sys), file: sys) })
        // id,name,lifecycle,sourcing,risk_tier,annex_iii,eu_roles,conditions
        #expect(e.diagnostics.map(\.location.column) == [3, 4, 5, 6, 7, 8, 8])
        #expect(e.diagnostics.allSatisfy { $0.location.line == 2 && $0.code == .invalidValue })
        for meant in ["'production'", "'in-house'", "'high'", "'deployer'", "'personal-data'", "'interacts-with-people'"] {
            #expect(e.diagnostics.contains { $0.message.contains("did you mean \(meant)?") }, "\(meant)")
        }
        let ev = "Fixtures/csv/evidence-unknown-vocabulary.csv"
        let e2 = try #require(expectCrosswalkError { _ = try OrganizationCSV.evidence(Repo.bytes(ev), file: ev) })
        // id,title,kind,collected,status,satisfies
        #expect(e2.diagnostics.map(\.location.column) == [3, 5, 6])
        #expect(e2.diagnostics.map { $0.message.contains("did you mean") } == [true, true, true])
    }

    @Test func factsInTheConditionsColumnAreSymmetric() throws {
        let systems = try OrganizationCSV.systems(Array("id,name,risk_tier,conditions\nS,S,minimal,personal-data; ! workplace-use\n".utf8), file: "s.csv")
        #expect(systems[0].facts.map(\.condition) == [.personalData, .workplaceUse] && systems[0].facts.map(\.holds) == [true, false])
    }
}

@Suite("Strict input: documentation")
struct VocabularyDocumentationTests {
    /// `Docs/OrganisationFormat.md` lists every value of every vocabulary (and so the 27 EU
    /// conditions, not the first 15 and "…").
    @Test func theFormatDocumentListsEveryValue() throws {
        let doc = try Repo.text("Docs/OrganisationFormat.md")
        var values: [String] = []
        values += RiskTier.allowedValues + Lifecycle.allowedValues + Sourcing.allowedValues + EURole.allowedValues
        values += EvidenceKind.allowedValues + EvidenceStatus.allowedValues + Coverage.allowedValues + EUCondition.allowedValues
        for v in values { #expect(doc.contains("`\(v)`"), "\(v) is not in Docs/OrganisationFormat.md") }
        for v in EUCondition.allowedValues { #expect(doc.contains("| `\(v)` |"), "\(v) has no row") }
    }
}

@Suite("Strict input: frameworks")
struct StrictFrameworkTests {
    /// An unknown framework in scope is reported at its own `<framework>`, with the key meant.
    @Test func unknownFrameworksAreLocatedAndSuggested() throws {
        let text = """
        <organization xmlns="urn:crosswalk:organization:1" version="1" name="X" primary-framework="iso4201">
          <scope>
            <framework id="iso42001"/>
            <framework id="iso2701"/>
          </scope>
        </organization>
        """
        let e = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(Array(text.utf8), file: "f.xml", catalogs: Shared.dataset.catalogs) })
        #expect(e.diagnostics.map(\.code) == [.unknownFramework, .unknownFramework])
        #expect(e.diagnostics[0].location.line == 1 && e.diagnostics[0].message.contains("primary-framework 'iso4201'") && e.diagnostics[0].message.contains("did you mean 'iso42001'?"))
        let at = try elementPosition("<framework id=\"iso2701\"", in: text)
        #expect(e.diagnostics[1].location == SourceLocation(file: "f.xml", line: at.line, column: at.column) && e.diagnostics[1].message.contains("did you mean 'iso27001'?"))
    }
}

@Suite("Strict input: Annex III facts")
struct AnnexIIIFactTests {
    /// A high-risk system with no Annex III point is not silently outside Annex III: its Annex III
    /// facts are undeclared, and a warning asks for the point (or for annex-i-product).
    @Test func aHighRiskSystemWithoutAPointIsAskedForIt() throws {
        let xml = orgXML(systems: """
            <system id="H" name="High, no point" risk-tier="high"/>
            <system id="P" name="High through Annex I" risk-tier="high"><condition>annex-i-product</condition></system>
            <system id="M" name="Minimal" risk-tier="minimal"/>
            """)
        let (org, warnings) = try OrganizationLoader.load(xml, file: "o.xml", catalogs: Shared.dataset.catalogs)
        let h = org.systems[0], p = org.systems[1], m = org.systems[2]
        #expect(h.fact(.annexIII4) == nil && p.fact(.annexIII4) == false && m.fact(.annexIII4) == false)
        #expect(warnings.count == 1 && warnings[0].message.contains("system H is high-risk but names no Annex III point"))
    }
}

@Suite("Strict input: facts reach the engine")
struct FactsInTheEngineTests {
    func art26_9(_ systemConditions: String, scope: String = "") throws -> Cell? {
        var text = String(decoding: orgXML(frameworks: ["eu-ai-act"], systems: """
            <system id="CV" name="CV screening" risk-tier="high" annex-iii="4a" eu-role="deployer">\(systemConditions)</system>
            """), as: UTF8.self)
        text = text.replacingOccurrences(of: "</scope>", with: scope + "</scope>")
        let a = try assess(Array(text.utf8))
        return a.cells.first { $0.requirement.label == "Art. 26(9)" }
    }

    /// Art. 26(9) binds the deployer of a high-risk system that processes personal data.
    @Test func aFactDeclaredTrueMakesTheObligationApply() throws {
        #expect(try art26_9("<condition>personal-data</condition>")?.system == "CV")
    }

    @Test func aFactDeclaredFalseLeavesItNotApplicable() throws {
        #expect(try art26_9(#"<condition holds="false">personal-data</condition>"#)?.status == .notApplicable)
    }

    /// The system's own "no" wins over the organisation's "yes", and the other way round.
    @Test func theSystemsDeclarationWinsOverTheOrganisations() throws {
        #expect(try art26_9(#"<condition holds="false">personal-data</condition>"#, scope: "<condition>personal-data</condition>")?.status == .notApplicable)
        #expect(try art26_9("<condition>personal-data</condition>", scope: #"<condition holds="false">personal-data</condition>"#)?.system == "CV")
        #expect(try art26_9("", scope: "<condition>personal-data</condition>")?.system == "CV")
    }
}

@Suite("Strict input: mixed separators")
struct MixedSeparatorTests {
    @Test func aHeaderWithBothSeparatorsIsExplained() throws {
        let e = try #require(expectCrosswalkError { _ = try OrganizationCSV.systems(Array("id;name,risk_tier\nS;S,minimal\n".utf8), file: "s.csv") })
        let d = try #require(e.diagnostics.first { $0.message.contains("looks semicolon-separated") })
        #expect(d.location == SourceLocation(file: "s.csv", line: 1, column: 1))
    }
}

@Suite("Strict input: bounded suggestions")
struct BoundedSuggestionTests {
    /// "Did you mean" is worked out only for problems that are shown, and never on long text:
    /// thousands of long unknown values cost no more than reading them.
    @Test(.timeLimit(.minutes(1)))
    func manyLongUnknownValuesStayCheap() throws {
        let junk = String(repeating: "personal-dta", count: 300)
        var csv = "id,name,risk_tier,conditions\n"
        for i in 0..<600 { csv += "S\(i),S,minimal,\(junk)\n" }
        let e = try #require(expectCrosswalkError { _ = try OrganizationCSV.systems(Array(csv.utf8), file: "s.csv") })
        #expect(e.diagnostics.filter { $0.severity == .error }.count == 200)
        #expect(e.diagnostics.last?.code == .tooManyErrors)
        #expect(e.diagnostics[0].message.count < 1_500, "a long value is shortened in the message")
    }

    @Test func suggestionsSkipWhatCannotBeClose() {
        #expect(EUCondition.suggestion(for: String(repeating: "a", count: 65)) == nil)
        #expect(OrganizationValidator.nearest("CV-SCREN", in: ["CV-SCREEN", "X"]) == "CV-SCREEN")
        #expect(OrganizationValidator.nearest("A", in: ["ABCDEFGHIJ"]) == nil)
        #expect(editDistance("hihg", "high") == 1 && editDistance("", "abc") == 3 && editDistance("kitten", "sitting") == 3)
    }
}
