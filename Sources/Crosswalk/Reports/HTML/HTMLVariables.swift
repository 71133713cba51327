import Foundation

/// The variables a report template sees (documented in `Docs/Reports.md`), made from the
/// context once. Values are strings, numbers, booleans, and lists of such dictionaries;
/// every string is escaped by the template's `{{…}}`.
enum HTMLVariables {
    static func make(_ c: ReportContext) -> [String: Any] {
        var v: [String: Any] = [:]
        v["organization"] = c.organization
        v["as_of"] = c.asOf.description
        v["generator"] = "Crosswalk"
        v["frameworks_list"] = c.frameworks.map(\.id.rawValue).joined(separator: ", ")
        v["default_css"] = DefaultTemplate.css
        v["readiness_svg"] = SVGCharts.readiness(c)
        v["heatmap_svg"] = SVGCharts.heatmap(c)
        v["status_svg"] = SVGCharts.statusBreakdown(c)
        v["heatmap_note"] = c.systems.count > HTMLReport.heatmapSystems
            ? "The heatmap shows the first \(HTMLReport.heatmapSystems) of \(c.systems.count) systems in inventory order; every system is on the Systems sheet of assessment.xlsx." : ""

        // The three numbers a board reads.
        v["overall_readiness"] = formatPercent(c.overall.readiness)
        v["assessed_cells"] = c.overall.assessed
        v["open_gaps"] = c.openGapCells
        v["systems_with_gaps"] = c.systems.filter { !$0.gapCells.isEmpty }.count
        v["systems_count"] = c.systems.count
        v["high_risk_systems"] = c.systems.filter { $0.tier == "high" || $0.tier == "prohibited" }.count
        v["actions_count"] = c.actions.count
        v["upcoming_cells"] = c.overall.count(.upcoming)
        v["next_date"] = c.upcoming.first.map { $0.date.description } ?? ""
        v["conflicts_count"] = c.owners.filter(\.conflict).count
        v["unowned_count"] = c.owners.filter(\.unowned).count
        v["groups_count"] = c.owners.count
        v["horizon_days"] = ReportContext.horizonDays

        v["frameworks"] = c.frameworks.map { f -> [String: Any] in
            ["id": f.id.rawValue, "title": f.title, "edition": f.edition, "readiness": formatPercent(f.inForce.readiness),
             "assessed": f.inForce.assessed, "upcoming": f.upcomingCells,
             "preparation": f.inForce.preparation.map(formatPercent) ?? "—", "next_date": f.nextDate?.description ?? "",
             "open_gaps": f.inForce.gaps, "counts": counts(f.inForce),
             "headings": f.headings.map { h -> [String: Any] in
                 ["label": h.label, "title": h.title, "readiness": h.figures.assessed == 0 ? "—" : formatPercent(h.figures.readiness),
                  "assessed": h.figures.assessed, "open_gaps": h.figures.gaps, "upcoming": h.figures.count(.upcoming)]
             }]
        }
        v["statuses"] = StatusStyle.all.map { ["code": $0.style.code, "label": $0.style.label, "count": c.overall.count($0.status)] as [String: Any] }
        v["upcoming_dates"] = c.upcoming.map { u -> [String: Any] in
            ["date": u.date.description, "basis": u.basis, "requirements": u.requirements.joined(separator: ", "), "requirement_count": u.requirements.count, "cells": u.cells]
        }
        v["expiring_count"] = c.expiring.count
        v["expiring_more"] = max(0, c.expiring.count - HTMLReport.expiringEvidence)
        v["has_expiring_more"] = c.expiring.count > HTMLReport.expiringEvidence
        v["expiring_evidence"] = c.expiring.prefix(HTMLReport.expiringEvidence).map { i -> [String: Any] in
            let e = c.evidence[i]
            return ["id": e.id, "title": e.title, "owner": e.owner, "owner_name": e.ownerName, "valid_until": e.validUntil?.description ?? "",
                    "expired": e.validity == "expired", "validity": e.validity == "expired" ? "expired" : "expires soon"]
        }

        v["top_actions"] = c.actions.prefix(HTMLReport.topActions).map { action($0, systemCount: c.systems.count) }
        v["actions_more"] = max(0, c.actions.count - HTMLReport.topActions)
        v["has_actions_more"] = c.actions.count > HTMLReport.topActions

        v["conflicts"] = c.owners.filter(\.conflict).map { o -> [String: Any] in
            ["group": o.group, "anchor": o.anchor, "anchor_title": o.anchorTitle, "owner": o.owner, "owner_name": o.ownerName,
             "other_owners": o.otherOwners.joined(separator: "; "), "action": o.action]
        }
        v["coordination"] = c.coordination.map { f -> [String: Any] in
            ["requirement": f.requirement, "group": f.group, "owner": f.owner, "owner_name": f.ownerName, "relationship": f.relationship,
             "other_requirement": f.otherRequirement, "other_group": f.otherGroup, "other_owner": f.otherOwner, "other_owner_name": f.otherOwnerName,
             "justification": f.justification]
        }
        v["coordination_count"] = c.coordination.count
        let unowned = c.owners.filter(\.unowned)
        v["unowned"] = unowned.map { o -> [String: Any] in
            ["group": o.group, "anchor": o.anchor, "anchor_title": o.anchorTitle, "frameworks": o.frameworks.joined(separator: ", "), "action": o.action]
        }

        v["systems"] = c.systems.prefix(HTMLReport.systemPages).map { s -> [String: Any] in
            let gaps = s.gapCells.prefix(HTMLReport.gapsPerSystemPage).map { i -> [String: Any] in cell(c.cells[i]) }
            return ["id": s.id, "name": s.name, "purpose": s.purpose, "business_unit": s.businessUnit, "lifecycle": s.lifecycle, "sourcing": s.sourcing,
                    "vendor": s.vendor, "tier": s.tier, "annex_iii": s.annexIII, "roles": s.roles.joined(separator: ", "),
                    "conditions": s.conditions.joined(separator: ", "), "owner": s.owner, "owner_name": s.ownerName,
                    "readiness": s.figures.map { formatPercent($0.readiness) } ?? "—", "assessed": s.figures?.assessed ?? 0,
                    "gap_count": s.gapCells.count, "gaps": gaps, "gaps_more": max(0, s.gapCells.count - HTMLReport.gapsPerSystemPage),
                    "has_gaps_more": s.gapCells.count > HTMLReport.gapsPerSystemPage, "has_annex_iii": !s.annexIII.isEmpty, "has_vendor": !s.vendor.isEmpty,
                    "frameworks": zip(c.frameworks, s.perFramework).map { f, r in ["id": f.id.rawValue, "readiness": r.map(formatPercent) ?? "—"] as [String: Any] }]
        }
        v["systems_more"] = max(0, c.systems.count - HTMLReport.systemPages)
        v["has_systems_more"] = c.systems.count > HTMLReport.systemPages

        v["soas"] = c.statements.map { soa -> [String: Any] in
            ["framework": soa.framework.rawValue, "title": soa.title, "control_count": soa.rows.count,
             "applicable_count": soa.rows.filter(\.applicable).count,
             "rows": soa.rows.map { r -> [String: Any] in
                 ["control": r.control, "title": r.title, "theme": r.theme, "applicable": r.applicable ? "yes" : "no", "decision": r.decision,
                  "justification": r.justification, "system_decisions": r.systemDecisions, "status": r.status, "has_justification": !r.justification.isEmpty, "cells_met": r.cellsMet, "cells_assessed": r.cellsAssessed,
                  "evidence": r.evidence.joined(separator: ", "), "evidence_titles": r.evidenceTitles.joined(separator: "; "),
                  "owner": r.owner, "owner_name": r.ownerName, "group": r.group]
             }]
        }

        // The gap register: cells that call for action, grouped by framework and heading, capped.
        var register: [[String: Any]] = []
        var shown = 0, total = 0
        var current: (fw: FrameworkID, heading: String)?
        var headings: [[String: Any]] = [], rows: [[String: Any]] = []
        func flushHeading() { if let current, !rows.isEmpty { headings.append(["heading": current.heading, "cells": rows]) }; rows = [] }
        func flushFramework() { flushHeading(); if let current, !headings.isEmpty { register.append(["framework": current.fw.rawValue, "headings": headings]) }; headings = [] }
        for i in c.cells.indices where c.cells.status(at: i).isGap {
            total += 1
            guard shown < HTMLReport.registerRows else { continue }
            let cl = c.cells[i]
            if current?.fw != cl.framework { flushFramework(); current = (cl.framework, cl.heading) }
            else if current?.heading != cl.heading { flushHeading(); current = (cl.framework, cl.heading) }
            rows.append(cell(cl))
            shown += 1
        }
        flushFramework()
        v["register"] = register
        v["register_count"] = total
        v["register_more"] = total - shown
        v["has_register_more"] = total > shown

        v["catalogues"] = c.catalogues.map { ["framework": $0.framework, "title": $0.title, "edition": $0.edition, "version": $0.version, "source": $0.source, "licence": $0.licence] as [String: Any] }
        v["crosswalks"] = c.crosswalks.map { ["title": $0.title, "version": $0.version, "method": $0.method, "status": $0.status, "rationale": $0.rationale, "mappings": $0.mappings, "source": $0.source] as [String: Any] }
        if let changes = c.changes { v["changes"] = Self.changes(changes) }
        v["caps"] = ["top_actions": HTMLReport.topActions, "system_pages": HTMLReport.systemPages, "gaps_per_system": HTMLReport.gapsPerSystemPage,
                     "register_rows": HTMLReport.registerRows, "heatmap_systems": HTMLReport.heatmapSystems,
                     "expiring_evidence": HTMLReport.expiringEvidence, "change_rows": HTMLReport.changeRows] as [String: Any]
        return v
    }

