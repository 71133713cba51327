/// One way evidence reaches a requirement: directly (route 0) or through one relation.
struct Route: Sendable {
    /// The evidence-index slot of the requirement the evidence claims.
    var slot: Int?
    /// True when meeting the claimed requirement meets this one in full.
    var full: Bool
    var strength: Int?
    /// The mapping chain, nil for the direct route.
    var via: String?
    /// The relation behind the route, nil for the direct route.
    var relation: RouteRelation?
}

/// What a partial reason names about a route: the claimed requirement and the relation.
struct RouteRelation: Sendable, Hashable {
    var object: RequirementRef
    var relationship: Relationship
    var strength: Int
    var derived: Bool
}

/// A claim reached through a route, for one cell.
struct Candidate: Sendable {
    var evidence: Int32
    var route: Int32
    /// Full claim on a full route (and, on an organisation cell, an organisation-wide item).
    var full: Bool
    /// 0…1 credit if valid.
    var credit: Double
}

/// The organisation-wide evidence a per-system requirement's cells see (every system cell
/// sees the same), classified once per requirement.
struct OrganizationWidePart: Sendable {
    var orgLevelIDs: [String] = []
    var orgLevelVias: [String] = []
    var hasOrgLevel = false
    var staleEvidence: [Int32] = []
    var staleRoutes: [Int32] = []
    var staleLatest: CalendarDate?
    /// Expired items on partial routes only.
    var expiredPartialEvidence: [Int32] = []
    var expiredPartialRoutes: [Int32] = []
    var draftEvidence: [Int32] = []
    var draftRoutes: [Int32] = []
    var draftIDs: [String] = []
    var draftVias: [String] = []
    /// The ids cut from ``orgLevelIDs`` and ``draftIDs`` by ``cap(_:)``: counted, not listed.
    var orgLevelOmitted = 0, draftOmitted = 0

    /// Cuts the id lists every system cell shares to their first `cap` ids (0: no cap),
    /// counting the rest, as ``Cell/capEvidence(_:)`` would for each cell.
    mutating func cap(_ cap: Int) {
        guard cap > 0 else { return }
        if orgLevelIDs.count > cap { orgLevelOmitted = orgLevelIDs.count - cap; orgLevelIDs = Array(orgLevelIDs.prefix(cap)) }
        if draftIDs.count > cap { draftOmitted = draftIDs.count - cap; draftIDs = Array(draftIDs.prefix(cap)) }
    }
}

/// The routes of one requirement and the helpers that turn evidence and route indices
/// into the ids and chains a cell reports.
struct EvidenceRoutes: Sendable {
    let routes: [Route]
    let evidenceIDs: [String]

    init(_ ref: RequirementRef, index: EvidenceIndex, graph: MappingGraph, evidenceIDs: [String]) {
        var routes = [Route(slot: index.slots[ref], full: true, strength: nil, via: nil, relation: nil)]
        for r in graph.relations(of: ref) where r.relationship != .noRelationship {
            guard let slot = index.slots[r.object] else { continue }
            let via = r.chain.map { "\($0.from) \($0.relationship.rawValue) \($0.to)" }.joined(separator: " ; ") + (r.isDerived ? " (derived)" : "")
            routes.append(Route(slot: slot, full: r.objectCoversSubject, strength: r.strength, via: via,
                                relation: RouteRelation(object: r.object, relationship: r.relationship, strength: r.strength, derived: r.isDerived)))
        }
        self.routes = routes
        self.evidenceIDs = evidenceIDs
    }

    /// Credit rule: 1 for a full claim on a full route; 0.5 × strength/10 on a partial
    /// route; otherwise 0.5.
    static func credit(_ route: Route, whole: Bool) -> Double {
        if whole { return 1 }
        if let strength = route.strength, !route.full { return 0.5 * Double(strength) / 10 }
        return 0.5
    }

