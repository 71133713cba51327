extension ReportContext {
    /// Summary: the organisation, the frameworks (readiness in force, upcoming obligations),
    /// what changed since the earlier assessment (with a baseline), the systems, counts by
    /// status, and where the numbers come from.
    func summarySheet() -> Sheet {
        var s = Sheet(name: "Summary", columns: [("Item", 46), ("Value", 18), ("", 14), ("", 14), ("", 16), ("", 44), ("", 40), ("", 14), ("", 14),
                                                 ("", 14), ("", 14), ("", 14), ("", 14), ("", 14), ("", 14), ("", 14)])
        s.filterHeaderRow = nil
        s.row([.text("Organisation"), .text(organization)])
        s.row([.text("Assessed as of"), .date(asOf)])
        s.row([.text("Frameworks"), frameworks.map(\.id.rawValue).cell])
        s.row([.text("Overall readiness (obligations in force)"), .percent(overall.readiness)])
        s.row([.text("Assessed cells"), .integer(overall.assessed)])
        s.row([.text("Open gap cells"), .integer(openGapCells)])
        s.row([.text("Upcoming cells (not yet in force)"), .integer(overall.count(.upcoming))])
        s.row([.text("Remediation actions"), .integer(actions.count)])
        s.row([.text("Control groups"), .integer(owners.count)])
        s.row([.text("Groups with an owner conflict"), .integer(owners.filter(\.conflict).count)])
        s.row([.text("Unowned groups"), .integer(owners.filter(\.unowned).count)])
        s.row([.text("Evidence expired or expiring within \(Self.horizonDays) days"), .integer(expiring.count)])
        s.row([])
        if let changes { changesSummary(changes, into: &s) }

        let statusHeads = StatusStyle.all.map { SheetValue.heading($0.style.label) }
        s.row([.heading("Framework"), .heading("Readiness in force"), .heading("Assessed cells"), .heading("Upcoming cells"),
               .heading("Preparation (upcoming)"), .heading("Next application date"), .heading("Title"), .heading("Edition")] + statusHeads)
        for f in frameworks {
            s.row([.text(f.id.rawValue), .percent(f.inForce.readiness), .integer(f.inForce.assessed), .integer(f.upcomingCells),
                   f.inForce.preparation.map(SheetValue.percent) ?? .empty, SheetValue(f.nextDate),
                   .text(f.title), .text(f.edition)] + f.inForce.counts.map { .integer($0.count) })
        }
        s.row([])

        s.row([.heading("System"), .heading("Readiness"), .heading("Assessed cells"), .heading("Open gaps"), .heading("EU AI Act tier"),
               .heading("Annex III"), .heading("Name")] + frameworks.map { .heading($0.id.rawValue) })
        for sys in systems {
            s.row([.text(sys.id), sys.figures.map { .percent($0.readiness) } ?? .empty, .integer(sys.figures?.assessed ?? 0), .integer(sys.gapCells.count),
                   .text(sys.tier), .text(sys.annexIII), .text(sys.name)] + sys.perFramework.map { $0.map(SheetValue.percent) ?? .empty })
        }
        s.row([])

        s.row([.heading("Status"), .heading("Cells")])
        for (st, n) in overall.counts { s.row([.status(st), .integer(n)]) }
        s.row([])

        s.row([.heading("Crosswalk"), .heading("Version"), .heading("Method"), .heading("Review status"), .heading("Rationale"), .heading("Mappings"), .heading("Source")])
        for x in crosswalks { s.row([.text(x.title), .text(x.version), .text(x.method), .text(x.status), .text(x.rationale), .integer(x.mappings), .text(x.source)]) }
        s.row([])
        s.row([.heading("Catalogue"), .heading("Title"), .heading("Edition"), .heading("Version"), .heading("Source")])
        for x in catalogues { s.row([.text(x.framework), .text(x.title), .text(x.edition), .text(x.version), .text(x.source)]) }
        return s
    }
}
