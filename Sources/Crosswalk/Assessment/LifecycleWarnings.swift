/// Lifecycle facts that contradict the as-of date, and per-system decisions or owners that
/// change nothing, give a warning (`lifecycle-date`, `per-system-no-effect`): the engine
/// still assesses, on the rule `Docs/Scoring.md` states, and the warning says what to fix.
enum LifecycleWarnings {
    /// In inventory order, then decisions, then owner assignments.
    static func warnings(_ org: Organization, asOf: CalendarDate, cells: [Cell]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func warn(_ code: CrosswalkError.Code, _ m: String, _ at: SourceLocation) { out.append(Diagnostic(.warning, code, m, at: at)) }
        for s in org.systems {
            switch (s.lifecycle, s.goLive) {
            case let (.planned, g?) where g <= asOf, let (.development, g?) where g <= asOf:
                warn(.lifecycleDate, "system \(s.id) is \(s.lifecycle.rawValue), but its go-live (\(g)) is not after the assessment date (\(asOf)): its operation duties are assessed as due; write lifecycle=\"production\" if it is live, or correct go-live", s.location)
            case (.planned, nil), (.development, nil):
                warn(.lifecycleDate, "system \(s.id) is \(s.lifecycle.rawValue) and declares no go-live: its operation duties stay upcoming without a date; declare go-live=\"YYYY-MM-DD\"", s.location)
            case let (.production, g?) where g > asOf:
                warn(.lifecycleDate, "system \(s.id) is in production, but its go-live (\(g)) is after the assessment date (\(asOf)): its operation duties are assessed as due; correct go-live or write lifecycle=\"planned\"", s.location)
            default: break
            }
            if s.lifecycle == .retired {
                if let r = s.retiredOn, r > asOf {
                    warn(.lifecycleDate, "system \(s.id) is retired on \(r), after the assessment date (\(asOf)); correct retired-on, or keep lifecycle=\"production\" until then", s.location)
                } else if s.retiredOn == nil {
                    warn(.lifecycleDate, "system \(s.id) is retired without retired-on: how long its logs must be kept (Art. 19, Art. 26(6): at least six months after retirement) cannot be dated; declare retired-on=\"YYYY-MM-DD\"", s.location)
                }
            }
            if let p = s.placedOnMarket, p > asOf, s.lifecycle == .production {
                warn(.lifecycleDate, "system \(s.id) is in production but placed on the market on \(p), after the assessment date (\(asOf)); correct placed-on-market", s.location)
            }
        }
        // Per-system decisions and owners on requirements with no cell for that system.
        // Only the pairs a per-system decision or owner names are looked for (few), so the
        // cells are scanned once against that small set, not hashed into a set of their own.
        var asked = Set<SystemCellKey>()
        for d in org.decisions { if let s = d.system { asked.insert(SystemCellKey(requirement: d.requirement, system: s)) } }
        for o in org.owners { if let s = o.system { asked.insert(SystemCellKey(requirement: o.requirement, system: s)) } }
        var systemCells = Set<SystemCellKey>()
        if !asked.isEmpty {
            // Cells come grouped by requirement: only the runs of requirements asked about are hashed.
            let askedRequirements = Set(asked.map(\.requirement))
            var lastRef: RequirementRef?, wanted = false
            for i in cells.indices {
                guard let s = cells[i].system else { continue }
                if cells[i].requirement != lastRef { lastRef = cells[i].requirement; wanted = askedRequirements.contains(cells[i].requirement) }
                guard wanted else { continue }
                let k = SystemCellKey(requirement: cells[i].requirement, system: s)
                if asked.contains(k) { systemCells.insert(k) }
            }
        }
        let known = Set(org.systems.map(\.id))
        for d in org.decisions {
            guard let s = d.system, known.contains(s), !systemCells.contains(SystemCellKey(requirement: d.requirement, system: s)) else { continue }
            warn(.perSystemNoEffect, "the decision on \(d.requirement) for system \(s) changes nothing: \(d.requirement) has no cell for \(s) (it is assessed for the organisation as a whole, or does not apply to \(s)); remove system= to decide for the organisation", d.location)
        }
        for o in org.owners {
            guard let s = o.system, known.contains(s), !systemCells.contains(SystemCellKey(requirement: o.requirement, system: s)) else { continue }
            warn(.perSystemNoEffect, "the owner assignment of \(o.requirement) for system \(s) changes nothing: \(o.requirement) has no cell for \(s); remove system= to assign it for the organisation", o.location)
        }
        return out
    }

    private struct SystemCellKey: Hashable {
        var requirement: RequirementRef
        var system: String
    }
}
