/// An assessment as an OSCAL 1.2 `assessment-results` document (mapping: `Docs/OSCAL.md`):
/// one result at the as-of date; the AI systems as local components and inventory items;
/// one observation per assessed cell (method EXAMINE, its evidence, the earliest expiry);
/// one finding per assessed cell, targeting the requirement's statement, satisfied only
/// when the cell is met.
package struct AssessmentResultsDocument: Sendable {
    let root: OSCALNode

    /// The document of `assessment`, its deliverables and the organisation.
    public init(_ assessment: Assessment, deliverables: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance) {
        self.init(context: OSCALContext(assessment, deliverables: deliverables, organization: organization, catalogs: catalogs, provenance: provenance))
    }

    /// The document over a context shared with the other OSCAL files.
    init(context cx: OSCALContext) { root = Self.build(cx) }

    /// OSCAL JSON (`assessment-results.json`).
    public func json() -> [UInt8] { root.renderJSON() }
    /// OSCAL XML (`assessment-results.xml`).
    public func xml() -> [UInt8] { root.renderXML() }
    /// The same documents handed to `emit` about 1 MiB at a time; the rest is returned.
    public func json(emit: (([UInt8]) -> Void)?) -> [UInt8] { root.renderJSON(emit: emit) }
    public func xml(emit: (([UInt8]) -> Void)?) -> [UInt8] { root.renderXML(emit: emit) }

    static func build(_ cx: OSCALContext) -> OSCALNode {
        let a = cx.assessment
        let (components, items) = cx.systemDefinitions()
        var result: [OSCALNode] = [
            .field("title", "Crosswalk assessment of \(a.organization) at \(a.asOf)"),
            .markup("description", "Readiness of \(a.organization) against \(a.frameworks.map(\.rawValue).joined(separator: ", ")) at \(a.asOf), assessed by Crosswalk \(cx.provenance.crosswalkVersion) from the organisation's evidence register. Overall readiness \(percent(a.overall.readiness)) over \(a.overall.assessedCells) assessed cells."),
            .field("start", cx.timestamp),
            .field("end", cx.timestamp),
        ]
        for s in a.scores where s.scope == .framework || s.scope == .overall {
            result.append(.prop("readiness", percent(s.readiness), ns: OSCALNode.crosswalkNS).withClass(s.scope == .overall ? "overall" : s.key))
        }
        if !components.isEmpty || !items.isEmpty { result.append(.assembly("local-definitions", components + items)) }
        var selections: [OSCALNode] = []
        for f in a.frameworks {
            guard let cat = cx.catalogs.catalog(f) else { continue }
            var seen = Set<String>()
            var controls: [OSCALNode] = []
            for c in a.cells where c.requirement.framework == f && seen.insert(c.requirement.label).inserted {
                guard let e = cat.entry(labelOrID: c.requirement.label) else { continue }
                var kids: [OSCALNode] = []
                if let s = e.statementID { kids.append(.field("statement-id", group: "statement-ids", s)) }
                controls.append(.assembly("include-control", group: "include-controls", [("control-id", e.id)], kids))
            }
            guard !controls.isEmpty else { continue }
            selections.append(.assembly("control-selection", group: "control-selections",
                                        [], [.markup("description", "\(cat.title): every requirement in scope of the assessment (control ids of this catalogue)."),
                                             .prop("framework", f.rawValue), .link("#" + cx.catalogResource(f), rel: "reference")] + controls))
        }
        result.append(.assembly("reviewed-controls", [.markup("description", "The frameworks in scope: \(a.frameworks.map(\.rawValue).joined(separator: ", ")). Control ids are those of each framework's catalogue, linked in back-matter.")] + selections))
        let cells = cx.assessedCells
        result.append(.streamed("observation", group: "observations", count: cells.count) { cx.writeObservation(cx.assessment.cells[cells[$0]], standalone: false, to: &$1) })
        result.append(.streamed("finding", group: "findings", count: cells.count) { writeFinding(cx.assessment.cells[cells[$0]], cx, to: &$1) })
        let doc: [OSCALNode] = [
            cx.metadata(title: "Assessment results: \(a.organization), \(a.asOf)"),
            .assembly("import-ap", [("href", "#" + cx.assessmentPlanPlaceholder)], [.markup("remarks", "No OSCAL assessment plan exists; this points at a placeholder resource in back-matter (Docs/OSCAL.md).")]),
            .assembly("result", group: "results", [("uuid", cx.uuid("result", a.asOf.description))], result),
            cx.backMatter(includePlanPlaceholder: true, citedBy: cells),
        ]
        return .assembly("assessment-results", [("uuid", cx.uuid("assessment-results", a.asOf.description))], doc)
    }

    /// The finding of one assessed cell, written straight into the document.
    static func writeFinding(_ c: Cell, _ cx: OSCALContext, to s: inout OSCALStream) {
        let entry = cx.catalogs.entry(c.requirement)
        let (satisfied, reason) = OSCALCellMapping.state(c.status)!
        s.begin("finding", group: "findings")
        s.flag("uuid", cx.finding(c))
        s.field("title", "\(c.requirement.framework) \(c.requirement.label)" + (c.system.map { " for \($0)" } ?? " (organisation)") + ": \(c.status.rawValue)")
        s.markup("description", c.sentence)
        s.prop("framework", c.requirement.framework.rawValue); s.prop("requirement", c.requirement.label)
        s.prop("cell-status", c.status.rawValue); s.prop("reason-code", c.reason.code)
        if let system = c.system { s.prop("ai-system", system) }
        if let o = c.owner { s.prop("owner", o) }
        if let d = c.deadline { s.prop("deadline", d.description) }
        let targetID = entry?.statementID ?? entry?.id ?? c.requirement.label
        s.begin("target")
        s.flag("type", "statement-id"); s.flag("target-id", targetID)
        s.field("title", "\(c.requirement.label)\(entry.map { " " + $0.title } ?? "")")
        // The reason is the finding's description; not repeated in the status remarks.
        s.begin("status")
        s.flag("state", satisfied ? "satisfied" : "not-satisfied"); s.flag("reason", reason)
        s.end()
        s.end()
        s.begin("related-observation", group: "related-observations")
        s.flag("observation-uuid", cx.observation(c))
        s.end()
        s.end()
    }
}

func percent(_ x: Double) -> String {
    let v = (x * 1000).rounded() / 10
    return v == v.rounded() ? "\(Int(v))%" : "\(v)%"
}

extension OSCALNode {
    /// The same prop with a `class` flag (to tell apart several props of one name).
    func withClass(_ c: String) -> OSCALNode {
        var n = self
        n.flags.insert(("class", c), at: min(2, n.flags.count))
        return n
    }
}
