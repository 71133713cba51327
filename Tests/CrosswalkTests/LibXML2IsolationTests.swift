import Testing
import Foundation
import CLibXML2Probe
@testable import _CrosswalkXML

/// Crosswalk's parses must not change how another libxml2 user in the same process behaves
/// (FoundationXML on Linux is one): no process-wide entity loader, no error handler replaced.
/// The C probe plays that other user with libxml2's ordinary document API.
@Suite("libxml2 isolation", .serialized)
struct LibXML2IsolationTests {
    /// A document whose external entity names a local file: a user who asks for entity
    /// substitution gets the file's content.
    func foreignDocument(entityFile: String) -> [UInt8] {
        Array("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM \"file://\(entityFile)\">]>\n<r>&e;</r>\n".utf8)
    }

    func foreignParse(_ bytes: [UInt8], options: Int32) -> (parsed: Bool, text: String) {
        var out = [CChar](repeating: 0, count: 256)
        let ok = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { crosswalk_probe_parse($0.baseAddress, Int32($0.count), options, &out, Int32(out.count)) }
        }
        let bytes = out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (ok == 1, String(decoding: bytes, as: UTF8.self))
    }

    func ourParse() throws {
        // A hostile document (refused) and a valid one: both paths run our parser context.
        #expect(throws: XMLParseError.self) {
            try XMLStreamReader.parseTree(Array("<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>".utf8))
        }
        #expect(throws: XMLParseError.self) { try XMLStreamReader.parseTree(Array("<a><b></a>".utf8)) }
        _ = try XMLStreamReader.parseTree(Array("<a k='v'><b>text</b></a>".utf8))
    }

    @Test func anotherLibxml2UserKeepsItsEntityLoaderAndErrorHandler() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-isolation-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("entity.txt")
        try Data("from-the-entity-file".utf8).write(to: file)
        let doc = foreignDocument(entityFile: file.path)
        let options = crosswalk_probe_option_noent() | crosswalk_probe_option_dtdload()

        // The other user's own settings: its error handler on this thread, entity substitution on.
        crosswalk_probe_install_counting_errors()
        let handler = crosswalk_probe_generic_error_handler()
        let loader = crosswalk_probe_entity_loader()
        let before = foreignParse(doc, options: options)
        #expect(before.parsed && before.text == "from-the-entity-file")
        let errorsBefore = crosswalk_probe_error_count()
        #expect(!foreignParse(Array("<a><b></a>".utf8), options: 0).parsed)
        #expect(crosswalk_probe_error_count() > errorsBefore, "the probe's handler receives libxml2's messages")

        try ourParse()

        // Same thread, after ours: the same loader and handler, and the same behaviour.
        #expect(crosswalk_probe_entity_loader() == loader)
        #expect(crosswalk_probe_generic_error_handler() == handler)
        let after = foreignParse(doc, options: options)
        #expect(after.parsed && after.text == "from-the-entity-file", "Crosswalk's parse must not refuse another user's entities")
        let errorsMid = crosswalk_probe_error_count()
        #expect(!foreignParse(Array("<a><b></a>".utf8), options: 0).parsed)
        #expect(crosswalk_probe_error_count() > errorsMid, "Crosswalk's parse must not silence another user's error handler")
    }

    @Test func ourParserStillRefusesEntitiesWithNoGlobalLoader() throws {
        // The refusal comes from our own parser context, whatever the process's loader is.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-isolation2-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("entity.txt")
        try Data("secret".utf8).write(to: file)
        var caught: XMLParseError?
        do { _ = try XMLStreamReader.parseTree(foreignDocument(entityFile: file.path)) } catch { caught = error }
        #expect(caught?.kind == .doctype)
    }
}
