import ArgumentParser
import Crosswalk
import Foundation

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assess an organisation against every framework in scope; with no file, the bundled sample insurer.",
        discussion: "Writes gaps.csv and scores.csv with --out. Exit codes: 0 success; 1 gaps found (with --fail-on-gaps); 2 invalid input; 3 I/O error.")
    @OptionGroup var data: DataOptions
    @Argument(help: "The organisation file (XML, see Docs/OrganisationFormat.md).") var file: String?
    @Option(name: .customLong("as-of"), help: "Assessment date YYYY-MM-DD (default: the file's assessment-date).") var asOf: String?
    @Option(help: "Comma-separated frameworks to assess (default: the organisation's scope).") var frameworks: String?
    @Option(help: ArgumentHelp("Folder to write the reports to.", valueName: "dir")) var out: String?
    @Option(help: "Days before expiry that make evidence due soon.") var dueSoonDays = 30
    @Flag(help: "Exit with 1 when any gap is found (for pipelines).") var failOnGaps = false
    @Option(name: .customLong("systems-csv"), help: ArgumentHelp("An AI system inventory (CSV) to add to the organisation.", valueName: "file")) var systemsCSV: String?
    @Option(name: .customLong("evidence-csv"), help: ArgumentHelp("An evidence register (CSV) to add to the organisation.", valueName: "file")) var evidenceCSV: String?

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        // Progress on large inputs, on standard error, only when it is a terminal.
        let size = file.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 } ?? 0
        let showProgress = isatty(STDERR_FILENO) != 0 && size > 8 << 20
        if showProgress, let file { printError("reading \(file) (\(size >> 20) MB)…") }
        // A file is read a piece at a time: memory follows the records kept, not the file size.
        var (org, warnings) = try reportingErrors {
            if let file { return try OrganizationLoader.load(contentsOf: file, catalogs: dataset.catalogs) }
            let input = try BundledData.sampleOrganization()
            return try OrganizationLoader.load(input.bytes, file: input.path, catalogs: dataset.catalogs)
        }
        if systemsCSV != nil || evidenceCSV != nil {
            try reportingErrors {
                if let path = systemsCSV { org.systems += try OrganizationCSV.systems(InputFile.read(path).bytes, file: path) }
                if let path = evidenceCSV { org.evidence += try OrganizationCSV.evidence(InputFile.read(path).bytes, file: path) }
                try OrganizationLoader.check(org, catalogs: dataset.catalogs)
            }
        }
        for w in warnings { printError(w.description) }
        guard let date = asOf.map({ CalendarDate($0) }) ?? org.assessmentDate else {
            printError("error: no assessment date: pass --as-of YYYY-MM-DD or set assessment-date in the file")
            throw Exit.invalidInput
        }
        let fws = frameworks.map { $0.split(separator: ",").map { FrameworkID(String($0)) } }
        if showProgress { printError("assessing \(org.systems.count) systems and \(org.evidence.count) evidence items…") }
        let assessment = AssessmentEngine.assess(org, dataset: dataset, options: AssessmentOptions(asOf: date, dueSoonDays: dueSoonDays, frameworks: fws))
        printSummary(assessment, org: org)
        if let out {
            try reportingErrors {
                do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                    throw CrosswalkError(.ioError, "cannot create the output folder: \(error.localizedDescription)", at: SourceLocation(file: out))
                }
                for (name, bytes) in [("gaps.csv", AssessmentExport.gapsCSV(assessment, catalogs: dataset.catalogs)), ("scores.csv", AssessmentExport.scoresCSV(assessment))] {
                    let path = (out as NSString).appendingPathComponent(name)
                    try AtomicFile.write(bytes, to: path)
                    print("wrote \(path)")
                }
            }
        }
        if failOnGaps && assessment.cells.contains(where: { $0.status.isGap }) { throw Exit.gapsFound }
    }

    func printSummary(_ a: Assessment, org: Organization) {
        func pct(_ s: Score) -> String { String(format: "%5.1f%%", s.readiness * 100) }
        print("\(a.organization) — assessed \(a.asOf) against \(a.frameworks.map(\.rawValue).joined(separator: ", "))")
        print("Overall readiness \(pct(a.overall)) over \(a.overall.assessedCells) cells\n")
        var rows = [["FRAMEWORK", "READINESS", "MET", "PARTIAL", "EXEC-GAP", "STALE", "DUE-SOON", "MISSING", "UPCOMING", "N/A", "EXCLUDED"]]
        for s in a.scores where s.scope == "framework" {
            rows.append([s.key, pct(s)] + [CellStatus.met, .partial, .executionGap, .stale, .dueSoon, .missing, .upcoming, .notApplicable, .excluded].map { String(s.counts[$0] ?? 0) })
        }
        print(Table.render(rows))
        rows = [["SYSTEM", "TIER", "READINESS", "CELLS", "GAPS"]]
        for s in a.scores where s.scope == "system" {
            let sys = org.systems.first { $0.id == s.key }
            let gaps = a.cells.filter { $0.system == s.key && $0.status.isGap }.count
            rows.append([s.key, sys?.riskTier ?? "", pct(s), String(s.assessedCells), String(gaps)])
        }
        print(Table.render(rows))
        let top = a.cells.filter { $0.status == .missing || $0.status == .executionGap || $0.status == .stale }
            .sorted { ($0.requirement.framework == .euAIAct ? 0 : 1, $0.status == .executionGap ? 0 : 1) < ($1.requirement.framework == .euAIAct ? 0 : 1, $1.status == .executionGap ? 0 : 1) }
            .prefix(10)
        if !top.isEmpty {
            print("Top gaps:")
            for c in top { print("  \(c.requirement)\(c.system.map { " [\($0)]" } ?? "")  \(c.status.rawValue): \(c.reason)") }
        }
    }
}
