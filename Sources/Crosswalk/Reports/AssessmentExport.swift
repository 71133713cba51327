/// Renders an assessment as CSV. Column contracts: `Docs/CSV.md`.
package enum AssessmentExport {
    public static let gapColumns = ["framework", "requirement", "system", "system_name", "status", "reason_code", "reason", "evidence", "evidence_titles",
                                    "via", "owner", "owner_basis", "no_owner", "group", "action", "deadline", "credit", "applicability", "title"]

    /// One row per cell, in assessment order; `join` fills the join keys (`CellJoin()` leaves them empty).
    public static func gapsCSV(_ a: Assessment, catalogs: CatalogSet, join: CellJoin = CellJoin()) -> [UInt8] {
        gapsCSV(a, catalogs: catalogs, join: join, emit: nil)
    }

    /// One row per cell; with `emit`, the bytes are handed over a piece at a time (about
    /// 1 MiB each) and only the last piece is returned.
    public static func gapsCSV(_ a: Assessment, catalogs: CatalogSet, join: CellJoin = CellJoin(), emit: (([UInt8]) -> Void)?) -> [UInt8] {
        var w = CSVWriter(reservingCapacity: emit == nil ? a.cells.count * 260 : 1 << 21)
        w.row(gapColumns)
        // Cells come in requirement blocks: look each title up once per block.
        var lastRef: RequirementRef?
        var title = ""
        for c in a.cells {
            if c.requirement != lastRef { lastRef = c.requirement; title = catalogs.entry(c.requirement)?.title ?? "" }
            let (owner, basis) = join.owner(c)
            w.text(c.requirement.framework.rawValue); w.text(c.requirement.label); w.text(c.system ?? ""); w.text(join.systemName(c) ?? "")
            w.text(c.status.rawValue); w.text(c.reason.code); w.text(c.sentence); w.text(c.evidence.joined(separator: ";"))
            w.text(join.evidenceTitles(c).joined(separator: ";")); w.text(c.via.joined(separator: " | "))
            w.text(owner ?? ""); w.text(basis.rawValue); w.text(owner == nil ? "yes" : "no"); w.text(join.group(c) ?? ""); w.text(join.action(c) ?? "")
            w.text(c.deadline?.description ?? "")
            if c.status.hasCredit { w.number(c.credit, decimals: 2) } else { w.text("") }
            w.text(c.applicability); w.text(title)
            w.endRow()
            if let emit { w.drain(into: emit) }
        }
        return w.bytes
    }

    public static let scoreColumns = ["scope", "key", "readiness", "credit", "assessed_cells", "organization_cells", "organization_readiness",
                                      "system_cells", "system_readiness", "preparation", "upcoming_credit"] + CellStatus.allCases.map(\.rawValue)

    /// One row per score: overall, frameworks, headings, systems.
    public static func scoresCSV(_ a: Assessment) -> [UInt8] {
        var w = CSVWriter()
        w.row(scoreColumns)
        for s in a.scores {
            func percent(_ v: Double?) { if let v { w.number(v * 100, decimals: 1) } else { w.text("") } }
            w.text(s.scope.rawValue); w.text(s.key); percent(s.isScored ? s.readiness : nil); w.number(s.credit, decimals: 2); w.number(s.assessedCells)
            w.number(s.organizationCells); percent(s.organizationReadiness); w.number(s.systemCells); percent(s.systemReadiness)
            percent(s.preparation); w.number(s.upcomingCredit, decimals: 2)
            for st in CellStatus.allCases { w.number(s.counts[st] ?? 0) }
            w.endRow()
        }
        return w.bytes
    }
}
