import Foundation
import Testing
@testable import Crosswalk

/// Values that round-trip (issue #18 item 3): `Organization` → organisation XML →
/// `Organization`; `Organization`, `Assessment` and `Deliverables` → JSON → the same value;
/// `assessment.json` → the `Assessment` it was written from.
@Suite("Values that round-trip")
struct ValuesTests {
    /// Every organisation file under `Fixtures/` that loads against the bundled data.
    static let fixtures: [String] = {
        let root = Repo.path("Fixtures")
        let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        return all.filter { rel in
            guard let bytes = try? Repo.bytes("Fixtures/" + rel), String(decoding: bytes.prefix(4096), as: UTF8.self).contains(OrganizationLoader.namespace) else { return false }
            return (try? OrganizationLoader.load(bytes, file: rel, catalogs: Shared.dataset.catalogs)) != nil
        }
    }()

    static func load(_ bytes: [UInt8], _ file: String) throws -> Organization {
        try OrganizationLoader.load(bytes, file: file, catalogs: Shared.dataset.catalogs).organization
    }

    /// The organisation without where it was read: what the formats carry.
    static func facts(_ o: Organization) -> Organization {
        let nowhere = SourceLocation(file: "")
        var o = o
        o.source = ""; o.warnings = []; o.scopeLocation = nowhere; o.rootLocation = nowhere; o.frameworkLocations = []
        for i in o.people.indices { o.people[i].location = nowhere }
        for i in o.systems.indices {
            o.systems[i].location = nowhere
            for j in o.systems[i].facts.indices { o.systems[i].facts[j].location = nowhere }
        }
        for i in o.facts.indices { o.facts[i].location = nowhere }
        for i in o.decisions.indices { o.decisions[i].location = nowhere }
        for i in o.owners.indices { o.owners[i].location = nowhere }
        for i in o.evidence.indices {
            o.evidence[i].location = nowhere; o.evidence[i].systemLocations = []
            for j in o.evidence[i].claims.indices { o.evidence[i].claims[j].location = nowhere }
        }
        return o
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(value)
    }

    @Test func enoughFixturesLoad() {
        #expect(Self.fixtures.count >= 20, "\(Self.fixtures)")
        #expect(Self.fixtures.contains("sample/insurer.xml") && Self.fixtures.contains("auditor/transitional.xml"))
    }

    @Test(arguments: fixtures) func fixtureRoundTripsThroughXML(_ rel: String) throws {
        let original = try Self.load(Repo.bytes("Fixtures/" + rel), rel)
        let xml = try original.xmlDocument()
        let back = try Self.load(xml, "written.xml")
        #expect(Self.facts(back) == Self.facts(original))
        // Writing what was read gives the same bytes: the writer is a function of the facts.
        #expect(try back.xmlDocument() == xml)
        // And through the Codable shape.
        let decoded = try JSONDecoder().decode(Organization.self, from: Self.json(original))
        var expected = Self.facts(original)
        expected.primaryFrameworkDeclared = false
        #expect(Self.facts(decoded) == expected)
        #expect(try Self.json(decoded) == Self.json(original))
    }

    @Test func generatedOrganizationRoundTrips() throws {
        let bytes = OrganizationGenerator.generate(GeneratorOptions(systems: 150, evidence: 2_000, seed: 77), dataset: Shared.dataset)
        let original = try Self.load(bytes, "generated.xml")
        let back = try Self.load(try original.xmlDocument(), "written.xml")
        #expect(Self.facts(back) == Self.facts(original))
        #expect(back.systems.count == 150 && back.evidence.count == 2_000)
    }