    /// The distinct evidence ids, in register order.
    func ids(_ evidence: some Sequence<Int32>) -> [String] {
        sortedUnique(Array(evidence)).map { evidenceIDs[Int($0)] }
    }

    /// The ids of `own` (any order, repeats allowed) and `shared` (sorted, unique, and
    /// disjoint from `own`: organisation-wide items never name a system), in register order:
    /// the first `cap` of them (all when `cap` is 0) and how many there are in all. A system
    /// cell merges its few own items with its requirement's organisation-wide part, sorted
    /// once per requirement, without sorting or copying the whole part for every system.
    func ids(own: [Int32], shared: [Int32], cap: Int) -> (ids: [String], total: Int) {
        let o = sortedUnique(own)
        let total = o.count + shared.count
        let limit = cap > 0 ? min(cap, total) : total
        var out: [String] = []
        out.reserveCapacity(limit)
        var i = 0, j = 0
        while out.count < limit {
            if j >= shared.count || (i < o.count && o[i] < shared[j]) { out.append(evidenceIDs[Int(o[i])]); i += 1 }
            else { out.append(evidenceIDs[Int(shared[j])]); j += 1 }
        }
        return (out, total)
    }

    /// The distinct chains of `routeIndices`, in route order.
    func vias(_ routeIndices: some Sequence<Int32>) -> [String] {
        var out: [String] = []
        for r in sortedUnique(Array(routeIndices)) { if let v = routes[Int(r)].via, !out.contains(v) { out.append(v) } }
        return out
    }

    func sortedUnique(_ values: [Int32]) -> [Int32] {
        var s = values
        s.sort()
        var out: [Int32] = []
        out.reserveCapacity(s.count)
        for v in s where out.last != v { out.append(v) }
        return out
    }

    /// Organisation-wide evidence as a system cell sees it: process documentation only.
    func classifyOrganizationWide(_ index: EvidenceIndex) -> OrganizationWidePart {
        var part = OrganizationWidePart()
        var orgLevelEvidence: [Int32] = [], orgLevelRoutes: [Int32] = [], staleEvidence: [Int32] = [], staleRoutes: [Int32] = []
        var draftEvidence: [Int32] = [], draftRoutes: [Int32] = []
        for (j, route) in routes.enumerated() {
            guard let slot = route.slot, !route.full else { continue }
            for c in index.orgWideClaims[slot] where index.state[Int(c.evidence)] == .stale {
                part.expiredPartialEvidence.append(c.evidence); part.expiredPartialRoutes.append(Int32(j))
            }
        }
        for (j, route) in routes.enumerated() {
            guard let slot = route.slot else { continue }
            for c in index.orgWideClaims[slot] {
                switch index.state[Int(c.evidence)] {
                case .draft: draftEvidence.append(c.evidence); draftRoutes.append(Int32(j))
                case .stale where !route.full: break
                case .stale:
                    staleEvidence.append(c.evidence); staleRoutes.append(Int32(j))
                    let x = index.expires[Int(c.evidence)]!
                    if part.staleLatest.map({ x > $0 }) ?? true { part.staleLatest = x }
                case .valid: orgLevelEvidence.append(c.evidence); orgLevelRoutes.append(Int32(j))
                }
            }
        }
        part.hasOrgLevel = !orgLevelEvidence.isEmpty
        part.orgLevelIDs = ids(orgLevelEvidence)
        part.orgLevelVias = vias(orgLevelRoutes)
        part.staleEvidence = sortedUnique(staleEvidence)
        part.staleRoutes = sortedUnique(staleRoutes)
        part.draftEvidence = sortedUnique(draftEvidence)
        part.draftRoutes = sortedUnique(draftRoutes)
        part.expiredPartialEvidence = sortedUnique(part.expiredPartialEvidence)
        part.draftIDs = ids(part.draftEvidence)
        part.draftVias = vias(part.draftRoutes)
        return part
    }
}
