/// `report.html`: the document for the client, one self-contained file (inline CSS and
/// SVG, no script, no external request), rendered from a ``ReportTemplate``.
package enum HTMLReport {
    // Caps that keep the file readable at platform scale; each cut is stated in the report
    // where it applies, and everything left out is in the workbook and the CSVs.

    /// Actions in the "Top actions" section.
    public static let topActions = 25
    /// Systems with a page of their own (inventory order).
    public static let systemPages = 200
    /// Open gaps listed on one system's page (worst first).
    public static let gapsPerSystemPage = 60
    /// Cells in the gap register.
    public static let registerRows = 2_000
    /// Systems (rows) in the heatmap.
    public static let heatmapSystems = 60
    /// Evidence items in "expired or expiring" (soonest first).
    public static let expiringEvidence = 50
    /// Changed cells listed in "Since the last assessment" (with a baseline).
    public static let changeRows = 2_000

    /// The report's bytes.
    public static func render(_ assessment: Assessment, deliverables: Deliverables, organization: Organization, dataset: Dataset,
                              template: ReportTemplate = .standard) -> [UInt8] {
        render(ReportContext(assessment, deliverables: deliverables, organization: organization, dataset: dataset), template: template)
    }

    static func render(_ c: ReportContext, template: ReportTemplate) -> [UInt8] {
        Array(template.render(HTMLVariables.make(c)).utf8)
    }
}
