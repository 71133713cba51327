import Foundation
import Testing
import _CrosswalkXML
@testable import Crosswalk

/// The organisation reader checks evidence while it reads (issue #16 item 1): references
/// resolved from their bytes, the validator's evidence loop skipped when every item passed.
/// These tests hold it to exactly what the validator's loop reports.
@Suite("Ingest: evidence checked while reading")
struct IngestTests {
    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <organization xmlns="urn:crosswalk:organization:1" version="1" name="Ingest Ltd" assessment-date="2026-11-23">
          <scope><framework id="iso42001"/><framework id="iso27001"/></scope>

        """

    static let people = """
          <people><person id="ciso" name="Pat One"/><person id="\u{212A}im" name="Kim Kelvin"/></people>

        """

    static let systems = """
          <systems><system id="CV-SCREEN" name="CV screening"/><system id="CHAT" name="Chat assistant"/></systems>

        """

    /// An organisation whose evidence section holds `items`.
    static func org(_ items: String, peopleAndSystemsFirst: Bool = true) -> String {
        let declared = people + systems
        return head + (peopleAndSystemsFirst ? declared : "") + "  <evidence>\n" + items + "  </evidence>\n"
            + (peopleAndSystemsFirst ? "" : declared) + "</organization>\n"
    }

    static let good = """
            <item id="E1" kind="record" owner="ciso" collected="2026-01-01" status="approved">
              <title>Impact assessment — CV screening</title>
              <satisfies requirement="iso42001:6.1.4"/>
              <satisfies requirement="iso27001:A.5.1" coverage="partial"/>
              <system ref="CV-SCREEN"/>
              <sha256>7f4f87d2b09529e41c14767096f3312b4fb039e2f231c3a3b92b02b79346f827</sha256>
            </item>
            <item id="E2" kind="policy" collected="2026-02-01" valid-until="2027-02-01" status="approved">
              <title>AI policy</title>
              <satisfies requirement="iso42001:6.1.4"/>
            </item>

