import Foundation
import Testing
@testable import Crosswalk

/// The sample's reports as `crosswalk assess --out` writes them (with the provenance of
/// the bundled sample file), rendered once.
enum SampleReports {
    static let provenance: Provenance = {
        let sample = try! BundledData.sampleOrganization()
        return Provenance(SampleGoldenTests.assessment, dataset: Shared.dataset,
                          organizationFiles: [FileDigest(kind: .organization, name: sample.path, bytes: sample.bytes)])
    }()
    static let files: [(name: String, bytes: [UInt8])] = {
        let (org, d) = try! SampleDeliverables.get
        return ReportBundle.render(SampleGoldenTests.assessment, deliverables: d, organization: org, dataset: Shared.dataset, provenance: provenance)
    }()
    static func file(_ name: String) -> [UInt8] { files.first { $0.name == name }!.bytes }
    static func json(_ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(file(name))) as? [String: Any])
    }
}

/// compliance-trestle's Python (installed by `.ci/run` into `.venv-trestle`), or nil when
/// absent; absent in CI is a failure, not a skip.
enum TrestlePython {
    static var path: String? {
        let candidates = [ProcessInfo.processInfo.environment["CROSSWALK_TRESTLE_PYTHON"], Repo.path(".venv-trestle/bin/python")].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Runs `Scripts/check-interchange.py` with `args`; returns status and output.
    static func run(_ python: String, _ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [Repo.path("Scripts/check-interchange.py")] + args
        let out = Pipe()
        p.standardOutput = out; p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A temporary folder, removed by the caller.
func temporaryFolder(_ prefix: String) throws -> String {
    let dir = NSTemporaryDirectory() + "\(prefix)-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// RFC 4180 rows of a CSV (the writer's own output: quotes doubled, CRLF or LF line ends).
func parseCSV(_ bytes: [UInt8]) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var it = String(decoding: bytes, as: UTF8.self).unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? { if let p = pending { pending = nil; return p }; return it.next() }
    while let c = next() {
        if quoted {
            if c == "\"" { if let n = next() { if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n } } else { quoted = false } }
            else { field.unicodeScalars.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\r" { continue }
        else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
        else { field.unicodeScalars.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
