import Testing
@testable import _CrosswalkXML
import Foundation

@Suite("Safe XML reader")
struct XMLReaderTests {
    func parse(_ text: String, limits: XMLLimits = .default) throws(XMLParseError) -> XMLElement {
        try XMLStreamReader.parseTree(Array(text.utf8), limits: limits)
    }

    func fixture(_ name: String) throws -> [UInt8] { try Repo.bytes("Fixtures/hostile/" + name) }

    @Test func readsElementsAttributesAndText() throws {
        #expect(try parse("<a k='&#38;&amp;&lt;&#65;'/>").attribute("k") == "&&<A")
        let root = try parse("<a xmlns='urn:x' k='v &amp; w'><b>one &lt; two</b><c/>tail &#x41;</a>")
        #expect(root.name == "a")
        #expect(root.namespace == "urn:x")
        #expect(root.attribute("k") == "v & w")
        #expect(root.elements.map(\.name) == ["b", "c"])
        #expect(root.firstElement(named: "b")?.textContent == "one < two")
        #expect(root.textContent == "one < two tail A")
    }

    @Test func reportsLineNumbersPast65535() throws {
        let text = String(repeating: "\n", count: 70_000) + "<a><b/></a>"
        let root = try parse(text)
        #expect(root.line == 70_001)
    }

