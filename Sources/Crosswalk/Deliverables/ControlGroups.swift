/// Why a requirement belongs to a control group.
public enum Membership: Sendable, Hashable, Codable {
    /// The requirement the group is anchored at.
    case anchor
    /// Joined through a mapping from the member to the anchor: the member is `relationship`
    /// the anchor (e.g. `subset-of`: the anchor asks at least as much), with `strength`.
    case related(relationship: Relationship, strength: Int, derived: Bool)

    /// A short text for reports: `anchor`, `equal-to 10`, `intersects-with 7 (derived)`.
    public var summary: String {
        switch self {
        case .anchor: return "anchor"
        case let .related(r, s, d): return "\(r.rawValue) \(s)" + (d ? " (derived)" : "")
        }
    }
}

/// One requirement of a control group, with the reason it is there.
public struct GroupMember: Sendable, Hashable, Codable {
    public var requirement: RequirementRef
    public var membership: Membership
}

/// A set of overlapping requirements across frameworks that one person should own and one
/// action should close: an anchor requirement plus the requirements of later frameworks
/// that are equal to it, subsets of it, or overlap it strongly. Rules: `Docs/Deliverables.md`.
public struct ControlGroup: Sendable, Hashable, Identifiable, Codable {
    /// `CG-001`, numbered in group order.
    public var id: String
    /// The anchor: a requirement of the primary framework, or of the first framework (in
    /// anchoring order) whose requirement reached no earlier anchor.
    public var anchor: RequirementRef
    /// The anchor first, then members in anchoring order (framework order, catalogue order).
    public var members: [GroupMember]

    public var requirements: [RequirementRef] { members.map(\.requirement) }
    /// The frameworks of the members, anchor's first, each once.
    public var frameworks: [FrameworkID] {
        var out: [FrameworkID] = []
        for m in members where !out.contains(m.requirement.framework) { out.append(m.requirement.framework) }
        return out
    }
}

/// Groups overlapping requirements into ``ControlGroup``s.
///
/// The rule, which never snowballs: frameworks are taken in anchoring order (the primary
/// framework first, then the others by identifier). Each requirement of a framework that
/// is not yet in a group anchors a new group; each ungrouped requirement of a *later*
/// framework joins the anchor it relates to best, by a relation of its own to that anchor
/// (asserted or soundly derived): `equal-to`, `equivalent-to` or `subset-of` at any
/// strength, `superset-of` or `intersects-with` at strength ≥ ``strongOverlap``.
/// Membership is never inferred from another member, so a chain of weak overlaps cannot
/// pull unrelated requirements together.
package enum ControlGrouping {
    /// The least strength at which `intersects-with` and `superset-of` join a group.
    public static let strongOverlap = 7

    /// Groups `requirements` (each once; any order) with the relations of `graph`.
    /// - Parameters:
    ///   - requirements: the requirements to group, e.g. those applicable in an assessment.
    ///   - primary: the framework whose requirements anchor groups first.
    ///   - catalogs: gives catalogue order, so the result does not depend on input order.
    public static func groups(of requirements: [RequirementRef], primary: FrameworkID, graph: MappingGraph, catalogs: CatalogSet) -> [ControlGroup] {
        // Anchoring order: primary first, then by identifier; within a framework, catalogue order.
        var frameworks = Array(Set(requirements.map(\.framework))).sorted()
        if let i = frameworks.firstIndex(of: primary) { frameworks.remove(at: i); frameworks.insert(primary, at: 0) }
        var byFramework: [FrameworkID: [RequirementRef]] = [:]
        for r in Set(requirements) { byFramework[r.framework, default: []].append(r) }
        for (fw, list) in byFramework {
            let catalog = catalogs.catalog(fw)
            byFramework[fw] = list.sorted { a, b in
                let ia = catalog?.index(ofLabel: a.label) ?? Int.max, ib = catalog?.index(ofLabel: b.label) ?? Int.max
                return ia != ib ? ia < ib : a.label < b.label
            }
        }
        var grouped = Set<RequirementRef>()
        var groups: [ControlGroup] = []
        for (position, fw) in frameworks.enumerated() {
            let anchors = (byFramework[fw] ?? []).filter { !grouped.contains($0) }
            guard !anchors.isEmpty else { continue }
            var slot: [RequirementRef: Int] = [:]
            for a in anchors {
                slot[a] = groups.count
                groups.append(ControlGroup(id: "", anchor: a, members: [GroupMember(requirement: a, membership: .anchor)]))
                grouped.insert(a)
            }
            for later in frameworks[(position + 1)...] {
                for r in byFramework[later] ?? [] where !grouped.contains(r) {
                    guard let (anchor, membership) = bestAnchor(for: r, in: fw, slot: slot, graph: graph, catalogs: catalogs) else { continue }
                    groups[slot[anchor]!].members.append(GroupMember(requirement: r, membership: membership))
                    grouped.insert(r)
                }
            }
        }
        let width = max(3, String(groups.count).count)
        for i in groups.indices {
            let n = String(i + 1)
            groups[i].id = "CG-" + String(repeating: "0", count: width - n.count) + n
        }
        return groups
    }

    /// The best qualifying anchor of `framework` for `r`, by relationship (equal/equivalent,
    /// then subset, superset, intersects), then strength, then asserted before derived,
    /// then the anchor's catalogue order.
    static func bestAnchor(for r: RequirementRef, in framework: FrameworkID, slot: [RequirementRef: Int], graph: MappingGraph, catalogs: CatalogSet) -> (RequirementRef, Membership)? {
        var best: (key: (Int, Int, Int, Int), anchor: RequirementRef, membership: Membership)?
        for rel in graph.relations(of: r, to: framework) {
            guard let position = slot[rel.object], let rank = joinRank(rel.relationship, strength: rel.strength) else { continue }
            let key = (rank, -rel.strength, rel.isDerived ? 1 : 0, position)
            if best == nil || key < best!.key {
                best = (key, rel.object, .related(relationship: rel.relationship, strength: rel.strength, derived: rel.isDerived))
            }
        }
        return best.map { ($0.anchor, $0.membership) }
    }

    /// Lower is better; nil when the relation does not join a group.
    static func joinRank(_ relationship: Relationship, strength: Int) -> Int? {
        switch relationship {
        case .equalTo, .equivalentTo: return 0
        case .subsetOf: return 1
        case .supersetOf: return strength >= strongOverlap ? 2 : nil
        case .intersectsWith: return strength >= strongOverlap ? 3 : nil
        case .noRelationship: return nil
        }
    }
}
