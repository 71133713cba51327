import CZlib
import Foundation
import Testing
@testable import Crosswalk

/// Inflates raw deflate data (for reading the workbook's parts back).
func inflateRaw(_ data: [UInt8], size: Int) -> [UInt8]? {
    var s = z_stream()
    guard crosswalk_inflate_init_raw(&s) == Z_OK else { return nil }
    defer { inflateEnd(&s) }
    var out = [UInt8](repeating: 0, count: size)
    var input = data
    let status: Int32 = input.withUnsafeMutableBufferPointer { i in
        out.withUnsafeMutableBufferPointer { o in
            s.next_in = i.baseAddress; s.avail_in = UInt32(i.count)
            s.next_out = o.baseAddress; s.avail_out = UInt32(o.count)
            return inflate(&s, Z_FINISH)
        }
    }
    return status == Z_STREAM_END && s.avail_out == 0 ? out : nil
}

/// The hostile-titles fixture, assessed.
enum HostileReports {
    static let value: Result<(Organization, Assessment, Deliverables), Error> = Result {
        let file = try InputFile.read(Repo.path("Fixtures/reports/hostile-titles.xml"))
        let (org, _) = try OrganizationLoader.load(file.bytes, file: file.path, catalogs: Shared.dataset.catalogs)
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!))
        return (org, a, Deliverables.build(a, organization: org, dataset: Shared.dataset))
    }
    static var get: (Organization, Assessment, Deliverables) { get throws { try value.get() } }
}

