/// Evidence per cell (`Docs/Scoring.md`): a cell lists at most
/// ``AssessmentOptions/evidencePerCell`` evidence ids, the first in register order, and
/// counts the rest; the item lists inside its reason are cut to the same ids.
extension Cell {
    mutating func capEvidence(_ cap: Int) {
        guard cap > 0 else { return }
        if evidence.count > cap {
            evidenceOmitted = evidence.count - cap
            // A copy of the first ids only: the list may be shared by every system cell of
            // the requirement (its organisation-wide process evidence).
            evidence = Array(evidence.prefix(cap))
        }
        reason = reason.cappingItems(cap)
    }
}

extension CellReason {
    /// The same reason with every list of evidence ids cut to its first `cap` ids.
    func cappingItems(_ cap: Int) -> CellReason {
        func c(_ a: [String]) -> [String] { a.count > cap ? Array(a.prefix(cap)) : a }
        func over(_ a: [String]) -> Bool { a.count > cap }
        // A reason with nothing to cut is returned as it is (its box shared, not rebuilt).
        switch self {
        case let .evidenceExpiring(s, items, day, window) where over(items): return .evidenceExpiring(system: s, items: c(items), lastValidDay: day, windowDays: window)
        case let .partialEvidence(s, items) where over(items): return .partialEvidence(system: s, items: c(items))
        case let .evidenceExpired(s, items, day) where over(items): return .evidenceExpired(system: s, items: c(items), lastValidDay: day)
        case let .executionGap(s, process) where over(process): return .executionGap(system: s, process: c(process))
        case let .expiredOnPartialRoute(s, items, day, via) where over(items): return .expiredOnPartialRoute(system: s, items: c(items), lastValidDay: day, via: via)
        case let .metBySupplierAssurance(s, vendor, items) where over(items): return .metBySupplierAssurance(system: s, vendor: vendor, items: c(items))
        case let .noSupplierDueDiligence(s, vendor, process) where over(process): return .noSupplierDueDiligence(system: s, vendor: vendor, process: c(process))
        case let .unjustifiedExclusion(u): return .unjustifiedExclusion(underlying: u.cappingItems(cap))
        case let .mandatoryExcluded(r, j, u): return .mandatoryExcluded(requirement: r, justification: j, underlying: u.cappingItems(cap))
        default: return self
        }
    }
}
