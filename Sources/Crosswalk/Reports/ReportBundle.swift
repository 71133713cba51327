import Foundation

/// Every report of one assessment: what `crosswalk assess --out` writes (`Docs/Reports.md`).
///
/// ```swift
/// let bundle = ReportBundle(assessment, deliverables: deliverables, organization: org, dataset: dataset)
/// try bundle.write(to: "reports")            // creates the folder; all files or none
/// let workbook = bundle.file(named: "assessment.xlsx")?.render()
/// ```
public struct ReportBundle: Sendable {
    public var assessment: Assessment
    public var deliverables: Deliverables
    public var organization: Organization
    public var dataset: Dataset
    /// The organisation file(s) behind `assessment.json`'s provenance; nil: none (the
    /// catalogue and crosswalk hashes come from ``dataset``).
    public var provenance: Provenance?
    /// The template of `report.html`.
    public var template: ReportTemplate
    /// The comparison with an earlier assessment, if any (`assess --baseline`).
    public var changes: AssessmentDiff?

    /// One report: its file name and how to produce its bytes, all at once or in pieces.
    public struct File {
        public var name: String
        /// Files of one lane share state built on first use, so they are produced one after
        /// another on one thread; ``ReportBundle/write(to:progress:)`` produces different
        /// lanes at the same time.
        package var lane: Lane = .tables
        /// Hands pieces to the closure given (if any) and returns the rest.
        let produce: ((([UInt8]) -> Void)?) -> [UInt8]

        init(name: String, lane: Lane = .tables, produce: @escaping ((([UInt8]) -> Void)?) -> [UInt8]) {
            self.name = name
            self.lane = lane
            self.produce = produce
        }

        /// The whole file.
        public func render() -> [UInt8] {
            var all: [UInt8] = []
            let tail = produce { all += $0 }
            return all + tail
        }

        /// The file in pieces of about 1 MiB, in order: only one piece is in memory at a time.
        public func stream(into emit: ([UInt8]) -> Void) {
            withoutActuallyEscaping(emit) { emit in
                let tail = produce(emit)
                emit(tail)
            }
        }
    }

    /// The groups of files written at the same time (``File/lane``): the CSV and JSON
    /// tables, the OSCAL documents in JSON, the OSCAL documents in XML (each pair with one
    /// shared context), and the workbook and the report (one shared context).
    package enum Lane: Int, Sendable {
        case tables, oscalJSON, oscalXML, client

        /// When the lane is started: the longest first (at 1,000 systems the workbook and
        /// report take about 3 s, each OSCAL pair 2 s, the tables 1.3 s), so that two cores
        /// finish together.
        var start: Int {
            switch self { case .client: 0; case .oscalXML: 1; case .oscalJSON: 2; case .tables: 3 }
        }
    }

    /// Renders `gaps.csv`, `scores.csv`, `owners.csv`, `remediation.csv`, one
    /// `soa-<framework>.csv` per framework with Annex A controls, `assessment.json`, the
    /// OSCAL `assessment-results` and `plan-of-action-and-milestones` documents in JSON and
    /// XML, `assessment.xlsx` and `report.html` (from `template`, by default the bundled one).
    /// `provenance` names the organisation file(s) behind `assessment.json` (default: none;
    /// the catalogue and crosswalk hashes come from `dataset`). With `changes` (the
    /// comparison with an earlier assessment, `assess --baseline`), also `changes.csv`, a
    /// Changes sheet in the workbook and a "Since the last assessment" section in the
    /// report; without it, the files are exactly those of an assessment without a baseline.
    package static func render(_ assessment: Assessment, deliverables d: Deliverables, organization: Organization, dataset: Dataset,
                               provenance: Provenance? = nil, template: ReportTemplate = .standard,
                               changes: AssessmentDiff? = nil) -> [(name: String, bytes: [UInt8])] {
        renderers(assessment, deliverables: d, organization: organization, dataset: dataset, provenance: provenance, template: template, changes: changes)
            .map { (name: $0.name, bytes: $0.render()) }
    }