        """

    /// Items with one evidence problem each (the validator's loop reports them).
    static let bad: [(String, String)] = [
        ("duplicate id", #"<item id="E1" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        ("empty id", #"<item id="" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        ("no id", #"<item kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        ("unknown system", #"<item id="E3" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/><system ref="CV-SCREN"/></item>"#),
        ("empty system", #"<item id="E3" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/><system ref=""/></item>"#),
        ("unknown owner", #"<item id="E3" kind="record" owner="cisco" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        ("unknown label", #"<item id="E3" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:A.99"/></item>"#),
        ("heading", #"<item id="E3" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:A.6"/></item>"#),
        ("framework not loaded", #"<item id="E3" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso9001:4.1"/></item>"#),
        ("approved undated", #"<item id="E3" kind="record" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        ("certificate without one", #"<item id="E3" kind="certificate" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        ("satisfies nothing", #"<item id="E3" kind="record" collected="2026-01-01" status="approved"><title>Nothing</title></item>"#),
        ("supplier without system", #"<item id="E3" kind="record" collected="2026-01-01" status="approved" provided-by="supplier"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        ("valid before collected", #"<item id="E3" kind="record" collected="2026-01-01" valid-until="2025-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        // Ids out of order, then a duplicate (found in the table the reader switches to).
        ("duplicate after ids out of order", #"<item id="E0" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item><item id="E3" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item><item id="E2" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
        // Equal as strings, different as bytes (U+212A KELVIN SIGN is canonically K).
        ("duplicate id by canonical equivalence", #"<item id="E\#u{212A}" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item><item id="EK" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#),
    ]

    /// Either the organisation and its warnings, or the error, as text to compare.
    static func outcome(_ xml: String, checkWhileReading: Bool) -> String {
        do {
            let (org, warnings) = try OrganizationLoader.load(Array(xml.utf8), file: "ingest.xml", catalogs: Shared.dataset.catalogs, checkWhileReading: checkWhileReading)
            return "loaded \(org.evidence.count) items, \(org.evidence.map(\.claims.count)) claims, \(org.evidence.map(\.systems)) systems\n"
                + warnings.map(\.description).joined(separator: "\n")
        } catch {
            return "error\n" + error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    /// Whether the reader vouched for every item (the validator's loop then skipped).
    static func checkedWhileReading(_ xml: String) throws -> Bool {
        var handler = OrganizationHandler(file: "ingest.xml", catalogs: Shared.dataset.catalogs)
        let bytes = Array(xml.utf8)
        let failure: XMLParseError? = bytes.withUnsafeBytes { raw in
            do throws(XMLParseError) { try XMLStreamReader.parseEvents(raw, handler: &handler); return nil } catch { return error }
        }
        if let failure { throw failure }
        return handler.evidenceChecked
    }

    @Test func aCleanRegisterIsCheckedWhileReadingAndLoadsTheSame() throws {
        let xml = Self.org(Self.good)
        #expect(try Self.checkedWhileReading(xml))
        let fast = Self.outcome(xml, checkWhileReading: true)
        #expect(fast.hasPrefix("loaded 2 items, [2, 1] claims"), "\(fast)")
        #expect(fast == Self.outcome(xml, checkWhileReading: false))
        let (org, _) = try OrganizationLoader.load(Array(xml.utf8), file: "ingest.xml", catalogs: Shared.dataset.catalogs)
        let (slow, _) = try OrganizationLoader.load(Array(xml.utf8), file: "ingest.xml", catalogs: Shared.dataset.catalogs, checkWhileReading: false)
        #expect(org == slow)
        #expect(org.evidence[0].title == "Impact assessment — CV screening" && org.evidence[0].owner == "ciso" && org.evidence[0].systems == ["CV-SCREEN"])
        #expect(org.evidence[0].claims.map(\.requirement) == [RequirementRef(.iso42001, "6.1.4"), RequirementRef(.iso27001, "A.5.1")])
    }

    @Test(arguments: IngestTests.bad)
    func everyEvidenceProblemIsReportedAsTheValidatorReportsIt(_ c: (String, String)) throws {
        let xml = Self.org(Self.good + "    " + c.1 + "\n")
        #expect(try !Self.checkedWhileReading(xml), "\(c.0)")
        let fast = Self.outcome(xml, checkWhileReading: true)
        #expect(fast.hasPrefix("error\n"), "\(c.0): \(fast)")
        #expect(fast == Self.outcome(xml, checkWhileReading: false), "\(c.0)")
    }

    /// Many problems (more than the 200 kept): the same ones are kept, in the same order.
    @Test func beyondTheCapTheSameProblemsAreKept() throws {
        var items = Self.good
        for i in 0..<150 {
            items += #"<item id="X\#(i)" kind="record" owner="nobody" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:A.99"/></item>"# + "\n"
        }
        let xml = Self.org(items)
        let fast = Self.outcome(xml, checkWhileReading: true)
        #expect(fast.contains("more problems not shown"), "\(fast.prefix(300))")
        #expect(fast == Self.outcome(xml, checkWhileReading: false))
    }

    /// Ids out of order but all different: still vouched for while reading.
    @Test func idsOutOfOrderAreStillChecked() throws {
        let extra = #"<item id="E0" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item><item id="E10" kind="record" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#
        let xml = Self.org(Self.good + extra + "\n")
        #expect(try Self.checkedWhileReading(xml))
        let fast = Self.outcome(xml, checkWhileReading: true)
        #expect(fast.hasPrefix("loaded 4 items"), "\(fast)")
        #expect(fast == Self.outcome(xml, checkWhileReading: false))
    }

    /// Evidence before the people and systems it names: nothing can be vouched for while
    /// reading; the validator checks every item and the file loads.
    @Test func peopleAndSystemsAfterTheEvidence() throws {
        let xml = Self.org(Self.good, peopleAndSystemsFirst: false)
        #expect(try !Self.checkedWhileReading(xml))
        let fast = Self.outcome(xml, checkWhileReading: true)
        #expect(fast.hasPrefix("loaded 2 items"), "\(fast)")
        #expect(fast == Self.outcome(xml, checkWhileReading: false))
    }

    /// An owner equal to a person's id as a string but not as bytes is that person.
    @Test func anOwnerEqualAsAStringIsKnown() throws {
        let xml = Self.org(#"<item id="E9" kind="record" owner="Kim" collected="2026-01-01" status="approved"><satisfies requirement="iso42001:6.1.4"/></item>"#)
        let fast = Self.outcome(xml, checkWhileReading: true)
        #expect(fast.hasPrefix("loaded 1 items"), "\(fast)")
        #expect(fast == Self.outcome(xml, checkWhileReading: false))
    }

    /// An element the format does not know is named in the message about its child.
    @Test func anUnknownParentIsNamed() throws {
        let xml = Self.head + "  <extras><people/><more><deeper/></more></extras>\n</organization>\n"
        let text = Self.outcome(xml, checkWhileReading: true)
        #expect(text.contains("<extras> is not allowed in <organization>"), "\(text)")
        #expect(text.contains("<people> is not allowed in <extras>"), "\(text)")
        #expect(text.contains("<more> is not allowed in <extras>"), "\(text)")
        #expect(text.contains("<deeper> is not allowed in <more>"), "\(text)")
    }

    /// Names are recognised from their bytes by one comparison: every name of the format,
    /// and nothing else.
    @Test func elementAndAttributeNamesMatchTheirSpellings() {
        for e in OrgElement.allCases where e != .unknown {
            let bytes = Array(e.name.utf8)
            #expect(bytes.withUnsafeBufferPointer { OrgElement($0) } == e, "\(e)")
            let near = Array(bytes.dropLast()) + [UInt8(ascii: "x")]
            #expect(near.withUnsafeBufferPointer { OrgElement($0) } == .unknown, "\(e)")
        }
        for a in OrgAttribute.allCases {
            #expect("\(a.spelling)" == OrgAttribute.names[a.rawValue])
            let bytes = Array(OrgAttribute.names[a.rawValue].utf8)
            #expect(bytes.withUnsafeBufferPointer { OrgAttribute($0) } == a, "\(a)")
            let near = Array(bytes.dropLast()) + [UInt8(ascii: "#")]
            #expect(near.withUnsafeBufferPointer { OrgAttribute($0) } == nil, "\(a)")
        }
    }

    /// The intern table finds every key it holds, short and long (past the 16 bytes kept in
    /// the slot), through growth, and nothing else: not a prefix, not an extension, not a key
    /// differing in its last byte.
    @Test func theByteTableFindsExactlyItsKeys() {
        var table = ByteTable<Int>(capacity: 4)
        let keys = (0..<600).map { i in Array("nist-ai-rmf:GOVERN \(i).\(i % 7)".utf8.prefix(1 + i % 40)) }
        var distinct: [[UInt8]] = []
        for k in keys where !distinct.contains(k) { distinct.append(k) }
        for (i, k) in distinct.enumerated() {
            k.withUnsafeBufferPointer { b in
                #expect(table.find(b, hash: ByteTable<Int>.hash(b)) == nil)
                table.insert(b, hash: ByteTable<Int>.hash(b), value: i)
            }
        }
        #expect(table.count == distinct.count)
        for (i, k) in distinct.enumerated() {
            k.withUnsafeBufferPointer { b in
                let e = table.find(b, hash: ByteTable<Int>.hash(b))
                #expect(e.map { table[$0] } == i, "\(String(decoding: k, as: UTF8.self))")
            }
            for near in [k + [0x21], Array(k.dropLast()) + [k.last! ^ 1]] where !distinct.contains(near) {
                near.withUnsafeBufferPointer { b in #expect(table.find(b, hash: ByteTable<Int>.hash(b)) == nil) }
            }
        }
    }

    /// White space is folded the same on the fast path as by `Character`.
    @Test(arguments: ["Impact assessment — CV screening", "a\u{2014} b", " lead", "trail ", "two  spaces", "tab\there", "line\nfeed",
                      "cr\r\nlf", "e\u{301} combining", "x \u{301}y", "\u{600} prepend", "plain", "", "é à ü ß"])
    func foldingMatchesTheCharacterFold(_ text: String) {
        let bytes = Array(text.utf8)
        // The reference: `String.foldingWhitespaceByCharacter` (a CR LF is one character, not white space).
        var expected = "", pending = false
        for ch in text {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" { pending = !expected.isEmpty } else {
                if pending { expected.append(" "); pending = false }
                expected.append(ch)
            }
        }
        #expect(bytes.foldedText() == expected, "\(text.debugDescription)")
    }
}
