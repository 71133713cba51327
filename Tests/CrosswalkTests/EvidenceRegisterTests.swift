import Foundation
import Testing
@testable import Crosswalk

/// The columnar evidence register (issue #16 item 1): it holds exactly the ``Evidence``
/// values put in, behaves as the array it replaces, and the engine reading its columns
/// reaches the same assessment as the test oracle reading values.
@Suite("Evidence register")
struct EvidenceRegisterTests {
    static func date(_ s: String) -> CalendarDate { CalendarDate(s)! }

    /// Items with every field set, and with every optional field absent.
    static var items: [Evidence] {
        var full = Evidence(id: "EV-ÄÖ-1", title: "Certificate of the AI management system — “Zertifikat”", kind: .certificate, owner: "P-1",
                            collected: date("2025-01-31"), validUntil: date("2028-01-30"), reviewDays: 365, status: .approved,
                            claims: [EvidenceClaim(requirement: RequirementRef(.iso42001, "6.1.2"), coverage: .full, location: SourceLocation(file: "a.xml", line: 12, column: 7)),
                                     EvidenceClaim(requirement: RequirementRef(.iso27001, "A.5.1"), coverage: .partial, location: SourceLocation(file: "b.csv", line: 3, column: 1)),
                                     EvidenceClaim(requirement: RequirementRef(.euAIAct, "Art. 26(1)"), coverage: .full)],
                            systems: ["AIS-1", "AIS-2", "AIS-1"], locationURI: "https://grc.example.com/e/1.pdf",
                            sha256: String(repeating: "ab", count: 32), location: SourceLocation(file: "a.xml", line: 10, column: 5))
        full.systemLocations = [SourceLocation(file: "a.xml", line: 13, column: 7), SourceLocation(file: "a.xml", line: 14, column: 7), SourceLocation(file: "a.xml", line: 15, column: 7)]
        full.certificate = EvidenceCertificate(standard: .iso42001, number: "AIMS-0001", issuer: "Example Certification GmbH")
        full.providedBy = .supplier
        let bare = Evidence(id: "", status: .draft, claims: [])
        var odd = Evidence(id: "EV-3", owner: "P-2", reviewDays: Int.max, status: .approved,
                           claims: [EvidenceClaim(requirement: RequirementRef(.iso42001, "6.1.2"), coverage: .partial)], systems: ["AIS-2"],
                           sha256: "not a digest")
        // Outside what the columns pack: kept in the side table.
        var far = CalendarDate.latest
        far.year = 12_345
        odd.collected = far
        odd.validUntil = CalendarDate.earliest
        var partly = Evidence(id: "EV-4", kind: .log, status: .approved, claims: [], systems: ["AIS-1", "AIS-3"])
        partly.systemLocations = [SourceLocation(file: "c.xml", line: 1, column: 2)]  // fewer locations than systems
        return [full, bare, odd, partly]
    }

    @Test func roundTripKeepsEveryField() {
        let items = Self.items
        let register = EvidenceRegister(items)
        #expect(register.count == items.count)
        #expect(Array(register) == items)
        for (i, e) in items.enumerated() {
            let r = register[i]
            #expect(r.id == e.id && r.title == e.title && r.kind == e.kind && r.owner == e.owner)
            #expect(r.collected == e.collected && r.validUntil == e.validUntil && r.reviewDays == e.reviewDays && r.expires == e.expires)
            #expect(r.status == e.status && r.claims == e.claims && r.systems == e.systems && r.systemLocations == e.systemLocations)
            #expect(r.locationURI == e.locationURI && r.sha256 == e.sha256 && r.location == e.location)
            #expect(r.certificate == e.certificate && r.providedBy == e.providedBy)
            // The column accessors the engine and reports read say the same.
            #expect(register.id(i) == e.id && register.title(i) == e.title && register.owner(i) == e.owner)
            #expect(register.expires(i) == e.expires && register.status(i) == e.status && register.kind(i) == e.kind)
            #expect(register.isOrganizationWide(i) == e.systems.isEmpty && register.certificate(i) == e.certificate)
            #expect(register.claimRange(i).map { register.requirements[register.claimRequirement($0)] } == e.claims.map(\.requirement))
            #expect(register.claimRange(i).map { register.claimIsFull($0) } == e.claims.map(\.full))
            #expect(register.systemRange(i).map { register.systemID($0) } == e.systems)
            #expect(register.hasSHA256(i) == !e.sha256.isEmpty && register.sha256(i) == e.sha256)
        }
        #expect(register.certificates.map(\.item) == [0])
    }

