extension HTMLVariables {
    /// The `changes` variable of a report with a baseline (`Docs/Reports.md`): the
    /// comparison with the earlier assessment; absent without one, so a template's
    /// `{{#changes}}…{{/changes}}` shows nothing then.
    static func changes(_ c: ReportContext.Changes) -> [String: Any] {
        var v: [String: Any] = [:]
        v["old_as_of"] = c.oldAsOf.description
        v["old_file"] = c.oldFile
        v["new_as_of"] = c.newAsOf.description
        for (change, n) in c.counts { v[change.rawValue.replacingOccurrences(of: "-", with: "_")] = n }
        v["counts"] = c.counts.map { ["change": $0.change.rawValue, "label": $0.change.heading, "count": $0.count] as [String: Any] }
        v["frameworks"] = c.byFramework.map { f -> [String: Any] in
            ["framework": f.framework, "counts": f.counts.map { ["count": $0] as [String: Any] }]
        }
        // Overall and every framework; systems up to the report's cap of system pages (all are on the Summary sheet).
        let systemRows = c.readiness.filter { $0.scope == "system" }.count
        var systemsShown = 0
        let readiness = c.readiness.filter { r in
            guard r.scope == "system" else { return true }
            systemsShown += 1
            return systemsShown <= HTMLReport.systemPages
        }
        v["readiness_more"] = max(0, systemRows - HTMLReport.systemPages)
        v["has_readiness_more"] = systemRows > HTMLReport.systemPages
        v["has_frameworks"] = !c.byFramework.isEmpty
        v["readiness"] = readiness.map { r -> [String: Any] in
            let delta: String = if let o = r.old, let n = r.new { points((n - o) * 100) } else { "" }
            let label = r.scope == "overall" ? "Overall" : r.scope == "framework" ? r.key : r.key + (r.name.isEmpty ? "" : " — " + r.name)
            return ["scope": r.scope, "key": r.key, "label": label, "name": r.name, "is_system": r.scope == "system",
                    "then": r.old.map(formatPercent) ?? "—", "now": r.new.map(formatPercent) ?? "—", "delta": delta]
        }
        v["systems_added"] = c.systemsAdded.map { ["id": $0.id, "name": $0.name] as [String: Any] }
        v["systems_retired"] = c.systemsRetired.map { ["id": $0] as [String: Any] }
        v["has_systems"] = !c.systemsAdded.isEmpty || !c.systemsRetired.isEmpty
        v["requirements_added"] = c.requirementsAdded.map { ["requirement": $0] as [String: Any] }
        v["requirements_removed"] = c.requirementsRemoved.map { ["requirement": $0] as [String: Any] }
        v["has_requirements"] = !c.requirementsAdded.isEmpty || !c.requirementsRemoved.isEmpty
        v["warnings"] = c.warnings.map { ["text": $0] as [String: Any] }
        v["cell_count"] = c.rows.count

        // The changed cells by kind of change, capped (every row is in changes.csv and on the Changes sheet).
        var shown = 0
        var groups: [[String: Any]] = []
        for change in CellChange.allCases {
            let rows = c.rows.filter { $0.change == change }
            guard !rows.isEmpty else { continue }
            let take = max(0, min(rows.count, HTMLReport.changeRows - shown))
            shown += take
            groups.append(["change": change.rawValue, "label": change.heading, "count": rows.count, "more": rows.count - take, "has_more": take < rows.count,
                           "cells": rows.prefix(take).map(row)])
        }
        v["groups"] = groups
        v["cells_more"] = c.rows.count - shown
        v["has_cells_more"] = shown < c.rows.count
        return v
    }

    private static func row(_ r: ReportContext.Changes.Row) -> [String: Any] {
        func status(_ s: ReportContext.Changes.Status) -> [String: Any] {
            switch s {
            case let .known(st): ["code": StatusStyle(st).code, "label": StatusStyle(st).label, "styled": true]
            case .unknown, .none: ["code": s.code, "label": s.label, "styled": false]
            }
        }
        let system = r.system.isEmpty ? "organisation" : r.system + (r.systemName.isEmpty ? "" : " — " + r.systemName)
        let owner = r.owner.isEmpty ? "none" : r.ownerName.isEmpty ? r.owner : "\(r.ownerName) (\(r.owner))"
        return ["change": r.change.rawValue, "framework": r.framework.rawValue, "requirement": r.requirement, "title": r.title,
                "system": r.system, "system_name": r.systemName, "has_system": !r.system.isEmpty, "system_label": system,
                "owner": r.owner, "owner_name": r.ownerName, "has_owner": !r.owner.isEmpty, "owner_label": owner,
                "old": status(r.old), "new": status(r.new)]
    }

    /// `+3.7 pts`, `-0.4 pts`, `0 pts`.
    static func points(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        let text = tenths % 10 == 0 ? String(abs(tenths) / 10) : "\(abs(tenths) / 10).\(abs(tenths) % 10)"
        return (tenths > 0 ? "+" : tenths < 0 ? "-" : "") + text + " pts"
    }
}
