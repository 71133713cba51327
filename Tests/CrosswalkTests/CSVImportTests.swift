import Testing
@testable import Crosswalk

@Suite("Spreadsheet imports")
struct CSVImportTests {
    @Test func importsTheInventoryAndRegister() throws {
        let systems = try OrganizationCSV.systems(Repo.bytes("Fixtures/csv/systems.csv"), file: "systems.csv")
        #expect(systems.map(\.id) == ["CLAIMS-TRIAGE", "WORKFORCE-PLAN"])
        #expect(systems[0].purpose == "Routes incoming claims, by urgency")
        #expect(systems[0].euRoles == [.provider, .deployer])
        #expect(systems[1].riskTier == .high && systems[1].annexIII?.rawValue == "4a" && systems[1].facts.map(\.condition) == [.workplaceUse, .personalData, .interactsWithPeople])
        #expect(systems[1].fact(.workplaceUse) == true && systems[1].fact(.interactsWithPeople) == false && systems[1].fact(.syntheticContent) == nil)
        let evidence = try OrganizationCSV.evidence(Repo.bytes("Fixtures/csv/evidence.csv"), file: "evidence.csv")
        #expect(evidence.map(\.id) == ["CSV-001", "CSV-002"])
        #expect(evidence[0].claims.map(\.requirement.description) == ["iso42001:6.1.4", "iso42001:8.4", "iso42001:A.5.3"])
        #expect(evidence[0].expires == CalendarDate("2027-05-01"))
        #expect(evidence[1].claims.first?.full == false && evidence[1].title == "Risk register entry, workforce planning")
        #expect(evidence[1].location.line == 3)
    }

    @Test func importedRowsAreAssessed() throws {
        let data = Shared.dataset
        var (org, _) = try OrganizationLoader.load(Repo.bytes("Fixtures/sample/insurer.xml"), file: "insurer.xml", catalogs: data.catalogs)
        org.systems += try OrganizationCSV.systems(Repo.bytes("Fixtures/csv/systems.csv"), file: "systems.csv")
        org.evidence += try OrganizationCSV.evidence(Repo.bytes("Fixtures/csv/evidence.csv"), file: "evidence.csv")
        try OrganizationLoader.check(org, catalogs: data.catalogs)
        let a = AssessmentEngine.assess(org, dataset: data, options: AssessmentOptions(asOf: CalendarDate("2026-11-23")!))
        #expect(a.cell("iso42001:6.1.4", "CLAIMS-TRIAGE")?.status == .met)
        #expect(a.cell("iso42001:8.2", "WORKFORCE-PLAN")?.status == .stale)
        #expect(a.cell("eu-ai-act:Art. 26(7)", "WORKFORCE-PLAN") != nil)
    }

    @Test func importedSystemProblemsNameTheCSVRow() throws {
        let data = Shared.dataset
        var (org, _) = try OrganizationLoader.load(Repo.bytes("Fixtures/sample/insurer.xml"), file: "insurer.xml", catalogs: data.catalogs)
        org.systems += try OrganizationCSV.systems(Array("id,name,owner,risk_tier\nOK,Fine,,minimal\nBAD,Bad,nobody,minimal\n".utf8), file: "systems.csv")
        let error = try #require(expectCrosswalkError { try OrganizationLoader.check(org, catalogs: data.catalogs) })
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.location == SourceLocation(file: "systems.csv", line: 3, column: 1))
        #expect(error.diagnostics.first?.message.contains("'nobody'") == true)
    }

    @Test func roundTripsWhatCSVWriterWrites() throws {
        var w = CSVWriter()
        w.row(["id", "name", "purpose"])
        w.row(["S1", "=cmd|' /C calc'!A0", "two\r\nlines, \"quoted\""])
        let records = try CSVReader.parse(w.bytes)
        #expect(records.map(\.fields) == [["id", "name", "purpose"], ["S1", "=cmd|' /C calc'!A0", "two\r\nlines, \"quoted\""]])
    }

    @Test func badRowsAreReportedWithTheirLines() throws {
        let text = "id,name,risk_tier,colour\r\nA,Alpha,high,red\r\nB,,galactic,blue\r\nC,\"unterminated\r\n"
        let error = try #require(expectCrosswalkError { _ = try OrganizationCSV.systems(Array(text.utf8), file: "s.csv") })
        #expect(error.diagnostics.count == 1)  // the unterminated quote stops parsing
        let text2 = "id,name,risk_tier,colour\r\nA,Alpha,high,red\r\nB,,galactic,blue\r\n"
        let e2 = try #require(expectCrosswalkError { _ = try OrganizationCSV.systems(Array(text2.utf8), file: "s.csv") })
        #expect(e2.diagnostics.map(\.location.line) == [1, 3, 3])
        #expect(e2.diagnostics[0].message.contains("colour"))
    }
}
