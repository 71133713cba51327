/// Every report of one assessment, rendered to bytes: what `crosswalk assess --out` writes.
public enum ReportBundle {
    /// Renders `gaps.csv`, `scores.csv`, `owners.csv`, `remediation.csv`, one
    /// `soa-<framework>.csv` per framework with Annex A controls, and `assessment.json`.
    public static func render(_ assessment: Assessment, deliverables d: Deliverables, organization: Organization, dataset: Dataset) -> [(name: String, bytes: [UInt8])] {
        renderers(assessment, deliverables: d, organization: organization, dataset: dataset).map { (name: $0.name, bytes: $0.render()) }
    }

    /// The same files as ``render(_:deliverables:organization:dataset:)``, each rendered
    /// only when called (for writing large reports one at a time).
    public static func renderers(_ assessment: Assessment, deliverables d: Deliverables, organization: Organization, dataset: Dataset) -> [(name: String, render: () -> [UInt8])] {
        var out: [(name: String, render: () -> [UInt8])] = [
            ("gaps.csv", { AssessmentExport.gapsCSV(assessment, catalogs: dataset.catalogs) }),
            ("scores.csv", { AssessmentExport.scoresCSV(assessment) }),
            ("owners.csv", { DeliverablesExport.ownersCSV(d, organization: organization, catalogs: dataset.catalogs) }),
            ("remediation.csv", { DeliverablesExport.remediationCSV(d, organization: organization) }),
        ]
        for soa in d.statements { out.append(("soa-\(soa.framework.rawValue).csv", { DeliverablesExport.soaCSV(soa) })) }
        out.append(("assessment.json", { AssessmentJSON.render(assessment, deliverables: d, organization: organization, catalogs: dataset.catalogs) }))
        return out
    }

    /// Writes every report into `directory`, all or none (see ``AtomicFile/writeAll(_:)-([(path:String,render:()->[UInt8])])``),
    /// rendering one file at a time.
    /// - Returns: the paths written, in order.
    @discardableResult
    public static func write(_ assessment: Assessment, deliverables d: Deliverables, organization: Organization, dataset: Dataset, to directory: String) throws(CrosswalkError) -> [String] {
        let files = renderers(assessment, deliverables: d, organization: organization, dataset: dataset).map { f in
            (path: directory.hasSuffix("/") ? directory + f.name : directory + "/" + f.name, render: f.render)
        }
        try AtomicFile.writeAll(files)
        return files.map(\.path)
    }

    /// Builds the deliverables, then renders everything.
    public static func render(_ assessment: Assessment, organization: Organization, dataset: Dataset) -> [(name: String, bytes: [UInt8])] {
        render(assessment, deliverables: Deliverables.build(assessment, organization: organization, dataset: dataset), organization: organization, dataset: dataset)
    }
}
