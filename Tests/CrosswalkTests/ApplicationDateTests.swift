import Foundation
import Testing
@testable import Crosswalk

/// EU AI Act dates as data: each date carries the act that set it, and the date that applies
/// depends on the as-of day and the facts declared for a system (issue 17, item 2).
@Suite("EU AI Act application dates")
struct ApplicationDateTests {
    static var eu: Catalog { Shared.dataset.catalogs.catalog(.euAIAct)! }
    static func d(_ s: String) -> CalendarDate { CalendarDate(s)! }
    static func resolve(_ label: String, _ asOf: String, _ facts: DateFacts = .none) throws -> ResolvedApplicationDate? {
        let e = try #require(eu.entry(label: label))
        return eu.applicationDate(of: e, asOf: d(asOf), facts: facts)
    }

    /// Every date carries the act that set it and that act's entry into force; the Omnibus
    /// is kept as reported.
    @Test func everyDateNamesItsAct() throws {
        let acts = Self.eu.actsByID
        let a2024 = try #require(acts["eu-ai-act-2024"]), omnibus = try #require(acts["digital-omnibus-ai"])
        #expect(a2024.entryIntoForce == Self.d("2024-08-01") && a2024.status == .published)
        #expect(omnibus.status == .reported && omnibus.citation.contains("Reported as Regulation (EU) 2026/1744"))
        #expect(omnibus.entryIntoForce == Self.d("2026-07-27"))
        let obligations = Self.eu.requirements
        #expect(obligations.count == 70)
        for e in obligations {
            #expect(!e.dates.isEmpty, "\(e.label) has no date")
            for date in e.dates {
                #expect(acts[date.act] != nil, "\(e.label): act \(date.act)")
                #expect(!date.basis.isEmpty)
                if let r = date.replacedBy { #expect(acts[r] != nil) }
                // A date set by the Omnibus says it is reported.
                if date.act == "digital-omnibus-ai" { #expect(date.basis.contains("reported"), "\(e.label): \(date.basis)") }
            }
            // The general date the engine uses today is the one under the latest acts.
            #expect(e.appliesFrom == Self.eu.applicationDate(of: e, asOf: .latest)?.date)
        }
    }

    @Test func anAsOfDateBeforeTheOmnibusGivesThe2024Date() throws {
        // Art. 9, Annex III system: 2 Aug 2026 under the 2024 text; 2 Dec 2027 once the Omnibus is in force.
        let before = try #require(try Self.resolve("Art. 9", "2026-07-26"))
        #expect(before.date == Self.d("2026-08-02") && before.act.id == "eu-ai-act-2024" && before.basis == "Art. 113, second paragraph")
        let after = try #require(try Self.resolve("Art. 9", "2026-07-27"))
        #expect(after.date == Self.d("2027-12-02") && after.act.id == "digital-omnibus-ai" && after.act.status == .reported)
        // Annex I systems: 2 Aug 2027, then 2 Aug 2028.
        #expect(try Self.resolve("Art. 9", "2026-07-26", DateFacts(annexIProduct: true))?.date == Self.d("2027-08-02"))
        #expect(try Self.resolve("Art. 9", "2026-12-01", DateFacts(annexIProduct: true))?.date == Self.d("2028-08-02"))
        // Before the Regulation itself entered into force, nothing applies.
        #expect(try Self.resolve("Art. 9", "2024-07-31") == nil)
    }

    @Test func generalPurposeModelsAlreadyOnTheMarket() throws {
        let old = DateFacts(placedOnMarket: Self.d("2025-03-01")), new = DateFacts(placedOnMarket: Self.d("2025-09-01"))
        for label in ["Art. 53(1)", "Art. 54(1)", "Art. 55"] {
            let r = try #require(try Self.resolve(label, "2026-11-23", old))
            #expect(r.date == Self.d("2027-08-02") && r.basis.hasPrefix("Art. 111(3)"), "\(label)")
            #expect(try Self.resolve(label, "2026-11-23", new)?.date == Self.d("2025-08-02"), "\(label)")
            #expect(try Self.resolve(label, "2026-11-23")?.date == Self.d("2025-08-02"), "\(label)")
        }
    }

    @Test func highRiskSystemsForPublicAuthorities() throws {
        let pa = DateFacts(placedOnMarket: Self.d("2026-03-01"), publicAuthorityUse: true)
        let r = try #require(try Self.resolve("Art. 26(1)", "2026-11-23", pa))
        #expect(r.date == Self.d("2030-08-02") && r.act.id == "digital-omnibus-ai")
        // Under the 2024 text the same system qualified too (on the market before 2 Aug 2026).
        #expect(try Self.resolve("Art. 26(1)", "2026-06-01", pa)?.date == Self.d("2030-08-02"))
        // After the Omnibus the cut-off is the Chapter III date: a system placed in 2027 still qualifies.
        let placed2027 = DateFacts(placedOnMarket: Self.d("2027-03-01"), publicAuthorityUse: true)
        #expect(try Self.resolve("Art. 9", "2026-11-23", placed2027)?.date == Self.d("2030-08-02"))
        // Before the Omnibus it did not: placed after 2 Aug 2026, the general date applies.
        #expect(try Self.resolve("Art. 9", "2026-06-01", placed2027)?.date == Self.d("2026-08-02"))
        // Not for public authorities: the general date.
        #expect(try Self.resolve("Art. 26(1)", "2026-11-23", DateFacts(placedOnMarket: Self.d("2026-03-01")))?.date == Self.d("2027-12-02"))
    }

    @Test func annexXLargeScaleITSystems() throws {
        let annexX = DateFacts(placedOnMarket: Self.d("2026-01-15"), publicAuthorityUse: true, annexXComponent: true)
        let r = try #require(try Self.resolve("Art. 9", "2026-11-23", annexX))
        #expect(r.date == Self.d("2030-12-31") && r.basis.hasPrefix("Art. 111(1)"))
        #expect(try Self.resolve("Art. 50(1)", "2026-11-23", annexX)?.date == Self.d("2030-12-31"))
        // Placed on the market after the cut-off: no transitional period.
        #expect(try Self.resolve("Art. 50(1)", "2026-11-23", DateFacts(placedOnMarket: Self.d("2027-09-01"), annexXComponent: true))?.date == Self.d("2026-08-02"))
        // Article 5 is excluded from Art. 111(1).
        #expect(try Self.resolve("Art. 5", "2026-11-23", annexX)?.date == Self.d("2025-02-02"))
    }

    @Test func markingGracePeriodForSystemsAlreadyOnTheMarket() throws {
        let onMarket = DateFacts(placedOnMarket: Self.d("2025-05-01"))
        let r = try #require(try Self.resolve("Art. 50(2)", "2026-11-23", onMarket))
        #expect(r.date == Self.d("2026-12-02") && r.basis.hasPrefix("Art. 111(4)") && r.act.status == .reported)
        #expect(try Self.resolve("Art. 50(2)", "2026-11-23", DateFacts(placedOnMarket: Self.d("2026-09-01")))?.date == Self.d("2026-08-02"))
        // Before the Omnibus there was no grace period.
        #expect(try Self.resolve("Art. 50(2)", "2026-07-01", onMarket)?.date == Self.d("2026-08-02"))
    }

    @Test func theOmnibusProhibitionIsItsOwnDatedEntry() throws {
        let e = try #require(Self.eu.entry(label: "Art. 5 (Omnibus)"))
        #expect(e.parent == "Art. 5" && e.riskTiers == ["prohibited"] && e.actors == ["operator"])
        #expect(e.appliesFrom == Self.d("2026-12-02"))
        let r = try #require(try Self.resolve("Art. 5 (Omnibus)", "2026-11-23"))
        #expect(r.date == Self.d("2026-12-02") && r.act.id == "digital-omnibus-ai")
        // Before the Omnibus entered into force the prohibition did not exist.
        #expect(try Self.resolve("Art. 5 (Omnibus)", "2026-07-01") == nil)
        // The 2024 entry keeps its date and no longer carries the Omnibus in a note.
        #expect(try Self.resolve("Art. 5", "2026-11-23")?.date == Self.d("2025-02-02"))
        let art5 = Self.eu.entry(label: "Art. 5")?.statement ?? ""
        #expect(art5.contains("applicable from 2 December 2026") == false)
        #expect(art5.contains("their own dated entry, Art. 5 (Omnibus)"))
    }

    @Test func enforcementDutiesAreCatalogued() throws {
        for (label, actor, date) in [("Art. 80", "provider", "2027-12-02"), ("Art. 83", "provider", "2027-12-02"),
                                     ("Art. 91", "gpai-provider", "2026-08-02"), ("Art. 92", "gpai-provider", "2026-08-02"), ("Art. 93", "gpai-provider", "2026-08-02")] {
            let e = try #require(Self.eu.entry(label: label))
            #expect(e.actors == [actor] && e.appliesFrom == Self.d(date), "\(label)")
            #expect(e.statement?.isEmpty == false)
        }
        #expect(Self.eu.entry(label: "Art. 80")?.conditions == ["art-6-3-derogation"])
        for label in ["Art. 25(4)", "Art. 6(4)", "Art. 49(2)"] {
            #expect(Self.eu.entry(label: label)?.statement?.contains("Omnibus") == true, "\(label) carries its Omnibus note")
        }
    }

    /// The rule itself, on dates written by hand.
    @Test func resolutionRule() {
        let acts = ["a": LegalAct(id: "a", title: "A", entryIntoForce: Self.d("2024-01-01")),
                    "b": LegalAct(id: "b", title: "B", entryIntoForce: Self.d("2025-01-01"))]
        let dates = [ApplicationDate(date: Self.d("2025-06-01"), act: "a", replacedBy: "b", basis: "general a"),
                     ApplicationDate(date: Self.d("2026-06-01"), act: "b", basis: "general b"),
                     ApplicationDate(date: Self.d("2027-06-01"), act: "b", basis: "annex I b", conditions: [.annexIProduct]),
                     ApplicationDate(date: Self.d("2028-01-01"), act: "a", basis: "transitional a", conditions: [.placedOnMarketBefore(Self.d("2024-06-01"))]),
                     ApplicationDate(date: Self.d("2029-01-01"), act: "b", basis: "transitional b", conditions: [.placedOnMarketBefore(Self.d("2024-03-01")), .publicAuthorityUse])]
        func r(_ asOf: String, _ f: DateFacts = .none) -> String? { ApplicationDate.resolve(dates, acts: acts, asOf: Self.d(asOf), facts: f)?.basis }
        #expect(r("2023-12-31") == nil)
        #expect(r("2024-06-01") == "general a")
        #expect(r("2025-01-01") == "general b")
        #expect(r("2025-01-01", DateFacts(annexIProduct: true)) == "annex I b")
        #expect(r("2025-01-01", DateFacts(placedOnMarket: Self.d("2024-02-01"))) == "transitional a")
        #expect(r("2025-01-01", DateFacts(placedOnMarket: Self.d("2024-02-01"), publicAuthorityUse: true)) == "transitional b")
        #expect(r("2024-06-01", DateFacts(placedOnMarket: Self.d("2024-02-01"), publicAuthorityUse: true)) == "transitional a")
        #expect(ApplicationDate.Condition(token: "placed-on-market-before:2025-08-02") == .placedOnMarketBefore(Self.d("2025-08-02")))
        #expect(ApplicationDate.Condition(token: "annex-iii") == nil)
    }
}

@Suite("Date overlays")
struct DateOverlayTests {
    static func d(_ s: String) -> CalendarDate { CalendarDate(s)! }
    static let overlaid: Dataset = {
        let file = try! InputFile.read(Repo.path("Fixtures/date-overlays/official-journal.xml"))
        return try! Dataset.load(dateOverlays: [InputFile(path: "date-overlays/official-journal.xml", bytes: file.bytes)])
    }()

    /// The fixture's conclusion: the act's entry into force and Art. 9's Annex III date follow the overlay.
    @Test func anOverlayFollowsTheOfficialJournal() throws {
        let eu = try #require(Self.overlaid.catalogs.catalog(.euAIAct))
        let omnibus = try #require(eu.actsByID["digital-omnibus-ai"])
        #expect(omnibus.entryIntoForce == Self.d("2026-07-28") && omnibus.status == .published)
        let art9 = try #require(eu.entry(label: "Art. 9"))
        #expect(art9.appliesFrom == Self.d("2028-03-01"))
        // The replaced date keeps its place among the entry's dates; nothing is added.
        #expect(art9.dates.count == Shared.dataset.catalogs.catalog(.euAIAct)!.entry(label: "Art. 9")!.dates.count)
        // 27 July 2026: the Omnibus is not yet in force under the overlay, so the 2024 date applies.
        #expect(eu.applicationDate(of: art9, asOf: Self.d("2026-07-27"))?.date == Self.d("2026-08-02"))
        let r = try #require(eu.applicationDate(of: art9, asOf: Self.d("2026-07-28")))
        #expect(r.date == Self.d("2028-03-01") && r.source.location.file == "date-overlays/official-journal.xml")
        // Other entries keep the catalogue's dates, now under the corrected act.
        let art10 = try #require(eu.entry(label: "Art. 10"))
        #expect(eu.applicationDate(of: art10, asOf: Self.d("2026-07-27"))?.date == Self.d("2026-08-02"))
        #expect(eu.applicationDate(of: art10, asOf: Self.d("2026-07-28"))?.date == Self.d("2027-12-02"))
    }

    @Test func aNewActAndADateOnTopOfIt() throws {
        let xml = """
        <date-overlay xmlns="urn:crosswalk:date-overlay:1" version="1">
          <act framework="eu-ai-act" id="later-act" entry-into-force="2027-06-01" title="A later amending act"/>
          <date framework="eu-ai-act" entry="Art. 50(1)" act="later-act" date="2027-09-01" basis="Art. 113 as amended by the later act"/>
        </date-overlay>
        """
        let overlay = try DateOverlay.load(Array(xml.utf8), file: "o.xml")
        let cs = try Shared.dataset.catalogs.applying(overlay)
        let eu = try #require(cs.catalog(.euAIAct))
        let e = try #require(eu.entry(label: "Art. 50(1)"))
        #expect(eu.applicationDate(of: e, asOf: Self.d("2027-05-31"))?.date == Self.d("2026-08-02"))
        #expect(eu.applicationDate(of: e, asOf: Self.d("2027-06-01"))?.act.id == "later-act")
        #expect(e.appliesFrom == Self.d("2027-09-01"))
    }

    @Test(arguments: [
        ("unknown-entry.xml", ["unknown-entry.xml:4:", "no requirement labelled 'Art. 9(9)'", "unknown-entry.xml:5:", "act 'no-such-act' is not declared"]),
        ("bad-syntax.xml", ["bad-syntax.xml:3:", "no attribute 'colour'", "'2028-13-01' is not a date", "bad-syntax.xml:4:", "when 'annex-iii'", "bad-syntax.xml:5:", "<note> is not allowed"]),
        ("doctype.xml", ["doctype.xml:2:", "DOCTYPE"]),
    ])
    func errorsAreLocated(file: String, expected: [String]) throws {
        let path = "Fixtures/date-overlays/" + file
        let e = expectCrosswalkError {
            _ = try Dataset.load(dateOverlays: [InputFile(path: path, bytes: try Repo.bytes(path))])
        }
        let text = try #require(e).description
        for piece in expected { #expect(text.contains(piece), "\(piece) not in \(text)") }
    }

    /// Untrusted input: every proper prefix of a valid overlay fails with a located error, never a crash.
    @Test func everyPrefixOfAnOverlayFailsCleanly() throws {
        let bytes = try Repo.bytes("Fixtures/date-overlays/official-journal.xml")
        let end = bytes.lastIndex(of: UInt8(ascii: ">"))!
        for n in stride(from: 0, to: end, by: 3) {
            do {
                _ = try DateOverlay.load(Array(bytes[..<n]), file: "p.xml")
                Issue.record("a \(n)-byte prefix loaded")
            } catch {
                #expect(error.diagnostics.allSatisfy { $0.location.file == "p.xml" })
            }
        }
        #expect(try DateOverlay.load(bytes, file: "p.xml").dates.count == 1)
    }

    @Test func theCommandLineTakesAnOverlay() throws {
        let r = try CLITests().run(["show", "eu-ai-act", "Art. 9", "--date-overlay", Repo.path("Fixtures/date-overlays/official-journal.xml")])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("applies from  2028-03-01"))
        let bad = try CLITests().run(["catalogs", "--date-overlay", Repo.path("Fixtures/date-overlays/unknown-entry.xml")])
        #expect(bad.status == 2 && bad.err.contains("unknown-entry.xml:4:"), "\(bad.err)")
        let v = try CLITests().run(["validate", Repo.path("Fixtures/date-overlays/official-journal.xml"), Repo.path("Fixtures/date-overlays/bad-syntax.xml")])
        #expect(v.status == 2 && v.out.contains("official-journal.xml: ok: date overlay, 1 acts, 1 dates") && v.err.contains("bad-syntax.xml:5:"), "\(v.out)\(v.err)")
    }
}
