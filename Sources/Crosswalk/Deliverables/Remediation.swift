/// Why an action is needed: the kind of gap behind an open cell, or a group without owner.
public enum GapKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// An active system classified as a prohibited practice (EU AI Act Art. 5).
    case prohibited
    case missing
    case executionGap = "execution-gap"
    case unjustifiedExclusion = "unjustified-exclusion"
    /// A mandatory requirement excluded in the Statement of Applicability.
    case mandatoryExcluded = "mandatory-excluded"
    case stale
    case partial
    case dueSoon = "due-soon"
    case upcoming
    /// An EU AI Act obligation whose applicability depends on an undeclared fact: classify.
    case undetermined
    case noOwner = "no-owner"

    /// 2–6: how bad the gap is (see `Docs/Deliverables.md`).
    public var severity: Int {
        switch self {
        case .prohibited: 6
        // An exclusion that does not hold is at least as bad as the control merely missing.
        case .missing, .unjustifiedExclusion, .mandatoryExcluded: 5
        case .executionGap, .stale, .undetermined: 4
        case .partial: 3
        case .dueSoon, .upcoming, .noOwner: 2
        }
    }

    /// The kind of an open cell, or nil when the cell needs no action.
    public init?(_ cell: Cell) {
        switch cell.reason {
        case .unjustifiedExclusion: self = .unjustifiedExclusion; return
        case .mandatoryExcluded: self = .mandatoryExcluded; return
        default: break
        }
        switch cell.status {
        case .missing: self = .missing
        case .executionGap: self = .executionGap
        case .stale: self = .stale
        case .partial: self = .partial
        case .dueSoon: self = .dueSoon
        case .upcoming: self = .upcoming
        case .prohibited: self = .prohibited
        case .undetermined: self = .undetermined
        case .met, .excluded, .notApplicable: return nil
        }
    }
}

/// A count of open cells of one gap kind.
public struct GapCount: Sendable, Hashable, Codable {
    public var kind: GapKind
    public var count: Int
}

/// What makes a deadline.
public enum DeadlineKind: String, Sendable, Hashable, Codable {
    /// An EU AI Act obligation already in application: overdue.
    case inForce = "in-force"
    /// Evidence that expired.
    case expired
    /// Evidence that expires soon.
    case expires
    /// An EU AI Act obligation that applies from a future date.
    case appliesFrom = "applies-from"
}

/// The parts of an action's priority score, each explainable (see `Docs/Deliverables.md`).
public struct Priority: Sendable, Hashable, Codable {
    public var severity: Int
    public var tier: Int
    public var mandatory: Int
    public var deadline: Int
    public var breadth: Int
    public var total: Int { severity + tier + mandatory + deadline + breadth }
    /// `severity 15 (missing) + tier 10 (high) + … = 50`.
    public var explanation: String
}

/// One remediation action: closes the open gaps of one control group, across frameworks
/// and systems.
public struct RemediationAction: Sendable, Hashable, Codable {
    /// `ACT-001`, in rank order.
    public var id: String
    /// 1 is the most urgent.
    public var rank: Int
    /// What to do, in words a person can act on.
    public var title: String
    public var group: ControlGroup
    /// The group's owner (person id), nil when the group is unowned.
    public var owner: String?
    /// Every requirement with an open cell that the action closes, in group order.
    public var requirements: [RequirementRef]
    /// The frameworks of ``requirements``.
    public var frameworks: [FrameworkID]
    /// The AI systems affected, in inventory order.
    public var systems: [String]
    /// True when some open cell is organisation-wide.
    public var organizationWide: Bool
    /// The number of open cells closed.
    public var openCells: Int
    /// Open cells by gap kind, most severe first.
    public var gaps: [GapCount]
    public var deadline: CalendarDate?
    public var deadlineKind: DeadlineKind?
    /// True when a requirement closed is mandatory (management-system clauses, EU AI Act obligations).
    public var mandatory: Bool
    /// The highest EU AI Act risk tier among the systems affected, or `organisation`.
    public var highestTier: String
    public var priority: Priority
    /// When to have it done: the deadline when it is still ahead, otherwise the as-of date
    /// plus the default horizon of the priority (`RemediationPlanner.horizonDays(priority:)`).
    public var targetDate: CalendarDate = CalendarDate(year: 1970, month: 1, day: 1)!
    /// `deadline`, `immediately` (a prohibited practice) or `priority horizon N days`.
    public var targetBasis: String = ""
}

