import Testing
@testable import _CrosswalkXML
import Foundation

/// Records what a parse reports, in a form two parses can be compared by: start and end
/// tags with their locations and attributes, and each text run whole (libxml2 may deliver
/// a run in pieces, and where it splits depends on where the chunks end).
private struct EventRecorder: XMLEventHandler {
    var events: [String] = []
    var text: [UInt8] = []

    mutating func flush() {
        if !text.isEmpty { events.append("T " + String(decoding: text, as: UTF8.self)); text.removeAll() }
    }

    mutating func startElement(name: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int, control: inout XMLStreamControl) {
        flush()
        events.append("S {\(namespace)}\(name) @\(line):\(column) " + attributes.map { "\($0.namespace)|\($0.name)=\($0.value)" }.joined(separator: " "))
    }

    mutating func endElement(name: String, namespace: String, line: Int, control: inout XMLStreamControl) {
        flush()
        events.append("E {\(namespace)}\(name) @\(line)")
    }

    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {
        text.append(contentsOf: bytes)
    }
}

/// The streaming reader feeds libxml2 a chunk at a time (1 MiB for files), so a tag, an
/// attribute, a character reference or a multi-byte character can be cut anywhere. Every
/// XML file in the repository, valid and hostile, read in small chunks, must give the
/// error of the same file read whole at the same place, or, when it has none, exactly the
/// same events.
@Suite("Chunk boundaries")
struct ChunkBoundaryTests {
    static let files: [String] = {
        var out: [String] = []
        for dir in ["Catalogs", "Fixtures"] {
            guard let e = FileManager.default.enumerator(atPath: Repo.path(dir)) else { continue }
            while let f = e.nextObject() as? String {
                if f.hasSuffix(".xml") { out.append(dir + "/" + f) }
            }
        }
        return out.sorted()
    }()

    private static func outcome(_ bytes: [UInt8], chunkSize: Int?) -> (events: [String], error: String?) {
        var recorder = EventRecorder()
        var failure: String?
        do throws(XMLParseError) {
            if let chunkSize {
                var offset = 0
                try XMLStreamReader.parse(limits: .default, chunkSize: chunkSize, handler: &recorder) { buffer in
                    // Hand over fewer bytes than asked at times, as a pipe does.
                    let n = min(buffer.count, bytes.count - offset, offset % 3 == 1 ? 1 : Int.max)
                    guard n > 0 else { return 0 }
                    bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
                    offset += n
                    return n
                }
            } else {
                let result: Result<Void, XMLParseError> = bytes.withUnsafeBytes { raw in
                    do throws(XMLParseError) { try XMLStreamReader.parse(raw, handler: &recorder); return .success(()) } catch { return .failure(error) }
                }
                try result.get()
            }
        } catch {
            failure = "\(error.kind.rawValue) @\(error.line):\(error.column)"
        }
        recorder.flush()
        return (recorder.events, failure)
    }

    @Test func thereAreFilesToRead() {
        #expect(Self.files.count >= 50)
        #expect(Self.files.contains("Catalogs/iso42001.xml"))
        #expect(Self.files.contains { $0.hasPrefix("Fixtures/hostile/") })
    }

    /// Found by the xml fuzz target: "]]>" in text, with a chunk ending between its two
    /// "]", was accepted (libxml2 2.9's push parser looks past the chunk and misses it),
    /// while the file read whole is refused. Every chunk size must now refuse it.
    @Test func aCDATAEndInTextIsRefusedWhereverTheChunksEnd() throws {
        let bytes = try Repo.bytes("Fixtures/fuzz-regressions/xml/cdata-end-split-by-chunks.xml")
        let whole = Self.outcome(bytes, chunkSize: nil)
        #expect(whole.error?.hasPrefix("xml-malformed") == true)
        for size in 1...64 {
            #expect(Self.outcome(bytes, chunkSize: size).error == whole.error, "\(size)-byte chunks")
        }
        // The same on a small document, "]]>" after the encoding check's first 512 bytes.
        let small = Array(("<a>" + String(repeating: "<b/>", count: 150) + "x]]>y</a>").utf8)
        for size in 1...16 { #expect(Self.outcome(small, chunkSize: size).error?.hasPrefix("xml-malformed") == true, "\(size)") }
        // Text ending in "]" or "]]" right at a chunk end still reads as it is.
        let fine = Array(("<a>" + String(repeating: "<b/>", count: 150) + "x]]</a>").utf8)
        for size in 1...16 { #expect(Self.outcome(fine, chunkSize: size).events == Self.outcome(fine, chunkSize: nil).events, "\(size)") }
    }

    @Test(arguments: files)
    func smallChunksGiveTheSameEventsAndErrors(_ path: String) throws {
        let bytes = try Repo.bytes(path)
        let whole = Self.outcome(bytes, chunkSize: nil)
        // Every boundary position is exercised by 1-byte chunks on files up to 16 KiB; larger
        // files get a few odd sizes, so chunks still end inside tags, names and characters.
        let sizes = bytes.count <= 16 << 10 ? [1, 2, 3, 7, 61, 4093] : [13, 509, 4093]
        for size in sizes {
            let chunked = Self.outcome(bytes, chunkSize: size)
            #expect(chunked.error == whole.error, "\(path), \(size)-byte chunks")
            // Before an error the events may differ (libxml2 hands over text as chunks arrive);
            // every consumer drops what it built when the parse fails.
            guard whole.error == nil else { continue }
            #expect(chunked.events.count == whole.events.count, "\(path), \(size)-byte chunks")
            if let i = chunked.events.indices.first(where: { $0 < whole.events.count && chunked.events[$0] != whole.events[$0] }) {
                Issue.record("\(path), \(size)-byte chunks: event \(i) is \(chunked.events[i].prefix(200)), read whole \(whole.events[i].prefix(200))")
            }
        }
    }
}

