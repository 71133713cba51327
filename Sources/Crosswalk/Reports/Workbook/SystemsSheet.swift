extension ReportContext {
    /// AI register: the AI system inventory with its lifecycle, EU AI Act classification,
    /// the completeness of each system's record (``AIRegister``) and readiness.
    func systemsSheet() -> Sheet {
        var s = Sheet(name: "AI register", columns: [
            ("System", 16), ("Name", 28), ("Purpose", 40), ("Business unit", 18), ("Lifecycle", 12), ("Go-live", 12), ("Retired on", 12),
            ("Placed on market", 12), ("Sourcing", 16), ("Vendor", 18),
            ("EU AI Act tier", 14), ("Annex III", 9), ("EU roles", 18), ("Conditions", 24), ("Owner", 18), ("Owner name", 22),
            ("Impact assessment", 14), ("Supplier due diligence", 14), ("Classification", 14), ("To do", 50), ("Readiness", 10),
            ("Assessed cells", 9), ("Open gaps", 9),
        ] + frameworks.map { ($0.id.rawValue, 11.0) })
        func date(_ d: CalendarDate?) -> SheetValue { d.map(SheetValue.date) ?? .empty }
        for x in systems {
            s.row([.text(x.id), .text(x.name), .text(x.purpose), .text(x.businessUnit), .text(x.lifecycle), date(x.goLive), date(x.retiredOn),
                   date(x.placedOnMarket), .text(x.sourcing), .text(x.vendor),
                   .text(x.tier), .text(x.annexIII), x.roles.cell, x.conditions.cell, .text(x.owner), .text(x.ownerName),
                   .text(x.impactAssessment), .text(x.supplierDueDiligence), .text(x.classification), x.registerActions.cell,
                   x.figures.map { .percent($0.readiness) } ?? .empty, .integer(x.figures?.assessed ?? 0), .integer(x.gapCells.count)]
                  + x.perFramework.map { $0.map(SheetValue.percent) ?? .empty })
        }
        return s
    }
}
