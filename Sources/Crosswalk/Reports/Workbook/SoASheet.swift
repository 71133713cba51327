extension ReportContext {
    /// A Statement of Applicability: the columns auditors expect, one row per Annex A
    /// control (the rows of `soa-<framework>.csv`).
    func soaSheet(_ soa: SoA) -> Sheet {
        var s = Sheet(name: "SoA " + Self.shortName(soa.framework), columns: [
            ("Control", 10), ("Title", 40), ("Theme", 30), ("Applicable", 10), ("Decision", 18), ("Justification for inclusion or exclusion", 50),
            ("Implementation status", 20), ("Cells met", 9), ("Cells assessed", 9), ("Evidence", 18), ("Evidence titles", 40), ("Owner", 18),
            ("Owner name", 22), ("Group", 9), ("Review date", 12), ("Per-system decisions", 40),
        ])
        for r in soa.rows {
            s.row([.text(r.control), .text(r.title), .text(r.theme), r.applicable.cell, .text(r.decision), .text(r.justification), .text(r.status),
                   .integer(r.cellsMet), .integer(r.cellsAssessed), r.evidence.cell, r.evidenceTitles.cell, .text(r.owner), .text(r.ownerName),
                   .text(r.group), .date(asOf), .text(r.systemDecisions.joined(separator: "; "))])
        }
        return s
    }

    /// `ISO 42001` for `iso42001`, `ISO 27001` for `iso27001`; other frameworks by identifier.
    static func shortName(_ fw: FrameworkID) -> String {
        let id = fw.rawValue
        if id.hasPrefix("iso"), id.dropFirst(3).allSatisfy(\.isNumber), id.count > 3 { return "ISO " + id.dropFirst(3) }
        return id
    }
}