    /// An organisation built in code, with every field set and text a markup-minded writer
    /// would break, written to a folder that does not exist yet, and read back.
    @Test func codeBuiltOrganizationRoundTripsEveryField() throws {
        var org = Organization(name: "Smith & Sons <\"Quoted\"> 'plc'\ttab\nline")
        org.primaryFramework = .iso27001
        org.assessmentDate = CalendarDate("2026-11-23")
        org.frameworks = [.iso42001, .iso27001, .euAIAct, .nistAIRMF]
        org.euRoles = [.provider, .deployer]
        org.facts = [ConditionFact(.publicBody, holds: false), ConditionFact(.personalData)]
        org.people = [Person(id: "ciso", name: "Dana <Reyes> & co", role: "CISO \"acting\""), Person(id: "cdo", name: "Sam")]
        var s = AISystem(id: "PRICING", name: "Pricing & <risk>")
        s.purpose = "Prices life & health <insurance> for \"individual\" applicants."
        s.owner = "cdo"; s.businessUnit = "Actuarial"; s.lifecycle = .development; s.sourcing = .thirdPartyService; s.vendor = "Vendor \"X\""
        s.riskTier = .high; s.annexIII = AnnexIIIPoint(rawValue: "5c"); s.euRoles = [.provider, .deployer]
        s.facts = [ConditionFact(.personalData), ConditionFact(.workplaceUse, holds: false)]
        s.placedOnMarket = CalendarDate("2025-03-01"); s.publicAuthorityUse = true; s.annexXComponent = true
        s.goLive = CalendarDate("2025-04-01")
        var old = AISystem(id: "OLD", name: "Old scorer")
        old.riskTier = .minimal; old.lifecycle = .retired; old.goLive = CalendarDate("2020-01-01"); old.retiredOn = CalendarDate("2026-06-30")
        var bot = AISystem(id: "BOT", name: "Bot")
        bot.riskTier = .limited
        org.systems = [s, bot, old]
        org.decisions = [ApplicabilityDecision(requirement: RequirementRef(.iso42001, "A.10.4"), applicable: false, justification: "We supply no AI & no <systems>."),
                         ApplicabilityDecision(requirement: RequirementRef(.iso42001, "A.10.3"), applicable: true),
                         ApplicabilityDecision(requirement: RequirementRef(.iso42001, "A.6.2.6"), system: "BOT", applicable: false, justification: "A vendor service.")]
        var cert = Evidence(id: "EV-CERT", title: "ISO/IEC 27001 certificate", kind: .certificate, owner: "ciso", collected: CalendarDate("2026-01-01"),
                            validUntil: CalendarDate("2028-12-31"), status: .approved, claims: [])
        cert.certificate = EvidenceCertificate(standard: .iso27001, number: "IS 712345", issuer: "Cert & Co")
        org.evidence = [
            Evidence(id: "EV-1", title: "AI policy <v1.2> & annex", kind: .policy, owner: "ciso", collected: CalendarDate("2026-01-15"), reviewDays: 365, status: .approved,
                     claims: [EvidenceClaim(requirement: RequirementRef(.iso42001, "A.2.2"), coverage: .full), EvidenceClaim(requirement: RequirementRef(.iso27001, "A.5.1"), coverage: .partial)],
                     systems: ["PRICING"], locationURI: "https://intranet.example/a?b=1&c=2", sha256: String(repeating: "ab", count: 32)),
            Evidence(id: "EV-2", status: .draft, claims: [EvidenceClaim(requirement: RequirementRef(.euAIAct, "Art. 26(1)"), coverage: .full)]),
            cert,
        ]
        org.owners = [OwnerAssignment(requirement: RequirementRef(.iso42001, "A.2.2"), person: "ciso"),
                      OwnerAssignment(requirement: RequirementRef(.iso42001, "A.6.2.6"), system: "PRICING", person: "cdo")]
        var supplied = Evidence(id: "EV-VENDOR", title: "Vendor model card", kind: .report, collected: CalendarDate("2026-02-01"), status: .approved,
                                claims: [EvidenceClaim(requirement: RequirementRef(.iso42001, "A.6.2.7"), coverage: .partial)], systems: ["PRICING"])
        supplied.providedBy = .supplier
        org.evidence.append(supplied)
        try OrganizationValidator.validate(org, catalogs: Shared.dataset.catalogs)

        let dir = NSTemporaryDirectory() + "crosswalk-values-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/nested/org.xml"
        try org.write(to: path)
        let back = try Organization(contentsOf: path, catalogs: Shared.dataset.catalogs)
        var expected = Self.facts(org)
        expected.primaryFrameworkDeclared = true
        #expect(Self.facts(back) == expected)
        #expect(back.name == org.name, "attribute values keep tabs, line feeds, quotes and markup characters")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/nested") == ["org.xml"], "no temporary file left")
        let text = String(decoding: try InputFile.read(path).bytes, as: UTF8.self)
        #expect(text.contains("name=\"Smith &amp; Sons &lt;&quot;Quoted&quot;&gt; 'plc'&#9;tab&#10;line\""))
        #expect(!text.contains("<risk>") && !text.contains("<insurance>"))
    }

    @Test func aCharacterXMLCannotCarryIsRefusedNotDropped() throws {
        var org = Organization(name: "Bell\u{7}Co")
        org.frameworks = [.iso42001]
        let error = try #require(expectCrosswalkError { _ = try org.xmlDocument() })
        #expect(error.code == .invalidValue)
        #expect(error.message.contains("name on <organization>") && error.message.contains("U+0007"))
    }

    @Test func textIsReadBackWithWhiteSpaceFolded() throws {
        var org = Organization(name: "Folded")
        org.frameworks = [.iso42001]
        var s = AISystem(id: "S", name: "S")
        s.purpose = "  two   spaces\nand a line  "
        org.systems = [s]
        let back = try Self.load(try org.xmlDocument(), "w.xml")
        #expect(back.systems[0].purpose == "two spaces and a line")
    }

