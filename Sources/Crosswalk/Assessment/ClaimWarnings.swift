/// Evidence that claims a requirement that is excluded or not applicable gives a warning
/// (`claim-not-applicable`), instead of being dropped silently.
enum ClaimWarnings {
    /// One warning per such claim, in register and claim order, at the item's location.
    static func warnings(_ org: Organization, cells: [Cell]) -> [Diagnostic] {
        // The status every cell of a requirement shares, when it is excluded or not-applicable.
        var common: [RequirementRef: CellStatus?] = [:]
        for c in cells {
            let s: CellStatus? = c.status == .excluded || c.status == .notApplicable ? c.status : nil
            if let existing = common[c.requirement] { if existing != s { common[c.requirement] = .some(nil) } } else { common[c.requirement] = s }
        }
        var out: [Diagnostic] = []
        for e in org.evidence {
            for claim in e.claims {
                guard let status = common[claim.requirement] ?? nil else { continue }
                let why = status == .excluded
                    ? "which the Statement of Applicability excludes: the claim counts for nothing there; remove it or revisit the exclusion"
                    : "which binds no system of the inventory (not-applicable): the claim counts for nothing there; remove it or check the inventory"
                out.append(Diagnostic(.warning, .claimNotApplicable, "evidence \(e.id) claims \(claim.requirement), \(why)", at: e.location))
            }
        }
        return out
    }
}
