/// How a group's primary owner was chosen.
public enum OwnerBasis: String, Sendable, Hashable, Codable {
    /// Someone is assigned to the anchor requirement.
    case anchorAssignment = "anchor-assignment"
    /// No one is assigned to the anchor; the person assigned to the most members.
    case mostMembers = "most-members"
    /// No member is assigned; proposed from the evidence register: the person who owns the
    /// most evidence items claimed for the members. A proposal to confirm, not an assignment.
    case evidenceOwner = "evidence-owner"
    /// No member has an owner.
    case unowned
}

/// A claim on a member requirement by someone other than the primary owner: a conflict
/// to resolve (re-assign, or agree that the group's owner is accountable).
/// A per-system assignment (`<assign system="…">`) to someone other than the group's owner
/// is a claim too: it names the system.
public struct OwnerClaim: Sendable, Hashable, Codable {
    public var person: String
    public var requirement: RequirementRef
    /// The AI system whose cells the person owns; nil: the organisation's assignment.
    public var system: String?

    public init(person: String, requirement: RequirementRef, system: String? = nil) {
        self.person = person
        self.requirement = requirement
        self.system = system
    }

    /// `cto (iso42001:A.6.2.6)`, `ops-lead (iso42001:A.6.2.6 for CHATBOT)`.
    public var label: String { "\(person) (\(requirement)\(system.map { " for \($0)" } ?? ""))" }
}

/// The ownership of one control group.
public struct GroupOwnership: Sendable, Hashable, Codable {
    public var group: ControlGroup
    /// The person accountable for the whole group, if any.
    public var owner: String?
    public var basis: OwnerBasis
    /// Members claimed by other people, in member order.
    public var otherClaims: [OwnerClaim]

    public var isUnowned: Bool { owner == nil }
    public var hasConflict: Bool { !otherClaims.isEmpty }
}

/// Chooses one owner per control group.
///
/// Rule: an assignment on the anchor requirement wins; otherwise the person assigned to
/// the most members (ties: the one whose first assignment comes earliest in member order);
/// otherwise, as a proposal, the person who owns the most evidence items claimed directly
/// for members (ties: earliest in member order, then register order); otherwise the group
/// is unowned. Every assignment of a member to someone else is listed
/// as a conflict. When a requirement has several assignments, the first in the file counts
/// for the anchor rule and all of them count as claims. Per-system assignments never choose
/// the group's owner (they own one system's cells); each one to someone other than the
/// group's owner is listed as a claim naming its system.
package enum OwnershipRule {
    /// One ``GroupOwnership`` per group, in group order, from the assignments and (for
    /// proposals) the evidence register.
    public static func assign(_ groups: [ControlGroup], owners: [OwnerAssignment], evidence: [Evidence] = []) -> [GroupOwnership] {
        var evidenceOwners: [RequirementRef: [String]] = [:]
        for e in evidence where !e.owner.isEmpty { for c in e.claims { evidenceOwners[c.requirement, default: []].append(e.owner) } }
        return assign(groups, owners: owners, evidenceOwners: evidenceOwners)
    }

    /// As above, from the register's columns: each claim's requirement and its item's owner,
    /// no item made whole.
    static func assign(_ groups: [ControlGroup], owners: [OwnerAssignment], evidence: EvidenceRegister) -> [GroupOwnership] {
        var evidenceOwners: [RequirementRef: [String]] = [:]
        for i in evidence.indices {
            let owner = evidence.owner(i)
            guard !owner.isEmpty else { continue }
            for k in evidence.claimRange(i) { evidenceOwners[evidence.requirements[evidence.claimRequirement(k)], default: []].append(owner) }
        }
        return assign(groups, owners: owners, evidenceOwners: evidenceOwners)
    }

    /// The rule, given the owners of the evidence claiming each requirement (in register order).
    static func assign(_ groups: [ControlGroup], owners: [OwnerAssignment], evidenceOwners: [RequirementRef: [String]]) -> [GroupOwnership] {
        var claims: [RequirementRef: [String]] = [:]
        var systemClaims: [RequirementRef: [(system: String, person: String)]] = [:]
        for o in owners {
            if let s = o.system {
                if !(systemClaims[o.requirement]?.contains { $0 == (s, o.person) } ?? false) { systemClaims[o.requirement, default: []].append((s, o.person)) }
            } else if !(claims[o.requirement]?.contains(o.person) ?? false) { claims[o.requirement, default: []].append(o.person) }
        }
        return groups.map { g in
            var owner: String?
            var basis = OwnerBasis.unowned
            if let p = claims[g.anchor]?.first {
                owner = p
                basis = .anchorAssignment
            } else {
                // People in order of first appearance, with their counts (positions by name,
                // so a requirement claimed by thousands of evidence items stays linear).
                var tally: [(person: String, count: Int)] = []
                var position: [String: Int] = [:]
                func count(_ p: String) {
                    if let i = position[p] { tally[i].count += 1 } else { position[p] = tally.count; tally.append((p, 1)) }
                }
                for m in g.members {
                    for p in claims[m.requirement] ?? [] { count(p) }
                }
                // max(by:) keeps the last of equals; scan for the first maximum instead.
                if let top = tally.map(\.count).max(), let winner = tally.first(where: { $0.count == top }) {
                    owner = winner.person
                    basis = .mostMembers
                } else {
                    for m in g.members {
                        for p in evidenceOwners[m.requirement] ?? [] { count(p) }
                    }
                    if let top = tally.map(\.count).max(), let winner = tally.first(where: { $0.count == top }) {
                        owner = winner.person
                        basis = .evidenceOwner
                    }
                }
            }
            var others: [OwnerClaim] = []
            for m in g.members {
                for p in claims[m.requirement] ?? [] where p != owner { others.append(OwnerClaim(person: p, requirement: m.requirement)) }
                for c in systemClaims[m.requirement] ?? [] where c.person != owner { others.append(OwnerClaim(person: c.person, requirement: m.requirement, system: c.system)) }
            }
            return GroupOwnership(group: g, owner: owner, basis: basis, otherClaims: others)
        }
    }
}
