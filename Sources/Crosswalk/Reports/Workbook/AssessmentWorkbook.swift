/// `assessment.xlsx`: the consultant's working file, one sheet per register (sheets and
/// columns: `Docs/Reports.md`). Written from the same values as the CSV reports.
package enum AssessmentWorkbook {
    /// The values of the `Progress` drop-down on the Actions sheet.
    public static let progressValues = ["open", "in progress", "done", "risk accepted"]

    /// The workbook's bytes.
    public static func render(_ assessment: Assessment, deliverables: Deliverables, organization: Organization, dataset: Dataset) -> [UInt8] {
        var out: [UInt8] = []
        render(ReportContext(assessment, deliverables: deliverables, organization: organization, dataset: dataset)) { out += $0 }
        return out
    }

    /// Hands the workbook's bytes to `emit`, one part at a time.
    static func render(_ c: ReportContext, emit: @escaping ([UInt8]) -> Void) {
        var wb = Workbook(emit: emit)
        wb.add(c.summarySheet())
        if let changes = c.changes { wb.add(c.changesSheet(changes)) }
        wb.add(c.actionsSheet())
        wb.add(c.gapsSheet())
        wb.add(c.ownersSheet())
        for soa in c.statements { wb.add(c.soaSheet(soa)) }
        wb.add(c.evidenceSheet())
        wb.add(c.systemsSheet())
        wb.finish()
    }
}

extension [String] {
    /// A list cell: items joined by `; `.
    var cell: SheetValue { .text(joined(separator: "; ")) }
}

extension Bool {
    var cell: SheetValue { .text(self ? "yes" : "no") }
}
