/// How one cell moved between two assessments (rules: `Docs/Diff.md`).
public enum CellChange: String, Sendable, Hashable, CaseIterable {
    /// An open gap then, met now.
    case closed
    /// Not open then (not yet applicable, not applicable, excluded, or not assessed at all), a gap now.
    case newlyOpen = "newly-open"
    /// Met then, a gap now; or a gap that got worse (partial → missing).
    case regressed
    /// A gap then, a lesser gap now (missing → partial, stale → due-soon).
    case improved
    /// A gap then and a different gap of the same weight now (stale ↔ execution-gap).
    case changed
    /// Not assessed then (or absent), met now.
    case newlyMet = "newly-met"
    /// A gap then, not assessed now (excluded, not applicable, or the cell is gone).
    case noLongerAssessed = "no-longer-assessed"

    /// Weight of a status for this comparison: 0 met, 2–5 gaps by severity (as
    /// `GapKind.severity`), nil when the cell does not count (not assessed, or a status this
    /// Crosswalk does not know).
    static func weight(_ status: CellStatus?) -> Int? {
        guard let status else { return nil }
        switch status {
        case .met: return 0
        case .dueSoon: return 2
        case .partial: return 3
        case .executionGap, .stale: return 4
        case .missing: return 5
        case .prohibited: return 6
        case .excluded, .notApplicable, .upcoming, .undetermined: return nil
        }
    }

    /// The change from `old` to `new` (nil status: no such cell); nil when nothing changed
    /// that matters.
    static func between(_ old: CellStatus?, _ new: CellStatus?) -> CellChange? {
        let o = weight(old), n = weight(new)
        switch (o, n) {
        case (nil, nil): return nil
        case (nil, 0?): return .newlyMet
        case (nil, _?): return .newlyOpen
        case (0?, nil): return nil
        case (_?, nil): return .noLongerAssessed
        case let (o?, n?):
            if o == n { return o == 0 || old == new ? nil : .changed }
            if n == 0 { return .closed }
            return n > o ? .regressed : .improved
        }
    }
}
