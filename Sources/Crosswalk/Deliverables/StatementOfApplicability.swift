/// Whether and how a control is decided in the Statement of Applicability.
public enum SoADecision: String, Sendable, Hashable, Codable {
    /// Recorded as applicable.
    case included
    /// Recorded as not applicable, with a justification.
    case excluded
    /// Recorded as not applicable without a justification: it stays applicable.
    case excludedWithoutJustification = "excluded-without-justification"
    /// No decision recorded: applicable by default, justification to be written.
    case notRecorded = "not-recorded"
}

/// How far a control is implemented, from the assessment's cells.
public enum ImplementationStatus: String, Sendable, Hashable, Codable {
    /// Every assessed cell is met (or met and due for renewal).
    case implemented
    /// Some credit, not full.
    case partiallyImplemented = "partially-implemented"
    case notImplemented = "not-implemented"
    case excluded
    /// Not assessed (e.g. the framework is out of scope).
    case notAssessed = "not-assessed"
}

/// One row of a Statement of Applicability: an Annex A control.
public struct SoAEntry: Sendable, Hashable, Codable {
    public var control: RequirementRef
    public var title: String
    /// The control's theme or clause heading (`A.6 …`, `5 Organizational controls`).
    public var theme: String
    public var applicable: Bool
    public var decision: SoADecision
    /// The organisation's justification, as recorded (empty when none).
    public var justification: String
    public var status: ImplementationStatus
    /// Cells met out of cells assessed (a control assessed per system has one per system).
    public var cellsMet: Int
    public var cellsAssessed: Int
    /// Evidence behind the cells, in register order, each once.
    public var evidence: [String]
    /// The owner assigned to the control, else its group's owner.
    public var owner: String?
    /// The control group it belongs to.
    public var group: String?
    /// Decisions for single AI systems (`<decision system="…">`), in file order.
    public var systemDecisions: [SoASystemDecision] = []
}

/// A Statement of Applicability decision for one AI system.
public struct SoASystemDecision: Sendable, Hashable, Codable {
    public var system: String
    public var decision: SoADecision
    public var justification: String

    /// `COPILOT: excluded — the vendor's model; no data of ours`.
    public var label: String { "\(system): \(decision.rawValue)" + (justification.isEmpty ? "" : " — \(justification)") }
}

/// A Statement of Applicability for one framework with an Annex A (the catalogue's
/// `selectable` requirements): every control, included or not.
public struct StatementOfApplicability: Sendable, Hashable, Codable {
    public var framework: FrameworkID
    public var entries: [SoAEntry]

    /// Builds the SoA of `framework` from the organisation's decisions and the assessment.
    package static func build(_ framework: FrameworkID, assessment: Assessment, organization: Organization, ownership: [GroupOwnership], catalogs: CatalogSet) -> StatementOfApplicability? {
        build(framework, assessment: assessment, organization: organization, ownership: ownership, catalogs: catalogs,
              evidenceOrder: evidenceOrder(organization.evidence))
    }

    /// The register position of each evidence id (its first item), read from the register's
    /// id column: no item is made whole.
    static func evidenceOrder(_ evidence: EvidenceRegister) -> [String: Int] {
        var order: [String: Int] = [:]
        order.reserveCapacity(evidence.count)
        for i in evidence.indices { let id = evidence.id(i); if order[id] == nil { order[id] = i } }
        return order
    }

    /// As above, with the register position of each evidence id computed by the caller
    /// (once for several frameworks).
    static func build(_ framework: FrameworkID, assessment: Assessment, organization: Organization, ownership: [GroupOwnership], catalogs: CatalogSet,
                      evidenceOrder: [String: Int]) -> StatementOfApplicability? {
        guard let catalog = catalogs.catalog(framework) else { return nil }
        let controls = catalog.requirements.filter { $0.obligation == .selectable }
        guard !controls.isEmpty else { return nil }
        var decisions: [String: ApplicabilityDecision] = [:]
        var systemDecisions: [String: [SoASystemDecision]] = [:]
        for d in organization.decisions where d.requirement.framework == framework {
            if let s = d.system {
                let decision: SoADecision = d.applicable ? .included : d.justification.isEmpty ? .excludedWithoutJustification : .excluded
                systemDecisions[d.requirement.label, default: []].append(SoASystemDecision(system: s, decision: decision, justification: d.justification))
            } else if decisions[d.requirement.label] == nil { decisions[d.requirement.label] = d }
        }
        var assigned: [String: String] = [:]
        for o in organization.owners where o.requirement.framework == framework && o.system == nil && assigned[o.requirement.label] == nil { assigned[o.requirement.label] = o.person }
        var groupOf: [String: GroupOwnership] = [:]
        for o in ownership { for m in o.group.members where m.requirement.framework == framework { groupOf[m.requirement.label] = o } }
        // Each control's cells by index into the assessment, one lookup per run of a
        // requirement's cells (cells come grouped by requirement), no copy of a cell.
        let all = assessment.cells
        var cellsOf: [String: [Int]] = [:]
        var i = 0
        while i < all.count {
            let ref = all[i].requirement
            var j = i + 1
            while j < all.count && all[j].requirement == ref { j += 1 }
            if ref.framework == framework { cellsOf[ref.label, default: []].append(contentsOf: i..<j) }
            i = j
        }

        let entries = controls.map { e -> SoAEntry in
            let d = decisions[e.label]
            let decision: SoADecision = d == nil ? .notRecorded : d!.applicable ? .included : d!.justification.isEmpty ? .excludedWithoutJustification : .excluded
            let cells = cellsOf[e.label] ?? []
            let assessed = cells.filter { all[$0].status.isAssessed }
            let met = assessed.filter { all[$0].credit >= 1 }.count
            let status: ImplementationStatus
            if decision == .excluded { status = .excluded }
            else if assessed.isEmpty { status = .notAssessed }
            else if met == assessed.count { status = .implemented }
            else if assessed.contains(where: { all[$0].credit > 0 }) { status = .partiallyImplemented }
            else { status = .notImplemented }
            var evidence = Set<String>()
            for c in cells where !all[c].evidence.isEmpty { evidence.formUnion(all[c].evidence) }
            let heading = e.parent.flatMap { catalog.entry(label: $0) }.map { "\($0.label) \($0.title)" } ?? ""
            return SoAEntry(
                control: RequirementRef(framework, e.label), title: e.title, theme: heading, applicable: decision != .excluded, decision: decision,
                justification: d?.justification ?? "", status: status, cellsMet: met, cellsAssessed: assessed.count,
                evidence: evidence.map { (index: evidenceOrder[$0] ?? Int.max, id: $0) }.sorted { ($0.index, $0.id) < ($1.index, $1.id) }.map(\.id),
                owner: assigned[e.label] ?? groupOf[e.label]?.owner, group: groupOf[e.label]?.group.id, systemDecisions: systemDecisions[e.label] ?? [])
        }
        return StatementOfApplicability(framework: framework, entries: entries)
    }
}
