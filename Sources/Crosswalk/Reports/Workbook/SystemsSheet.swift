extension ReportContext {
    /// Systems: the AI system inventory with its EU AI Act classification and readiness.
    func systemsSheet() -> Sheet {
        var s = Sheet(name: "Systems", columns: [
            ("System", 16), ("Name", 28), ("Purpose", 40), ("Business unit", 18), ("Lifecycle", 12), ("Sourcing", 16), ("Vendor", 18),
            ("EU AI Act tier", 14), ("Annex III", 9), ("EU roles", 18), ("Conditions", 24), ("Owner", 18), ("Owner name", 22), ("Readiness", 10),
            ("Assessed cells", 9), ("Open gaps", 9),
        ] + frameworks.map { ($0.id.rawValue, 11.0) })
        for x in systems {
            s.row([.text(x.id), .text(x.name), .text(x.purpose), .text(x.businessUnit), .text(x.lifecycle), .text(x.sourcing), .text(x.vendor),
                   .text(x.tier), .text(x.annexIII), x.roles.cell, x.conditions.cell, .text(x.owner), .text(x.ownerName),
                   x.figures.map { .percent($0.readiness) } ?? .empty, .integer(x.figures?.assessed ?? 0), .integer(x.gapCells.count)]
                  + x.perFramework.map { $0.map(SheetValue.percent) ?? .empty })
        }
        return s
    }
}
