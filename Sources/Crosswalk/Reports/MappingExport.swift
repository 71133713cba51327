import Foundation

/// Renders mappings and relations as CSV, JSON and OSCAL. Column contracts: `Docs/CSV.md`.
package enum MappingExport {
    /// The header of the mapping CSVs, in order.
    public static let columns = ["source_framework", "source_id", "relationship", "target_framework", "target_id", "strength", "rationale",
                                 "derived", "needs_review", "justification", "chain", "defined_at"]

    /// Every asserted mapping (and with `includeDerived`, every derived relation once), one
    /// row each: asserted rows in graph order (source framework, source catalogue order,
    /// target, rationale), then derived rows in the same order.
    public static func csv(graph: MappingGraph, includeDerived: Bool) -> [UInt8] {
        var w = CSVWriter()
        w.row(columns)
        for m in graph.mappings {
            w.text(m.source.framework.rawValue); w.text(m.source.label); w.text(m.relationship.rawValue)
            w.text(m.target.framework.rawValue); w.text(m.target.label); w.number(m.strength); w.text(m.rationale.rawValue)
            w.text("no"); w.text("no"); w.text(m.justification); w.text(""); w.text(m.location.description)
            w.endRow()
        }
        if includeDerived {
            for r in graph.derivedRelations { write(r, to: &w) }
        }
        return w.bytes
    }

    /// Relations of one requirement, in the order given.
    public static func csv(_ relations: [Relation]) -> [UInt8] {
        var w = CSVWriter()
        w.row(columns)
        for r in relations { write(r, to: &w) }
        return w.bytes
    }

    private static func write(_ r: Relation, to w: inout CSVWriter) {
        w.text(r.subject.framework.rawValue); w.text(r.subject.label); w.text(r.relationship.rawValue)
        w.text(r.object.framework.rawValue); w.text(r.object.label); w.number(r.strength); w.text(r.rationale.rawValue)
        w.text(r.isDerived ? "yes" : "no"); w.text(r.needsReview ? "yes" : "no")
        w.text(r.isDerived ? "" : r.justification)
        w.text(r.chain.map { "\($0.from) \($0.relationship.rawValue) \($0.to)" }.joined(separator: " ; "))
        w.text(r.chain.map(\.location.description).joined(separator: " ; "))
        w.endRow()
    }

    /// Coverage rows: requirement, status, and the best route.
    public static func coverageCSV(_ report: CoverageReport) -> [UInt8] {
        var w = CSVWriter()
        w.row("framework", "requirement", "status", "covered_from", "best_relationship", "best_target", "best_strength", "derived", "routes")
        for row in report.rows {
            w.text(report.to.rawValue); w.text(row.requirement.label); w.text(row.status.rawValue); w.text(report.from.rawValue)
            if let b = row.via.first {
                w.text(b.relationship.rawValue); w.text(b.object.label); w.number(b.strength); w.text(b.isDerived ? "yes" : "no")
            } else {
                w.text(""); w.text(""); w.text(""); w.text("")
            }
            w.number(row.via.count)
            w.endRow()
        }
        return w.bytes
    }

    struct RelationJSON: Codable {
        var subject: String, object: String, relationship: String, strength: Int, rationale: String
        var derived: Bool, needsReview: Bool, justification: String
        var chain: [StepJSON]
    }
    struct StepJSON: Codable {
        var from: String, relationship: String, to: String, strength: Int, justification: String, definedAt: String
    }

    /// Relations as a JSON array (keys sorted, two-space indent).
    public static func json(_ relations: [Relation]) -> [UInt8] {
        let values = relations.map { r in
            RelationJSON(subject: r.subject.description, object: r.object.description, relationship: r.relationship.rawValue, strength: r.strength,
                         rationale: r.rationale.rawValue, derived: r.isDerived, needsReview: r.needsReview, justification: r.justification,
                         chain: r.chain.map { StepJSON(from: $0.from.description, relationship: $0.relationship.rawValue, to: $0.to.description,
                                                       strength: $0.strength, justification: $0.justification, definedAt: $0.location.description) })
        }
        return encodeJSON(values)
    }

    /// Every asserted mapping as one OSCAL 1.2 mapping-collection, one `mapping` per pair
    /// of frameworks. Map uuids are kept; other uuids are derived from the content, so the
    /// same graph always gives the same bytes.
    public static func oscal(_ graph: MappingGraph, title: String = "Crosswalk mappings (export)") -> [UInt8] {
        var x = XMLWriter()
        let ns = Catalog.crosswalkNamespace
        let allKeys = graph.mappings.map { "\($0.source)>\($0.target)>\($0.relationship.rawValue)>\($0.strength)>\($0.rationale.rawValue)" }.joined(separator: "|")
        x.open("mapping-collection", [("xmlns", Catalog.oscalNamespace), ("uuid", stableUUID("collection|" + allKeys))])
        x.open("metadata")
        x.leaf("title", title)
        x.leaf("last-modified", "1970-01-01T00:00:00Z")
        x.leaf("version", "1.0.0")
        x.leaf("oscal-version", "1.2.0")
        x.close()
        x.open("provenance", [("method", "human"), ("matching-rationale", "semantic"), ("status", "draft")])
        x.open("mapping-description")
        x.leaf("p", "Exported by Crosswalk from the loaded crosswalks; each map keeps its own rationale, strength and justification.")
        x.close()
        x.close()
        var groups: [(FrameworkID, FrameworkID)] = []
        for m in graph.mappings where !groups.contains(where: { $0 == (m.source.framework, m.target.framework) }) {
            groups.append((m.source.framework, m.target.framework))
        }
        for (sf, tf) in groups {
            x.open("mapping", [("uuid", stableUUID("mapping|\(sf)|\(tf)|" + allKeys))])
            for (role, fw) in [("source-resource", sf), ("target-resource", tf)] {
                x.open(role, [("type", "catalog"), ("href", "\(fw).xml")])
                x.empty("prop", [("name", "framework"), ("ns", ns), ("value", fw.rawValue)])
                x.close()
            }
            for m in graph.mappings where m.source.framework == sf && m.target.framework == tf {
                let sid = graph.catalogs.entry(m.source)?.id ?? m.source.label
                let tid = graph.catalogs.entry(m.target)?.id ?? m.target.label
                let uuid = m.uuid.isEmpty ? stableUUID("map|\(m.source)|\(m.target)|\(m.rationale.rawValue)") : m.uuid
                x.open("map", [("uuid", uuid), ("matching-rationale", m.rationale.rawValue)])
                x.empty("prop", [("name", "strength"), ("ns", ns), ("value", String(m.strength))])
                x.leaf("relationship", m.relationship.rawValue)
                x.empty("source", [("type", "control"), ("id-ref", sid)])
                x.empty("target", [("type", "control"), ("id-ref", tid)])
                if !m.justification.isEmpty {
                    x.open("remarks")
                    x.leaf("p", m.justification)
                    x.close()
                }
                x.close()
            }
            x.close()
        }
        x.close()
        return Array(x.text.utf8)
    }
}

/// Encodes `value` as JSON with sorted keys and a trailing newline: same value, same bytes.
func encodeJSON<T: Encodable>(_ value: T) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return [UInt8](data) + [0x0A]
}
