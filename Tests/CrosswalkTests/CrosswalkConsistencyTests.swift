import Testing
@testable import Crosswalk

/// The EU AI Act → ISO/IEC 42001 crosswalk applies its stated rules the same way to every
/// obligation (issue 17, item 3), and the ISO/IEC 27001 catalogue says what its titles are.
@Suite("Crosswalk consistency")
struct CrosswalkConsistencyTests {
    static let eu: [Mapping] = Shared.dataset.collections.first { $0.title.hasPrefix("EU AI Act") }!.mappings

    static func map(_ article: String, _ element: String) -> Mapping? {
        eu.first { $0.source.label == article && $0.target.label == element }
    }

    /// ISO/IEC 42001 is evidence towards the Act, never proof: no ISO entry meets a legal duty fully.
    @Test func noLegalDutyIsMetInFullByAnISOEntry() {
        #expect(!Self.eu.isEmpty)
        for m in Self.eu {
            #expect(![.subsetOf, .equivalentTo, .equalTo].contains(m.relationship),
                    "\(m.source.label) \(m.relationship.rawValue) \(m.target.label): a control never discharges a legal duty")
        }
        let m = Self.map("Art. 26(1)", "A.9.4")
        #expect(m?.relationship == .intersectsWith && m?.strength == 8)
        // And no coverage route reads "full" from 42001 to the Act.
        let cov = Shared.dataset.graph.coverage(from: .iso42001, to: .euAIAct, includeDerived: false)!
        #expect(cov.rows.allSatisfy { $0.status != .full })
    }

    /// Rule 2: every duty to give information about an AI system to someone relates to A.8.5 the same way.
    @Test(arguments: ["Art. 21", "Art. 26(7)", "Art. 26(11)", "Art. 49(1)", "Art. 49(2)", "Art. 49(3)", "Art. 50(3)", "Art. 50(4)", "Art. 50(5)", "Art. 52(1)", "Art. 86", "Art. 91"])
    func reportingDutiesIntersectA85(_ article: String) throws {
        let m = try #require(Self.map(article, "A.8.5"))
        #expect(m.relationship == .intersectsWith)
        #expect((2...3).contains(m.strength))
    }

    /// Rule 3: 4.2 relates to duties that manage compliance, not to single legal acts it would merely list.
    @Test func interestedPartiesRule() throws {
        for a in ["Art. 8", "Art. 16", "Art. 17"] {
            #expect(try #require(Self.map(a, "4.2")).relationship == .intersectsWith, "\(a)")
        }
        for a in ["Art. 22(3)", "Art. 22(4)", "Art. 48", "Art. 54(3)", "Art. 54(5)"] {
            #expect(try #require(Self.map(a, "4.2")).relationship == .noRelationship, "\(a)")
        }
    }

    /// Rule 4: conformity assessment relates to internal audit the same way in all three paragraphs.
    @Test func conformityAssessmentAndInternalAudit() throws {
        for a in ["Art. 43(1)", "Art. 43(2)", "Art. 43(3)"] {
            let m = try #require(Self.map(a, "9.2.1"))
            #expect(m.relationship == .intersectsWith && m.strength == 1, "\(a)")
        }
    }

    /// ISO/IEC 27001's Annex A titles are the standard's control names; the catalogue says so and ships no text.
    @Test func iso27001SaysWhatItsTitlesAre() throws {
        let c = try #require(Shared.dataset.catalogs.catalog(.iso27001))
        #expect(c.licence == "identifiers-and-short-titles")
        #expect(c.remarks.contains("the standard's own control names"))
        #expect(!c.remarks.contains("short paraphrases"))
        #expect(c.entries.allSatisfy { $0.statement == nil })
        // Short titles only: a name of a few words, never requirement text.
        #expect(c.entries.allSatisfy { $0.title.split(separator: " ").count <= 9 })
    }
}
