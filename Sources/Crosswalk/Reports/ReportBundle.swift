/// Every report of one assessment, rendered to bytes: what `crosswalk assess --out` writes.
public enum ReportBundle {
    /// The file names, in the order they are rendered and written.
    public static func fileNames(for d: Deliverables) -> [String] {
        ["gaps.csv", "scores.csv", "owners.csv", "remediation.csv"] + d.statements.map { "soa-\($0.framework.rawValue).csv" } + ["assessment.json"]
    }

    /// Renders `gaps.csv`, `scores.csv`, `owners.csv`, `remediation.csv`, one
    /// `soa-<framework>.csv` per framework with Annex A controls, and `assessment.json`.
    public static func render(_ assessment: Assessment, deliverables d: Deliverables, organization: Organization, dataset: Dataset) -> [(name: String, bytes: [UInt8])] {
        var out: [(name: String, bytes: [UInt8])] = [
            ("gaps.csv", AssessmentExport.gapsCSV(assessment, catalogs: dataset.catalogs)),
            ("scores.csv", AssessmentExport.scoresCSV(assessment)),
            ("owners.csv", DeliverablesExport.ownersCSV(d, organization: organization, catalogs: dataset.catalogs)),
            ("remediation.csv", DeliverablesExport.remediationCSV(d, organization: organization)),
        ]
        for soa in d.statements { out.append(("soa-\(soa.framework.rawValue).csv", DeliverablesExport.soaCSV(soa))) }
        out.append(("assessment.json", AssessmentJSON.render(assessment, deliverables: d, organization: organization, catalogs: dataset.catalogs)))
        return out
    }

    /// Builds the deliverables, then renders everything.
    public static func render(_ assessment: Assessment, organization: Organization, dataset: Dataset) -> [(name: String, bytes: [UInt8])] {
        render(assessment, deliverables: Deliverables.build(assessment, organization: organization, dataset: dataset), organization: organization, dataset: dataset)
    }
}
