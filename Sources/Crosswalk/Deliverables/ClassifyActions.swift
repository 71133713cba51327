extension RemediationPlanner {
    /// One "classify" action per system with `undetermined` cells (issue #12): the facts to
    /// declare for the system, closing every obligation that waits on them. An organisation
    /// cell left undetermined by several systems' facts counts in each of their actions.
    /// The action's group is `CLASSIFY-<system>`, anchored at the first obligation.
    static func classifyActions(_ cells: [Cell], asOf: CalendarDate, organization: Organization, systemIndex: [String: Int], catalogs: CatalogSet) -> [RemediationAction] {
        var order: [String] = []
        // Each system's cells by index into `cells` (a cell counts once per system).
        var cellsOf: [String: [Int]] = [:], factsOf: [String: [OpenFact]] = [:]
        for i in cells.indices {
            guard case let .undetermined(_, facts) = cells[i].reason else { continue }
            let system = cells[i].system
            for f in facts where system == nil || f.system == system {
                if cellsOf[f.system] == nil { order.append(f.system) }
                if cellsOf[f.system]?.last != i { cellsOf[f.system, default: []].append(i) }
                if !(factsOf[f.system] ?? []).contains(f) { factsOf[f.system, default: []].append(f) }
            }
        }
        order.sort { (systemIndex[$0] ?? Int.max, $0) < (systemIndex[$1] ?? Int.max, $1) }
        return order.map { system in
            let mine = cellsOf[system]!
            var requirements: [RequirementRef] = []
            for i in mine where !requirements.contains(cells[i].requirement) { requirements.append(cells[i].requirement) }
            let group = ControlGroup(id: "CLASSIFY-\(system)", anchor: requirements[0], members: requirements.map { GroupMember(requirement: $0, membership: .anchor) })
            let owner = systemIndex[system].map { organization.systems[$0].owner }.flatMap { $0.isEmpty ? nil : $0 }
            let o = GroupOwnership(group: group, owner: owner, basis: owner == nil ? .unowned : .anchorAssignment, otherClaims: [])
            var x = action(o, cells: mine, of: cells, asOf: asOf, organization: organization, systemIndex: systemIndex, catalogs: catalogs)
            x.systems = [system]
            var parts: [String] = []
            let facts = factsOf[system]!
            if facts.contains(.riskTier(system: system)) { parts.append("classify its EU AI Act risk tier") }
            let conditions = facts.compactMap { f -> String? in if case let .condition(_, c) = f { c } else { nil } }
            if !conditions.isEmpty { parts.append("declare true or false " + conditions.joined(separator: ", ")) }
            x.title = "Classify \(system): " + parts.joined(separator: "; ") + " (decides \(requirements.count) obligation\(requirements.count == 1 ? "" : "s"))"
            return x
        }
    }
}

extension RemediationPlanner {
    /// An organisation with no AI system inventory: one action, "build the AI system
    /// inventory", closing every per-system requirement (not one action each).
    static func inventoryAction(_ cells: [Cell], asOf: CalendarDate, organization: Organization, systemIndex: [String: Int], catalogs: CatalogSet) -> RemediationAction {
        var requirements: [RequirementRef] = []
        for c in cells where !requirements.contains(c.requirement) { requirements.append(c.requirement) }
        let group = ControlGroup(id: "INVENTORY", anchor: requirements[0], members: requirements.map { GroupMember(requirement: $0, membership: .anchor) })
        let o = GroupOwnership(group: group, owner: nil, basis: .unowned, otherClaims: [])
        var x = action(o, cells: cells, asOf: asOf, organization: organization, systemIndex: systemIndex, catalogs: catalogs)
        x.gaps = x.gaps.filter { $0.kind != .noOwner }
        x.title = "Build the AI system inventory (the \(requirements.count) per-system requirement\(requirements.count == 1 ? "" : "s") can then be assessed)"
        return x
    }

    /// The default horizon of an action without a deadline ahead, by priority: 30 days from
    /// 45 points, 90 from 35, 180 from 25, else 365 (`Docs/Deliverables.md`).
    public static func horizonDays(priority: Int) -> Int {
        priority >= 45 ? 30 : priority >= 35 ? 90 : priority >= 25 ? 180 : 365
    }

    static func setTarget(_ x: inout RemediationAction, asOf: CalendarDate) {
        if x.gaps.first?.kind == .prohibited {
            x.targetDate = asOf; x.targetBasis = "immediately"
        } else if let d = x.deadline, d > asOf {
            x.targetDate = d; x.targetBasis = "deadline"
        } else {
            let days = horizonDays(priority: x.priority.total)
            x.targetDate = asOf.adding(days: days); x.targetBasis = "priority horizon \(days) days"
        }
    }
}