    @Test(arguments: [
        ("xxe-local-file.xml", XMLParseError.Kind.doctype),
        ("xxe-network.xml", .doctype),
        ("external-dtd.xml", .doctype),
        ("parameter-entity.xml", .doctype),
        ("billion-laughs.xml", .doctype),
        ("quadratic-blowup.xml", .doctype),
    ])
    func rejectsEveryDoctype(file: String, kind: XMLParseError.Kind) throws {
        let bytes = try fixture(file)
        #expect {
            _ = try XMLStreamReader.parseTree(bytes)
        } throws: { error in
            guard let e = error as? XMLParseError else { return false }
            return e.kind == kind && e.line == 2 && e.message.contains("DOCTYPE")
        }
    }

    /// Only UTF-8 is read: no byte-order mark, first bytes or declaration can switch
    /// libxml2 to another decoder (UTF-16, EBCDIC, or any iconv converter such as UTF-7).
    @Test func readsUTF8Only() throws {
        func kind(_ bytes: [UInt8]) -> XMLParseError.Kind? {
            do { _ = try XMLStreamReader.parseTree(bytes); return nil } catch { return error.kind }
        }
        func declared(_ encoding: String, quote: String = "\"", space: String = "") -> [UInt8] {
            Array("<?xml version=\"1.0\" encoding\(space)=\(space)\(quote)\(encoding)\(quote)?>\n<a>caf\u{e9}</a>".utf8)
        }
        for ok in ["UTF-8", "utf-8", "Utf8", "US-ASCII", "ascii"] { #expect(kind(declared(ok)) == nil, "\(ok)") }
        #expect(kind(declared("UTF-8", quote: "'", space: " \t")) == nil)
        #expect(kind([0xEF, 0xBB, 0xBF] + declared("UTF-8")) == nil)
        #expect(kind(Array("<a>no declaration</a>".utf8)) == nil)
        #expect(kind(Array("<?xml version='1.0'?><a/>".utf8)) == nil)
        for bad in ["UTF-7", "UTF7-", "ISO-8859-1", "windows-1252", "UTF-16", "EBCDIC-US", "x"] {
            #expect(kind(declared(bad)) == .encoding, "\(bad)")
            #expect(kind(declared(bad, quote: "'", space: "  ")) == .encoding, "\(bad) with single quotes")
        }
        #expect(kind([0xFF, 0xFE] + Array("<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == .encoding)
        #expect(kind([0xFE, 0xFF] + Array("<a/>".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) == .encoding)
        #expect(kind(Array("<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == .encoding)  // UTF-16 without a mark
        #expect(kind([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40]) == .encoding)  // "<?xml " in EBCDIC
        let e = try #require(expectXMLError { _ = try XMLStreamReader.parseTree(declared("ISO-8859-1")) })
        #expect(e.line == 1 && e.column == 31 && e.message.contains("ISO-8859-1") && e.message.contains("iconv"))
        // The fixtures: a Latin-1 and a UTF-16 catalogue.
        #expect(kind(try fixture("encoding-latin1.xml")) == .encoding)
        #expect(kind(try fixture("encoding-utf16.xml")) == .encoding)
        // The fuzz input that found it: declared "UTF7-", which iconv accepted; read whole it
        // passed, read in 11-byte chunks it failed. Now both refuse it at the declaration.
        let utf7 = try Repo.bytes("Fixtures/fuzz-regressions/xml/utf7-declared-differs-by-chunking.xml")
        #expect(kind(utf7) == .encoding)
    }

    @Test func neverExpandsEntitiesIntoTheHandler() throws {
        // Counts every byte the handler receives: the quadratic blow-up must deliver none of its expansion.
        struct Counter: XMLEventHandler {
            var textBytes = 0
            mutating func startElement(name: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int, control: inout XMLStreamControl) {}
            mutating func endElement(name: String, namespace: String, line: Int, control: inout XMLStreamControl) {}
            mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) { textBytes += bytes.count }
        }
        for file in ["quadratic-blowup.xml", "billion-laughs.xml", "xxe-local-file.xml"] {
            var counter = Counter()
            #expect(throws: XMLParseError.self) { try XMLStreamReader.parse(try fixture(file), handler: &counter) }
            #expect(counter.textBytes == 0, "\(file) delivered \(counter.textBytes) bytes")
        }
    }

    @Test func rejectsUndeclaredEntityWithLocation() throws {
        #expect {
            _ = try XMLStreamReader.parseTree(try fixture("undeclared-entity.xml"))
        } throws: { error in
            guard let e = error as? XMLParseError else { return false }
            return e.kind == .entityReference && e.line == 3 && e.message.contains("secret")
        }
    }

    @Test func rejectsInvalidUTF8WithLocation() throws {
        #expect {
            _ = try XMLStreamReader.parseTree(try fixture("invalid-utf8.xml"))
        } throws: { error in
            guard let e = error as? XMLParseError else { return false }
            return e.kind == .malformed && e.line == 3 && e.message.contains("UTF-8")
        }
    }

    @Test func rejectsDeepNesting() throws {
        #expect {
            _ = try XMLStreamReader.parseTree(try fixture("deep-nesting.xml"))
        } throws: { error in
            guard let e = error as? XMLParseError else { return false }
            return e.kind == .tooDeep && e.line == 2
        }
    }

    @Test func enforcesEveryLimit() throws {
        func kind(_ text: String, _ limits: XMLLimits) -> XMLParseError.Kind? {
            do { _ = try parse(text, limits: limits); return nil } catch { return error.kind }
        }
        var l = XMLLimits()
        l.maxDepth = 3
        #expect(kind("<a><b><c/></b></a>", l) == nil)
        #expect(kind("<a><b><c><d/></c></b></a>", l) == .tooDeep)
        l = XMLLimits(); l.maxTextBytes = 10
        #expect(kind("<a>0123456789</a>", l) == nil)
        #expect(kind("<a>0123456789X</a>", l) == .textTooLong)
        l = XMLLimits(); l.maxAttributeBytes = 4
        #expect(kind("<a k='1234'/>", l) == nil)
        #expect(kind("<a k='12345'/>", l) == .attributeTooLong)
        l = XMLLimits(); l.maxAttributesPerElement = 2
        #expect(kind("<a x='1' y='2' z='3'/>", l) == .tooManyAttributes)
        l = XMLLimits(); l.maxElements = 3
        #expect(kind("<a><b/><c/></a>", l) == nil)
        #expect(kind("<a><b/><c/><d/></a>", l) == .tooManyElements)
        l = XMLLimits(); l.maxInputBytes = 8
        #expect(kind("<a>1234567</a>", l) == .inputTooLarge)
    }

    @Test func emptyAndGarbageInputFailCleanly() {
        for text in ["", " ", "hello", "<", "<a>", "<a></b>", "<a/><b/>", "<?xml version='1.0'?>"] {
            #expect(throws: XMLParseError.self, "\(text.debugDescription)") { _ = try parse(text) }
        }
    }

    @Test func everyPrefixOfAValidCatalogFailsCleanly() throws {
        let bytes = try Repo.bytes("Fixtures/catalogs/sp800-53-style.xml")
        #expect(throws: Never.self) { _ = try XMLStreamReader.parseTree(bytes) }
        // The document is complete once the root's end tag is read: only the trailing newline may be dropped.
        let complete = bytes.count - 1
        for length in 0..<complete {
            #expect(throws: XMLParseError.self, "prefix of \(length) bytes") {
                _ = try XMLStreamReader.parseTree(Array(bytes[0..<length]))
            }
        }
    }

    @Test func parsesConcurrently() async throws {
        let bytes = try Repo.bytes("Fixtures/catalogs/sp800-53-style.xml")
        let expected = try XMLStreamReader.parseTree(bytes)
        try await withThrowingTaskGroup(of: XMLElement.self) { group in
            for _ in 0..<16 { group.addTask { try XMLStreamReader.parseTree(bytes) } }
            for try await root in group { #expect(root == expected) }
        }
    }
}

/// The `XMLParseError` `body` throws, or nil (recording an issue) when it does not.
func expectXMLError(_ body: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> XMLParseError? {
    do { try body() } catch let e as XMLParseError { return e } catch { Issue.record("unexpected \(error)", sourceLocation: sourceLocation); return nil }
    Issue.record("no error", sourceLocation: sourceLocation)
    return nil
}
