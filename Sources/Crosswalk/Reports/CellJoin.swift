/// How a cell's owner was found, for `gaps.csv` and the JSON (so `no_owner` agrees with `owners.csv`).
package enum CellOwnerBasis: String, Sendable, Hashable {
    /// Someone is assigned to the requirement, or to its control group (anchor or most members).
    case assigned
    /// The group's owner is proposed from the evidence register (owners.csv basis `evidence-owner`).
    case proposed
    case none
}

/// The join keys of the cells with the deliverables and the organisation, resolved once:
/// control group, action, effective owner and its basis, evidence titles, system names.
package struct CellJoin: Sendable {
    var groupOf: [RequirementRef: GroupOwnership] = [:]
    var actionOf: [String: String] = [:]
    /// Per evidence id, its position in the register of ``organization`` (titles are read when asked for).
    var evidencePosition: [String: Int32] = [:]
    var organization: Organization?
    var systemName: [String: String] = [:]

    /// No deliverables: the join columns stay empty, the owner is the requirement's own.
    public init() {}

    /// `positions`: the evidence positions shared by the reports of a bundle (nil: made here).
    public init(deliverables d: Deliverables, organization: Organization, positions: EvidencePositions? = nil) {
        self.init(deliverables: d)
        // By position: the register's items and titles are not copied.
        self.organization = organization
        evidencePosition = (positions ?? EvidencePositions(organization)).map
        for s in organization.systems where systemName[s.id] == nil { systemName[s.id] = s.name }
    }

    /// The group, action and owner keys only, for a report that shows no evidence titles or
    /// system names (``evidenceTitles(_:)`` and ``systemName(_:)`` then give empty titles and nil).
    init(deliverables d: Deliverables) {
        for o in d.ownership { for m in o.group.members where groupOf[m.requirement] == nil { groupOf[m.requirement] = o } }
        for a in d.remediation { actionOf[a.group.id] = a.id }
    }

    /// The control group of the cell's requirement, if it is in one.
    public func group(_ c: Cell) -> String? { groupOf[c.requirement]?.group.id }

    /// The action that closes the cell (its group's, or its system's classify action), for open cells only.
    public func action(_ c: Cell) -> String? {
        guard GapKind(c) != nil else { return nil }
        if c.status == .undetermined { return c.system.flatMap { actionOf["CLASSIFY-\($0)"] } }
        return groupOf[c.requirement].flatMap { actionOf[$0.group.id] }
    }

    /// The requirement's own owner, else its group's.
    public func owner(_ c: Cell) -> (person: String?, basis: CellOwnerBasis) {
        if let o = c.owner { return (o, .assigned) }
        guard let g = groupOf[c.requirement], let o = g.owner else { return (nil, .none) }
        return (o, g.basis == .evidenceOwner ? .proposed : .assigned)
    }

    public func evidenceTitles(_ c: Cell) -> [String] { c.evidence.map { evidenceTitle($0) } }
    /// The title of the first item with id `id`, "" when there is none.
    func evidenceTitle(_ id: String) -> String { evidencePosition[id].flatMap { organization?.evidence.title(Int($0)) } ?? "" }
    public func systemName(_ c: Cell) -> String? { c.system.flatMap { systemName[$0] } }
}

extension CellStatus {
    /// True when the cell carries a credit: scored cells, and upcoming cells (preparation).
    public var hasCredit: Bool { isAssessed || self == .upcoming }
}
