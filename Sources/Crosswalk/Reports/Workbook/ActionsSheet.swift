extension ReportContext {
    /// Actions: the ranked remediation plan, one row per action (the rows of `remediation.csv`),
    /// with a `Progress` drop-down for the consultant to keep.
    func actionsSheet() -> Sheet {
        var s = Sheet(name: "Actions", columns: [
            ("Rank", 7), ("Action", 10), ("Title", 60), ("Owner", 18), ("Owner name", 22), ("Target date", 12), ("Deadline", 12), ("Deadline kind", 13),
            ("Gaps closed", 11), ("Gap kinds", 28), ("Requirements", 40), ("Frameworks", 22), ("Systems", 30), ("Organisation-wide", 10),
            ("Highest tier", 14), ("Mandatory", 10), ("Priority", 9), ("Priority breakdown", 50), ("Group", 9), ("Progress", 14),
        ])
        s.validations = [(column: 19, values: AssessmentWorkbook.progressValues)]
        for a in actions {
            s.row([.integer(a.rank), .text(a.id), .text(a.title), .text(a.owner), .text(a.ownerName), SheetValue(a.targetDate), SheetValue(a.deadline),
                   .text(a.deadlineKind), .integer(a.openCells), .text(a.gapKinds), a.requirements.cell, a.frameworks.cell, a.systems.cell,
                   a.organizationWide.cell, .text(a.highestTier), a.mandatory.cell, .integer(a.priority), .text(a.priorityBreakdown), .text(a.group),
                   .text("open")])
        }
        return s
    }
}
