import ArgumentParser
import Crosswalk
import Foundation

/// The organisation to assess and how; shared by `assess`, `owners` and `remediation`.
struct AssessmentOptions_: ParsableArguments {
    @OptionGroup var data: DataOptions
    @Argument(help: "The organisation file (XML, see Docs/OrganisationFormat.md); default: the bundled sample insurer.") var file: String?
    @Option(name: .customLong("as-of"), help: "Assessment date YYYY-MM-DD (default: the file's assessment-date).") var asOf: String?
    @Option(help: "Comma-separated frameworks to assess (default: the organisation's scope).") var frameworks: String?
    @Option(help: "Days before expiry that make evidence due soon (0 or more).") var dueSoonDays = 30
    @Option(name: .customLong("systems-csv"), help: ArgumentHelp("An AI system inventory (CSV) to add to the organisation.", valueName: "file")) var systemsCSV: String?
    @Option(name: .customLong("evidence-csv"), help: ArgumentHelp("An evidence register (CSV) to add to the organisation.", valueName: "file")) var evidenceCSV: String?
    @Option(name: .customLong("decisions-csv"), help: ArgumentHelp("Statement of Applicability decisions (CSV: requirement, system, applicable, justification) to add.", valueName: "file")) var decisionsCSV: String?
    @Option(name: .customLong("owners-csv"), help: ArgumentHelp("Owner assignments (CSV: requirement, system, person) to add.", valueName: "file")) var ownersCSV: String?

    func validate() throws {
        guard dueSoonDays >= 0 else { throw ValidationError("--due-soon-days must be 0 or more") }
    }

