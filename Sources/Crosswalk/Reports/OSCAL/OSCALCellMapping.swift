/// How one cell status becomes OSCAL: whether the cell is an observation, and the state of
/// its finding. The only switch over ``CellStatus`` in the OSCAL writers (exhaustive, so a
/// new status does not compile until it is mapped here and in `Docs/OSCAL.md`).
enum OSCALCellMapping {
    /// The finding state; nil when the cell is not assessed (no observation, no finding).
    static func state(_ status: CellStatus) -> (satisfied: Bool, reason: String)? {
        switch status {
        case .met: (true, "pass")
        case .partial, .missing, .stale, .dueSoon, .executionGap, .prohibited: (false, "fail")
        // Undetermined: applicability is not known, so nothing was assessed; its "classify"
        // action is still a POA&M item.
        case .excluded, .notApplicable, .upcoming, .undetermined: nil
        }
    }
}
