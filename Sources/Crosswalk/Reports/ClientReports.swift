/// The two files for the client, beside the CSV and JSON reports: `assessment.xlsx` and
/// `report.html`, rendered from one ``ReportContext`` built when the first is asked for
/// (with the comparison with an earlier assessment, when there is one).
enum ClientReports {
    static func files(_ a: Assessment, deliverables d: Deliverables, organization: Organization, dataset: Dataset, template: ReportTemplate,
                      changes: AssessmentDiff? = nil, positions: EvidencePositions? = nil) -> [ReportBundle.File] {
        let context = LazyContext {
            var c = ReportContext(a, deliverables: d, organization: organization, dataset: dataset, positions: positions)
            c.changes = changes.map { ReportContext.Changes($0, organization: organization, catalogs: dataset.catalogs) }
            return c
        }
        return [
            ReportBundle.File(name: "assessment.xlsx") { emit in
                var rest: [UInt8] = []
                AssessmentWorkbook.render(context.value) { bytes in if let emit { emit(bytes) } else { rest += bytes } }
                return rest
            },
            // The last file of the lane: the context is let go once the report is made.
            ReportBundle.File(name: "report.html") { _ in HTMLReport.render(context.take(), template: template) },
        ]
    }
}

/// A value computed on first use and kept (the files of a bundle are produced one after
/// another, on one thread; it is not shared across threads, hence unchecked).
final class LazyContext: @unchecked Sendable {
    private let make: () -> ReportContext
    private var cached: ReportContext?
    init(_ make: @escaping () -> ReportContext) { self.make = make }
    var value: ReportContext {
        if let cached { return cached }
        let v = make()
        cached = v
        return v
    }
    /// The value, no longer kept (asked again, it is made again: the same value).
    func take() -> ReportContext {
        let v = value
        cached = nil
        return v
    }
}
