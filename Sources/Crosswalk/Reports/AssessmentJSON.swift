/// Renders a whole assessment and its deliverables as one JSON document for GRC tools.
/// The shape is documented in `Docs/JSON.md`; ``formatVersion`` changes when it does in a
/// way that breaks readers.
package enum AssessmentJSON {
    public static let format = "crosswalk-assessment"
    public static let formatVersion = 4

    /// The document for `a` and its deliverables, ending with a newline.
    public static func render(_ a: Assessment, deliverables d: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance? = nil) -> [UInt8] {
        render(a, deliverables: d, organization: organization, catalogs: catalogs, provenance: provenance, emit: nil)
    }

    /// The same document; with `emit`, handed over a piece at a time (about 1 MiB each),
    /// and only the last piece is returned.
    public static func render(_ a: Assessment, deliverables d: Deliverables, organization: Organization, catalogs: CatalogSet, provenance: Provenance? = nil, emit: (([UInt8]) -> Void)?) -> [UInt8] {
        // Format 4: the outer two levels indented, each cell, score, system, warning, group,
        // action and evidence item on one line of its own, without whitespace.
        var w = JSONWriter(reservingCapacity: emit == nil ? a.cells.count * 400 + 65_536 : 1 << 21, compactFrom: 3)
        w.beginObject()
        w.field("format", format)
        w.field("formatVersion", formatVersion)
        w.key("organization"); w.beginObject()
        w.field("name", a.organization)
        w.field("primaryFramework", d.primaryFramework.rawValue)
        w.endObject()
        w.field("asOf", a.asOf.description)
        w.field("frameworks", a.frameworks.map(\.rawValue))
        // The inventory, once: cells name systems by id (format 3).
        w.key("systems"); w.beginArray()
        for s in organization.systems {
            w.beginObject()
            w.field("id", s.id); w.field("name", s.name); w.field("lifecycle", s.lifecycle.rawValue); w.field("sourcing", s.sourcing.rawValue)
            w.field("riskTier", s.riskTier?.rawValue)
            w.endObject()
        }
        w.endArray()
        writeProvenance(&w, provenance ?? Provenance(asOf: a.asOf, organizationFiles: [], referenceFiles: []))

        w.key("scores"); w.beginArray()
        for s in a.scores {
            w.beginObject()
            w.field("scope", s.scope.rawValue); w.field("key", s.key)
            w.key("readiness"); if s.isScored { w.number(s.readiness, decimals: 4) } else { w.null() }
            w.key("credit"); w.number(s.credit, decimals: 2)
            w.field("assessedCells", s.assessedCells)
            w.field("organizationCells", s.organizationCells)
            w.key("organizationReadiness"); if let r = s.organizationReadiness { w.number(r, decimals: 4) } else { w.null() }
            w.field("systemCells", s.systemCells)
            w.key("systemReadiness"); if let r = s.systemReadiness { w.number(r, decimals: 4) } else { w.null() }
            w.field("upcomingCells", s.upcomingCells)
            w.key("preparation"); if let p = s.preparation { w.number(p, decimals: 4) } else { w.null() }
            w.key("counts"); w.beginObject()
            for st in CellStatus.allCases { w.field(st.rawValue, s.counts[st] ?? 0) }
            w.endObject()
            w.endObject()
        }
        w.endArray()

        // Cells name evidence and systems by id (titles and names are listed once): the join's keys only.
        let join = CellJoin(deliverables: d)
        let headings = Scoring.headingLabels(a.frameworks, catalogs: catalogs)
        w.key("cells"); w.beginArray()
        for c in a.cells {
            w.beginObject()
            let (owner, basis) = join.owner(c)
            w.field("framework", c.requirement.framework.rawValue); w.field("requirement", c.requirement.label)
            // Names and titles are in "systems" and "evidence", once each (format 3).
            w.field("system", c.system)
            // The reason typed (reasonDetail, with its code) and as the sentence a tool shows
            // (gaps.csv "reason"); format 4 dropped reasonCode, which repeated reasonDetail's "code".
            w.field("status", c.status.rawValue)
            w.field("reason", c.sentence)
            w.field("evidence", c.evidence); if c.evidenceOmitted > 0 { w.field("evidenceOmitted", c.evidenceOmitted) }; w.field("via", c.via)
            w.field("owner", owner); w.field("ownerBasis", basis.rawValue); w.field("group", join.group(c)); w.field("action", join.action(c))
            w.field("deadline", c.deadline?.description)
            w.key("credit"); if c.status.hasCredit { w.number(c.credit, decimals: 4) } else { w.null() }
            w.field("applicability", c.applicability)
            // What reading the file back into an Assessment needs (Docs/JSON.md, Docs/Values.md).
            w.field("heading", headings[c.requirement]); w.field("requirementOwner", c.owner)
            w.key("reasonDetail"); c.reason.write(to: &w)
            w.endObject()
            if let emit { w.drain(into: emit) }
        }
        w.endArray()

        var actionOf: [String: String] = [:]
        for x in d.remediation { actionOf[x.group.id] = x.id }
        w.key("warnings"); w.beginArray()
        for x in a.warnings {
            w.beginObject(); w.field("code", x.code.rawValue); w.field("message", x.message); w.field("location", x.location.description)
            w.field("severity", x.severity.rawValue); w.field("file", x.location.file); w.field("line", x.location.line); w.field("column", x.location.column)
            w.endObject()
            if let emit { w.drain(into: emit) }
        }
        w.endArray()
        w.key("groups"); w.beginArray()
        for o in d.ownership {
            w.beginObject()
            w.field("id", o.group.id); w.field("anchor", o.group.anchor.description)
            w.key("members"); w.beginArray()
            for m in o.group.members {
                w.beginObject()
                w.field("requirement", m.requirement.description)
                switch m.membership {
                case .anchor: w.field("membership", "anchor")
                case let .related(r, s, derived):
                    w.field("membership", "related"); w.field("relationship", r.rawValue); w.field("strength", s); w.field("derived", derived)
                }
                w.endObject()
            }
            w.endArray()
            w.field("owner", o.owner); w.field("ownerBasis", o.basis.rawValue)
            w.key("otherOwners"); w.beginArray()
            for c in o.otherClaims {
                w.beginObject(); w.field("person", c.person); w.field("requirement", c.requirement.description)
                if let s = c.system { w.field("system", s) }
                w.endObject()
            }
            w.endArray()
            if let emit { w.drain(into: emit) }
            w.field("conflict", o.hasConflict); w.field("unowned", o.isUnowned); w.field("action", actionOf[o.group.id])
            w.key("coordinateWith"); w.beginArray()
            for f in d.coordination(ofGroup: o.group.id) {
                w.beginObject()
                w.field("requirement", f.subject.requirement.description); w.field("relationship", f.relationship.rawValue); w.field("strength", f.strength)
                w.field("other", f.object.requirement.description); w.field("group", f.object.group); w.field("owner", f.object.owner)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()

        w.key("remediation"); w.beginArray()
        for x in d.remediation {
            w.beginObject()
            w.field("rank", x.rank); w.field("id", x.id); w.field("title", x.title); w.field("group", x.group.id); w.field("owner", x.owner)
            w.field("requirements", x.requirements.map(\.description)); w.field("frameworks", x.frameworks.map(\.rawValue))
            w.field("systems", x.systems); w.field("organizationWide", x.organizationWide); w.field("openCells", x.openCells)
            w.key("gaps"); w.beginObject()
            for g in x.gaps { w.field(g.kind.rawValue, g.count) }
            w.endObject()
            w.field("deadline", x.deadline?.description); w.field("deadlineKind", x.deadlineKind?.rawValue)
            w.field("targetDate", x.targetDate.description); w.field("targetBasis", x.targetBasis)
            w.field("highestTier", x.highestTier); w.field("mandatory", x.mandatory)
            w.key("priority"); w.beginObject()
            w.field("total", x.priority.total); w.field("severity", x.priority.severity); w.field("tier", x.priority.tier)
            w.field("mandatory", x.priority.mandatory); w.field("deadline", x.priority.deadline); w.field("breadth", x.priority.breadth)
            w.field("explanation", x.priority.explanation)
            w.endObject()
            w.endObject()
            if let emit { w.drain(into: emit) }
        }
        w.endArray()

        // The register's expiries, for `crosswalk diff --until` (Docs/JSON.md).
        w.key("evidence"); w.beginArray()
        let register = organization.evidence
        for i in register.indices {
            w.beginObject(); w.field("id", register.id(i)); w.field("title", register.title(i)); w.field("owner", register.owner(i))
            w.field("status", register.status(i).rawValue); w.field("expires", register.expires(i)?.description); w.endObject()
            if let emit { w.drain(into: emit) }
        }
        w.endArray()

        w.key("statementsOfApplicability"); w.beginArray()
        for soa in d.statements {
            w.beginObject()
            w.field("framework", soa.framework.rawValue)
            w.key("controls"); w.beginArray()
            for e in soa.entries {
                w.beginObject()
                w.field("control", e.control.label); w.field("title", e.title); w.field("theme", e.theme); w.field("applicable", e.applicable)
                w.field("decision", e.decision.rawValue); w.field("justification", e.justification); w.field("implementationStatus", e.status.rawValue)
                w.field("cellsMet", e.cellsMet); w.field("cellsAssessed", e.cellsAssessed); w.field("evidence", e.evidence)
                w.field("owner", e.owner); w.field("group", e.group)
                if !e.systemDecisions.isEmpty {
                    w.key("systemDecisions"); w.beginArray()
                    for d in e.systemDecisions {
                        w.beginObject(); w.field("system", d.system); w.field("decision", d.decision.rawValue); w.field("justification", d.justification); w.endObject()
                    }
                    w.endArray()
                }
                w.endObject()
                if let emit { w.drain(into: emit) }
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    /// `"provenance": {crosswalkVersion, asOf, files: [{kind, name, subject, sha256}]}` (`Docs/JSON.md`).
    static func writeProvenance(_ w: inout JSONWriter, _ p: Provenance) {
        w.key("provenance"); w.beginObject()
        w.field("crosswalkVersion", p.crosswalkVersion); w.field("asOf", p.asOf.description)
        w.key("files"); w.beginArray()
        for f in p.organizationFiles + p.referenceFiles {
            w.beginObject(); w.field("kind", f.kind.rawValue); w.field("name", f.name); w.field("subject", f.subject); w.field("sha256", f.sha256); w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
