/// Split ownership of one topic: two related requirements sit in different control groups
/// whose accountable owners are different people, so the two owners have to agree how the
/// shared topic is run (one process, or an agreed interface between two).
///
/// Groups stay tight (`ControlGrouping.strongOverlap`); this finding reports the weaker
/// overlaps that groups deliberately leave apart, such as ISO/IEC 42001 A.6.2.8 and
/// ISO/IEC 27001 A.8.15 (event logging, `intersects-with` 6). Rules: `Docs/Deliverables.md`.
public struct CoordinationFinding: Sendable, Hashable, Codable {
    /// One side of the finding: a requirement, its group and the group's owner.
    public struct Side: Sendable, Hashable, Codable {
        public var requirement: RequirementRef
        /// The ``ControlGroup/id`` of the group holding the requirement.
        public var group: String
        /// The group's accountable owner (a person id).
        public var owner: String
    }

    /// The mapping's source side (`subject relationship object`, as asserted).
    public var subject: Side
    public var relationship: Relationship
    /// 0–10, as asserted.
    public var strength: Int
    /// The mapping's target side.
    public var object: Side
    /// The asserted mapping's justification: why the two are related.
    public var justification: String

    /// The same finding read from the object's side (the relationship inverted).
    public var readFromObject: CoordinationFinding {
        CoordinationFinding(subject: object, relationship: relationship.inverse, strength: strength, object: subject, justification: justification)
    }

    /// `iso42001:A.6.2.8 (CG-055, cto) intersects-with 6 iso27001:A.8.15 (CG-169, ciso)`.
    public var summary: String {
        "\(subject.requirement) (\(subject.group), \(subject.owner)) \(relationship.rawValue) \(strength) \(object.requirement) (\(object.group), \(object.owner))"
    }
}

/// Finds ``CoordinationFinding``s among owned control groups.
///
/// Rule: for every *asserted* mapping other than `no-relationship` with strength at least
/// ``minimumStrength`` whose two requirements are both grouped, in different groups, and
/// whose groups have different owners chosen by assignment (`anchor-assignment` or
/// `most-members`), one finding. Groups without an owner or with an owner only proposed
/// from the evidence register are left out: they are reported as unowned or to confirm.
/// Derived relations are not used: each is a chain of asserted mappings, whose links are
/// checked one by one. A pair mapped more than once gives one finding, for its strongest
/// mapping (ties: the first loaded). Findings are ordered by the subject's group and member
/// position, then the object's.
package enum CoordinationRule {
    /// The least strength at which a relation between two groups calls for coordination.
    public static let minimumStrength = 5

    /// The findings for `ownership` (in group order) under the asserted mappings of `graph`.
    /// - Complexity: O(m + g) for m asserted mappings and g group members.
    public static func findings(_ ownership: [GroupOwnership], graph: MappingGraph) -> [CoordinationFinding] {
        // Where each requirement sits: group position, member position, and the owner to use.
        var place: [RequirementRef: (group: Int, member: Int)] = [:]
        for (gi, o) in ownership.enumerated() {
            for (mi, m) in o.group.members.enumerated() where place[m.requirement] == nil { place[m.requirement] = (gi, mi) }
        }
        func assignedOwner(_ o: GroupOwnership) -> String? {
            switch o.basis {
            case .anchorAssignment, .mostMembers: return o.owner
            case .evidenceOwner, .unowned: return nil
            }
        }
        struct Candidate { var key: (Int, Int, Int, Int); var finding: CoordinationFinding }
        var best: [String: Candidate] = [:]
        var order: [String] = []
        for m in graph.mappings where m.relationship != .noRelationship && m.strength >= minimumStrength {
            guard let s = place[m.source], let t = place[m.target], s.group != t.group,
                  let so = assignedOwner(ownership[s.group]), let to = assignedOwner(ownership[t.group]), so != to else { continue }
            let finding = CoordinationFinding(
                subject: .init(requirement: m.source, group: ownership[s.group].group.id, owner: so),
                relationship: m.relationship, strength: m.strength,
                object: .init(requirement: m.target, group: ownership[t.group].group.id, owner: to),
                justification: m.justification)
            // One finding per unordered pair.
            let (a, b) = m.source < m.target ? (m.source, m.target) : (m.target, m.source)
            let pair = a.description + "\u{1F}" + b.description
            let key = (s.group, s.member) < (t.group, t.member) ? (s.group, s.member, t.group, t.member) : (t.group, t.member, s.group, s.member)
            if let existing = best[pair] {
                if m.strength > existing.finding.strength { best[pair] = Candidate(key: key, finding: finding) }
            } else {
                best[pair] = Candidate(key: key, finding: finding)
                order.append(pair)
            }
        }
        return order.map { best[$0]! }.sorted { $0.key < $1.key }.map(\.finding)
    }
}