    /// Loads the reference data and the organisation, and assesses it.
    func run() throws -> (dataset: Dataset, organization: Organization, assessment: Assessment) {
        let dataset = try reportingErrors { try data.load() }
        // Progress on large inputs, on standard error, only when it is a terminal.
        let size = file.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 } ?? 0
        let showProgress = isatty(STDERR_FILENO) != 0 && size > 8 << 20
        let (org, warnings) = try OrganizationInput(file: file, systemsCSV: systemsCSV, evidenceCSV: evidenceCSV, decisionsCSV: decisionsCSV, ownersCSV: ownersCSV).load(catalogs: dataset.catalogs, data: data)
        // The organisation is read: from here on, large blocks go back to the system when freed.
        FreedMemory.mapLargeBlocks()
        for w in warnings { printError(w.description) }
        var date = org.assessmentDate
        if let asOf {
            guard let d = CalendarDate(asOf) else {
                printError("error: --as-of '\(asOf)' is not a date; write it as YYYY-MM-DD")
                throw Exit.invalidInput
            }
            date = d
        }
        guard let date else {
            printError("error: no assessment date: pass --as-of YYYY-MM-DD or set assessment-date in the file")
            throw Exit.invalidInput
        }
        let fws = try frameworks.map { try dataset.requireFrameworks($0, option: "--frameworks") }
        let label = "assessing \(org.systems.count) systems and \(org.evidence.count) evidence items"
        let assessment = AssessmentEngine.assess(org, dataset: dataset, options: AssessmentOptions(asOf: date, dueSoonDays: dueSoonDays, frameworks: fws,
                                                                                               progress: showProgress ? Progress.percent(label) : nil))
        // Assessment warnings (claims on what does not apply): the first 20; all of them are in assessment.json.
        for w in assessment.warnings.prefix(20) { printError(w.description) }
        if assessment.warnings.count > 20 { printError("… and \(assessment.warnings.count - 20) more warnings (all in assessment.json)") }
        return (dataset, org, assessment)
    }

    /// ``run()``, then the deliverables of the assessment.
    func runWithDeliverables() throws -> (dataset: Dataset, organization: Organization, assessment: Assessment, deliverables: Deliverables) {
        let (dataset, org, assessment) = try run()
        return (dataset, org, assessment, Deliverables.build(assessment, organization: org, dataset: dataset))
    }
}

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assess an organisation against every framework in scope; with no file, the bundled sample insurer.",
        discussion: """
            With --out, writes gaps.csv, scores.csv, owners.csv, remediation.csv, soa-<framework>.csv, \
            assessment.json, assessment.xlsx and report.html (columns: Docs/CSV.md; JSON: Docs/JSON.md; \
            workbook and report: Docs/Reports.md) and OSCAL assessment-results and poam in JSON and \
            XML (Docs/OSCAL.md), all or none, each atomically. With --baseline, compares with an earlier \
            assessment.json (or --out folder) as crosswalk diff does, and adds changes.csv, a Changes sheet \
            and a "Since the last assessment" section (Docs/Diff.md). \
            Exit codes: 0 success; 1 gaps found (with --fail-on-gaps); 2 invalid input; 3 I/O error.
            """)
    @OptionGroup var input: AssessmentOptions_
    @Option(help: ArgumentHelp("Folder to write the reports to.", valueName: "dir")) var out: String?
    @Option(help: ArgumentHelp("A Mustache template for report.html (variables: Docs/Reports.md); default: the bundled one.", valueName: "file"))
    var template: String?
    @Flag(help: "Exit with 1 when any gap is found (for pipelines).") var failOnGaps = false
    @Option(help: ArgumentHelp("An earlier assessment.json (or the --out folder that holds it) to compare with: what changed since then, in the reports and on standard output.",
                               valueName: "old")) var baseline: String?
    @Option(name: .customLong("baseline-max-bytes"), help: "The largest baseline assessment.json read.") var baselineMaxBytes = 256 << 20
    @Option(name: .customLong("report-jobs"), help: ArgumentHelp("How many groups of reports are written at the same time (tables, OSCAL, workbook and report); default: the machine's cores; 1 uses the least memory.",
                                                             valueName: "n")) var reportJobs: Int?

    func validate() throws {
        guard baselineMaxBytes > 0 else { throw ValidationError("--baseline-max-bytes must be 1 or more") }
        if let reportJobs, reportJobs < 1 { throw ValidationError("--report-jobs must be 1 or more") }
    }

    func run() throws {
        // A template with an error stops the run before anything is assessed or written.
        let reportTemplate = try template.map { path in try reportingErrors { try ReportTemplate(InputFile.read(path, maxBytes: ReportTemplate.maxBytes)) } } ?? .standard
        // So does a baseline that cannot be read (its error names the file).
        let old = try baseline.map { path in try reportingErrors { try Diff.snapshot(path, JSONReader(maxBytes: baselineMaxBytes), option: "--baseline-max-bytes") } }
        // The organisation file's SHA-256 (provenance) is read on a second thread while the
        // file is parsed on this one (the parser uses one core).
        let digests = out != nil || old != nil ? Background { try input.organizationDigests() } : nil
        // Loading and assessing print their own lines for large inputs (run()); then one line, rewritten.
        let progress = Progress()
        let (dataset, org, assessment) = try input.run()
        progress.stage("building the deliverables")
        let deliverables = Deliverables.build(assessment, organization: org, dataset: dataset)
        progress.done()
        printSummary(assessment, deliverables, org: org)
        let provenance = try digests.map { d in
            do { return Provenance(assessment, dataset: dataset, organizationFiles: try d.value()) } catch let e as UnreadableAgain { throw e.report() }
        }
        // The comparison with the baseline: the new side is this assessment as its assessment.json records it.
        let changes = old.map { old in
            let file = out.map { $0.hasSuffix("/") ? $0 + "assessment.json" : $0 + "/assessment.json" } ?? "(this assessment)"
            return AssessmentDiff(old: old, new: AssessmentSnapshot(assessment, deliverables: deliverables, organization: org, provenance: provenance!, file: file))
        }
        if let changes { printChanges(changes) }
        if let out {
            try reportingErrors {
                try OutputFolder.create(out)
                let paths = try ReportBundle.write(assessment, deliverables: deliverables, organization: org, dataset: dataset, provenance: provenance,
                                                   to: out, template: reportTemplate, changes: changes,
                                                   maxConcurrency: reportJobs) { done, total, name in
                    progress.stage("writing reports \(done * 100 / max(total, 1))% (\(name))")
                }
                progress.done()
                for path in paths { print("wrote \(path)") }
            }
        }
        if failOnGaps && assessment.cells.contains(where: { $0.status.isGap }) { throw Exit.gapsFound }
    }

    /// The counts of the comparison with the baseline, after the summary; its warnings on standard error.
    func printChanges(_ diff: AssessmentDiff) {
        for w in diff.warnings { printError("warning: \(w)") }
        let counts = [CellChange.closed, .newlyOpen, .regressed, .improved, .changed, .newlyMet, .noLongerAssessed].compactMap { c -> String? in
            let n = diff.cells(c).count
            return n == 0 && ![.closed, .newlyOpen, .regressed, .improved].contains(c) ? nil : "\(n) \(c.rawValue)"
        }
        var line = "Since the assessment of \(diff.oldAsOf) (\(diff.oldFile)): " + counts.joined(separator: ", ")
        func list(_ ids: [String]) -> String { ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? " and \(ids.count - 10) more" : "") }
        if !diff.systemsAdded.isEmpty { line += "; systems added: \(list(diff.systemsAdded))" }
        if !diff.systemsRetired.isEmpty { line += "; systems retired: \(list(diff.systemsRetired))" }
        print(line + (out == nil ? " (crosswalk diff lists the cells)." : " (every changed cell in changes.csv)."))
    }

    func printSummary(_ a: Assessment, _ d: Deliverables, org: Organization) {
        func pct(_ s: Score) -> String { s.isScored ? String(format: "%5.1f%%", s.readiness * 100) : "    —" }
        func prep(_ s: Score) -> String { s.preparation.map { String(format: "%5.1f%%", $0 * 100) } ?? "    —" }
        print("\(a.organization) — assessed \(a.asOf) against \(a.frameworks.map(\.rawValue).joined(separator: ", "))")
        let o = a.overall
        print("Overall readiness \(pct(o).trimmingCharacters(in: .whitespaces)) over \(o.assessedCells) cells in force, each counting once (\(o.organizationCells) organisation, \(o.systemCells) per-system)"
              + (o.upcomingCells > 0 ? "; preparation \(prep(o).trimmingCharacters(in: .whitespaces)) over \(o.upcomingCells) upcoming" : "") + "\n")
        var rows = [["FRAMEWORK", "READINESS", "PREPARATION", "MET", "PARTIAL", "EXEC-GAP", "STALE", "DUE-SOON", "MISSING", "PROHIBITED", "UPCOMING",
                     "UNDETERMINED", "N/A", "EXCLUDED"]]
        for s in a.scores where s.scope == .framework {
            rows.append([s.key, pct(s), prep(s)] + [CellStatus.met, .partial, .executionGap, .stale, .dueSoon, .missing, .prohibited, .upcoming, .undetermined,
                                                    .notApplicable, .excluded].map { String(s.counts[$0] ?? 0) })
        }
        print(Table.render(rows))
        rows = [["SYSTEM", "TIER", "READINESS", "CELLS", "GAPS"]]
        var gapsBySystem: [String: Int] = [:]
        for c in a.cells where c.status.isGap { if let s = c.system { gapsBySystem[s, default: 0] += 1 } }
        let tiers = Dictionary(org.systems.map { ($0.id, $0.riskTier?.rawValue ?? "undeclared") }, uniquingKeysWith: { a, _ in a })
        for s in a.scores where s.scope == .system {
            rows.append([s.key, tiers[s.key] ?? "", pct(s), String(s.assessedCells), String(gapsBySystem[s.key] ?? 0)])
        }
        print(Table.render(rows))
        let open = Deliverables.openGapCells(a)
        let conflicts = d.ownership.filter(\.hasConflict).count, unowned = d.ownership.filter(\.isUnowned).count
        print("\(d.ownership.count) control groups (\(conflicts) with owner conflicts, \(unowned) unowned); \(d.remediation.count) actions close \(open) open gap cells.")
        if !d.remediation.isEmpty {
            print("Top actions (crosswalk remediation for all):")
            for x in d.remediation.prefix(5) { print("  \(x.rank). [\(x.owner ?? "no owner")] \(x.title)") }
        }
    }
}

