/// The remediation plan as an OSCAL 1.2 `plan-of-action-and-milestones` document
/// (mapping: `Docs/OSCAL.md`): one POA&M item and one risk per remediation action, with
/// its deadline, priority, owner (a party in the action-owner role of a planned task) and
/// the requirements it closes; the open cells it closes as observations.
public struct POAMDocument: Sendable {
    let root: OSCALNode

    public init(_ assessment: Assessment, deliverables: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance) {
        let cx = OSCALContext(assessment, deliverables: deliverables, organization: organization, catalogs: catalogs, provenance: provenance)
        root = Self.build(cx)
    }

    /// OSCAL JSON (`poam.json`).
    public func json() -> [UInt8] { root.renderJSON() }
    /// OSCAL XML (`poam.xml`).
    public func xml() -> [UInt8] { root.renderXML() }

    static func build(_ cx: OSCALContext) -> OSCALNode {
        let a = cx.assessment
        // The open cells each action closes: cells of its requirements that are gaps.
        var cellsOf: [RequirementRef: [Cell]] = [:]
        for c in cx.assessedCells where !(OSCALCellMapping.state(c.status)?.satisfied ?? true) { cellsOf[c.requirement, default: []].append(c) }
        var observations: [OSCALNode] = [], risks: [OSCALNode] = [], items: [OSCALNode] = []
        var observed = Set<String>()
        for x in cx.deliverables.remediation {
            let cells = x.requirements.flatMap { cellsOf[$0] ?? [] }
            for c in cells where observed.insert(cx.observation(c)).inserted { observations.append(cx.observationNode(c)) }
            let riskID = cx.uuid("risk", x.id, x.group.id)
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
            risks.append(.assembly("risk", group: "risks", [("uuid", riskID)], risk))
            var item: [OSCALNode] = [.field("title", "\(x.id) \(x.title)"), .markup("description", "Remediation action \(x.id) (rank \(x.rank)), owner \(x.owner ?? "none").")]
            item.append(.prop("action-id", x.id))
            for c in cells { item.append(.assembly("related-observation", group: "related-observations", [("observation-uuid", cx.observation(c))])) }
            item.append(.assembly("associated-risk", group: "related-risks", [("risk-uuid", riskID)]))
            items.append(.assembly("poam-item", group: "poam-items", [("uuid", cx.uuid("poam-item", x.id, x.group.id))], item))
        }
        if items.isEmpty {
            // OSCAL requires one item; say truthfully that there is nothing to do.
            items.append(.assembly("poam-item", group: "poam-items", [("uuid", cx.uuid("poam-item", "none"))], [
                .field("title", "No remediation action"), .markup("description", "The assessment at \(a.asOf) found no open gap, so there is no action to plan."),
            ]))
        }
        let (components, inventory) = cx.systemDefinitions()
        var doc: [OSCALNode] = [
            cx.metadata(title: "Plan of action and milestones: \(a.organization), \(a.asOf)"),
            OSCALNode(name: "system-id", group: nil, flags: [("identifier-type", "https://ietf.org/rfc/rfc4122")], content: .text(cx.organizationParty), jsonValueKey: "id"),
        ]
        if !components.isEmpty || !inventory.isEmpty { doc.append(.assembly("local-definitions", components + inventory)) }
        doc += observations + risks + items
        doc.append(cx.backMatter(includePlanPlaceholder: false))
        return .assembly("plan-of-action-and-milestones", [("uuid", cx.uuid("poam", a.asOf.description))], doc)
    }
}
