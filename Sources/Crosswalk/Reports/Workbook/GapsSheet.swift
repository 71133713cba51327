extension ReportContext {
    /// Gaps: every cell (the rows of `gaps.csv`, in the same order), with titles, evidence
    /// titles and the join keys to the Actions and Owners sheets. Past Excel's row limit the
    /// last row says how many cells were left out (they are in `gaps.csv`; see ``Sheet/row(_:)``).
    func gapsSheet() -> Sheet {
        var s = Sheet(name: "Gaps", columns: [
            ("Framework", 11), ("Requirement", 13), ("Title", 40), ("Heading", 30), ("System", 16), ("System name", 24), ("Status", 14),
            ("Reason code", 22), ("Reason", 60), ("Evidence", 16), ("Evidence titles", 40), ("Via", 40), ("Owner", 16), ("Owner name", 20),
            ("Deadline", 12), ("Credit", 8), ("Applicability", 40), ("Group", 9), ("Action", 10),
        ])
        for c in cells {
            s.row([.text(c.framework.rawValue), .text(c.requirement), .text(c.title), .text(c.heading), .text(c.system), .text(c.systemName),
                   .status(c.status), .text(c.reasonCode), .text(c.reason), c.evidence.cell, c.evidenceTitles.cell, .text(c.via.joined(separator: " | ")),
                   .text(c.owner), .text(c.ownerName), SheetValue(c.deadline), c.scored ? .decimal(c.credit) : .empty, .text(c.applicability), .text(c.group), .text(c.action)])
        }
        return s
    }
}
