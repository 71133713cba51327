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
