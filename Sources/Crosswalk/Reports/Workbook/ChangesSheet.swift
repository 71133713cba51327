extension ReportContext {
    /// Changes (with `assess --baseline`): one row per changed cell since the earlier
    /// assessment, in the rows of `changes.csv` (same order), with titles and names; the
    /// statuses then and now coloured as on the Gaps sheet (a status this Crosswalk does not
    /// know as written; empty where there was no cell).
    func changesSheet(_ changes: Changes) -> Sheet {
        var s = Sheet(name: "Changes", columns: [
            ("Change", 18), ("Framework", 11), ("Requirement", 13), ("Title", 40), ("System", 16), ("System name", 24),
            ("Owner", 16), ("Owner name", 20), ("Status then", 14), ("Status now", 14),
        ])
        func status(_ x: Changes.Status) -> SheetValue {
            switch x {
            case let .known(st): .status(st)
            case let .unknown(text): .text(text)
            case .none: .empty
            }
        }
        for r in changes.rows {
            s.row([.text(r.change.rawValue), .text(r.framework.rawValue), .text(r.requirement), .text(r.title), .text(r.system), .text(r.systemName),
                   .text(r.owner), .text(r.ownerName), status(r.old), status(r.new)])
        }
        return s
    }

    /// The Summary sheet's block on the comparison: counts of each change, readiness then
    /// and now, systems added and retired, requirements of a catalogue change, and the
    /// warnings (reference data that differ).
    func changesSummary(_ c: Changes, into s: inout Sheet) {
        s.row([.heading("Since the assessment of \(c.oldAsOf)"), .heading("Cells")])
        for (change, n) in c.counts { s.row([.text(change.rawValue), .integer(n)]) }
        s.row([.text("Compared with"), .text(c.oldFile)])
        s.row([])
        s.row([.heading("Readiness then and now"), .heading("Key"), .heading("Then"), .heading("Now"), .heading("Change (points)"), .heading("Name")])
        for r in c.readiness {
            let delta: SheetValue = if let o = r.old, let n = r.new { .decimal(((n - o) * 1000).rounded() / 10) } else { .empty }
            s.row([.text(r.scope), .text(r.key), r.old.map(SheetValue.percent) ?? .empty, r.new.map(SheetValue.percent) ?? .empty, delta, .text(r.name)])
        }
        if !c.systemsAdded.isEmpty || !c.systemsRetired.isEmpty {
            s.row([])
            s.row([.heading("Systems"), .heading("System"), .heading("Name")])
            for x in c.systemsAdded { s.row([.text("added"), .text(x.id), .text(x.name)]) }
            for x in c.systemsRetired { s.row([.text("retired"), .text(x)]) }
        }
        if !c.requirementsAdded.isEmpty || !c.requirementsRemoved.isEmpty {
            s.row([])
            s.row([.heading("Requirements (catalogue change)"), .heading("Requirement")])
            for x in c.requirementsAdded { s.row([.text("added"), .text(x)]) }
            for x in c.requirementsRemoved { s.row([.text("removed"), .text(x)]) }
        }
        if !c.warnings.isEmpty {
            s.row([])
            s.row([.heading("Warnings about the comparison")])
            for w in c.warnings { s.row([.text(w)]) }
        }
        s.row([])
    }
}
