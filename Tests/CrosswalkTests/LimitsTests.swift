import Foundation
import Testing
@testable import Crosswalk
@testable import _CrosswalkXML

/// Each resource limit of `Docs/Limits.md`: exceeded, it fails fast with its own code,
/// located, and without reading or allocating the whole input.
@Suite("Resource limits")
struct LimitsTests {
    func code(_ body: () throws -> Void) -> CrosswalkError.Code? { expectCrosswalkError(body)?.code }

    static let catalogHead = """
        <catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="u">
          <metadata><title>T</title><version>1</version><oscal-version>1.2.0</oscal-version></metadata>
        """

    // MARK: Identifiers

    @Test func identifiersLongerThanTheLimitAreRefusedWhereverTheyAppear() throws {
        let long = "a" + String(repeating: "b", count: 300)
        // Catalogue id and label.
        let id = Array((Self.catalogHead + "<control id=\"\(long)\"><title>x</title></control></catalog>").utf8)
        let e1 = try #require(expectCrosswalkError { _ = try CatalogLoader.load(id, file: "c.xml") })
        #expect(e1.code == .identifierTooLong && e1.location.line == 2 && e1.message.contains("301 bytes"))
        let label = Array((Self.catalogHead + "<control id=\"c1\"><title>x</title>\n<prop name=\"label\" value=\"\(long)\"/></control></catalog>").utf8)
        let e2 = try #require(expectCrosswalkError { _ = try CatalogLoader.load(label, file: "c.xml") })
        #expect(e2.code == .identifierTooLong && e2.location.line == 3)
        // A crosswalk id-ref.
        var crosswalk = try Repo.text("Fixtures/crosswalks/mini.xml")
        crosswalk = crosswalk.replacingOccurrences(of: "id-ref=\"cl-4.1\"", with: "id-ref=\"\(long)\"")
        let catalogs = try CatalogSet([loadCatalog("Fixtures/catalogs/minimal.xml"), loadCatalog("Fixtures/catalogs/mini-b.xml")])
        let e3 = try #require(expectCrosswalkError { _ = try MappingLoader.load(Array(crosswalk.utf8), file: "m.xml", catalogs: catalogs) })
        #expect(e3.code == .identifierTooLong && e3.location.line == 20)
        // Organisation ids and references.
        let org = orgXML(evidence: item(long, "iso42001:\(long)"))
        let e4 = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(org, file: "o.xml", catalogs: Shared.dataset.catalogs) })
        #expect(e4.diagnostics.filter { $0.code == .identifierTooLong }.count == 2)
        // CSV imports.
        let csv = "id,name\n\(long),Long\n"
        #expect(code { _ = try OrganizationCSV.systems(Array(csv.utf8), file: "s.csv") } == .identifierTooLong)
        let ev = "id,title,status,satisfies\nE1,T,draft,iso42001:\(long)\n"
        #expect(code { _ = try OrganizationCSV.evidence(Array(ev.utf8), file: "e.csv") } == .identifierTooLong)
    }

    @Test func theIdentifierLimitIsConfigurable() throws {
        var limits = InputLimits()
        limits.maxIdentifierBytes = 4
        let bytes = try Repo.bytes("Fixtures/catalogs/minimal.xml")
        #expect(throws: Never.self) { _ = try CatalogLoader.load(bytes, file: "m.xml") }
        #expect(code { _ = try CatalogLoader.load(bytes, file: "m.xml", limits: limits) } == .identifierTooLong)
        limits.maxIdentifierBytes = 256
        #expect(throws: Never.self) { _ = try CatalogLoader.load(bytes, file: "m.xml", limits: limits) }
    }

    // MARK: Attributes, text, depth, elements, size

    @Test func everyXMLLimitIsConfigurableThroughThePublicAPI() throws {
        let bytes = try Repo.bytes("Fixtures/catalogs/minimal.xml")
        func failing(_ change: (inout XMLLimitsValue) -> Void) -> CrosswalkError.Code? {
            var limits = InputLimits()
            change(&limits.xml)
            return code { _ = try CatalogLoader.load(bytes, file: "m.xml", limits: limits) }
        }
        #expect(failing { $0.maxInputBytes = 1000 } == .xmlTooLarge)
        #expect(failing { $0.maxDepth = 3 } == .xmlTooDeep)
        #expect(failing { $0.maxTextBytes = 10 } == .xmlTextTooLong)
        #expect(failing { $0.maxAttributeBytes = 10 } == .xmlAttributeTooLong)
        #expect(failing { $0.maxAttributesPerElement = 2 } == .xmlTooManyAttributes)
        #expect(failing { $0.maxElements = 10 } == .xmlTooManyElements)
    }

    /// An organisation file may be 2 GiB, so the input-size limit does not stop an 80 MB
    /// attribute: the pending-markup bound does, after a few megabytes.
    @Test func anEightyMegabyteAttributeFailsFast() throws {
        let head = Array("<organization xmlns=\"urn:crosswalk:organization:1\" version=\"1\" name=\"".utf8), tail = Array("\"/>".utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: head.count + (80 << 20) + tail.count)
        bytes.replaceSubrange(0..<head.count, with: head)
        bytes.replaceSubrange(bytes.count - tail.count..<bytes.count, with: tail)
        let clock = ContinuousClock()
        var error: CrosswalkError?
        let elapsed = clock.measure {
            error = expectCrosswalkError { _ = try OrganizationLoader.load(bytes, file: "big.xml", catalogs: Shared.dataset.catalogs) }
        }
        let e = try #require(error)
        #expect(e.code == .xmlAttributeTooLong && e.location.line == 1, "\(e)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    /// A 1 GiB attribute, of which only the first 16 MiB exist: the rest of the buffer is
    /// unreadable memory, so a reader that went on reading would crash this test.
    @Test func aOneGigabyteAttributeIsRefusedAfterReadingOnlyItsStart() throws {
        let total = 1 << 30, readable = 16 << 20
        let base = try #require(mmap(nil, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0))
        #expect(base != MAP_FAILED)
        defer { munmap(base, total) }
        #expect(mprotect(base, readable, PROT_READ | PROT_WRITE) == 0)
        let head = Array("<organization xmlns=\"urn:crosswalk:organization:1\" name=\"".utf8)
        let p = base.assumingMemoryBound(to: UInt8.self)
        p.update(from: head, count: head.count)
        (p + head.count).update(repeating: UInt8(ascii: "x"), count: readable - head.count)
        var tree = XMLTreeBuilder()
        #expect {
            try XMLStreamReader.parse(UnsafeRawBufferPointer(start: base, count: total), limits: OrganizationLoader.defaultLimits.xml.raw, handler: &tree)
        } throws: { error in
            (error as? XMLParseError)?.kind == .attributeTooLong
        }
        // A comment is bounded the same way.
        let comment = Array("<a><!--".utf8)
        p.update(from: comment, count: comment.count)
        (p + comment.count).update(repeating: UInt8(ascii: "-"), count: readable - comment.count)
        #expect {
            try XMLStreamReader.parse(UnsafeRawBufferPointer(start: base, count: total), limits: OrganizationLoader.defaultLimits.xml.raw, handler: &tree)
        } throws: { error in
            (error as? XMLParseError)?.kind == .textTooLong
        }
    }

    @Test func aHundredThousandDeepNestingFailsAtTheDepthLimit() throws {
        let depth = 100_000
        let bytes = repeated("<a>", depth) + repeated("</a>", depth)
        let org = Array("<organization xmlns=\"urn:crosswalk:organization:1\">".utf8) + bytes + Array("</organization>".utf8)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let e = try #require(expectCrosswalkError { _ = try CatalogLoader.load(bytes, file: "deep.xml") })
            #expect(e.code == .xmlTooDeep && e.location.line == 1)
            let o = try #require(expectCrosswalkError { _ = try OrganizationLoader.load(org, file: "deep.xml", catalogs: Shared.dataset.catalogs) })
            #expect(o.code == .xmlTooDeep && o.message.contains("16"))
            // Regression: with the limit raised, the tree was built 100,000 deep and destroying it
            // overflowed the stack. A tree now stops at 256 levels, whatever the limit.
            var limits = InputLimits()
            limits.xml.maxDepth = 1_000_000
            let l = try #require(expectCrosswalkError { _ = try CatalogLoader.load(bytes, file: "deep.xml", limits: limits) })
            #expect(l.code == .xmlTooDeep && l.message.contains("256"), "\(l)")
            // A catalogue 250 groups deep, within that, loads and is walked without trouble.
            var catalog = LimitsTests.catalogHead
            for i in 0..<250 { catalog += "<group id=\"g\(i)\"><title>G\(i)</title>" }
            catalog += "<control id=\"c\"><title>C</title></control>" + String(repeating: "</group>", count: 250) + "</catalog>"
            let deep = try CatalogLoader.load(Array(catalog.utf8), file: "deep.xml", limits: limits).catalog
            #expect(deep.entries.count == 251 && deep.entries.last?.depth == 250)
        }
        #expect(elapsed < .seconds(5))
    }

    /// Ten million empty elements (40 MB): a catalogue stops at its element limit instead of
    /// building a tree of them all; an organisation file is streamed, so nothing piles up.
    @Test func tenMillionEmptyElementsFailFast() throws {
        let bytes = Array("<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\">".utf8) + repeated("<b/>", 10_000_000) + Array("</catalog>".utf8)
        let e = try #require(expectCrosswalkError { _ = try CatalogLoader.load(bytes, file: "many.xml") })
        #expect(e.code == .xmlTooManyElements && e.message.contains("1000000"))
        // Streaming: a counting handler sees the limit reached with nothing kept.
        struct Count: XMLEventHandler {
            var n = 0
            mutating func startElement(name: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int, control: inout XMLStreamControl) { n += 1 }
            mutating func endElement(name: String, namespace: String, line: Int, control: inout XMLStreamControl) {}
            mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {}
        }
        var count = Count()
        var limits = XMLLimits()
        limits.maxElements = 2_000_000
        #expect(throws: XMLParseError.self) { try XMLStreamReader.parse(bytes, limits: limits, handler: &count) }
        #expect(count.n == 2_000_000)
    }

    /// The same file through the command line, measured from outside: the process's peak
    /// memory stays far below what a tree of ten million elements would take.
    @Test func tenMillionEmptyElementsStayInBoundedMemoryInTheCLI() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-limits-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = Array("<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\">".utf8) + repeated("<b/>", 10_000_000) + Array("</catalog>".utf8)
        let path = dir + "/many.xml"
        try AtomicFile.write(bytes, to: path)
        let r = try Child.run([CLITests.binary, "validate", "--no-bundled", path])
        #expect(r.status == 2 && r.err.contains("xml-too-many-elements"), "\(r.err)")
        #expect(r.maxRSSBytes < 600 << 20, "peak RSS \(r.maxRSSBytes >> 20) MiB")
    }

    // MARK: Files and CSV

    @Test func aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-limits-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A sparse 3 GiB file: refused by its size, never read.
        let path = dir + "/huge.xml"
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0 && ftruncate(fd, 3 << 30) == 0)
        close(fd)
        let e = try #require(expectCrosswalkError { _ = try InputFile.read(path) })
        #expect(e.code == .fileTooLarge && e.location.file == path)
        #expect(code { _ = try InputFile.read(Repo.path("Fixtures/catalogs/minimal.xml"), maxBytes: 100) } == .fileTooLarge)
        #expect(try InputFile.read(Repo.path("Fixtures/catalogs/minimal.xml")).bytes.count == 1223)
        #expect(code { _ = try InputFile.read(dir) } == .ioError)
        #expect(code { _ = try InputFile.read(dir + "/missing.xml") } == .ioError)
    }

    // MARK: Setting limits by name (the command line's --limit)

    @Test func limitsAreSetByName() throws {
        #expect(try InputLimits.Setting(parsing: "depth=128") == InputLimits.Setting(name: .depth, value: 128))
        #expect(try InputLimits.Setting(parsing: "attribute-bytes=64K").value == 65_536)
        #expect(try InputLimits.Setting(parsing: "input-bytes=4G").value == 4 << 30)
        #expect(try InputLimits.Setting(parsing: "csv-rows=1_000_000").value == 1_000_000)
        for bad in ["depth", "depth=", "depth=0", "depth=-1", "depth=1.5", "depth=0x10", "depth=9999999999999G", "deep=3", "=3"] {
            let e = expectCrosswalkError { _ = try InputLimits.Setting(parsing: bad) }
            #expect(e?.code == .invalidValue, "\(bad)")
        }
        // Every name reads and writes its own field, and nothing else.
        for name in InputLimits.Name.allCases {
            let l = InputLimits.default.applying([InputLimits.Setting(name: name, value: 12_345)])
            #expect(l[name] == 12_345)
            for other in InputLimits.Name.allCases where other != name { #expect(l[other] == InputLimits.default[other], "\(name) changed \(other)") }
        }
    }

    /// `--limit` applies to the files the user gives, not to the bundled reference data.
    @Test func theCommandLineTakesLimits() throws {
        let sample = Repo.path("Fixtures/sample/insurer.xml")
        let tight = try Child.run([CLITests.binary, "assess", "--limit", "elements=50", sample])
        #expect(tight.status == 2 && tight.err.contains("insurer.xml") && tight.err.contains("more than 50 elements") && tight.err.contains("xml-too-many-elements"), "\(tight.err)")
        #expect(!tight.err.contains("Catalogs/"), "the bundled catalogues load under the defaults: \(tight.err)")
        let ids = try Child.run([CLITests.binary, "assess", "--limit", "identifier-bytes=8", sample])
        #expect(ids.status == 2 && ids.err.contains("identifier-too-long"), "\(ids.err)")
        let loose = try Child.run([CLITests.binary, "assess", "--limit", "elements=5000", "--limit", "depth=32", sample])
        #expect(loose.status == 0, "\(loose.err)")
        let unknown = try Child.run([CLITests.binary, "assess", "--limit", "nope=3", sample])
        #expect(unknown.status == 64 && unknown.err.contains("unknown limit 'nope'") && unknown.err.contains("input-bytes"), "\(unknown.err)")
        let user = try Child.run([CLITests.binary, "validate", "--limit", "depth=3", Repo.path("Catalogs/iso42001.xml")])
        #expect(user.status == 2 && user.err.contains("xml-too-deep"), "\(user.err)")
    }

    @Test func csvLimits() throws {
        var limits = InputLimits()
        limits.maxCSVBytes = 100
        let big = "id,name\n" + String(repeating: "S,Name\n", count: 20)
        #expect(code { _ = try OrganizationCSV.systems(Array(big.utf8), file: "s.csv", limits: limits) } == .csvTooLarge)
        limits = InputLimits()
        limits.maxCSVRows = 5
        let e = try #require(expectCrosswalkError { _ = try OrganizationCSV.systems(Array(big.utf8), file: "s.csv", limits: limits) })
        #expect(e.code == .csvTooManyRows && e.location.line == 6)
        limits = InputLimits()
        limits.maxCSVFieldBytes = 10
        let long = "id,name\nS1,\"" + String(repeating: "x", count: 100) + "\"\n"
        #expect(code { _ = try OrganizationCSV.systems(Array(long.utf8), file: "s.csv", limits: limits) } == .csvFieldTooLong)
        // An unclosed quote over 10 MB stops at the default 64 KiB field limit, not the end of the file.
        let unclosed = Array("id,name\nS1,\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 10 << 20)
        #expect(code { _ = try OrganizationCSV.systems(unclosed, file: "s.csv") } == .csvFieldTooLong)
        // A row of a million commas is refused at the field count, not turned into a million strings.
        let commas = Array("id,name\n".utf8) + Array(repeating: UInt8(ascii: ","), count: 1_000_000)
        #expect(code { _ = try OrganizationCSV.systems(commas, file: "s.csv") } == .csvMalformed)
        // Syntax errors are CSV errors, not XML ones.
        #expect(code { _ = try OrganizationCSV.systems(Array("id,name\nA,B\"C\n".utf8), file: "s.csv") } == .csvMalformed)
    }
}

/// `text` repeated `count` times, built by doubling (fast in debug builds too).
func repeated(_ text: String, _ count: Int) -> [UInt8] {
    let unit = Array(text.utf8)
    var out = unit
    out.reserveCapacity(unit.count * count)
    while out.count < unit.count * count { out += out.prefix(unit.count * count - out.count) }
    return out
}

/// A child process run with posix_spawn and reaped with wait4, for its peak memory.
enum Child {
    struct Result { var status: Int32; var signal: Int32; var err: String; var maxRSSBytes: Int }

    static func run(_ argv: [String]) throws -> Result {
        let errPath = NSTemporaryDirectory() + "crosswalk-child-\(UInt32.random(in: 0...UInt32.max)).err"
        defer { unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var cArgs = argv.map { strdup($0) }
        cArgs.append(nil)
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        guard rc == 0 else { throw CrosswalkError(.ioError, "posix_spawn failed: \(rc)", at: SourceLocation(file: argv[0])) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let err = (try? InputFile.read(errPath).bytes).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Result(status: exited ? (status >> 8) & 0xff : -1, signal: exited ? 0 : status & 0x7f, err: err, maxRSSBytes: usage.ru_maxrss * 1024)
    }
}