/// The entries of a ZIP archive of deflated entries, read independently of ``ZipWriter``
/// (from the central directory), with their inflated data.
func readZip(_ z: [UInt8]) -> [(name: String, data: [UInt8], crc: UInt32)]? {
    func u16(_ i: Int) -> Int { Int(z[i]) | Int(z[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    guard z.count >= 22, u32(z.count - 22) == 0x06054b50 else { return nil }
    let count = u16(z.count - 12), cdOffset = u32(z.count - 6)
    var out: [(String, [UInt8], UInt32)] = []
    var p = cdOffset
    for _ in 0..<count {
        guard u32(p) == 0x02014b50, u16(p + 10) == 8 else { return nil }
        let crc = UInt32(u32(p + 16)), compressed = u32(p + 20), size = u32(p + 24), nameLen = u16(p + 28), extra = u16(p + 30), comment = u16(p + 32), local = u32(p + 42)
        let name = String(decoding: z[(p + 46)..<(p + 46 + nameLen)], as: UTF8.self)
        guard u32(local) == 0x04034b50 else { return nil }
        let start = local + 30 + u16(local + 26) + u16(local + 28)
        guard let data = inflateRaw(Array(z[start..<(start + compressed)]), size: size) else { return nil }
        out.append((name, data, crc))
        p += 46 + nameLen + extra + comment
    }
    return out
}

@Suite("Client reports: assessment.xlsx and report.html")
struct ClientReportTests {
    static func sample() throws -> (assessment: Assessment, org: Organization, d: Deliverables) {
        let (org, d) = try SampleDeliverables.get
        return (SampleGoldenTests.assessment, org, d)
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF43926)
        #expect(CRC32.checksum([]) == 0)
        // zlib's CRC (used for the workbook's entries) agrees with this one, across pieces.
        let d = Deflater()
        let data = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        d.write(Array(data[..<12_345])); d.write(Array(data[12_345...])); d.finish()
        #expect(d.crc == CRC32.checksum(data) && d.inputSize == 100_000)
        #expect(inflateRaw(d.output, size: data.count) == data)
    }

    /// A sheet whose compressed data passes ``Deflater/spillBytes`` waits in a temporary
    /// file: the same bytes come back, in order, in pieces, as often as asked.
    @Test func aLargeDeflatedPartSpillsToATemporaryFileWithTheSameBytes() throws {
        // Incompressible (xorshift) so the compressed data is about as large as the input.
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        let size = Deflater.spillBytes + (3 << 20) + 12_345
        var data = [UInt8](repeating: 0, count: size)
        for i in data.indices {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            data[i] = UInt8(truncatingIfNeeded: x)
        }
        let spilled = Deflater()
        var at = 0
        while at < size { let n = min(1 << 20, size - at); spilled.write(Array(data[at..<at + n])); at += n }
        spilled.finish()
        #expect(spilled.compressedSize > Deflater.spillBytes)
        var pieces: [[UInt8]] = []
        spilled.drain { pieces.append($0) }
        #expect(pieces.count > 2 && pieces.dropLast().allSatisfy { $0.count <= 1 << 20 })
        let bytes = pieces.flatMap { $0 }
        #expect(bytes.count == spilled.compressedSize)
        #expect(inflateRaw(bytes, size: size) == data)
        #expect(spilled.output == bytes)  // drained again: the same
        #expect(spilled.crc == CRC32.checksum(data) && spilled.inputSize == UInt64(size))
        // The ZIP entry: the header, then exactly those bytes.
        var zip: [UInt8] = []
        var writer = ZipWriter { zip += $0 }
        writer.add("big.bin", spilled)
        writer.finish()
        let entries = try #require(readZip(zip))
        #expect(entries.count == 1 && entries[0].data == data)
    }

    @Test func theWorkbookIsAValidZipOfSpreadsheetMLParts() throws {
        let s = try Self.sample()
        let bytes = AssessmentWorkbook.render(s.assessment, deliverables: s.d, organization: s.org, dataset: Shared.dataset)
        let entries = try #require(readZip(bytes))
        #expect(entries.map(\.name) == (1...8).map { "xl/worksheets/sheet\($0).xml" } + ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "_rels/.rels", "[Content_Types].xml"])
        for e in entries {
            #expect(CRC32.checksum(e.data) == e.crc, "\(e.name)")
            let text = String(decoding: e.data, as: UTF8.self)
            #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "\(e.name)")
            // Text never becomes a formula.
            #expect(!text.contains("<f>") && !text.contains("<f "), "\(e.name)")
        }
        let workbook = String(decoding: entries.first { $0.name == "xl/workbook.xml" }!.data, as: UTF8.self)
        for name in ["Summary", "Actions", "Gaps", "Owners", "SoA ISO 27001", "SoA ISO 42001", "Evidence", "AI register"] {
            #expect(workbook.contains("name=\"\(name)\""))
        }
        // Same input, same bytes.
        #expect(AssessmentWorkbook.render(s.assessment, deliverables: s.d, organization: s.org, dataset: Shared.dataset) == bytes)
    }

    @Test func cellTextIsCutAtExcelsLimitWithAVisibleMarker() {
        let long = String(repeating: "a", count: 32_766) + "😀😀"
        let cut = Sheet.fit(long)
        #expect(cut.utf16.count <= Sheet.maxCellCharacters)
        #expect(cut.contains("[truncated by Crosswalk: 32768 characters in all"))
        #expect(!cut.contains("\u{FFFD}"))
        let exact = String(repeating: "b", count: Sheet.maxCellCharacters)
        #expect(Sheet.fit(exact) == exact)
        var escaped: [UInt8] = []
        XMLWriter.appendEscaped("a\u{01}b\u{FFFE}c\td<&>\u{FFFF}é", to: &escaped)
        #expect(String(decoding: escaped, as: UTF8.self) == "abc\td&lt;&amp;&gt;é")
        #expect(String(decoding: escaped, as: UTF8.self) == XMLWriter.escape("a\u{01}b\u{FFFE}c\td<&>\u{FFFF}é"))
    }

    @Test func sheetNamesFollowExcelsRules() {
        #expect(Workbook.sheetName("a[b]:c*d?e/f\\g", taken: []) == "a_b__c_d_e_f_g")
        #expect(Workbook.sheetName(String(repeating: "x", count: 40), taken: []).count == 31)
        #expect(Workbook.sheetName("'Quoted'", taken: []) == "Quoted")
        #expect(Workbook.sheetName("History", taken: []) == "SheetHistory")
        #expect(Workbook.sheetName("summary", taken: ["Summary"]) == "summary (2)")
        let taken = [String(repeating: "y", count: 31)]
        #expect(Workbook.sheetName(String(repeating: "y", count: 35), taken: taken) == String(repeating: "y", count: 27) + " (2)")
    }

    @Test func datesAreSerialsFromExcelsEpoch() {
        #expect(Sheet.serial(CalendarDate("2026-11-23")!) == 46349)
        #expect(Sheet.serial(CalendarDate("1900-03-01")!) == 61)
        #expect(Sheet.serial(CalendarDate("1900-02-28")!) == nil)
        #expect(Sheet.column(0) == "A" && Sheet.column(25) == "Z" && Sheet.column(26) == "AA" && Sheet.column(701) == "ZZ" && Sheet.column(702) == "AAA")
    }

    @Test func hostileTitlesStayTextInTheWorkbook() throws {
        let (org, a, d) = try HostileReports.get
        let bytes = AssessmentWorkbook.render(a, deliverables: d, organization: org, dataset: Shared.dataset)
        let entries = try #require(readZip(bytes))
        let sheets = entries.filter { $0.name.hasPrefix("xl/worksheets/") }.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        #expect(!sheets.contains("<script"))
        #expect(!sheets.contains("<f>") && !sheets.contains("<f "))
        #expect(sheets.contains("<t xml:space=\"preserve\">&lt;script&gt;alert(1)&lt;/script&gt;</t>"))
        #expect(sheets.contains("<t xml:space=\"preserve\">=HYPERLINK(\"http://x\",\"y\")</t>"))
        #expect(sheets.contains("[truncated by Crosswalk: 40000 characters in all"))
    }

    @Test func hostileTitlesStayTextInTheHTML() throws {
        let (org, a, d) = try HostileReports.get
        let html = String(decoding: HTMLReport.render(a, deliverables: d, organization: org, dataset: Shared.dataset), as: UTF8.self)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"))
        #expect(!html.contains("href=") && !html.contains("src="))
        // The 40,000-character title is kept whole in the HTML.
        #expect(html.contains(String(repeating: "Forty thousand characters of title ", count: 3)) && html.contains("LONG-END!"))
    }

    @Test func theReportHasNoExternalReferenceAndTheSampleFigures() throws {
        let s = try Self.sample()
        let bytes = HTMLReport.render(s.assessment, deliverables: s.d, organization: s.org, dataset: Shared.dataset)
        let html = String(decoding: bytes, as: UTF8.self)
        try expectSelfContained(html)
        for sc in s.assessment.scores where sc.scope != .heading {
            #expect(html.contains(formatPercent(sc.readiness)), "\(sc.scope) \(sc.key)")
        }
        for section in ["id=\"summary\"", "id=\"actions\"", "id=\"ownership\"", "id=\"systems\"", "id=\"soa-iso42001\"", "id=\"soa-iso27001\"", "id=\"register\"", "id=\"method\""] {
            #expect(html.contains(section))
        }
        #expect(HTMLReport.render(s.assessment, deliverables: s.d, organization: s.org, dataset: Shared.dataset) == bytes)
        // The coordination findings a consultant hands over with the ownership list, each with both owners.
        #expect(s.d.coordination.count == 2 && html.contains("Coordination: related requirements owned by different people"))
        for f in s.d.coordination {
            #expect(html.contains("\(f.subject.requirement) (\(f.subject.group))") && html.contains("\(f.object.requirement) (\(f.object.group))"))
        }
    }

    @Test func aTemplateWithASyntaxErrorIsALocatedError() {
        let e = expectCrosswalkError { _ = try ReportTemplate("<h1>{{organization}}</h1>\n<p>{{#systems}}{{name}}{{/frameworks}}</p>\n", file: "brand.mustache") }
        #expect(e?.code == .templateSyntax)
        #expect(e?.location.file == "brand.mustache" && e?.location.line == 2 && (e?.location.column ?? 0) > 0, "\(String(describing: e))")
        let unclosed = expectCrosswalkError { _ = try ReportTemplate("{{#systems}}\n", file: "t") }
        #expect(unclosed?.code == .templateSyntax)
        let notUTF8 = expectCrosswalkError { _ = try ReportTemplate(InputFile(path: "t", bytes: [0x7B, 0xFF, 0x7D])) }
        #expect(notUTF8?.code == .templateSyntax)
    }

    @Test func aConsultancyTemplateGetsEscapedVariables() throws {
        let (org, a, d) = try HostileReports.get
        let t = try ReportTemplate("<title>{{organization}}</title>{{#systems}}<li>{{name}} {{readiness}}</li>{{/systems}}<style>{{{default_css}}}</style>", file: "brand.mustache")
        let html = String(decoding: HTMLReport.render(a, deliverables: d, organization: org, dataset: Shared.dataset, template: t), as: UTF8.self)
        #expect(html.hasPrefix("<title>&lt;script&gt;alert(1)&lt;/script&gt; Ltd</title><li>&lt;script&gt;alert(1)&lt;/script&gt; "))
        #expect(html.contains(".st-missing{background:#C62828"))
    }

    @Test func everyStatusHasItsOwnStyle() {
        let styles = CellStatus.allCases.map(StatusStyle.init)
        #expect(Set(styles.map(\.order)).count == CellStatus.allCases.count)
        #expect(Set(styles.map(\.fill)).count == CellStatus.allCases.count)
        #expect(StatusStyle.all.count == CellStatus.allCases.count)
    }

    @Test func theBundleWritesBothFilesAllOrNone() throws {
        let s = try Self.sample()
        let names = ReportBundle.renderers(s.assessment, deliverables: s.d, organization: s.org, dataset: Shared.dataset).map(\.name)
        #expect(names.suffix(2) == ["assessment.xlsx", "report.html"])
    }
}

/// Fails unless `html` can make no request: no script, no element or attribute that loads
/// anything (src, href, srcset, poster, action, url(), @import, meta refresh).
func expectSelfContained(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let lower = html.lowercased()
    for needle in ["<script", "<link", "<iframe", "<img", "<object", "<embed", "<base", "src=", "href=", "srcset=", "poster=", "action=", "url(", "@import", "http-equiv"] {
        #expect(!lower.contains(needle), "report.html contains \(needle)", sourceLocation: sourceLocation)
    }
}

extension CLITests {
    @Test func theWorkbookAndTheReportAreTheSameBytesOverTwoRuns() throws {
        let a = try Tools.reports(), b = try Tools.reports()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        for name in ["assessment.xlsx", "report.html"] {
            let x = try InputFile.read(a + "/" + name).bytes, y = try InputFile.read(b + "/" + name).bytes
            #expect(!x.isEmpty && x == y, "\(name)")
        }
    }

    @Test func aBadTemplateStopsBeforeAnythingIsWritten() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-template-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let template = dir + "/brand.mustache"
        try "<h1>{{organization}}</h1>\n{{#systems}}<p>{{name}}</p>{{/system}}\n".write(toFile: template, atomically: true, encoding: .utf8)
        let r = try run(["assess", "--template", template, "--out", dir + "/out"])
        #expect(r.status == 2)
        #expect(r.err.contains("\(template):2:") && r.err.contains("[template-syntax]"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        #expect(r.out.isEmpty)
        // A good one is used for report.html.
        try "<h1>{{organization}}</h1>{{#frameworks}}<p>{{id}} {{readiness}}</p>{{/frameworks}}\n".write(toFile: template, atomically: true, encoding: .utf8)
        let ok = try run(["assess", "--template", template, "--out", dir + "/out"])
        #expect(ok.status == 0, "\(ok.err)")
        // The figures of scores.csv, written in the same run.
        let frameworks = try String(contentsOfFile: dir + "/out/scores.csv", encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }.filter { $0.first == "framework" }
        #expect(frameworks.count == 3)
        let expected = "<h1>Northwind Mutual Insurance</h1>" + frameworks.map { "<p>\($0[1]) \($0[2])%</p>" }.joined() + "\n"
        #expect(try String(contentsOfFile: dir + "/out/report.html", encoding: .utf8) == expected)
    }
}

extension CLITests {
    @Test func progressGoesToATerminalOnly() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-progress-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Piped: nothing on standard error.
        let piped = try run(["assess", "--out", dir])
        #expect(piped.status == 0 && piped.err.isEmpty, "\(piped.err)")
        // On a terminal (util-linux `script` gives the run a pseudo-terminal): the stages.
        guard let script = Tools.which("script") else { return }
        let tty = try Tools.run(script, ["-qec", "\(CLITests.binary) assess --out \(dir)", "/dev/null"])
        #expect(tty.status == 0)
        // The lanes of files are written at the same time, so the percentage shown beside a
        // file depends on which finished first; every file is named once it starts.
        let names = ReportBundle.renderers(SampleGoldenTests.assessment, deliverables: try SampleDeliverables.get.1, organization: try SampleDeliverables.get.0, dataset: Shared.dataset).map(\.name)
        #expect(tty.out.contains("building the deliverables…"), "\(tty.out)")
        for name in names { #expect(tty.out.contains("% (\(name))"), "\(name): \(tty.out)") }
    }
}

extension CLITests {
    @Test func reportJobsOneWritesTheSameReportsAndZeroIsRefused() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-jobs-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = try run(["assess", "--out", dir + "/one", "--report-jobs", "1"])
        let all = try run(["assess", "--out", dir + "/all"])
        #expect(one.status == 0 && all.status == 0, "\(one.err)\(all.err)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/all").sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/one").sorted() == names)
        for name in names { #expect(try InputFile.read(dir + "/one/" + name).bytes == InputFile.read(dir + "/all/" + name).bytes, "\(name)") }
        let zero = try run(["assess", "--out", dir + "/zero", "--report-jobs", "0"])
        #expect(zero.status == 64 && zero.err.contains("--report-jobs must be 1 or more"), "\(zero.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/zero"))
    }
}
