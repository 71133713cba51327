extension ReportContext {
    /// Evidence: the register, with its validity at the as-of date.
    func evidenceSheet() -> Sheet {
        var s = Sheet(name: "Evidence", columns: [
            ("Evidence", 12), ("Title", 44), ("Kind", 14), ("Owner", 18), ("Owner name", 22), ("Collected", 12), ("Valid until", 12), ("Status", 10),
            ("Validity at as-of date", 14), ("Claims", 50), ("Systems", 30), ("Location", 40),
        ])
        for e in evidence {
            s.row([.text(e.id), .text(e.title), .text(e.kind), .text(e.owner), .text(e.ownerName), SheetValue(e.collected), SheetValue(e.validUntil),
                   .text(e.status), .text(e.validity), e.claims.cell, e.systems.isEmpty ? .text("(organisation-wide)") : e.systems.cell, .text(e.location)])
        }
        return s
    }
}
