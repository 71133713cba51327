/// Lifecycle and sourcing rules (`Docs/Scoring.md`, "Lifecycle and sourcing"), read from the
/// catalogue's lifecycle roles (``LifecycleRole``):
///
/// - **Retirement.** A retired system has cells only for the duties that outlive it
///   (`stage` `retention`), until its retention period ends; every other requirement drops it.
/// - **Go-live.** A `planned` or `development` system has its operation-stage cells (`stage`
///   `operation` or `retention`) upcoming until its go-live date; design and development
///   duties apply from the start.
/// - **Suppliers.** A `party` `supplier` requirement gets a cell for each bought or embedded
///   system beside the organisation-wide process; on a `party` `developer` requirement such a
///   system's cell can be met by the supplier's assurance, and a gap says to obtain it.
/// - **Per-system decisions and owners** win over the organisation's for that system's cells.
extension EngineRun {
    /// The systems whose cells `entry` has, in inventory order: the active ones, and the
    /// retired ones for a retention duty whose period has not ended on the as-of date.
    func systems(for entry: CatalogEntry) -> [SystemProfile] {
        guard entry.lifecycle.stage == .retention else { return profiles }
        return allProfiles.filter { $0.isActive || retentionEnd(entry, $0).map { options.asOf <= $0 } ?? true }
    }

    /// The last day a retention duty holds for a retired system; nil when it has no end or
    /// the date it runs from is not declared (the duty then holds).
    func retentionEnd(_ entry: CatalogEntry, _ p: SystemProfile) -> CalendarDate? {
        switch entry.lifecycle.retention {
        case let .yearsAfterPlacing(n)?: p.placedOnMarket?.adding(months: 12 * n)
        case let .monthsAfterRetirement(n)?: p.retiredOn?.adding(months: n)
        case .indefinite?, nil: nil
        }
    }

    /// Why a retired system still has a cell for `entry`.
    func retentionNote(_ entry: CatalogEntry, _ p: SystemProfile) -> String {
        let period = entry.lifecycle.retention?.description ?? "after retirement"
        let since = p.retiredOn.map { "retired on \($0)" } ?? "retired (retired-on not declared)"
        let until: String = switch (entry.lifecycle.retention, retentionEnd(entry, p)) {
        case (_, let end?): ", until \(end)"
        case (.yearsAfterPlacing?, nil): "; declare placed-on-market to date its end"
        case (.monthsAfterRetirement?, nil): "; declare retired-on to date its end"
        default: ""
        }
        return "\(entry.label) outlives \(p.id) (\(since)): kept \(period)\(until)"
    }

    /// Go-live rule: an operation-stage duty of a system not yet in operation is upcoming
    /// until its go-live date (or, with none declared, until one is), never due.
    func notYetInOperation(_ entry: CatalogEntry, _ p: SystemProfile) -> (status: CellStatus, reason: CellReason, deadline: CalendarDate?)? {
        guard entry.lifecycle.stage != nil, p.lifecycle.isBeforeOperation else { return nil }
        if let g = p.goLive, g <= options.asOf { return nil }
        return (.upcoming, .notYetInOperation(system: p.id, goLive: p.goLive), p.goLive)
    }

    /// The organisation's decision on `ref` for system `index`, where it made one, else its
    /// organisation-wide decision.
    func decision(_ ref: RequirementRef, system index: Int) -> ApplicabilityDecision? {
        systemDecisions[SystemKey(ref: ref, system: Int32(index))]
    }

    /// The owner of `ref` for system `index`: the per-system assignment, else the organisation's.
    func owner(_ ref: RequirementRef, system index: Int?) -> String? {
        if let index, let o = systemOwners[SystemKey(ref: ref, system: Int32(index))] { return o }
        return owners[ref]
    }

    /// Per-system SoA rule: a justified exclusion of a selectable control for one system
    /// excludes that system's cell; a mandatory one, or one without a justification, stays a
    /// finding on that cell.
    func systemExclusion(_ entry: CatalogEntry, _ d: ApplicabilityDecision) -> (fixed: (CellStatus, CellReason)?, finding: ExclusionFinding?) {
        guard !d.applicable else { return (nil, nil) }
        if entry.obligation == .mandatory { return (nil, .mandatory(justification: d.justification)) }
        if entry.obligation == .selectable && !d.justification.isEmpty {
            return ((.excluded, .soaExcluded(justification: d.justification)), nil)
        }
        return (nil, .unjustified)
    }

    /// Sourcing rule, after evidence: a supplied system's cell on a developer or supplier
    /// duty says what the supplier's part is.
    func sourcingReason(_ entry: CatalogEntry, _ cell: inout Cell, _ p: SystemProfile) {
        guard p.isSupplied, let party = entry.lifecycle.party else { return }
        switch (party, cell.status, cell.reason) {
        case (.developer, .met, _), (.developer, .dueSoon, _):
            let own = cell.evidence.filter { !supplierEvidence.contains($0) }
            if own.isEmpty && !cell.evidence.isEmpty && cell.status == .met {
                cell.reason = .metBySupplierAssurance(system: p.id, vendor: p.vendor, items: cell.evidence)
            }
        case (.developer, .missing, .noEvidence), (.developer, .executionGap, .executionGap):
            cell.reason = .noSupplierAssurance(system: p.id, vendor: p.vendor)
        case (.supplier, .missing, .noEvidence):
            cell.reason = .noSupplierDueDiligence(system: p.id, vendor: p.vendor, process: [])
        case let (.supplier, .executionGap, .executionGap(_, process)):
            cell.reason = .noSupplierDueDiligence(system: p.id, vendor: p.vendor, process: process)
        default: break
        }
    }
}

/// A requirement and a system index: the key of per-system decisions and owners.
struct SystemKey: Hashable, Sendable {
    var ref: RequirementRef
    var system: Int32
}