struct Owners: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The control-ownership list: one owner per group of overlapping requirements, with conflicts, unowned groups and coordination findings.",
        discussion: "Grouping and owner rules: Docs/Deliverables.md. --format csv prints owners.csv.")
    @OptionGroup var input: AssessmentOptions_
    @Option(help: "Output format.") var format: TableFormat = .table
    @Flag(help: "Only groups with an owner conflict or no owner, then the coordination findings.") var problems = false

    func run() throws {
        let (dataset, org, _, d) = try input.runWithDeliverables()
        if format == .csv { writeStandardOutput(DeliverablesExport.ownersCSV(d, organization: org, catalogs: dataset.catalogs)); return }
        var rows = [["GROUP", "ANCHOR", "MEMBERS", "OWNER", "BASIS", "OTHER OWNERS"]]
        for o in d.ownership where !problems || o.hasConflict || o.isUnowned {
            rows.append([o.group.id, o.group.anchor.description, String(o.group.members.count), o.owner ?? "— none —", o.basis.rawValue,
                         o.otherClaims.map(\.label).joined(separator: "; ")])
        }
        print(Table.render(rows))
        print("\(d.ownership.count) groups; \(d.ownership.filter(\.hasConflict).count) with conflicts; \(d.ownership.filter(\.isUnowned).count) unowned; \(d.coordination.count) coordination findings.")
        if problems && !d.coordination.isEmpty {
            print("\nCoordination findings: related requirements in different groups with different owners")
            var rows = [["REQUIREMENT", "GROUP", "OWNER", "RELATIONSHIP", "REQUIREMENT", "GROUP", "OWNER"]]
            for f in d.coordination {
                rows.append([f.subject.requirement.description, f.subject.group, f.subject.owner, "\(f.relationship.rawValue) \(f.strength)",
                             f.object.requirement.description, f.object.group, f.object.owner])
            }
            print(Table.render(rows))
        }
    }
}