/// Builds the ranked remediation plan: one action per control group with open gaps.
package enum RemediationPlanner {
    static let tierPoints: [String: Int] = [
        "prohibited": 6, "high": 5, "general-purpose-systemic": 5, "general-purpose": 3, "limited": 2, "minimal": 1, "organisation": 2,
    ]

    /// Ranks actions for `ownership` (one per group) from the cells of `assessment`.
    public static func plan(_ ownership: [GroupOwnership], assessment: Assessment, organization: Organization, catalogs: CatalogSet) -> [RemediationAction] {
        var groupOf: [RequirementRef: Int] = [:]
        for (i, o) in ownership.enumerated() { for m in o.group.members { groupOf[m.requirement] = i } }
        // Per group, the positions of its open cells in `assessment.cells` (not copies of
        // the cells: at scale most cells are open).
        var openCells: [[Int32]] = Array(repeating: [], count: ownership.count)
        var undetermined: [Cell] = [], noInventory: [Cell] = []
        for (i, c) in assessment.cells.enumerated() {
            guard let kind = GapKind(c) else { continue }
            // Undetermined cells become one classify action per system, not one per group;
            // an empty inventory one action for every per-system requirement.
            if kind == .undetermined { undetermined.append(c); continue }
            if case .noInventory = c.reason { noInventory.append(c); continue }
            guard let g = groupOf[c.requirement] else { continue }
            openCells[g].append(Int32(i))
        }
        let systemIndex = Dictionary(organization.systems.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var actions: [(RemediationAction, position: Int)] = []
        let awaitingInventory = Set(noInventory.map(\.requirement))
        for (i, o) in ownership.enumerated() {
            let cells = openCells[i].lazy.map { assessment.cells[Int($0)] }
            guard !cells.isEmpty || o.isUnowned else { continue }
            // Requirements that wait for the inventory get no owner action of their own yet.
            if cells.isEmpty && o.group.requirements.allSatisfy(awaitingInventory.contains) { continue }
            actions.append((action(o, cells: cells, asOf: assessment.asOf, organization: organization, systemIndex: systemIndex, catalogs: catalogs), i))
        }
        for (n, x) in classifyActions(undetermined, asOf: assessment.asOf, organization: organization, systemIndex: systemIndex, catalogs: catalogs).enumerated() {
            actions.append((x, ownership.count + n))
        }
        if !noInventory.isEmpty {
            actions.append((inventoryAction(noInventory, asOf: assessment.asOf, organization: organization, systemIndex: systemIndex, catalogs: catalogs), -1))
        }
        for i in actions.indices { setTarget(&actions[i].0, asOf: assessment.asOf) }
        actions.sort { a, b in
            // A prohibited practice ranks first, whatever its score.
            let pa = a.0.gaps.first?.kind == .prohibited, pb = b.0.gaps.first?.kind == .prohibited
            if pa != pb { return pa }
            if a.0.priority.total != b.0.priority.total { return a.0.priority.total > b.0.priority.total }
            let da = a.0.deadline?.daysSinceEpoch ?? Int.max, db = b.0.deadline?.daysSinceEpoch ?? Int.max
            return da != db ? da < db : a.position < b.position
        }
        let width = max(3, String(actions.count).count)
        return actions.enumerated().map { n, pair in
            var a = pair.0
            a.rank = n + 1
            let s = String(n + 1)
            a.id = "ACT-" + String(repeating: "0", count: width - s.count) + s
            return a
        }
    }

    static func action(_ o: GroupOwnership, cells: some Collection<Cell>, asOf: CalendarDate, organization: Organization, systemIndex: [String: Int], catalogs: CatalogSet) -> RemediationAction {
        let g = o.group
        let open = Set(cells.map(\.requirement))
        // An unowned group with nothing open: naming its owner covers every member.
        let requirements = cells.isEmpty ? g.requirements : g.requirements.filter { open.contains($0) }
        var frameworks: [FrameworkID] = []
        for r in requirements where !frameworks.contains(r.framework) { frameworks.append(r.framework) }
        var systemSet = Set<String>()
        var organizationWide = false
        var tally: [GapKind: Int] = [:]
        var deadline: (CalendarDate, DeadlineKind)?
        func consider(_ d: CalendarDate?, _ k: DeadlineKind) {
            guard let d else { return }
            if deadline == nil || d < deadline!.0 { deadline = (d, k) }
        }
        var mandatory = false
        var tierName = "organisation"
        var tier = 0
        // The catalogue facts a cell needs, looked up once per run of one requirement's cells
        // (cells come grouped by requirement): not a catalogue search per cell.
        var lastRef: RequirementRef?
        var entry: (obligation: Obligation?, appliesFrom: CalendarDate?)?
        for c in cells {
            let kind = GapKind(c)!
            tally[kind, default: 0] += 1
            if c.requirement != lastRef {
                lastRef = c.requirement
                entry = catalogs.entry(c.requirement).map { ($0.obligation, $0.appliesFrom) }
            }
            if entry?.obligation == .mandatory { mandatory = true }
            switch kind {
            case .stale: consider(c.deadline, .expired)
            case .dueSoon: consider(c.deadline, .expires)
            case .upcoming: consider(c.deadline, .appliesFrom)
            // The application date in force on the as-of date, as the engine chose it.
            case .undetermined: if let d = c.deadline { consider(d, d <= asOf ? .inForce : .appliesFrom) }
            default: if let from = entry?.appliesFrom, from <= asOf { consider(from, .inForce) }
            }
            let name: String
            if let s = c.system {
                systemSet.insert(s)
                name = systemIndex[s].flatMap { organization.systems[$0].riskTier?.rawValue } ?? "minimal"
            } else {
                organizationWide = true
                name = "organisation"
            }
            let points = tierPoints[name] ?? 1
            if points > tier || (points == tier && name != "organisation" && tierName == "organisation") { tier = points; tierName = name }
        }
        if o.isUnowned { tally[.noOwner] = 1 }
        let gaps = GapKind.allCases.filter { tally[$0] != nil }.sorted { $0.severity > $1.severity }.map { GapCount(kind: $0, count: tally[$0]!) }
        let systems = systemSet.map { (index: systemIndex[$0] ?? Int.max, id: $0) }.sorted { ($0.index, $0.id) < ($1.index, $1.id) }.map(\.id)

        // Priority.
        let worst = gaps.first!.kind
        let severity = worst.severity * 3
        let tierScore = (cells.isEmpty ? 1 : tier) * 2
        let mandatoryScore = mandatory ? 6 : 0
        var deadlineScore = 0
        var deadlineText = "no deadline"
        if let (date, kind) = deadline {
            let days = date.daysSinceEpoch - asOf.daysSinceEpoch
            deadlineScore = 2 * (days <= 0 ? 6 : days <= 30 ? 5 : days <= 90 ? 4 : days <= 180 ? 3 : days <= 365 ? 2 : 1)
            deadlineText = "\(kind.rawValue) \(date)"
        }
        let breadth = min(requirements.count, 8) + 2 * min(max(frameworks.count - 1, 0), 3) + min(systems.count, 6)
        let explanation = "severity \(severity) (\(worst.rawValue)) + tier \(tierScore) (\(cells.isEmpty ? "none" : tierName)) + mandatory \(mandatoryScore)"
            + " + deadline \(deadlineScore) (\(deadlineText)) + breadth \(breadth) (\(requirements.count) requirements, \(frameworks.count) frameworks, \(systems.count) systems)"
            + " = \(severity + tierScore + mandatoryScore + deadlineScore + breadth)"
        let priority = Priority(severity: severity, tier: tierScore, mandatory: mandatoryScore, deadline: deadlineScore, breadth: breadth, explanation: explanation)

        return RemediationAction(
            id: "", rank: 0, title: title(worst, group: g, deadline: deadline?.0, systems: systems.count, requirements: requirements.count, frameworks: frameworks.count, catalogs: catalogs),
            group: g, owner: o.owner, requirements: requirements, frameworks: frameworks, systems: systems, organizationWide: organizationWide,
            openCells: cells.count, gaps: gaps, deadline: deadline?.0, deadlineKind: deadline?.1, mandatory: mandatory,
            highestTier: cells.isEmpty ? "" : tierName, priority: priority)
    }

    static func title(_ kind: GapKind, group: ControlGroup, deadline: CalendarDate?, systems: Int, requirements: Int, frameworks: Int, catalogs: CatalogSet) -> String {
        let subject = "\(group.anchor.framework) \(group.anchor.label) \(catalogs.entry(group.anchor)?.title ?? "")".trimmingTrailingSpace()
        let plural = systems == 1 ? "1 system" : "\(systems) systems"
        var text: String
        switch kind {
        case .prohibited: text = "Withdraw from the market or stop using the prohibited system\(systems == 1 ? "" : "s") (\(plural)) under \(subject)"
        case .missing: text = "Put in place and evidence \(subject)"
        case .executionGap: text = "Produce each system's own records (\(plural)) for \(subject)"
        case .unjustifiedExclusion: text = "Justify the exclusion of, or implement, \(subject)"
        case .mandatoryExcluded: text = "Withdraw the exclusion of mandatory \(subject) from the Statement of Applicability and implement it"
        case .stale: text = "Review and re-approve the expired evidence for \(subject)"
        case .partial: text = "Complete the evidence for \(subject)"
        case .dueSoon: text = "Renew, before \(deadline.map(\.description) ?? "it expires"), the evidence for \(subject)"
        case .upcoming: text = "Prepare, before \(deadline.map(\.description) ?? "it applies"), \(subject)"
        case .noOwner: text = "Name an owner for \(subject)"
        case .undetermined: text = "Declare the facts that decide \(subject)"
        }
        if requirements > 1 { text += " (closes \(requirements) requirements in \(frameworks) framework\(frameworks == 1 ? "" : "s"))" }
        return text
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
