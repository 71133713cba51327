/// Renders an assessment as CSV. Column contracts: `Docs/CSV.md`.
public enum AssessmentExport {
    public static let gapColumns = ["framework", "requirement", "system", "status", "reason_code", "reason", "evidence", "via", "owner", "no_owner",
                                    "deadline", "credit", "applicability", "title"]

    /// One row per cell, in assessment order.
    public static func gapsCSV(_ a: Assessment, catalogs: CatalogSet) -> [UInt8] {
        gapsCSV(a, catalogs: catalogs, emit: nil)
    }

    /// One row per cell; with `emit`, the bytes are handed over a piece at a time (about
    /// 1 MiB each) and only the last piece is returned.
    public static func gapsCSV(_ a: Assessment, catalogs: CatalogSet, emit: (([UInt8]) -> Void)?) -> [UInt8] {
        var w = CSVWriter(reservingCapacity: emit == nil ? a.cells.count * 200 : 1 << 21)
        w.row(gapColumns)
        // Cells come in requirement blocks: look each title up once per block.
        var lastRef: RequirementRef?
        var title = ""
        for c in a.cells {
            if c.requirement != lastRef { lastRef = c.requirement; title = catalogs.entry(c.requirement)?.title ?? "" }
            w.text(c.requirement.framework.rawValue); w.text(c.requirement.label); w.text(c.system ?? ""); w.text(c.status.rawValue)
            w.text(c.reason.code); w.text(c.reason.sentence); w.text(c.evidence.joined(separator: ";")); w.text(c.via.joined(separator: " | "))
            w.text(c.owner ?? ""); w.text(c.noOwner ? "yes" : "no"); w.text(c.deadline?.description ?? ""); w.number(c.credit, decimals: 2)
            w.text(c.applicability); w.text(title)
            w.endRow()
            if let emit { w.drain(into: emit) }
        }
        return w.bytes
    }

    public static let scoreColumns = ["scope", "key", "readiness", "credit", "assessed_cells"] + CellStatus.allCases.map(\.rawValue)

    /// One row per score: overall, frameworks, headings, systems.
    public static func scoresCSV(_ a: Assessment) -> [UInt8] {
        var w = CSVWriter()
        w.row(scoreColumns)
        for s in a.scores {
            w.text(s.scope); w.text(s.key); w.number(s.readiness * 100, decimals: 1); w.number(s.credit, decimals: 2); w.number(s.assessedCells)
            for st in CellStatus.allCases { w.number(s.counts[st] ?? 0) }
            w.endRow()
        }
        return w.bytes
    }
}
