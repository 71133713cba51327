import Foundation
import Testing
@testable import Crosswalk

/// `crosswalk assess --baseline OLD`: the comparison with an earlier assessment in
/// `changes.csv`, the workbook's Changes sheet and Summary, and the report's "Since the last
/// assessment" section (Fixtures/history/README.md states the auditor's conclusions).
@Suite("assess --baseline", .serialized)
struct BaselineTests {
    let cli = CLITests()

    /// The cells of the report's "Since the last assessment" section: per group heading
    /// (`Closed`, `Newly open`, …), the text of each row's cells.
    static func reportSection(_ html: String) throws -> (text: String, groups: [String: [[String]]]) {
        let start = try #require(html.range(of: "<section class=\"page\" id=\"changes\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let section = String(html[start.lowerBound..<end.upperBound])
        func strip(_ s: Substring) -> String {
            s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var groups: [String: [[String]]] = [:]
        for part in section.components(separatedBy: "<h4>").dropFirst() {
            guard let close = part.range(of: "</h4>"), let colon = part[..<close.lowerBound].range(of: ": ") else { continue }
            let rows = part.components(separatedBy: "<tr>").dropFirst().compactMap { row -> [String]? in
                let body = row.components(separatedBy: "</tr>")[0]
                guard body.contains("<td") else { return nil }
                return body.components(separatedBy: "</td>").dropLast().map { strip(Substring($0)) }
            }
            groups[String(part[..<colon.lowerBound])] = rows
        }
        return (strip(Substring(section)), groups)
    }

    /// `read_changes.py`'s view of the workbook (openpyxl).
    static func workbook(_ dir: String) throws -> [String: Any]? {
        guard Tools.available(Tools.python, "a Python virtual environment with openpyxl (CROSSWALK_VENV)") else { return nil }
        let r = try Tools.run(Tools.python!, [Repo.path("Tests/Scripts/read_changes.py"), dir])
        #expect(r.status == 0, "\(r.err)")
        let check = try Tools.run(Tools.python!, [Repo.path("Tests/Scripts/check_workbook.py"), dir])
        #expect(check.status == 0 && check.out.contains("Changes:") && check.out.contains("workbook ok"), "\(check.out)\n\(check.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
    }

    @Test func theSnapshotOfAnAssessmentInMemoryIsTheOneItsFileGivesBack() throws {
        // The sample, and the history fixture (two systems, a stale and an excluded cell).
        let (org, d) = try SampleDeliverables.get
        let sample = SampleGoldenTests.assessment
        let bytes = AssessmentJSON.render(sample, deliverables: d, organization: org, catalogs: Shared.dataset.catalogs, provenance: SampleReports.provenance)
        #expect(try AssessmentSnapshot(bytes, file: "a.json") == AssessmentSnapshot(sample, deliverables: d, organization: org, provenance: SampleReports.provenance, file: "a.json"))

        let file = try InputFile.read(Repo.path("Fixtures/history/after.xml"))
        let (after, _) = try OrganizationLoader.load(file.bytes, file: file.path, catalogs: Shared.dataset.catalogs)
        let a = AssessmentEngine.assess(after, dataset: Shared.dataset, options: AssessmentOptions(asOf: after.assessmentDate!))
        let ad = Deliverables.build(a, organization: after, dataset: Shared.dataset)
        let p = Provenance(a, dataset: Shared.dataset, organizationFiles: [FileDigest(kind: .organization, name: file.path, bytes: file.bytes)])
        let read = try AssessmentSnapshot(AssessmentJSON.render(a, deliverables: ad, organization: after, catalogs: Shared.dataset.catalogs, provenance: p), file: "b.json")
        let made = AssessmentSnapshot(a, deliverables: ad, organization: after, provenance: p, file: "b.json")
        #expect(read == made)
        #expect(made.cells.contains { $0.status == "stale" } && made.scores.contains { $0.readiness == nil || $0.readiness! > 0 })
    }

    /// In the library: a comparison adds changes.csv and changes the workbook and the
    /// report only; every other file keeps its bytes, and without one nothing changes.
    @Test func aComparisonTouchesOnlyTheFilesThatShowIt() throws {
        let (org, d) = try SampleDeliverables.get
        let a = SampleGoldenTests.assessment, p = SampleReports.provenance
        let plain = ReportBundle.render(a, deliverables: d, organization: org, dataset: Shared.dataset, provenance: p)
        #expect(plain.map(\.name) == SampleReports.files.map(\.name) && zip(plain, SampleReports.files).allSatisfy { $0.bytes == $1.bytes })
        #expect(!plain.contains { $0.name == "changes.csv" })
        // Compared with the sample as of an earlier date.
        let june = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: CalendarDate("2026-06-01")!))
        let old = AssessmentSnapshot(june, deliverables: Deliverables.build(june, organization: org, dataset: Shared.dataset), organization: org,
                                     provenance: Provenance(june, dataset: Shared.dataset), file: "june/assessment.json")
        let diff = AssessmentDiff(old: old, new: AssessmentSnapshot(a, deliverables: d, organization: org, provenance: p, file: "assessment.json"))
        #expect(!diff.cells.isEmpty)
        let compared = ReportBundle.render(a, deliverables: d, organization: org, dataset: Shared.dataset, provenance: p, changes: diff)
        var names = plain.map(\.name)
        names.insert("changes.csv", at: names.firstIndex(of: "assessment.json")!)
        #expect(compared.map(\.name) == names)
        for f in compared {
            let before = plain.first { $0.name == f.name }?.bytes
            switch f.name {
            case "changes.csv": #expect(f.bytes == diff.csv())
            case "assessment.xlsx", "report.html": #expect(f.bytes != before, "\(f.name)")
            default: #expect(f.bytes == before, "\(f.name)")
            }
        }
        let html = String(decoding: try #require(compared.first { $0.name == "report.html" }).bytes, as: UTF8.self)
        #expect(html.contains("Compared with the assessment of 2026-06-01 (june/assessment.json)"))
    }

