import ArgumentParser
import Crosswalk
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two assessments: cells closed, newly open, regressed and improved; readiness then and now.",
        discussion: """
            OLD and NEW are assessment.json files, or folders written by assess --out. \
            Rules and columns: Docs/Diff.md. Exit codes: 0 success; 2 invalid input; 3 I/O error.
            """)
    @Argument(help: "The earlier assessment.json (or its --out folder).") var old: String
    @Argument(help: "The later assessment.json (or its --out folder).") var new: String
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Option(help: ArgumentHelp("List the evidence that expires on or before this date (YYYY-MM-DD).", valueName: "date")) var until: String?
    @Option(name: .customLong("max-bytes"), help: "The largest assessment.json read.") var maxBytes = 256 << 20

    func run() throws {
        var untilDate: CalendarDate?
        if let until {
            guard let d = CalendarDate(until) else { printError("error: --until '\(until)' is not a date; write it as YYYY-MM-DD"); throw Exit.invalidInput }
            untilDate = d
        }
        let reader = JSONReader(maxBytes: maxBytes)
        let o = try reportingErrors { try Self.snapshot(old, reader) }
        let n = try reportingErrors { try Self.snapshot(new, reader) }
        let diff = AssessmentDiff(old: o, new: n, until: untilDate)
        for w in diff.warnings { printError("warning: \(w)") }
        switch format {
        case .csv: writeStandardOutput(diff.csv())
        case .json: writeStandardOutput(diff.json())
        case .table:
            print("\(diff.organization): \(diff.oldAsOf) (\(diff.oldFile)) → \(diff.newAsOf) (\(diff.newFile))\n")
            for (title, rows) in diff.tables() { print(title); print(Table.render(rows)) }
        }
    }

    /// Reads `path`, or `path/assessment.json` when it is a folder.
    /// Reads an `assessment.json` (or the one in a folder); a file over the limit names
    /// `option`, the command's own way to raise it.
    static func snapshot(_ path: String, _ reader: JSONReader, option: String = "--max-bytes") throws(CrosswalkError) -> AssessmentSnapshot {
        var isDir: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue ? (path.hasSuffix("/") ? path : path + "/") + "assessment.json" : path
        let input: InputFile
        do { input = try InputFile.read(file, maxBytes: reader.maxBytes) } catch where error.code == .fileTooLarge {
            throw CrosswalkError(.fileTooLarge, "the file is more than \(reader.maxBytes) bytes; pass \(option) N to read a larger assessment (it is held in memory several times over)",
                                 at: error.location)
        }
        return try AssessmentSnapshot(input.bytes, file: file, reader: reader)
    }
}