    static func sampleRun() throws -> (Organization, Assessment, Deliverables) {
        let org = try Self.load(Repo.bytes("Fixtures/sample/insurer.xml"), "sample/insurer.xml")
        let a = Shared.dataset.assessment(of: org, options: AssessmentOptions(asOf: CalendarDate("2026-11-23")!))
        return (org, a, Deliverables.build(a, organization: org, dataset: Shared.dataset))
    }

    @Test func assessmentAndDeliverablesRoundTripThroughCodable() throws {
        let (_, a, d) = try Self.sampleRun()
        #expect(try JSONDecoder().decode(Assessment.self, from: Self.json(a)) == a)
        // Locations are not encoded: the register's systems come back without theirs.
        var located = d
        for i in located.register.indices {
            located.register[i].system.location = SourceLocation(file: "")
            for j in located.register[i].system.facts.indices { located.register[i].system.facts[j].location = SourceLocation(file: "") }
        }
        #expect(try JSONDecoder().decode(Deliverables.self, from: Self.json(d)) == located)
        #expect(!d.register.isEmpty)
        let text = String(decoding: try Self.json(a), as: UTF8.self)
        #expect(text.hasPrefix("{\"asOf\":\"2026-11-23\"") && text.contains("\"version\":1"))
    }

    @Test func anUnknownValueVersionIsRefused() throws {
        let (org, a, _) = try Self.sampleRun()
        for data in [try Self.json(org), try Self.json(a)] {
            let newer = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"version\":1", with: "\"version\":2").utf8)
            #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(Organization.self, from: newer) }
            #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(Assessment.self, from: newer) }
        }
    }

    /// `assessment.json` as `crosswalk assess --out` writes it reads back as the assessment.
    @Test(arguments: ["sample/insurer.xml", "auditor/reasons.xml", "auditor/certified.xml", "auditor/undeclared-facts.xml", "auditor/upcoming.xml",
                      "auditor/transitional.xml", "auditor/clause-excluded.xml", "auditor/stale-partial-route.xml", "auditor/prohibited.xml",
                      "auditor/no-inventory.xml", "auditor/process-execution-gap.xml", "auditor/time.xml"])
    func assessmentJSONReadsBackEqual(_ rel: String) throws {
        let org = try Self.load(Repo.bytes("Fixtures/" + rel), rel)
        let a = Shared.dataset.assessment(of: org, options: AssessmentOptions(asOf: org.assessmentDate ?? CalendarDate("2026-11-23")!))
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        let bytes = AssessmentJSON.render(a, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs)
        let back = try Assessment(assessmentJSON: bytes, file: "assessment.json")
        #expect(back == a)
        // Nothing lost: rendering the read-back assessment gives the same bytes.
        #expect(AssessmentJSON.render(back, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs) == bytes)
    }

    @Test func assessmentJSONOfAGeneratedOrganizationReadsBackEqual() throws {
        let bytes = OrganizationGenerator.generate(GeneratorOptions(systems: 40, evidence: 600, seed: 5), dataset: Shared.dataset)
        let org = try Self.load(bytes, "generated.xml")
        let a = Shared.dataset.assessment(of: org, options: AssessmentOptions(asOf: org.assessmentDate!))
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        let json = AssessmentJSON.render(a, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs)
        #expect(try Assessment(assessmentJSON: json, file: "assessment.json") == a)
    }

    /// Format 4 says each cell's reason once (`reasonDetail`) and writes each cell on one
    /// line; files of format 3 (`Fixtures/history/before-assessment-format3.json`, written
    /// by the Crosswalk before it) still read: into the same assessment as the format 4 file
    /// rendered from it, and into the same cells for `crosswalk diff`.
    @Test func formatThreeStillReadsAndFormatFourDropsTheRepeatedReasonCode() throws {
        let v3 = try Repo.bytes("Fixtures/history/before-assessment-format3.json")
        #expect(String(decoding: v3.prefix(80), as: UTF8.self).contains("\"formatVersion\": 3"))
        let a = try Assessment(assessmentJSON: v3, file: "format3.json")
        #expect(!a.cells.isEmpty)
        let org = try Self.load(try Repo.bytes("Fixtures/history/before.xml"), "before.xml")
        let d = Deliverables.build(a, organization: org, dataset: Shared.dataset)
        let v4 = AssessmentJSON.render(a, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs)
        #expect(try Assessment(assessmentJSON: v4, file: "format4.json") == a)
        let old = try AssessmentSnapshot(v3, file: "format3.json"), new = try AssessmentSnapshot(v4, file: "format4.json")
        #expect(old.cells == new.cells && new.cells.allSatisfy { !$0.reasonCode.isEmpty })
        #expect(AssessmentDiff(old: old, new: new).cells.isEmpty)
        // One line per cell, the reason as its sentence and as reasonDetail (no reasonCode); smaller than format 3.
        let text = String(decoding: v4, as: UTF8.self)
        #expect(text.contains("\"formatVersion\": 4") && !text.contains("\"reasonCode\""))
        #expect(text.split(separator: "\n").filter { $0.contains("\"reasonDetail\":") }.allSatisfy { $0.contains("\"reason\":\"") })
        let cellLines = text.split(separator: "\n").filter { $0.hasPrefix("    {\"framework\":") && $0.contains("\"reasonDetail\":{\"code\":") }
        #expect(cellLines.count == a.cells.count)
        #expect(v4.count < v3.count)
    }

    @Test func anEditedAssessmentJSONIsRefused() throws {
        let (org, a, d) = try Self.sampleRun()
        let text = String(decoding: AssessmentJSON.render(a, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs), as: UTF8.self)
        // A cell turned from missing to met without its score: the scores no longer agree.
        let edited = text.replacingOccurrences(of: "\"status\":\"missing\",", with: "\"status\":\"met\",")
        #expect(edited != text)
        let e1 = try #require(expectCrosswalkError { _ = try Assessment(assessmentJSON: Array(edited.utf8), file: "a.json") })
        #expect(e1.code == .invalidValue && e1.message.contains("does not agree with the cells"))
        // A reason code that does not exist.
        let bad = text.replacingOccurrences(of: "\"code\":\"no-evidence\"", with: "\"code\":\"no-evidenc\"")
        let e2 = try #require(expectCrosswalkError { _ = try Assessment(assessmentJSON: Array(bad.utf8), file: "a.json") })
        #expect(e2.code == .invalidValue && e2.message.contains("unknown reason code 'no-evidenc'"))
        // A file of format 1 (no reason details) says what to do.
        let old = try Repo.bytes("Fixtures/fuzz/assessment-json/small.json")
        let e3 = try #require(expectCrosswalkError { _ = try Assessment(assessmentJSON: old, file: "old.json") })
        #expect([CrosswalkError.Code.unsupportedVersion, .invalidValue].contains(e3.code), "\(e3)")
        // Syntax errors are located.
        let e4 = try #require(expectCrosswalkError { _ = try Assessment(assessmentJSON: Array("{\"format\": ".utf8), file: "t.json") })
        #expect(e4.code == .jsonMalformed && e4.location.line == 1)
    }

    /// Every stored property of the model is either encoded or a location: a field added
    /// to the model without its coding key fails here.
    @Test func codingCoversEveryStoredField() throws {
        let (org, _, _) = try Self.sampleRun()
        func check(_ value: some Encodable, _ name: String, ignoring: Set<String>) throws {
            let keys = Set((try JSONSerialization.jsonObject(with: Self.json(value)) as! [String: Any]).keys)
            for child in Mirror(reflecting: value).children {
                guard let label = child.label, !ignoring.contains(label) else { continue }
                #expect(keys.contains(label), "\(name).\(label) is not encoded")
            }
        }
        let locations: Set<String> = ["location", "warnings", "systemLocations", "source", "scopeLocation", "rootLocation", "frameworkLocations", "primaryFrameworkDeclared"]
        try check(org, "Organization", ignoring: locations)
        var full = org.systems[0]
        full.riskTier = .high; full.annexIII = AnnexIIIPoint(rawValue: "5c"); full.placedOnMarket = CalendarDate("2025-01-01")
        full.goLive = CalendarDate("2025-02-01"); full.retiredOn = CalendarDate("2026-01-01")
        try check(full, "AISystem", ignoring: locations)
        var ev = org.evidence[0]
        ev.certificate = EvidenceCertificate(standard: .iso27001, number: "1", issuer: "x"); ev.collected = CalendarDate("2025-01-01")
        ev.validUntil = CalendarDate("2026-01-01"); ev.reviewDays = 1
        try check(ev, "Evidence", ignoring: locations)
        try check(ApplicabilityDecision(requirement: RequirementRef(.iso42001, "A.2.2"), system: "S", applicable: true), "ApplicabilityDecision", ignoring: locations)
        try check(OwnerAssignment(requirement: RequirementRef(.iso42001, "A.2.2"), system: "S", person: "p"), "OwnerAssignment", ignoring: locations)
        try check(org.people[0], "Person", ignoring: locations)
        let (_, _, d) = try Self.sampleRun()
        try check(d, "Deliverables", ignoring: [])
    }
}