    @Test func theReportsShowExactlyWhatChangedSinceTheBaseline() throws {
        let dir = try temporaryFolder("crosswalk-baseline")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["assess", Repo.path("Fixtures/history/before.xml"), "--out", dir + "/before"]).status == 0)
        let r = try cli.run(["assess", Repo.path("Fixtures/history/after.xml"), "--baseline", dir + "/before", "--out", dir + "/after"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Since the assessment of 2026-05-15 (\(dir)/before/assessment.json): 1 closed, "))
        #expect(r.out.contains("wrote \(dir)/after/changes.csv"))
        #expect(!r.err.contains("warning:"), "same catalogues and crosswalks: no warning\n\(r.err)")

        // changes.csv is what `crosswalk diff OLD NEW/assessment.json --format csv` prints.
        let csv = try InputFile.read(dir + "/after/changes.csv").bytes
        let diff = try cli.run(["diff", dir + "/before", dir + "/after/assessment.json", "--format", "csv"])
        #expect(diff.status == 0 && Array(diff.out.utf8) == csv)

        // The auditor's conclusions (Fixtures/history/README.md).
        let rows = parseCSV(csv)
        #expect(rows.first == AssessmentDiff.csvColumns)
        let changes = rows.dropFirst()
        let notRouter = Set(changes.filter { $0[3] != "ROUTER" })
        #expect(notRouter == [
            ["closed", "iso42001", "A.6.2.4", "SCORER", "head-ai", "missing", "met"],
            ["regressed", "iso42001", "5.2", "", "head-ai", "met", "stale"],
            ["newly-open", "iso42001", "A.10.4", "", "ops", "excluded", "missing"],
        ])
        // Every cell of the added system is new and open (it has no evidence); no other change.
        let router = changes.filter { $0[3] == "ROUTER" }
        let routerGaps = try DiffTests.statuses(dir + "/after").filter { $0.key.hasSuffix("|ROUTER") && CellStatus(rawValue: $0.value)?.isGap == true }
        #expect(!router.isEmpty && router.count == routerGaps.count)
        #expect(router.allSatisfy { $0[0] == "newly-open" && $0[5] == "" && $0[6] == routerGaps["\($0[1])|\($0[2])|ROUTER"] })

        // report.html: the section, with the counts, readiness then and now, the systems and the cells.
        let html = try String(contentsOfFile: dir + "/after/report.html", encoding: .utf8)
        try expectSelfContained(html)
        let (text, groups) = try Self.reportSection(html)
        #expect(text.contains("Compared with the assessment of 2026-05-15 (\(dir)/before/assessment.json); this one is as of 2026-11-23."))
        for (n, label) in [(1, "gaps closed"), (1 + router.count, "newly open"), (1, "regressed"), (0, "improved")] {
            #expect(html.contains("<div class=\"value\">\(n)</div><div class=\"label\">\(label)"), "\(label) \(n)")
        }
        #expect(Set(groups.keys) == ["Closed", "Newly open", "Regressed"])
        #expect(groups["Closed"] == [["iso42001", "A.6.2.4 AI system verification and validation", "SCORER — Lead scoring model", "Robin Ash (head-ai)", "missing", "met"]])
        #expect(groups["Regressed"] == [["iso42001", "5.2 AI policy", "organisation", "Robin Ash (head-ai)", "met", "stale"]])
        #expect(groups["Newly open"]?.count == 1 + router.count)
        #expect(groups["Newly open"]?.contains(["iso42001", "A.10.4 Customer needs and expectations", "organisation", "Sam Birch (ops)", "excluded", "missing"]) == true, "\(groups["Newly open"] ?? [])")
        #expect(html.contains("<span class=\"status st-stale\">stale</span>"))
        // Readiness then and now: the figures of the two scores.csv.
        func readiness(_ d: String, _ scope: String, _ key: String) throws -> String {
            let s = parseCSV(try InputFile.read(d + "/scores.csv").bytes)
            return try #require(s.first { $0[0] == scope && $0[1] == key })[2]
        }
        let (then, now) = (try readiness(dir + "/before", "framework", "iso42001"), try readiness(dir + "/after", "framework", "iso42001"))
        #expect(then != now)
        #expect(text.contains("iso42001\(then)%\(now)%") || text.range(of: "iso42001\\s*\(then)%\\s*\(now)%", options: .regularExpression) != nil, "\(then) → \(now)")
        #expect(text.contains("system SCORER — Lead scoring model"))
        #expect(text.range(of: "added\\s*ROUTER\\s*Ticket router", options: .regularExpression) != nil)
        #expect(!html.contains("<td>retired</td>") && !text.contains("may not be like for like"))

        // The workbook, read by openpyxl: the Changes sheet is changes.csv with names and titles; the Summary has the counts.
        guard let wb = try Self.workbook(dir + "/after") else { return }
        #expect((wb["sheets"] as? [String])?.prefix(3) == ["Summary", "Changes", "Actions"])
        #expect(wb["frozen"] as? String == "A2" && wb["autofilter"] as? String == "A1:J\(changes.count + 1)")
        #expect(wb["types"] as? [String] == ["s"], "text only: no formula, no number")
        let sheet = try #require(wb["rows"] as? [[String]])
        #expect(sheet.count == changes.count)
        #expect(sheet.contains(["closed", "iso42001", "A.6.2.4", "AI system verification and validation", "SCORER", "Lead scoring model", "head-ai", "Robin Ash", "missing", "met"]))
        #expect(sheet.contains(["regressed", "iso42001", "5.2", "AI policy", "", "", "head-ai", "Robin Ash", "met", "stale"]))
        #expect(sheet.contains(["newly-open", "iso42001", "A.10.4", "Customer needs and expectations", "", "", "ops", "Sam Birch", "excluded", "missing"]))
        let fills = (wb["status_fills"] as? [[String]] ?? []).reduce(into: [String: String]()) { $0[$1[0]] = $1[1] }
        #expect(fills["stale"]?.hasSuffix(StatusStyle(.stale).fill) == true && fills["met"]?.hasSuffix(StatusStyle(.met).fill) == true, "\(fills)")
        let summary = try #require(wb["summary"] as? [[Any]])
        let block = summary.map { $0.map { "\($0)" } }
        #expect(block.first?.first == "Since the assessment of 2026-05-15")
        for (change, n) in [("closed", 1), ("newly-open", 1 + router.count), ("regressed", 1), ("improved", 0)] {
            #expect(block.contains { $0.count > 1 && $0[0] == change && $0[1] == String(n) }, "\(change)")
        }
        #expect(block.contains { $0.count > 2 && $0[0] == "added" && $0[1] == "ROUTER" && $0[2] == "Ticket router" })

        // LibreOffice opens the workbook with its Changes sheet.
        guard Tools.available(Tools.libreoffice, "LibreOffice (libreoffice-calc)") else { return }
        let lo = try Tools.run(Tools.libreoffice!, ["-env:UserInstallation=file://\(dir)/lo-profile", "--headless", "--convert-to", "pdf", "--outdir", dir + "/pdf", dir + "/after/assessment.xlsx"],
                               env: ["HOME": dir])
        #expect(lo.status == 0 && !lo.err.lowercased().contains("error:"), "\(lo.out)\n\(lo.err)")
        let pdf = try InputFile.read(dir + "/pdf/assessment.pdf").bytes
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    }

    @Test func anUnreadableBaselineIsAnErrorAndNothingIsWritten() throws {
        let dir = try temporaryFolder("crosswalk-baseline-bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["assess", Repo.path("Fixtures/history/before.xml"), "--out", dir + "/before"]).status == 0)
        let good = try InputFile.read(dir + "/before/assessment.json").bytes
        // The out folder already holds last quarter's report: it must stay as it is.
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("last quarter".utf8).write(to: URL(fileURLWithPath: out + "/report.html"))
        func expectNothingWritten(_ baseline: String, status: Int32, _ message: String) throws {
            let r = try cli.run(["assess", Repo.path("Fixtures/history/after.xml"), "--baseline", baseline, "--out", out])
            #expect(r.status == status, "\(r.err)")
            #expect(r.err.hasPrefix(baseline) && r.err.contains(message), "\(r.err)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["report.html"])
            #expect(try String(contentsOfFile: out + "/report.html", encoding: .utf8) == "last quarter")
            #expect(!r.out.contains("wrote"))
        }
        // Truncated (a copy cut short), corrupt bytes, another document, another version, no such file.
        let truncated = dir + "/truncated.json"
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: truncated))
        try expectNothingWritten(truncated, status: 2, "error: ")
        let corrupt = dir + "/corrupt.json"
        var bytes = good
        bytes[bytes.count / 3] = 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: corrupt))
        try expectNothingWritten(corrupt, status: 2, "[json-malformed]")
        try expectNothingWritten(dir + "/before/poam.json", status: 2, "[unknown-document]")
        let v9 = dir + "/v9.json"
        try Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"formatVersion\": \(AssessmentJSON.formatVersion)", with: "\"formatVersion\": 9").utf8).write(to: URL(fileURLWithPath: v9))
        try expectNothingWritten(v9, status: 2, "[unsupported-version]")
        try expectNothingWritten(dir + "/missing.json", status: 3, "[io-error]")
        // A folder without an assessment.json: the error names the file looked for.
        try expectNothingWritten(out, status: 3, "assessment.json: error: no such file")
    }

    @Test func anUntrustedBaselineCannotInjectAndItsDifferentCataloguesAreSaid() throws {
        let dir = try temporaryFolder("crosswalk-baseline-hostile")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["assess", Repo.path("Fixtures/history/before.xml"), "--out", dir + "/before"]).status == 0)
        // Edit the earlier file as an attacker (or a careless script) could: a formula as an
        // owner, markup as a requirement, and a different ISO 42001 catalogue hash.
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/before/assessment.json"))) as? [String: Any])
        var cells = try #require(doc["cells"] as? [[String: Any]])
        cells.append(["framework": "iso42001", "requirement": "<script>alert(1)</script>", "status": "missing", "owner": "=HYPERLINK(\"http://evil.example\",\"x\")"])
        doc["cells"] = cells
        var provenance = try #require(doc["provenance"] as? [String: Any])
        var files = try #require(provenance["files"] as? [[String: Any]])
        let iso = try #require(files.firstIndex { $0["subject"] as? String == "iso42001" })
        files[iso]["sha256"] = String(repeating: "0", count: 64)
        provenance["files"] = files
        doc["provenance"] = provenance
        let hostile = dir + "/hostile.json"
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: hostile))

        let r = try cli.run(["assess", Repo.path("Fixtures/history/after.xml"), "--baseline", hostile, "--out", dir + "/after"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("warning: the catalog iso42001 differs"))
        let html = try String(contentsOfFile: dir + "/after/report.html", encoding: .utf8)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let (text, groups) = try Self.reportSection(html)
        #expect(text.contains("The two assessments may not be like for like") && text.contains("the catalog iso42001 differs"))
        #expect(groups["No longer assessed"]?.first?[3] == "=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)")
        // changes.csv neutralises the formula; the workbook stores it as text.
        let csv = String(decoding: try InputFile.read(dir + "/after/changes.csv").bytes, as: UTF8.self)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""))
        guard let wb = try Self.workbook(dir + "/after") else { return }
        #expect(wb["types"] as? [String] == ["s"])
        let sheet = try #require(wb["rows"] as? [[String]])
        #expect(sheet.contains { $0[0] == "no-longer-assessed" && $0[2] == "<script>alert(1)</script>" && $0[6] == "=HYPERLINK(\"http://evil.example\",\"x\")" })
        let summary = try #require(wb["summary"] as? [[Any]])
        let block: [[String]] = summary.map { $0.map { "\($0)" } }
        #expect(block.contains { ($0.first ?? "") == "Warnings about the comparison" })
        #expect(block.contains { ($0.first ?? "").contains("the catalog iso42001 differs") })
    }
}

