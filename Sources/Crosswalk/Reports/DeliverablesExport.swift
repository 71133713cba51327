/// Renders the deliverables as CSV. Column contracts: `Docs/CSV.md`.
package enum DeliverablesExport {
    public static let ownerColumns = ["group_id", "anchor", "anchor_title", "members", "member_count", "frameworks", "membership", "owner", "owner_name",
                                      "owner_basis", "other_owners", "conflict", "unowned", "action_id", "coordination", "coordinate_with"]

    /// One row per control group, in group order.
    public static func ownersCSV(_ d: Deliverables, organization: Organization, catalogs: CatalogSet) -> [UInt8] {
        let names = personNames(organization)
        var actionOf: [String: String] = [:]
        for a in d.remediation { actionOf[a.group.id] = a.id }
        var w = CSVWriter()
        w.row(ownerColumns)
        for o in d.ownership {
            let g = o.group
            w.text(g.id); w.text(g.anchor.description); w.text(catalogs.entry(g.anchor)?.title ?? "")
            w.text(g.requirements.map(\.description).joined(separator: ";")); w.number(g.members.count)
            w.text(g.frameworks.map(\.rawValue).joined(separator: ";"))
            w.text(g.members.dropFirst().map { "\($0.requirement) \($0.membership.summary)" }.joined(separator: ";"))
            w.text(o.owner ?? ""); w.text(o.owner.flatMap { names[$0] } ?? ""); w.text(o.basis.rawValue)
            w.text(o.otherClaims.map(\.label).joined(separator: ";"))
            w.text(o.hasConflict ? "yes" : "no"); w.text(o.isUnowned ? "yes" : "no"); w.text(actionOf[g.id] ?? "")
            let shared = d.coordination(ofGroup: g.id)
            w.text(shared.isEmpty ? "no" : "yes")
            w.text(shared.map { "\($0.subject.requirement) \($0.relationship.rawValue) \($0.strength) \($0.object.requirement) (\($0.object.group), \($0.object.owner))" }.joined(separator: ";"))
            w.endRow()
        }
        return w.bytes
    }

    public static let remediationColumns = ["rank", "action_id", "title", "owner", "owner_name", "group_id", "anchor", "requirements", "requirement_count",
                                            "frameworks", "framework_count", "systems", "system_count", "organisation_wide", "open_cells", "gap_kinds",
                                            "deadline", "deadline_kind", "target_date", "target_basis", "highest_tier", "mandatory", "priority", "priority_breakdown"]

    /// One row per action, in rank order.
    public static func remediationCSV(_ d: Deliverables, organization: Organization) -> [UInt8] {
        let names = personNames(organization)
        var w = CSVWriter()
        w.row(remediationColumns)
        for a in d.remediation {
            w.number(a.rank); w.text(a.id); w.text(a.title); w.text(a.owner ?? ""); w.text(a.owner.flatMap { names[$0] } ?? "")
            w.text(a.group.id); w.text(a.group.anchor.description)
            w.text(a.requirements.map(\.description).joined(separator: ";")); w.number(a.requirements.count)
            w.text(a.frameworks.map(\.rawValue).joined(separator: ";")); w.number(a.frameworks.count)
            w.text(a.systems.joined(separator: ";")); w.number(a.systems.count); w.text(a.organizationWide ? "yes" : "no")
            w.number(a.openCells); w.text(a.gaps.map { "\($0.kind.rawValue):\($0.count)" }.joined(separator: ";"))
            w.text(a.deadline?.description ?? ""); w.text(a.deadlineKind?.rawValue ?? ""); w.text(a.targetDate.description); w.text(a.targetBasis); w.text(a.highestTier); w.text(a.mandatory ? "yes" : "no")
            w.number(a.priority.total); w.text(a.priority.explanation)
            w.endRow()
        }
        return w.bytes
    }

    public static let registerColumns = ["system", "name", "owner", "business_unit", "sourcing", "vendor", "lifecycle", "go_live", "retired_on",
                                         "placed_on_market", "eu_roles", "risk_tier", "annex_iii", "owner_assigned", "impact_assessment",
                                         "supplier_due_diligence", "classification", "readiness", "assessed_cells", "open_gaps", "to_do"]

    /// The AI register (`crosswalk inventory --format csv`): one row per system, in inventory order.
    public static func registerCSV(_ register: [AIRegisterEntry]) -> [UInt8] {
        var w = CSVWriter()
        w.row(registerColumns)
        for r in register {
            let s = r.system
            w.text(s.id); w.text(s.name); w.text(s.owner); w.text(s.businessUnit); w.text(s.sourcing.rawValue); w.text(s.vendor)
            w.text(s.lifecycle.rawValue); w.text(s.goLive?.description ?? ""); w.text(s.retiredOn?.description ?? ""); w.text(s.placedOnMarket?.description ?? "")
            w.text(s.euRoles.map(\.rawValue).joined(separator: ";")); w.text(s.riskTier?.rawValue ?? ""); w.text(s.annexIII?.rawValue ?? "")
            w.text(r.ownerAssigned ? "yes" : "no"); w.text(r.impactAssessment.rawValue); w.text(r.supplierDueDiligence.rawValue)
            w.text(r.classification.rawValue); w.text(r.readiness.map { formatFixed($0, decimals: 3) } ?? ""); w.number(r.assessedCells)
            w.number(r.openGaps); w.text(r.actions.joined(separator: "; "))
            w.endRow()
        }
        return w.bytes
    }

    public static let soaColumns = ["control", "title", "theme", "applicable", "decision", "justification", "implementation_status", "cells_met",
                                    "cells_assessed", "evidence", "owner", "group_id", "system_decisions"]

    /// One row per Annex A control, in catalogue order.
    public static func soaCSV(_ soa: StatementOfApplicability) -> [UInt8] {
        var w = CSVWriter()
        w.row(soaColumns)
        for e in soa.entries {
            w.text(e.control.label); w.text(e.title); w.text(e.theme); w.text(e.applicable ? "yes" : "no"); w.text(e.decision.rawValue)
            w.text(e.justification); w.text(e.status.rawValue); w.number(e.cellsMet); w.number(e.cellsAssessed)
            w.text(e.evidence.joined(separator: ";")); w.text(e.owner ?? ""); w.text(e.group ?? "")
            w.text(e.systemDecisions.map(\.label).joined(separator: "; "))
            w.endRow()
        }
        return w.bytes
    }

    static func personNames(_ org: Organization) -> [String: String] {
        var names: [String: String] = [:]
        for p in org.people where names[p.id] == nil { names[p.id] = p.name }
        return names
    }
}
