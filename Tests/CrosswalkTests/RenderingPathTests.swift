import Testing
@testable import Crosswalk

/// The faster rendering paths of issue #16 item 3 give exactly the bytes of the paths they
/// replace: SHA-1 on every padding case (values from Python's `hashlib`), name-based UUIDs
/// made from a prefix and parts, XML escaping on bytes, and OSCAL members written straight
/// into the bytes (``OSCALStream``) against the same content built as ``OSCALNode``s.
@Suite("Rendering fast paths")
struct RenderingPathTests {
    /// `python3 -c "import hashlib; print(hashlib.sha1(bytes((i*7+3)%256 for i in range(n))).hexdigest())"`:
    /// lengths around the one- and two-block padding boundaries.
    @Test(arguments: [
        (0, "da39a3ee5e6b4b0d3255bfef95601890afd80709"), (1, "9842926af7ca0a8cca12604f945414f07b01e13d"),
        (55, "ddf57317ef34bfee3b6df83d359098930eb278bc"), (56, "a0d492bb0fc889d0eca3bc137066ab6f4f74f369"),
        (63, "c55856749bef509bdfe6bfebfc7bf4e793e82132"), (64, "bede92be29c3874e1b54ddc77988d606fc857a8e"),
        (65, "b05a80522b053d6dc7e0a517d0e70212c7dad11f"), (119, "504e27376a6e0f0dba8295b85cb25dc4dfa17d23"),
        (120, "82134b02fb3f702491be9bed581eeab59334acb2"), (127, "34d5e582029e9b9b85b2febe31da3db7cdabaaea"),
        (128, "a09133e6730ffe899efb70204cb5646cd5dc24ee"), (200, "892b673ca3c696ab13ab8aab3cf3abfbc3aaeb3b"),
    ])
    func sha1AtEveryPaddingBoundary(_ n: Int, _ expected: String) {
        let message = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
        #expect(hexString(SHA1.hash(message)) == expected)
    }

    @Test func uuidFromAPrefixAndPartsIsTheUUIDOfTheJoinedName() {
        // uuid.uuid5(uuid.UUID('ffa647c3-1d6a-550a-8cad-d0ab43e46f3c'), 'Org é\x1fresource\x1fevidence\x1fEV-1')
        #expect(NameUUID.crosswalk(prefix: Array("Org é".utf8), parts: ["resource", "evidence", "EV-1"]) == "1f6cb526-5d0d-5cd2-82d9-54489901bc97")
        for parts in [[], [""], ["a"], ["observation", "iso42001:A.7.4", String(repeating: "x", count: 200)]] {
            #expect(NameUUID.crosswalk(prefix: Array("Northwind".utf8), parts: parts) == NameUUID.crosswalk((["Northwind"] + parts).joined(separator: "\u{1F}")))
        }
    }

    static let hostile = ["", "plain", "a&b<c>d\"e'f", "line\nbreak\ttab\rcr", "\u{01}\u{1F}\u{7F}", "x\u{FFFE}y\u{FFFF}z\u{FFFD}", "é中文🙂", "&&&", "\"", "\u{EF}"]

    @Test(arguments: hostile) func escapingOnBytesIsTheEscapingOfStrings(_ s: String) {
        for attribute in [false, true] {
            var out: [UInt8] = [0x41]
            XMLWriter.appendEscaped(s, attribute: attribute, to: &out)
            #expect(out == [0x41] + Array(XMLWriter.escape(s, attribute: attribute).utf8), "attribute: \(attribute)")
        }
    }

    /// One document whose members are nodes, and the same members streamed: the same bytes
    /// in JSON and XML (group arrays opened, continued and closed; self-closing elements;
    /// empty markup; a group with no members; hostile text).
    @Test func streamedMembersGiveTheBytesOfNodes() {
        let texts = Self.hostile  // captured by the @Sendable builders below
        @Sendable func node(_ i: Int) -> OSCALNode {
            var kids: [OSCALNode] = [.field("title", texts[i % texts.count]), .markup("description", texts[(i + 3) % texts.count])]
            for k in 0..<(i % 3) { kids.append(.prop("via", "v\(k)")) }
            kids.append(.field("method", group: "methods", "EXAMINE"))
            kids.append(.assembly("subject", group: "subjects", [("subject-uuid", "u\(i)"), ("type", "party")], [.field("title", texts[(i + 1) % texts.count])]))
            for k in 0..<(i % 4) { kids.append(.assembly("relevant-evidence", group: "relevant-evidence", [("href", "#e\(k)")], [.markup("description", "E\(k)")])) }
            kids.append(.assembly("status", [("state", "satisfied")]))
            kids.append(.assembly("related-observation", group: "related-observations", [("observation-uuid", "o\(i)")]))
            return .assembly("observation", group: "observations", [("uuid", "id\(i)")], kids)
        }
        @Sendable func write(_ i: Int, _ s: inout OSCALStream) {
            s.begin("observation", group: "observations")
            s.flag("uuid", "id\(i)")
            s.field("title", texts[i % texts.count])
            s.markup("description", texts[(i + 3) % texts.count])
            for k in 0..<(i % 3) { s.prop("via", "v\(k)") }
            s.field("method", group: "methods", "EXAMINE")
            s.begin("subject", group: "subjects"); s.flag("subject-uuid", "u\(i)"); s.flag("type", "party"); s.field("title", texts[(i + 1) % texts.count]); s.end()
            for k in 0..<(i % 4) { s.begin("relevant-evidence", group: "relevant-evidence"); s.flag("href", "#e\(k)"); s.markup("description", "E\(k)"); s.end() }
            s.begin("status"); s.flag("state", "satisfied"); s.end()
            s.begin("related-observation", group: "related-observations"); s.flag("observation-uuid", "o\(i)"); s.end()
            s.end()
        }
        let n = 25
        func document(_ members: OSCALNode, _ none: OSCALNode) -> OSCALNode {
            .assembly("results", [("uuid", "r")], [.field("title", "T"), members, none, .prop("after", "x"), .assembly("empty", [])])
        }
        let nodes = document(.generated("observation", group: "observations", count: n) { node($0) }, .generated("finding", group: "findings", count: 0) { node($0) })
        let streamed = document(.streamed("observation", group: "observations", count: n) { write($0, &$1) }, .streamed("finding", group: "findings", count: 0) { write($0, &$1) })
        #expect(streamed.renderJSON() == nodes.renderJSON())
        #expect(streamed.renderXML() == nodes.renderXML())
        // Handed over in pieces, the same bytes.
        var pieces: [UInt8] = []
        let tail = streamed.renderJSON { pieces += $0 }
        #expect(pieces + tail == nodes.renderJSON())
    }
}
