/// The applied-controls import: one row per remediation action, with the columns CISO
/// Assistant's data wizard reads (`AppliedControlRecordConsumer` in
/// `backend/data_wizard/views.py`).
enum CISOAppliedControlsCSV {
    static let columns = ["ref_id", "name", "description", "status", "priority", "csf_function", "eta", "owner", "observation"]

    static func render(_ d: Deliverables, assessment: Assessment, organization: Organization) -> [UInt8] {
        var names: [String: String] = [:]
        for p in organization.people where names[p.id] == nil { names[p.id] = p.name }
        var w = CSVWriter()
        w.row(columns)
        let n = d.remediation.count
        for x in d.remediation {
            w.text(x.id); w.text(x.title)
            w.text("Closes \(x.requirements.map(\.description).joined(separator: ", "))" + (x.systems.isEmpty ? "" : " for \(x.systems.joined(separator: ", "))") + (x.organizationWide ? " (organisation-wide)" : "") + ".")
            w.text("to_do")
            w.number(priority(rank: x.rank, of: n))
            w.text("govern")
            w.text(x.deadline?.description ?? "")
            w.text(x.owner ?? "")
            var obs = "Crosswalk remediation action \(x.id), rank \(x.rank) of \(n), priority \(x.priority.total) (\(x.priority.explanation))."
            obs += " Gaps: \(x.gaps.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", "))."
            if let k = x.deadlineKind, let dl = x.deadline { obs += " Deadline \(dl) (\(k.rawValue))." }
            obs += x.owner.map { " Owner: \(names[$0] ?? $0) (\($0))." } ?? " No owner: the control group is unowned."
            w.text(obs)
            w.endRow()
        }
        return w.bytes
    }

    /// P1–P4 by rank quarter: the first quarter of the ranked plan is P1.
    static func priority(rank: Int, of count: Int) -> Int {
        guard count > 0 else { return 4 }
        return min(4, (rank - 1) * 4 / count + 1)
    }
}
