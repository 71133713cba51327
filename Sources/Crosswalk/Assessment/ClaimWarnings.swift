/// Evidence that claims a requirement that is excluded or not applicable gives a warning
/// (`claim-not-applicable`), instead of being dropped silently.
enum ClaimWarnings {
    /// One warning per such claim, in register and claim order, at the item's location.
    static func warnings(_ org: Organization, cells: [Cell]) -> [Diagnostic] {
        // The status every cell of a requirement shares, when it is excluded or not-applicable.
        // The engine emits a requirement's cells together: each run of equal requirements is
        // folded first, so the dictionary is touched once per run, not once per cell.
        var common: [RequirementRef: CellStatus?] = [:]
        func shown(_ c: Cell) -> CellStatus? { c.status == .excluded || c.status == .notApplicable ? c.status : nil }
        var i = 0
        while i < cells.count {
            let requirement = cells[i].requirement
            var s = shown(cells[i])
            var j = i + 1
            while j < cells.count, cells[j].requirement == requirement {
                if s != nil, shown(cells[j]) != s { s = nil }
                j += 1
            }
            if let existing = common[requirement] { if existing != s { common[requirement] = .some(nil) } } else { common[requirement] = s }
            i = j
        }
        var out: [Diagnostic] = []
        // Nothing excluded or not applicable as a whole: no claim can be warned about.
        guard common.values.contains(where: { $0 != nil }) else { return out }
        // From the register's columns: the status of each distinct requirement claimed, once.
        let register = org.evidence
        let statusOf = register.requirements.map { common[$0] ?? nil }
        guard statusOf.contains(where: { $0 != nil }) else { return out }
        for i in register.indices {
            for k in register.claimRange(i) {
                guard let status = statusOf[register.claimRequirement(k)] else { continue }
                let why = status == .excluded
                    ? "which the Statement of Applicability excludes: the claim counts for nothing there; remove it or revisit the exclusion"
                    : "which binds no system of the inventory (not-applicable): the claim counts for nothing there; remove it or check the inventory"
                let requirement = register.requirements[register.claimRequirement(k)]
                out.append(Diagnostic(.warning, .claimNotApplicable, "evidence \(register.id(i)) claims \(requirement), \(why)", at: register.location(i)))
            }
        }
        return out
    }
}