struct Remediation: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The ranked remediation plan: one action per control group with open gaps.",
        discussion: "Ranking: Docs/Deliverables.md. --format csv prints remediation.csv.")
    @OptionGroup var input: AssessmentOptions_
    @Option(help: "Output format.") var format: TableFormat = .table
    @Option(help: "Show only the first N actions.") var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be 1 or more") }
    }

    func run() throws {
        let (_, org, assessment, d) = try input.runWithDeliverables()
        if format == .csv { writeStandardOutput(DeliverablesExport.remediationCSV(d, organization: org)); return }
        var rows = [["RANK", "ACTION", "PRIORITY", "OWNER", "CLOSES", "SYSTEMS", "DEADLINE", "TARGET", "GAPS", "TITLE"]]
        for x in d.remediation.prefix(top ?? Int.max) {
            rows.append([String(x.rank), x.id, String(x.priority.total), x.owner ?? "— none —",
                         "\(x.requirements.count) req / \(x.frameworks.count) fw", x.organizationWide ? "org" + (x.systems.isEmpty ? "" : "+\(x.systems.count)") : String(x.systems.count),
                         x.deadline.map { "\($0) \(x.deadlineKind!.rawValue)" } ?? "", x.targetDate.description, x.gaps.map { "\($0.kind.rawValue):\($0.count)" }.joined(separator: " "), x.title])
        }
        print(Table.render(rows))
        let open = Deliverables.openGapCells(assessment)
        print("\(d.remediation.count) actions for \(open) open gap cells (plus \(assessment.count(.upcoming)) upcoming).")
    }
}

/// A value computed on another thread from the moment it is made; ``value()`` waits for it
/// (and rethrows its error).
final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    init(_ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    func value() throws -> T {
        done.wait()
        done.signal()  // a second call does not wait forever
        return try result!.get()
    }
}
