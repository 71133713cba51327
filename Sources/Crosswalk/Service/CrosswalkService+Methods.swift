/// The methods of the line protocol. Each reads its parameters strictly and writes its
/// result object; the shapes are in `Docs/Protocol.md` and `Docs/Protocol.schema.json`.
extension CrosswalkService {
    func describe(_ params: ServiceParams, into w: inout JSONWriter) throws(ServiceError) {
        try params.only([])
        w.beginObject()
        w.field("protocolVersion", Self.protocolVersion)
        w.field("methods", Method.allCases.map(\.rawValue))
        w.key("frameworks"); w.beginArray()
        for c in dataset.catalogs.catalogs {
            w.beginObject()
            w.field("framework", c.framework.rawValue)
            w.field("title", c.title)
            w.field("version", c.version)
            w.field("requirements", c.requirements.count)
            w.endObject()
        }
        w.endArray()
        w.field("crosswalks", dataset.collections.map(\.title))
        w.endObject()
    }

    func assess(_ params: ServiceParams, into w: inout JSONWriter) throws(ServiceError) {
        try params.only(["organization", "asOf", "frameworks", "dueSoonDays"])
        guard let file = try params.document("organization", maxBytes: limits.xml.maxInputBytes) else {
            throw .params("missing parameter 'organization': give {\"xml\": \"…\"} or {\"path\": \"…\"}")
        }
        let loaded: (organization: Organization, warnings: [Diagnostic])
        do { loaded = try OrganizationLoader.load(file.bytes, file: file.path, catalogs: dataset.catalogs, limits: limits) } catch { throw ServiceError(error) }
        var date = loaded.organization.assessmentDate
        if let text = try params.string("asOf") {
            guard let d = CalendarDate(text) else { throw .params("'asOf' is '\(text)'; write a date as YYYY-MM-DD") }
            date = d
        }
        guard let date else { throw .params("no assessment date: pass 'asOf' (YYYY-MM-DD) or set assessment-date in the organisation file") }
        let frameworks = try frameworkList(params.strings("frameworks"))
        let dueSoon = try params.int("dueSoonDays", in: 0...3650) ?? 30
        let assessment = AssessmentEngine.assess(loaded.organization, dataset: dataset, options: AssessmentOptions(asOf: date, dueSoonDays: dueSoon, frameworks: frameworks))
        let deliverables = Deliverables.build(assessment, organization: loaded.organization, dataset: dataset)
        w.beginObject()
        w.key("warnings"); w.beginArray()
        for d in loaded.warnings { w.diagnostic(d) }
        w.endArray()
        w.key("assessment")
        w.raw(json: AssessmentJSON.render(assessment, deliverables: deliverables, organization: loaded.organization, catalogs: dataset.catalogs))
        w.endObject()
    }

    func validate(_ params: ServiceParams, into w: inout JSONWriter) throws(ServiceError) {
        try params.only(["organization", "document"])
        let organization = try params.document("organization", maxBytes: limits.xml.maxInputBytes)
        let document = try params.document("document", maxBytes: limits.xml.maxInputBytes)
        let kind: String
        var diagnostics: [Diagnostic] = []
        switch (organization, document) {
        case (let file?, nil):
            kind = "organization"
            do { diagnostics = try OrganizationLoader.load(file.bytes, file: file.path, catalogs: dataset.catalogs, limits: limits).warnings } catch { diagnostics = error.diagnostics }
        case (nil, let file?):
            do {
                switch try Document.load(file, catalogs: dataset.catalogs, limits: limits) {
                case .catalog(_, let warnings): kind = "catalog"; diagnostics = warnings
                case .mappingCollection(_, let warnings): kind = "mapping-collection"; diagnostics = warnings
                case .dateOverlay: kind = "date-overlay"
                }
            } catch {
                kind = "document"
                diagnostics = error.diagnostics
            }
        default:
            throw .params("give exactly one of 'organization' (an organisation file) or 'document' (a catalogue or crosswalk)")
        }
        w.beginObject()
        w.field("valid", !diagnostics.contains { $0.severity == .error })
        w.field("kind", kind)
        w.key("diagnostics"); w.beginArray()
        for d in diagnostics { w.diagnostic(d) }
        w.endArray()
        w.endObject()
    }