    private static func counts(_ f: ReportContext.Figures) -> [[String: Any]] {
        f.counts.map { ["code": StatusStyle($0.status).code, "label": StatusStyle($0.status).label, "count": $0.count] as [String: Any] }
    }

    private static func action(_ a: ReportContext.Action, systemCount: Int) -> [String: Any] {
        ["rank": a.rank, "id": a.id, "title": a.title, "owner": a.owner, "owner_name": a.ownerName, "unowned": a.owner.isEmpty,
         "target_date": a.targetDate?.description ?? "", "deadline": a.deadline?.description ?? "", "deadline_kind": a.deadlineKind,
         "open_cells": a.openCells, "gap_kinds": a.gapKinds.replacingOccurrences(of: ";", with: ", "), "systems": a.systems.count == systemCount && systemCount > 1 ? "all \(systemCount) systems" : a.systems.joined(separator: ", "),
         "system_count": a.systems.count, "has_systems": !a.systems.isEmpty, "has_target_date": a.targetDate != nil, "organization_wide": a.organizationWide, "frameworks": a.frameworks.joined(separator: ", "),
         "priority": a.priority, "group": a.group]
    }

    private static func cell(_ c: ReportContext.CellRow) -> [String: Any] {
        let st = StatusStyle(c.status)
        return ["framework": c.framework.rawValue, "requirement": c.requirement, "title": c.title, "system": c.system, "system_name": c.systemName, "has_system": !c.system.isEmpty,
                "status": st.code, "status_label": st.label, "reason": c.reason, "owner": c.owner, "owner_name": c.ownerName,
                "evidence": c.evidence.joined(separator: ", "), "evidence_titles": c.evidenceTitles.joined(separator: "; "),
                "deadline": c.deadline?.description ?? "", "action": c.action, "group": c.group]
    }
}
