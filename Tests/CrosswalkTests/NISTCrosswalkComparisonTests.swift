import Foundation
import Testing
@testable import Crosswalk

/// NIST's own AI RMF → ISO/IEC 42001 crosswalk, pair by pair, against ours.
///
/// The fixture `Fixtures/nist-crosswalk/nist-ai-rmf-iso42001-pairs.tsv` lists every pair NIST
/// prints (normalised as its header says). Each must be dispositioned in
/// `Catalogs/crosswalk-nist-ai-rmf-iso42001.xml`: asserted (a typed map with strength,
/// rationale and justification) or disputed (a `no-relationship` map that says why).
@Suite("NIST's AI RMF → ISO/IEC 42001 crosswalk, pair by pair")
struct NISTCrosswalkComparisonTests {
    struct Pair: CustomStringConvertible {
        var subcategory: String
        var element: String
        var printed: String
        var line: Int
        var description: String { "\(subcategory) → \(element) (printed \(printed), source line \(line))" }
    }

    static let pairs: [Pair] = {
        let text = try! Repo.text("Fixtures/nist-crosswalk/nist-ai-rmf-iso42001-pairs.tsv")
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(f.count == 4, "bad fixture line: \(line)")
            return Pair(subcategory: f[0], element: f[1], printed: f[2], line: Int(f[3])!)
        }
    }()

    static var collection: MappingCollection {
        Shared.dataset.collections.first { $0.title == "NIST AI RMF 1.0 to ISO/IEC 42001:2023" }!
    }

    static func maps(_ p: Pair) -> [Mapping] {
        collection.mappings.filter { $0.source.label == p.subcategory && $0.target.label == p.element }
    }

    @Test func theFixtureIsNISTsListNormalised() throws {
        let pairs = Self.pairs
        #expect(pairs.count == 280)
        // No pair twice.
        #expect(Set(pairs.map { "\($0.subcategory)|\($0.element)" }).count == pairs.count)
        // All 72 subcategories appear, each an existing subcategory.
        let nist = Shared.dataset.catalogs.catalog(.nistAIRMF)!
        #expect(Set(pairs.map(\.subcategory)).count == 72)
        let iso = Shared.dataset.catalogs.catalog(.iso42001)!
        for p in pairs {
            #expect(nist.entry(label: p.subcategory)?.kind == .subcategory, "\(p)")
            // Never an invented ISO identifier: each element is a clause or one of the 38 controls.
            let e = iso.entry(label: p.element)
            #expect(e != nil && e!.isRequirement && (e!.kind == .clause || e!.kind == .control), "\(p)")
            // Annex B guidance is read as the Annex A control it guides; never an objective (x.1).
            if p.printed.hasPrefix("B.") { #expect(p.element.hasPrefix("A.")) }
            #expect(!p.element.hasSuffix(".1") || !p.element.hasPrefix("A."), "\(p)")
        }
        // The four printing errors, decided by the standard (see the fixture header).
        let decided = pairs.filter { p in
            p.printed.hasPrefix("B.") ? "A." + p.printed.dropFirst(2) != p.element : p.printed != p.element
        }.map(\.description)
        #expect(decided == ["GOVERN 2.1 → 7.2 (printed 72, source line 40)", "MAP 1.4 → A.10.4 (printed B.2.2, source line 155)"])
        #expect(pairs.contains { $0.subcategory == "GOVERN 3.2" && $0.element == "A.3.2" && $0.line == 60 })
        #expect(pairs.contains { $0.subcategory == "MAP 1.5" && $0.element == "6.1.1" && $0.line == 159 })
    }

    @Test func everyPairIsDispositioned() throws {
        var asserted = 0, disputed = 0
        for p in Self.pairs {
            let maps = Self.maps(p)
            guard !maps.isEmpty else {
                Issue.record("NIST pairs \(p) but the crosswalk has no map for it: assert it or dispute it with no-relationship")
                continue
            }
            for m in maps {
                #expect(!m.justification.trimmingCharacters(in: .whitespaces).isEmpty, "\(p): a map without a justification")
                #expect(!m.uuid.isEmpty)
            }
            let typed = maps.filter { $0.relationship != .noRelationship }
            let rejected = maps.filter { $0.relationship == .noRelationship }
            // A pair is asserted or disputed, never both.
            #expect(typed.isEmpty || rejected.isEmpty, "\(p) is both asserted and disputed")
            if typed.isEmpty {
                disputed += 1
                for m in rejected {
                    #expect(m.strength == 0)
                    #expect(m.justification.hasPrefix("NIST's crosswalk pairs \(p.subcategory) with \(p.element); we dispute it: "),
                            "\(p): a disputed pair says that NIST pairs it and why we disagree")
                }
            } else {
                asserted += 1
                for m in typed { #expect((1...9).contains(m.strength) || (m.relationship == .equalTo && m.strength == 10), "\(p)") }
            }
        }
        #expect(asserted == 250)
        #expect(disputed == 30)
        // Docs/Mappings.md reports the same counts.
        let doc = try Repo.text("Docs/Mappings.md")
        #expect(doc.contains("\(asserted) are asserted") && doc.contains("\(disputed) are disputed"))
    }

    /// Every disputed no-relationship map in the file answers a pair NIST prints: our own
    /// examined-and-unrelated maps use a different wording.
    @Test func disputesAnswerNISTPairsOnly() {
        let listed = Set(Self.pairs.map { "\($0.subcategory)|\($0.element)" })
        for m in Self.collection.mappings where m.justification.hasPrefix("NIST's crosswalk pairs") {
            #expect(listed.contains("\(m.source.label)|\(m.target.label)"), "\(m.source.label) → \(m.target.label)")
        }
    }
}
