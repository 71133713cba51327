import Foundation
import Testing
@testable import Crosswalk

/// External programs the report tests drive: openpyxl (in a virtual environment),
/// LibreOffice, Chromium, pdfinfo. `.ci/run` installs them and sets `CI`; locally, a test
/// whose tool is missing is skipped only when `CI` is unset.
enum Tools {
    static let ci = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// The Python of the virtual environment with openpyxl: `$CROSSWALK_VENV/bin/python`, else `.build-venv/bin/python`.
    static var python: String? {
        let venv = ProcessInfo.processInfo.environment["CROSSWALK_VENV"] ?? Repo.path(".build-venv")
        let p = venv + "/bin/python"
        return FileManager.default.isExecutableFile(atPath: p) ? p : nil
    }
    static var chromium: String? { which("chromium") ?? which("chromium-browser") }
    static var libreoffice: String? { which("libreoffice") ?? which("soffice") }
    static var pdfinfo: String? { which("pdfinfo") }

    /// True when the test should run; records a failure when CI lacks the tool.
    static func available(_ path: String?, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        if path != nil { return true }
        if ci { Issue.record("\(what) is missing on CI: .ci/run should install it", sourceLocation: sourceLocation) }
        return false
    }

    @discardableResult
    static func run(_ exe: String, _ args: [String], env: [String: String] = [:], timeout: TimeInterval = 180) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        p.environment = e
        let outFile = NSTemporaryDirectory() + "tool-out-\(UInt32.random(in: 0...UInt32.max))", errFile = outFile + ".err"
        FileManager.default.createFile(atPath: outFile, contents: nil)
        FileManager.default.createFile(atPath: errFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outFile); try? FileManager.default.removeItem(atPath: errFile) }
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outFile))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning { p.terminate(); p.waitUntilExit() }
        return (p.terminationStatus, (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "", (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? "")
    }

    /// A folder with the reports of `crosswalk assess [file] --out`, written by the built binary.
    static func reports(_ file: String? = nil) throws -> String {
        let dir = NSTemporaryDirectory() + "crosswalk-reports-\(UInt32.random(in: 0...UInt32.max))"
        let r = try run(CLITests.binary, ["assess"] + (file.map { [$0] } ?? []) + ["--out", dir])
        #expect(r.status == 0, "\(r.err)")
        return dir
    }

    /// Chromium headless with the network cut (a dead proxy, every host unresolvable) and
    /// its own background services off, in a fresh profile.
    static func chromiumArgs(profile: String) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps"]
    }

    /// The URLs the page itself asked for (its requests carry a `file://` isolation key), from a Chromium net log.
    static func pageRequests(netLog path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let events = root["events"] as? [[String: Any]] else { return ["(unreadable net log)"] }
        var urls: [String] = []
        for e in events {
            guard let p = e["params"] as? [String: Any], let url = p["url"] as? String, !url.hasPrefix("file:"),
                  let key = p["network_isolation_key"] as? String, key.contains("file://") else { continue }
            if !urls.contains(url) { urls.append(url) }
        }
        return urls
    }
}

@Suite("Client reports in real programs", .serialized)
struct ReportToolTests {
    @Test func openpyxlReadsTheWorkbookAsTheCSVsSayIt() throws {
        guard Tools.available(Tools.python, "a Python virtual environment with openpyxl (CROSSWALK_VENV)") else { return }
        for file in [nil, Repo.path("Fixtures/reports/hostile-titles.xml")] {
            let dir = try Tools.reports(file)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let r = try Tools.run(Tools.python!, [Repo.path("Tests/Scripts/check_workbook.py"), dir])
            #expect(r.status == 0 && r.out.contains("workbook ok"), "\(r.out)\n\(r.err)")
        }
    }

    @Test func libreOfficeConvertsTheWorkbook() throws {
        guard Tools.available(Tools.libreoffice, "LibreOffice (libreoffice-calc)") else { return }
        let dir = try Tools.reports()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let profile = dir + "/lo-profile"
        let r = try Tools.run(Tools.libreoffice!, ["-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", "pdf", "--outdir", dir + "/pdf", dir + "/assessment.xlsx"],
                              env: ["HOME": dir])
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        #expect(!r.err.lowercased().contains("error:"), "\(r.err)")
        let pdf = try InputFile.read(dir + "/pdf/assessment.pdf").bytes
        #expect(pdf.count > 10_000 && Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    }

    @Test func chromiumShowsTheScoresOfflineAndMakesNoRequest() throws {
        guard Tools.available(Tools.chromium, "Chromium") else { return }
        let dir = try Tools.reports()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let netLog = dir + "/net.json"
        let r = try Tools.run(Tools.chromium!, Tools.chromiumArgs(profile: dir + "/profile") + ["--log-net-log=\(netLog)", "--dump-dom", "file://\(dir)/report.html"])
        #expect(r.status == 0, "\(r.err)")
        // The figures of scores.csv (overall, frameworks, systems), as the browser shows them.
        let scores = try String(contentsOfFile: dir + "/scores.csv", encoding: .utf8).split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        var checked = 0
        for row in scores where row[0] != "heading" {
            #expect(r.out.contains("\(row[2])%"), "\(row[0]) \(row[1]) readiness \(row[2])% not shown")
            checked += 1
        }
        #expect(checked == 10)
        #expect(r.out.contains("Northwind Mutual Insurance") && r.out.contains("<svg"))
        #expect(try Tools.pageRequests(netLog: netLog) == [])
        try expectSelfContained(try String(contentsOfFile: dir + "/report.html", encoding: .utf8))

        // The check can fail: a page with one external image is caught.
        let control = dir + "/control.html"
        try "<p>x</p><img src=\"http://example.invalid/x.png\">".write(toFile: control, atomically: true, encoding: .utf8)
        try Tools.run(Tools.chromium!, Tools.chromiumArgs(profile: dir + "/profile2") + ["--log-net-log=\(netLog).2", "--dump-dom", "file://\(control)"])
        #expect(try Tools.pageRequests(netLog: netLog + ".2") == ["http://example.invalid/x.png"])
    }

    @Test func chromiumPrintsSeveralA4Pages() throws {
        guard Tools.available(Tools.chromium, "Chromium"), Tools.available(Tools.pdfinfo, "pdfinfo (poppler-utils)") else { return }
        let dir = try Tools.reports()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Tools.run(Tools.chromium!, Tools.chromiumArgs(profile: dir + "/profile") + ["--no-pdf-header-footer", "--print-to-pdf=\(dir)/report.pdf", "file://\(dir)/report.html"])
        #expect(r.status == 0, "\(r.err)")
        let info = try Tools.run(Tools.pdfinfo!, [dir + "/report.pdf"])
        let pages = info.out.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
        #expect(pages >= 8, "\(info.out)")
        #expect(info.out.contains("(A4)"), "\(info.out)")
    }
}
