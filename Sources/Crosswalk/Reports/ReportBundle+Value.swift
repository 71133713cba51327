extension ReportBundle {
    /// The reports of `assessment` and its `deliverables`.
    /// - Parameters:
    ///   - assessment: the assessment to report.
    ///   - deliverables: its deliverables (``Deliverables/init(_:organization:dataset:)``).
    ///   - organization: the organisation assessed.
    ///   - dataset: the dataset it was assessed against.
    ///   - provenance: the organisation file(s) read, for `assessment.json` (default: none).
    ///   - template: the Mustache template of `report.html` (default: the bundled one).
    ///   - changes: the comparison with an earlier assessment (`assess --baseline`): adds
    ///     `changes.csv`, the workbook's Changes sheet and the report's "Since the last
    ///     assessment" section (default: none).
    public init(_ assessment: Assessment, deliverables: Deliverables, organization: Organization, dataset: Dataset,
                provenance: Provenance? = nil, template: ReportTemplate = .standard, changes: AssessmentDiff? = nil) {
        self.changes = changes
        self.assessment = assessment
        self.deliverables = deliverables
        self.organization = organization
        self.dataset = dataset
        self.provenance = provenance
        self.template = template
    }

    /// Every report, in the order `Docs/Reports.md` lists them: `gaps.csv`, `scores.csv`,
    /// `owners.csv`, `remediation.csv`, one `soa-<framework>.csv` per framework with Annex A
    /// controls, `assessment.json`, the OSCAL assessment results and POA&M (JSON and XML),
    /// `assessment.xlsx`, `report.html`. Each is produced only when asked.
    public var files: [File] {
        ReportBundle.renderers(assessment, deliverables: deliverables, organization: organization, dataset: dataset,
                               provenance: provenance, template: template, changes: changes)
    }

    /// The report named `name` (`assessment.xlsx`, `report.html`, `gaps.csv` …), or nil.
    public func file(named name: String) -> File? { files.first { $0.name == name } }

    /// Writes every report into `directory`, creating it (and its parents) if needed, all
    /// or none: each is streamed to a temporary file, and only when all are complete and
    /// flushed are they renamed over the targets. On failure no target is touched and no
    /// temporary file is left.
    /// - Parameters:
    ///   - directory: the folder to write into.
    ///   - maxConcurrency: how many groups of files are produced at the same time (the CSV
    ///     and JSON tables, the OSCAL documents, the workbook with the report); default: the
    ///     machine's cores (nil). 1 writes one file after another and holds the least in memory.
    ///     The bytes are the same either way.
    ///   - progress: called before each file is produced, one call at a time, with the files
    ///     finished so far, the total and the name.
    /// - Returns: the paths written, in order.
    /// - Throws: ``CrosswalkError`` `io-error` naming the path and the cause.
    @discardableResult
    public func write(to directory: String, maxConcurrency: Int? = nil,
                      progress: ((_ done: Int, _ total: Int, _ name: String) -> Void)? = nil) throws(CrosswalkError) -> [String] {
        try ReportBundle.write(assessment, deliverables: deliverables, organization: organization, dataset: dataset, provenance: provenance,
                               to: directory, template: template, changes: changes, maxConcurrency: maxConcurrency, progress: progress)
    }

    /// Installs, once per process and only when called, handlers for SIGINT, SIGTERM and
    /// SIGHUP that remove the temporary files of report writes in flight, then end the
    /// process as the signal would have. The library never installs them on its own: call
    /// this from a program that owns its signals (the `crosswalk` tool does); a server with
    /// its own signal handling should not.
    public static func installSignalCleanup() { AtomicFile.installSignalCleanup() }
}