    @Test func mutatesAsAnArray() {
        let items = Self.items
        var register: EvidenceRegister = [items[0], items[1]]
        var array = [items[0], items[1]]
        func same(_ what: String) { #expect(Array(register) == array, "after \(what)") }
        register.append(items[2]); array.append(items[2]); same("append")
        register[0].status = .draft; array[0].status = .draft; same("setting the first item's status")
        register[2].claims.append(EvidenceClaim(requirement: RequirementRef(.iso27001, "A.8.1"), coverage: .full))
        array[2].claims.append(EvidenceClaim(requirement: RequirementRef(.iso27001, "A.8.1"), coverage: .full)); same("a claim on the last item")
        register[1] = items[3]; array[1] = items[3]; same("replacing a middle item")
        register.insert(items[1], at: 0); array.insert(items[1], at: 0); same("inserting at the front")
        register.remove(at: 2); array.remove(at: 2); same("removing a middle item")
        register.removeLast(); array.removeLast(); same("removing the last item")
        register += items; array += items; same("appending a sequence")
        #expect(register.filter { $0.status == .approved }.map(\.id) == array.filter { $0.status == .approved }.map(\.id))
        for i in register.indices { register[i].title = "T\(i)" }
        for i in array.indices { array[i].title = "T\(i)" }
        same("setting every title")
        register.removeAll(); array.removeAll(); same("removing all")
        #expect(register.isEmpty && register == EvidenceRegister())
    }

    @Test func equalityAndHashCompareTheItems() {
        let items = Self.items
        let a = EvidenceRegister(items)
        // Built another way: its tables hold more (an item appended, then removed); the
        // items are the same.
        var b = EvidenceRegister(items)
        b.append(Evidence(id: "X", owner: "P-9", status: .draft, claims: [EvidenceClaim(requirement: RequirementRef(.iso27001, "A.9.9"), coverage: .full)]))
        b.removeLast()
        #expect(a.names != b.names)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        var c = a
        c[2].sha256 = "different"
        #expect(c != a)
        #expect(a == EvidenceRegister(items))  // c's change did not reach a (value semantics)
        #expect(EvidenceRegister(items.dropLast()) != a)
        var org1 = Organization(name: "O"), org2 = Organization(name: "O")
        org1.evidence = a; org2.evidence = b
        #expect(org1 == org2 && Set([org1, org2]).count == 1)
    }

    @Test func codingIsUnchanged() throws {
        var org = Organization(name: "O")
        org.evidence = EvidenceRegister(Self.items.filter { $0.collected.map { $0.year < 10_000 } ?? true })
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        let data = try e.encode(org)
        // The register encodes as the array of items it replaced.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(object["evidence"] as? [[String: Any]])
        let expected = try #require(try JSONSerialization.jsonObject(with: e.encode(Array(org.evidence))) as? [[String: Any]])
        #expect(items.count == expected.count)
        #expect(try JSONSerialization.data(withJSONObject: items, options: [.sortedKeys]) == JSONSerialization.data(withJSONObject: expected, options: [.sortedKeys]))
        let back = try JSONDecoder().decode(Organization.self, from: data)
        #expect(try e.encode(back) == data)
        #expect(back.evidence.map(\.id) == org.evidence.map(\.id))
    }

    /// An organisation read from a file: the reader's register holds the items the values
    /// say, and assessing it, or the same items rebuilt from values, gives the oracle's cells.
    @Test(arguments: ["sample/insurer.xml", "auditor/certified.xml", "auditor/suppliers.xml", "auditor/time.xml"])
    func organisationFromAFixtureAssessesAsBefore(_ name: String) throws {
        let file = try InputFile.read(Repo.path("Fixtures/" + name))
        let org = try OrganizationLoader.load(file.bytes, file: name, catalogs: Shared.dataset.catalogs).organization
        #expect(!org.evidence.isEmpty)
        var rebuilt = org
        rebuilt.evidence = EvidenceRegister(Array(org.evidence))
        #expect(rebuilt.evidence == org.evidence)
        for i in org.evidence.indices {
            let e = org.evidence[i]
            #expect(e.location.file == name && e.location.line > 0)
            #expect(e.systemLocations.count == e.systems.count)
            #expect(e.claims.allSatisfy { $0.location.file == name })
        }
        let options = AssessmentOptions(asOf: org.assessmentDate ?? CalendarDate("2026-06-01")!)
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: options)
        let b = AssessmentEngine.assess(rebuilt, dataset: Shared.dataset, options: options)
        #expect(a == b)
        expectSameCells(a.cells, ReferenceEngine.assess(org, dataset: Shared.dataset, options: options).cells, name)
    }
}