    /// The same files as ``render(_:deliverables:organization:dataset:provenance:template:changes:)``, each produced
    /// only when asked (for writing large reports one at a time, in pieces).
    package static func renderers(_ assessment: Assessment, deliverables d: Deliverables, organization: Organization, dataset: Dataset,
                                 provenance: Provenance? = nil, template: ReportTemplate = .standard, changes: AssessmentDiff? = nil) -> [File] {
        let provenance = provenance ?? Provenance(assessment, dataset: dataset)
        // One map of evidence positions for every lane, made when the first asks for it.
        let positions = EvidencePositions(organization)
        var out: [File] = [
            File(name: "gaps.csv") {
                AssessmentExport.gapsCSV(assessment, catalogs: dataset.catalogs, join: CellJoin(deliverables: d, organization: organization, positions: positions), emit: $0)
            },
            File(name: "scores.csv") { _ in AssessmentExport.scoresCSV(assessment) },
            File(name: "owners.csv") { _ in DeliverablesExport.ownersCSV(d, organization: organization, catalogs: dataset.catalogs) },
            File(name: "remediation.csv") { _ in DeliverablesExport.remediationCSV(d, organization: organization) },
        ]
        for soa in d.statements { out.append(File(name: "soa-\(soa.framework.rawValue).csv") { _ in DeliverablesExport.soaCSV(soa) }) }
        // The changed cells, as `crosswalk diff --format csv` prints them (Docs/Diff.md).
        if let changes { out.append(File(name: "changes.csv") { _ in changes.csv() }) }
        out.append(File(name: "assessment.json") { AssessmentJSON.render(assessment, deliverables: d, organization: organization, catalogs: dataset.catalogs, provenance: provenance, emit: $0) })
        out += OSCALReports.files(assessment, deliverables: d, organization: organization, catalogs: dataset.catalogs, provenance: provenance, positions: positions)
        out += ClientReports.files(assessment, deliverables: d, organization: organization, dataset: dataset, template: template, changes: changes, positions: positions)
            .map { var f = $0; f.lane = .client; return f }
        return out
    }

    /// Writes every report into `directory`, all or none (``AtomicFile/writeAll(_:)-([(path:String,lane:Int,produce:(([UInt8])->Void)->Void)])``):
    /// each is streamed to a temporary file, and only when all are complete and flushed are
    /// they renamed over the targets. On failure no target is touched and no temporary file
    /// is left. The lanes (tables, OSCAL JSON, OSCAL XML, workbook and report) are produced at the same time,
    /// at most `maxConcurrency` of them (nil, the default: the machine's cores; 1 writes one file after
    /// another and holds the least in memory); every file has the same bytes either way.
    /// `progress`, if given, is called before each file is produced (one call at a time,
    /// with the number of files finished so far).
    /// - Returns: the paths written, in order.
    @discardableResult
    package static func write(_ assessment: Assessment, deliverables d: Deliverables, organization: Organization, dataset: Dataset, provenance: Provenance? = nil,
                             to directory: String, template: ReportTemplate = .standard, changes: AssessmentDiff? = nil,
                             maxConcurrency: Int? = nil,
                             progress: ((_ done: Int, _ total: Int, _ name: String) -> Void)? = nil) throws(CrosswalkError) -> [String] {
        let all = renderers(assessment, deliverables: d, organization: organization, dataset: dataset, provenance: provenance, template: template, changes: changes)
        let counter = ProgressCounter(progress, total: all.count)
        let files = all.map { f in
            (path: directory.hasSuffix("/") ? directory + f.name : directory + "/" + f.name, lane: f.lane.start, produce: { (emit: ([UInt8]) -> Void) in
                counter.starting(f.name)
                f.stream(into: emit)
                counter.finished()
            })
        }
        try AtomicFile.createFolder(directory)
        try AtomicFile.writeAll(files, width: maxConcurrency ?? ProcessInfo.processInfo.activeProcessorCount)
        if changes == nil { removeStaleChanges(in: directory) }
        return files.map(\.path)
    }

    /// Calls a progress callback one call at a time from the lanes' threads.
    private final class ProgressCounter: @unchecked Sendable {
        private let lock = NSLock()
        private let callback: ((_ done: Int, _ total: Int, _ name: String) -> Void)?
        private let total: Int
        private var done = 0
        init(_ callback: ((_ done: Int, _ total: Int, _ name: String) -> Void)?, total: Int) {
            self.callback = callback
            self.total = total
        }
        func starting(_ name: String) { lock.withLock { callback?(done, total, name) } }
        func finished() { lock.withLock { done += 1 } }
    }

    /// A `changes.csv` left by an earlier run with a baseline would no longer describe the
    /// reports beside it: after a run without one, it is removed — only when it is ours (it
    /// starts with the columns Crosswalk writes), never another file of that name.
    static func removeStaleChanges(in directory: String) {
        let path = directory.hasSuffix("/") ? directory + "changes.csv" : directory + "/changes.csv"
        let header = Array(AssessmentDiff.csvColumns.joined(separator: ",").utf8)
        // Only the header is read: the file may be large, and only its first line decides.
        guard let h = FileHandle(forReadingAtPath: path) else { return }
        let start = (try? h.read(upToCount: header.count)) ?? nil
        try? h.close()
        guard let start, Array(start) == header else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Builds the deliverables, then renders everything.
    package static func render(_ assessment: Assessment, organization: Organization, dataset: Dataset) -> [(name: String, bytes: [UInt8])] {
        render(assessment, deliverables: Deliverables.build(assessment, organization: organization, dataset: dataset), organization: organization, dataset: dataset)
    }
}
