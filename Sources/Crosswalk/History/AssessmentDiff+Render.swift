extension AssessmentDiff {
    /// The columns of `diff --format csv`: one row per changed cell (`Docs/Diff.md`).
    public static let csvColumns = ["change", "framework", "requirement", "system", "owner", "old_status", "new_status"]

    /// One row per changed cell, in ``cells`` order.
    public func csv() -> [UInt8] {
        var w = CSVWriter()
        w.row(Self.csvColumns)
        for d in cells {
            w.text(d.change.rawValue); w.text(d.requirement.framework.rawValue); w.text(d.requirement.label); w.text(d.system ?? "")
            w.text(d.owner ?? ""); w.text(d.old ?? ""); w.text(d.new ?? "")
            w.endRow()
        }
        return w.bytes
    }

    /// Everything, as one JSON document (`Docs/Diff.md`).
    public func json() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("format", "crosswalk-diff"); w.field("formatVersion", 1)
        w.field("organization", organization)
        w.key("old"); w.beginObject(); w.field("file", oldFile); w.field("asOf", oldAsOf.description); w.endObject()
        w.key("new"); w.beginObject(); w.field("file", newFile); w.field("asOf", newAsOf.description); w.endObject()
        w.field("warnings", warnings)
        w.key("counts"); w.beginArray()
        for t in tallies {
            w.beginObject(); w.field("scope", t.scope); w.field("key", t.key)
            for c in CellChange.allCases { w.field(c.rawValue, t.count(c)) }
            w.endObject()
        }
        w.endArray()
        w.key("readiness"); w.beginArray()
        for r in readiness {
            w.beginObject(); w.field("scope", r.scope); w.field("key", r.key)
            w.key("old"); if let o = r.old { w.number(o, decimals: 4) } else { w.null() }
            w.key("new"); if let n = r.new { w.number(n, decimals: 4) } else { w.null() }
            w.endObject()
        }
        w.endArray()
        w.field("systemsAdded", systemsAdded); w.field("systemsRetired", systemsRetired)
        w.field("requirementsAdded", requirements.filter(\.added).map(\.requirement.description))
        w.field("requirementsRemoved", requirements.filter { !$0.added }.map(\.requirement.description))
        w.key("cells"); w.beginArray()
        for d in cells {
            w.beginObject(); w.field("change", d.change.rawValue); w.field("framework", d.requirement.framework.rawValue); w.field("requirement", d.requirement.label)
            w.field("system", d.system); w.field("owner", d.owner); w.field("old", d.old); w.field("new", d.new); w.endObject()
        }
        w.endArray()
        w.field("until", until?.description)
        w.key("expiring"); w.beginArray()
        for e in expiring {
            w.beginObject(); w.field("evidence", e.evidence); w.field("title", e.title); w.field("owner", e.owner); w.field("expires", e.expires.description); w.field("cells", e.cells); w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    /// The human summary: counts by framework, system and owner; readiness then and now;
    /// systems and requirements added or removed; expiring evidence. Rows of cells, each
    /// row an array of columns (the CLI aligns them).
    package func tables() -> [(title: String, rows: [[String]])] {
        func pct(_ x: Double?) -> String { x.map { percent($0) } ?? "—" }
        let shown: [CellChange] = [.closed, .newlyOpen, .regressed, .improved, .changed, .newlyMet, .noLongerAssessed]
        var out: [(String, [[String]])] = []
        var rows = [["SCOPE", "KEY"] + shown.map { $0.rawValue.uppercased() }]
        for t in tallies { rows.append([t.scope, t.key] + shown.map { String(t.count($0)) }) }
        out.append(("Cells changed from \(oldAsOf) to \(newAsOf)", rows))
        rows = [["SCOPE", "KEY", "THEN", "NOW", "CHANGE"]]
        for r in readiness {
            let delta = (r.old != nil && r.new != nil) ? String(format1((r.new! - r.old!) * 100)) + " pts" : ""
            rows.append([r.scope, r.key, pct(r.old), pct(r.new), delta])
        }
        out.append(("Readiness then and now", rows))
        if !systemsAdded.isEmpty || !systemsRetired.isEmpty {
            out.append(("Systems", [["CHANGE", "SYSTEM"]] + systemsAdded.map { ["added", $0] } + systemsRetired.map { ["retired", $0] }))
        }
        if !requirements.isEmpty {
            out.append(("Requirements (catalogue change)", [["CHANGE", "REQUIREMENT"]] + requirements.map { [$0.added ? "added" : "removed", $0.requirement.description] }))
        }
        if let until {
            out.append(("Evidence expiring by \(until)", [["EVIDENCE", "EXPIRES", "OWNER", "CELLS", "TITLE"]] + expiring.map { [$0.evidence, $0.expires.description, $0.owner, String($0.cells), $0.title] }))
        }
        return out
    }

    private func format1(_ x: Double) -> String {
        let v = (x * 10).rounded() / 10
        return (v > 0 ? "+" : "") + (v == v.rounded() ? String(Int(v)) : String(v))
    }
}
