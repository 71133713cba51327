/// The audit import of one framework: one row per assessable requirement node of CISO
/// Assistant's library that a Crosswalk requirement reaches, with the columns its data
/// wizard reads (`_reconcile_compliance_requirements` in `backend/data_wizard/views.py`).
enum CISOComplianceAssessmentCSV {
    static let columns = ["urn", "ref_id", "assessable", "name", "compliance_result", "requirement_progress", "score", "observations"]

    /// The bytes, and the warnings (identifiers written to a parent, requirements left out).
    static func render(_ a: Assessment, framework f: FrameworkID, library lib: CISOAssistantLibrary, organization: Organization) -> ([UInt8], [String]) {
        var warnings: [String] = []
        // The cells of each node, from every Crosswalk requirement that lands on it, in order.
        var order: [String] = []
        var cellsOf: [String: [Cell]] = [:]
        var sourcesOf: [String: [String]] = [:]
        var nodeOf: [String: CISOAssistantLibrary.Node] = [:]
        var lastLabel = ""
        for c in a.cells where c.requirement.framework == f {
            guard let r = lib.resolve(c.requirement.label) else {
                if c.requirement.label != lastLabel { warnings.append("\(c.requirement) has no counterpart in CISO Assistant's \(lib.libraryURN); left out of compliance-assessment-\(f).csv") }
                lastLabel = c.requirement.label
                continue
            }
            if let note = r.note { warnings.append(note) }
            if r.assessable.isEmpty && c.requirement.label != lastLabel {
                warnings.append("\(c.requirement) lands on \(r.node.urn), which has no assessable node; left out of compliance-assessment-\(f).csv")
            }
            lastLabel = c.requirement.label
            for n in r.assessable {
                if cellsOf[n.urn] == nil { order.append(n.urn); nodeOf[n.urn] = n }
                cellsOf[n.urn, default: []].append(c)
                if !(sourcesOf[n.urn] ?? []).contains(c.requirement.label) { sourcesOf[n.urn, default: []].append(c.requirement.label) }
            }
        }
        var w = CSVWriter()
        w.row(columns)
        for urn in order {
            let n = nodeOf[urn]!, cells = cellsOf[urn]!
            let s = summary(cells)
            w.text(n.urn); w.text(n.refID); w.text("True")
            w.text(sourcesOf[urn]!.map { "\(f) \($0)" }.joined(separator: "; "))
            w.text(s.result); w.text(s.progress); w.text(s.credit.map { String(Int(($0 * Double(lib.maxScore)).rounded())) } ?? "")
            w.text(observations(cells, sources: sourcesOf[urn]!, framework: f, node: n, asOf: a.asOf))
            w.endRow()
        }
        return (w.bytes, warnings)
    }

    /// CISO Assistant's result and progress for a set of cells, and the mean credit of the
    /// assessed ones (nil when none is assessed).
    static func summary(_ cells: [Cell]) -> (result: String, progress: String, credit: Double?) {
        var met = 0, gaps = 0, notApplicable = 0, notYet = 0, credit = 0.0
        for c in cells {
            switch c.status {
            case .met: met += 1; credit += c.credit
            case .partial, .missing, .stale, .dueSoon, .executionGap, .prohibited: gaps += 1; credit += c.credit
            case .excluded, .notApplicable: notApplicable += 1
            case .upcoming, .undetermined: notYet += 1
            }
        }
        let assessed = met + gaps
        let mean = assessed == 0 ? nil : credit / Double(assessed)
        if assessed == 0 { return (notApplicable > 0 && notYet == 0 ? "not_applicable" : "not_assessed", notYet > 0 ? "to_do" : "done", nil) }
        if gaps == 0 { return ("compliant", "done", mean) }
        if met == 0 && credit == 0 { return ("non_compliant", "to_do", mean) }
        return ("partially_compliant", "in_progress", mean)
    }

    static func observations(_ cells: [Cell], sources: [String], framework f: FrameworkID, node: CISOAssistantLibrary.Node, asOf: CalendarDate) -> String {
        var parts: [String] = ["Crosswalk assessment at \(asOf) of \(f) \(sources.joined(separator: ", "))."]
        for c in cells {
            var s = "\(c.system ?? "Organisation")\(sources.count > 1 ? " (\(c.requirement.label))" : ""): \(c.status.rawValue) — \(c.sentence)"
            if !c.evidence.isEmpty { s += " Evidence: \(c.evidence.joined(separator: ", "))." }
            parts.append(s)
        }
        return parts.joined(separator: "\n")
    }
}
