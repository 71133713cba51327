/// The remediation plan as an OSCAL 1.2 `plan-of-action-and-milestones` document
/// (mapping: `Docs/OSCAL.md`): one POA&M item and one risk per remediation action, with
/// its deadline, priority, owner (a party in the action-owner role of a planned task) and
/// the requirements it closes; the open cells it closes as observations.
package struct POAMDocument: Sendable {
    let root: OSCALNode

    public init(_ assessment: Assessment, deliverables: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance) {
        self.init(context: OSCALContext(assessment, deliverables: deliverables, organization: organization, catalogs: catalogs, provenance: provenance))
    }

    /// The document over a context shared with the other OSCAL files.
    init(context cx: OSCALContext) { root = Self.build(cx) }

    /// OSCAL JSON (`poam.json`).
    public func json() -> [UInt8] { root.renderJSON() }
    /// OSCAL XML (`poam.xml`).
    public func xml() -> [UInt8] { root.renderXML() }
    /// The same documents handed to `emit` about 1 MiB at a time; the rest is returned.
    public func json(emit: (([UInt8]) -> Void)?) -> [UInt8] { root.renderJSON(emit: emit) }
    public func xml(emit: (([UInt8]) -> Void)?) -> [UInt8] { root.renderXML(emit: emit) }

    static func build(_ cx: OSCALContext) -> OSCALNode {
        let a = cx.assessment
        let actions = cx.deliverables.remediation
        // The open cells each action closes (indices into the assessment's cells): cells of
        // its requirements that are gaps, of its systems (and organisation-wide cells when it
        // is organisation-wide: a "classify" action for one system closes nothing of another
        // system's); each cell observed once, in first-use order.
        var openOf: [RequirementRef: [Int]] = [:]
        for i in cx.assessedCells where !(OSCALCellMapping.state(a.cells[i].status)?.satisfied ?? true) { openOf[a.cells[i].requirement, default: []].append(i) }
        let cellsOf: [[Int]] = actions.map { x in
            let systems = Set(x.systems)
            return x.requirements.flatMap { openOf[$0] ?? [] }.filter { i in a.cells[i].system.map(systems.contains) ?? x.organizationWide }
        }
        var observedSet = Set<Int>(), firstUse: [Int] = []
        for list in cellsOf { for i in list where observedSet.insert(i).inserted { firstUse.append(i) } }
        let observed = firstUse
        let riskID: @Sendable (RemediationAction) -> String = { x in cx.uuid("risk", x.id, x.group.id) }
        let observations = OSCALNode.streamed("observation", group: "observations", count: observed.count) { cx.writeObservation(a.cells[observed[$0]], standalone: true, to: &$1) }
        let risks = OSCALNode.generated("risk", group: "risks", count: actions.count) { n in risk(actions[n], cells: cellsOf[n].map { a.cells[$0] }, id: riskID(actions[n]), cx) }
        var items: [OSCALNode] = [.generated("poam-item", group: "poam-items", count: actions.count) { n in
            let x = actions[n]
            var item: [OSCALNode] = [.field("title", "\(x.id) \(x.title)"), .markup("description", "Remediation action \(x.id) (rank \(x.rank)), owner \(x.owner ?? "none").")]
            item.append(.prop("action-id", x.id))
            for i in cellsOf[n] { item.append(.assembly("related-observation", group: "related-observations", [("observation-uuid", cx.observation(a.cells[i]))])) }
            item.append(.assembly("associated-risk", group: "related-risks", [("risk-uuid", riskID(x))]))
            return .assembly("poam-item", group: "poam-items", [("uuid", cx.uuid("poam-item", x.id, x.group.id))], item)
        }]
        if actions.isEmpty {
            // OSCAL requires one item; say truthfully that there is nothing to do.
            items = [.assembly("poam-item", group: "poam-items", [("uuid", cx.uuid("poam-item", "none"))], [
                .field("title", "No remediation action"), .markup("description", "The assessment at \(a.asOf) found no open gap, so there is no action to plan."),
            ])]
        }
        let (components, inventory) = cx.systemDefinitions()
        var doc: [OSCALNode] = [
            cx.metadata(title: "Plan of action and milestones: \(a.organization), \(a.asOf)"),
            OSCALNode(name: "system-id", group: nil, flags: [("identifier-type", "https://ietf.org/rfc/rfc4122")], content: .text(cx.organizationParty), jsonValueKey: "id"),
        ]
        if !components.isEmpty || !inventory.isEmpty { doc.append(.assembly("local-definitions", components + inventory)) }
        doc += [observations, risks] + items
        doc.append(cx.backMatter(includePlanPlaceholder: false, citedBy: observed))
        return .assembly("plan-of-action-and-milestones", [("uuid", cx.uuid("poam", a.asOf.description))], doc)
    }

    /// The risk of one action: deadline, priority, the requirements it closes, a planned
    /// response whose task names the owner, and the open cells as related observations.
    static func risk(_ x: RemediationAction, cells: [Cell], id: String, _ cx: OSCALContext) -> OSCALNode {
        var risk: [OSCALNode] = [
            .field("title", x.title),
            .markup("description", "\(x.openCells) open cell(s) in \(x.frameworks.map(\.rawValue).joined(separator: ", "))" + (x.systems.isEmpty ? "" : " for \(x.systems.joined(separator: ", "))") + (x.organizationWide ? ", organisation-wide" : "") + ". Gaps: \(x.gaps.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ")). Priority \(x.priority.total): \(x.priority.explanation)."),
            .markup("statement", "Until this action is done, \(x.requirements.map(\.description).joined(separator: ", ")) cannot be shown to be met; a certification audit or a market-surveillance authority would record the gap."),
            .prop("action-id", x.id), .prop("rank", String(x.rank)), .prop("priority", String(x.priority.total)), .prop("control-group", x.group.id),
        ]
        for r in x.requirements { risk.append(.prop("closes", r.description)) }
        if let k = x.deadlineKind { risk.append(.prop("deadline-kind", k.rawValue)) }
        risk.append(.field("status", "open"))
        if let d = x.deadline { risk.append(.field("deadline", OSCALContext.dateTime(d))) }
        var task: [OSCALNode] = [.field("title", x.title), .markup("description", "Put the control in place and register evidence for: \(x.requirements.map(\.description).joined(separator: ", ")).")]
        if let d = x.deadline { task.append(.assembly("timing", [.assembly("on-date", [("date", OSCALContext.dateTime(d))])])) }
        if let o = x.owner, cx.isPerson(o) {
            task.append(.assembly("responsible-role", group: "responsible-roles", [("role-id", "action-owner")], [.field("party-uuid", group: "party-uuids", cx.personParty(o))]))
        }
        risk.append(.assembly("response", group: "remediations", [("uuid", cx.uuid("response", x.id)), ("lifecycle", "planned")], [
            .field("title", x.title), .markup("description", x.owner.map { "Owner: \($0)." } ?? "No owner: the control group is unowned; assign one first."),
            .assembly("task", group: "tasks", [("uuid", cx.uuid("task", x.id)), ("type", "action")], task),
        ]))
        for c in cells { risk.append(.assembly("related-observation", group: "related-observations", [("observation-uuid", cx.observation(c))])) }
        return .assembly("risk", group: "risks", [("uuid", id)], risk)
    }
}