    func map(_ params: ServiceParams, into w: inout JSONWriter) throws(ServiceError) {
        try params.only(["requirement", "to", "derived"])
        let text = try params.requiredString("requirement")
        guard let ref = RequirementRef(parsing: text), dataset.graph.contains(ref) || dataset.catalogs.entry(ref) != nil else {
            throw ServiceError(.unknownRequirement, "'\(text)' is not a loaded requirement; write framework:label, e.g. iso42001:A.6.2.4")
        }
        let to = try params.string("to").map { (t) throws(ServiceError) in try framework(t) }
        let relations = dataset.graph.relations(of: ref, to: to, includeDerived: try params.bool("derived", default: true))
        w.beginObject()
        w.field("requirement", ref.description)
        w.field("title", dataset.catalogs.entry(ref)?.title ?? "")
        w.key("relations"); w.beginArray()
        for r in relations { relation(r, into: &w) }
        w.endArray()
        w.endObject()
    }

    func coverage(_ params: ServiceParams, into w: inout JSONWriter) throws(ServiceError) {
        try params.only(["from", "to", "derived"])
        let from = try framework(params.requiredString("from")), to = try framework(params.requiredString("to"))
        guard let report = dataset.graph.coverage(from: from, to: to, includeDerived: try params.bool("derived", default: true)) else {
            throw ServiceError(.unknownFramework, "coverage needs two loaded frameworks")
        }
        w.beginObject()
        w.field("from", from.rawValue)
        w.field("to", to.rawValue)
        w.key("counts"); w.beginObject()
        for s in CoverageReport.Status.allCases { w.field(s.rawValue, report.count(s)) }
        w.endObject()
        w.field("dispositioned", report.dispositioned)
        w.key("rows"); w.beginArray()
        for row in report.rows {
            w.beginObject()
            w.field("requirement", row.requirement.label)
            w.field("title", row.requirement.title)
            w.field("status", row.status.rawValue)
            w.key("best")
            if let best = row.via.first { relation(best, into: &w) } else { w.null() }
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    // MARK: Helpers

    func framework(_ text: String) throws(ServiceError) -> FrameworkID {
        let id = FrameworkID(text)
        guard dataset.catalogs.catalog(id) != nil else {
            throw ServiceError(.unknownFramework, "unknown framework '\(text)'; loaded: \(dataset.catalogs.frameworks.map(\.rawValue).joined(separator: ", "))")
        }
        return id
    }

    func frameworkList(_ texts: [String]?) throws(ServiceError) -> [FrameworkID]? {
        guard let texts else { return nil }
        guard !texts.isEmpty else { throw .params("'frameworks' is empty; leave it out for the organisation's scope, or name at least one") }
        var out: [FrameworkID] = []
        for t in texts { out.append(try framework(t)) }
        return out
    }

    func relation(_ r: Relation, into w: inout JSONWriter) {
        w.beginObject()
        w.field("subject", r.subject.description)
        w.field("relationship", r.relationship.rawValue)
        w.field("object", r.object.description)
        w.field("objectTitle", dataset.catalogs.entry(r.object)?.title ?? "")
        w.field("strength", r.strength)
        w.field("rationale", r.rationale.rawValue)
        w.field("derived", r.isDerived)
        w.field("needsReview", r.needsReview)
        w.field("justification", r.justification)
        w.key("chain"); w.beginArray()
        for step in r.chain {
            w.beginObject()
            w.field("from", step.from.description)
            w.field("relationship", step.relationship.rawValue)
            w.field("to", step.to.description)
            w.field("strength", step.strength)
            w.field("definedAt", step.location.description)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
