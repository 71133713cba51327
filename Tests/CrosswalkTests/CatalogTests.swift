import Testing
@testable import Crosswalk

@Suite("Bundled catalogues")
struct BundledCatalogTests {
    func catalog(_ fw: FrameworkID) throws -> Catalog { try #require(Shared.dataset.catalogs.catalog(fw)) }

    func expectedLabels(_ name: String) throws -> [String] {
        try Repo.text("Fixtures/expected-ids/\(name).txt").split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test(arguments: ["iso42001", "iso27001", "nist-ai-rmf", "eu-ai-act"])
    func everyLabelMatchesTheReferenceList(framework: String) throws {
        let c = try catalog(FrameworkID(framework))
        #expect(c.entries.map(\.label) == (try expectedLabels(framework)))
        #expect(Shared.dataset.warnings.isEmpty)
    }

    @Test func iso42001Structure() throws {
        let c = try catalog(.iso42001)
        let annexA = c.requirements.filter { $0.kind == .control }
        #expect(annexA.count == 38)
        #expect(annexA.first?.label == "A.2.2")
        #expect(annexA.last?.label == "A.10.4")
        #expect(annexA.allSatisfy { $0.obligation == .selectable })
        #expect(c.entries.filter { $0.kind == .objective }.count == 11)
        for label in ["6.1.1", "6.1.2", "6.1.3", "6.1.4", "7.5.1", "7.5.2", "7.5.3", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2"] {
            let e = try #require(c.entry(label: label), "\(label)")
            #expect(e.isRequirement && e.obligation == .mandatory && e.kind == .clause)
        }
        // Identifiers that do not exist in the standard (seen in public data) must not appear.
        for bogus in ["A.2.1", "A.6.1.1", "A.6.2.1", "A.6.6.1", "A.6.10", "6.1.5", "A.11.2"] {
            #expect(c.entry(label: bogus) == nil, "\(bogus)")
        }
        #expect(c.entry(label: "6.1.4")?.scope == .system)
        #expect(c.entry(label: "A.6.2.4")?.parent == "A.6.2")
        #expect(c.entry(label: "A.6.1")?.parent == "A.6")
        #expect(c.entry(label: "5.2")?.scope == .organization)
        // ISO text is not shipped: no statement parts.
        #expect(c.entries.allSatisfy { $0.statement == nil })
        #expect(c.licence == "identifiers-and-paraphrased-titles")
    }

    @Test func iso27001Structure() throws {
        let c = try catalog(.iso27001)
        let controls = c.requirements.filter { $0.kind == .control }
        #expect(controls.count == 93)
        var themes: [String: Int] = [:]
        for e in controls { themes[e.parent!, default: 0] += 1 }
        #expect(themes == ["A.5": 37, "A.6": 8, "A.7": 14, "A.8": 34])
        #expect(c.entry(label: "A.5.23") != nil && c.entry(label: "A.8.34") != nil && c.entry(label: "A.8.35") == nil)
        #expect(c.entry(label: "6.3") != nil)
        #expect(c.entry(label: "5.1")?.kind == .clause && c.entry(label: "A.5.1")?.kind == .control)
        #expect(c.entries.allSatisfy { $0.statement == nil })
    }

    @Test func nistAIRMFStructure() throws {
        let c = try catalog(.nistAIRMF)
        #expect(c.entries.filter { $0.kind == .function }.map(\.label) == ["GOVERN", "MAP", "MEASURE", "MANAGE"])
        #expect(c.entries.filter { $0.kind == .category }.count == 19)
        let subs = c.requirements
        #expect(subs.count == 72)
        var perFunction: [String: Int] = [:]
        for s in subs { perFunction[String(s.label.split(separator: " ")[0]), default: 0] += 1 }
        #expect(perFunction == ["GOVERN": 19, "MAP": 18, "MEASURE": 22, "MANAGE": 13])
        #expect(subs.allSatisfy { $0.obligation == .voluntary && $0.statement != nil && $0.kind == .subcategory })
        #expect(c.entry(label: "GOVERN 1.1")?.statement?.hasPrefix("Legal and regulatory requirements involving AI are understood, managed, and documented") == true)
        #expect(c.entry(label: "MANAGE 4.3")?.parent == "MANAGE 4")
        #expect(c.licence == "public-domain-us-gov")
    }

    @Test func euAIActStructure() throws {
        let c = try catalog(.euAIAct)
        #expect(c.licence == "eu-law-reuse-with-attribution")
        for label in ["Art. 4", "Art. 5", "Art. 9", "Art. 10", "Art. 17", "Art. 27", "Art. 43", "Art. 72", "Art. 73", "Art. 86",
                      "Art. 26(1)", "Art. 50(1)", "Art. 50(4)", "Art. 49(3)", "Art. 53", "Art. 53(1)", "Art. 55"] {
            let e = try #require(c.entry(label: label), "\(label)")
            #expect(e.isRequirement || !c.children(of: label).isEmpty)
        }
        for r in c.requirements {
            #expect(!r.actors.isEmpty, "\(r.label) has no actor")
            #expect(!r.riskTiers.isEmpty, "\(r.label) has no risk tier")
            #expect(r.appliesFrom != nil && r.appliesFromBasis != nil, "\(r.label) has no application date")
            #expect(r.obligation == .mandatory)
        }
        #expect(c.entry(label: "Art. 4")?.appliesFrom == CalendarDate("2025-02-02"))
        #expect(c.entry(label: "Art. 5")?.riskTiers == ["prohibited"])
        #expect(c.entry(label: "Art. 9")?.actors == ["provider"])
        #expect(c.entry(label: "Art. 9")?.riskTiers == ["high"])
        #expect(c.entry(label: "Art. 26(1)")?.actors == ["deployer"])
        #expect(c.entry(label: "Art. 53(1)")?.appliesFrom == CalendarDate("2025-08-02"))
        #expect(c.entry(label: "Art. 53(1)")?.actors == ["gpai-provider"])
        #expect(c.entry(label: "Art. 55")?.riskTiers == ["general-purpose-systemic"])
        // High-risk duties for Annex III systems: as amended by the Digital Omnibus on AI (Regulation (EU) 2026/1744).
        #expect(c.entry(label: "Art. 9")?.appliesFrom == CalendarDate("2027-12-02"))
        let art9 = try #require(c.entry(label: "Art. 9"))
        #expect(c.applicationDate(of: art9, asOf: CalendarDate("2026-07-01")!)?.date == CalendarDate("2026-08-02"))
        #expect(c.applicationDate(of: art9, asOf: CalendarDate("2026-12-01")!, facts: DateFacts(annexIProduct: true))?.date == CalendarDate("2028-08-02"))
        #expect(c.entry(label: "Art. 50(1)")?.appliesFrom == CalendarDate("2026-08-02"))
        #expect(c.entry(label: "Art. 27")?.conditions.contains("annex-iii-5c") == true)
    }

    @Test func catalogsCommandCountsEveryFramework() throws {
        #expect(Shared.dataset.catalogs.frameworks == ["eu-ai-act", "iso27001", "iso42001", "nist-ai-rmf"])
    }
}

@Suite("Catalogue loader")
struct CatalogLoaderTests {
    @Test func loadsAForeignSP80053StyleCatalog() throws {
        let c = try loadCatalog("Fixtures/catalogs/sp800-53-style.xml")
        #expect(c.framework == "sp800-53-style")
        #expect(c.oscalVersion == "1.1.2")
        #expect(c.entries.map(\.label) == ["ac", "AC-1", "AC-2", "AC-2(1)", "AC-2(2)", "au", "AU-2"])
        #expect(c.entries.map(\.isRequirement) == [false, true, true, true, true, false, true])
        #expect(c.entry(label: "AC-2(1)")?.parent == "AC-2")
        #expect(c.entry(label: "AC-2(1)")?.depth == 2)
        #expect(c.entry(id: "ac-2.1")?.label == "AC-2(1)")
        #expect(c.entry(label: "AC-1")?.statement == "Develop and share an access control policy with . Review the policy .")
        #expect(c.entry(label: "AC-1")?.scope == .organization)
        #expect(c.entry(label: "ac")?.kind == .group)
        #expect(c.entry(label: "AC-2(2)")?.property("status", namespace: "") == "withdrawn")
    }

    @Test func loadsMinimalCatalog() throws {
        let c = try loadCatalog("Fixtures/catalogs/minimal.xml")
        #expect(c.framework == "mini")
        #expect(c.requirements.map(\.scope) == [.organization, .system])
    }

    @Test(arguments: [
        ("catalog-duplicate-id.xml", CrosswalkError.Code.duplicateIdentifier, 21),
        ("catalog-duplicate-label.xml", .duplicateIdentifier, 21),
        ("catalog-unknown-prop.xml", .unknownProperty, 19),
        ("catalog-bad-scope.xml", .invalidValue, 25),
        ("catalog-unknown-element.xml", .unknownElement, 16),
        ("catalog-unsupported-version.xml", .unsupportedVersion, 7),
        ("catalog-bad-id.xml", .invalidIdentifier, 14),
        ("not-a-catalog.xml", .unknownDocument, 2),
        ("catalog-date-unknown-act.xml", .invalidValue, 16),
        ("catalog-date-bad-condition.xml", .invalidValue, 18),
        ("catalog-lifecycle-no-rationale.xml", .missingElement, 26),
        ("catalog-lifecycle-retention-without-stage.xml", .invalidValue, 21),
    ])
    func rejectsOneDefectWithItsLocation(file: String, code: CrosswalkError.Code, line: Int) throws {
        let path = "Fixtures/invalid/" + file
        let error = try #require(expectCrosswalkError { _ = try CatalogLoader.load(Repo.bytes(path), file: path) })
        #expect(error.code == code)
        #expect(error.location.file == path)
        #expect(error.location.line == line)
        #expect(error.diagnostics.filter { $0.severity == .error }.count == 1, "\(error)")
        #expect(error.description.hasPrefix("\(path):\(line):"))
    }

    @Test func reportsEveryProblemNotJustTheFirst() throws {
        let path = "Fixtures/invalid/catalog-several-errors.xml"
        let error = try #require(expectCrosswalkError { _ = try CatalogLoader.load(Repo.bytes(path), file: path) })
        #expect(error.diagnostics.map(\.code) == [.duplicateIdentifier, .invalidValue, .invalidValue])
        #expect(error.diagnostics.map(\.location.line) == [21, 25, 26])
    }

    @Test func hostileXMLFailsWithALocatedError() throws {
        for file in ["xxe-local-file.xml", "xxe-network.xml", "billion-laughs.xml", "quadratic-blowup.xml", "deep-nesting.xml", "invalid-utf8.xml", "encoding-latin1.xml", "encoding-utf16.xml"] {
            let path = "Fixtures/hostile/" + file
            let error = try #require(expectCrosswalkError { _ = try CatalogLoader.load(Repo.bytes(path), file: path) }, "\(file)")
            #expect(error.location.file == path && error.location.line > 0, "\(error)")
        }
    }

    @Test func sampledPrefixesOfABundledCatalogueFailCleanly() throws {
        let path = "Catalogs/iso42001.xml"
        let bytes = try Repo.bytes(path)
        for length in stride(from: 0, to: bytes.count - 1, by: 211) {
            #expect(throws: CrosswalkError.self) { _ = try CatalogLoader.load(Array(bytes[0..<length]), file: path) }
        }
    }

    @Test func userCatalogueReplacesBundledOneOfTheSameFramework() throws {
        let text = try Repo.text("Catalogs/iso42001.xml").replacingOccurrences(of: "<title>ISO/IEC 42001:2023", with: "<title>My 42001")
        let data = try Dataset.load(extra: [InputFile(path: "mine.xml", bytes: Array(text.utf8))])
        #expect(data.catalogs.catalog(.iso42001)?.title.hasPrefix("My 42001") == true)
        #expect(data.catalogs.catalog(.iso42001)?.source == "mine.xml")
        #expect(data.catalogs.catalog(.iso27001)?.requirements.count == 123)
    }

    @Test func twoUserCataloguesOfOneFrameworkAreAnError() throws {
        let file = try InputFile.read(Repo.path("Fixtures/catalogs/minimal.xml"))
        let error = try #require(expectCrosswalkError { _ = try Dataset.load(bundled: false, extra: [file, file]) })
        #expect(error.code == .duplicateFramework)
    }
}