extension BaselineTests {
    /// A baseline over the limit names the option that raises it (not the generic input limit).
    @Test func aTooLargeBaselineNamesItsOption() throws {
        let r = try cli.run(["assess", Repo.path("Fixtures/history/after.xml"), "--baseline", Repo.path("Fixtures/golden/sample/assessment.json"),
                             "--baseline-max-bytes", "1000"])
        #expect(r.status == 2 && r.err.contains("pass --baseline-max-bytes N") && r.err.contains("[file-too-large]"), "\(r.err)")
        let d = try cli.run(["diff", Repo.path("Fixtures/golden/sample/assessment.json"), Repo.path("Fixtures/golden/sample/assessment.json"), "--max-bytes", "1000"])
        #expect(d.status == 2 && d.err.contains("pass --max-bytes N"), "\(d.err)")
    }
}

extension BaselineTests {
    /// A run without a baseline into a folder with an earlier comparison removes it (it would
    /// describe other reports); a file of that name that is not ours stays.
    @Test func aRunWithoutABaselineRemovesTheEarlierComparison() throws {
        let dir = try temporaryFolder("crosswalk-baseline-stale")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["assess", Repo.path("Fixtures/history/before.xml"), "--out", dir]).status == 0)
        #expect(try cli.run(["assess", Repo.path("Fixtures/history/after.xml"), "--baseline", dir, "--out", dir]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/changes.csv"))
        #expect(try cli.run(["assess", Repo.path("Fixtures/history/after.xml"), "--out", dir]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/changes.csv"), "the comparison with the earlier run is gone")
        try Data("my own notes\n".utf8).write(to: URL(fileURLWithPath: dir + "/changes.csv"))
        #expect(try cli.run(["assess", Repo.path("Fixtures/history/after.xml"), "--out", dir]).status == 0)
        #expect(try String(contentsOfFile: dir + "/changes.csv", encoding: .utf8) == "my own notes\n", "a file that is not ours stays")
    }
}
