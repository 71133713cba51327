/// The OSCAL files `crosswalk assess --out` writes beside the CSV and JSON reports.
enum OSCALReports {
    static let names = ["assessment-results.json", "assessment-results.xml", "poam.json", "poam.xml"]

    static func files(_ a: Assessment, deliverables d: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance) -> [ReportBundle.File] {
        [
            ReportBundle.File(name: names[0]) { _ in AssessmentResultsDocument(a, deliverables: d, organization: organization, catalogs: catalogs, provenance: provenance).json() },
            ReportBundle.File(name: names[1]) { _ in AssessmentResultsDocument(a, deliverables: d, organization: organization, catalogs: catalogs, provenance: provenance).xml() },
            ReportBundle.File(name: names[2]) { _ in POAMDocument(a, deliverables: d, organization: organization, catalogs: catalogs, provenance: provenance).json() },
            ReportBundle.File(name: names[3]) { _ in POAMDocument(a, deliverables: d, organization: organization, catalogs: catalogs, provenance: provenance).xml() },
        ]
    }
}
