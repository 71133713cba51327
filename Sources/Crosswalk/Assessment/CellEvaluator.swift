/// Evaluates the cells of one requirement from the evidence that reaches it: the
/// organisation cell from every claim reached, system cells (in inventory order) from the
/// claims naming the system plus the organisation-wide part, classified once.
/// The status rules are the table in `Docs/Scoring.md`.
struct CellEvaluator {
    let run: EngineRun
    let ref: RequirementRef
    let owner: String?
    let routes: EvidenceRoutes
    /// Per route: the next unread claim of ``EvidenceIndex/systemClaims`` (systems come in order).
    var cursors: [Int]
    var orgWide = OrganizationWidePart()
    // Scratch, reused from cell to cell.
    var valid: [Candidate] = [], stale: [(Candidate, CalendarDate)] = [], drafts: [Candidate] = []
    /// Expired items that reach the requirement only through a partial route: renewing them would not meet it.
    var expiredPartial: [Candidate] = []
    /// The chains of each set of routes met so far: the cells of a requirement that reach it
    /// through the same routes share one list (thousands of system cells, a few sets).
    let chains = ChainLists()

    final class ChainLists {
        var lists: [[Int32]: [String]] = [:]
    }

    init(run: EngineRun, ref: RequirementRef, perSystem: Bool) {
        self.run = run
        self.ref = ref
        owner = run.owners[ref]
        routes = EvidenceRoutes(ref, index: run.evidence, graph: run.dataset.graph, evidenceIDs: run.evidenceIDs)
        cursors = [Int](repeating: 0, count: routes.routes.count)
        if perSystem {
            orgWide = routes.classifyOrganizationWide(run.evidence)
            // Cut once per requirement to the evidence cap: every system cell of the
            // requirement then shares one list (its evidence and its reason's), where cutting
            // per cell gave each its own copies.
            orgWide.cap(run.options.evidencePerCell)
        }
    }

    func blank(system: String?, applicability: String) -> Cell {
        Cell(requirement: ref, system: system, status: .missing, reason: .noEvidence(system: system), evidence: [], via: [], owner: owner,
             deadline: nil, credit: 0, applicability: applicability)
    }

    mutating func sort(_ candidate: Candidate) {
        switch run.evidence.state[Int(candidate.evidence)] {
        case .draft: drafts.append(candidate)
        case .stale where routes.routes[Int(candidate.route)].full: stale.append((candidate, run.evidence.expires[Int(candidate.evidence)]!))
        case .stale: expiredPartial.append(candidate)
        case .valid: valid.append(candidate)
        }
    }

    /// A system cell: `system` indexes `Organization.systems`; calls come in inventory order.
    mutating func evaluate(system: Int, applicability: String, exclusion: ExclusionFinding?) -> Cell {
        valid.removeAll(keepingCapacity: true)
        stale.removeAll(keepingCapacity: true)
        drafts.removeAll(keepingCapacity: true)
        expiredPartial.removeAll(keepingCapacity: true)
        let s = Int32(system)
        for (j, route) in routes.routes.enumerated() {
            guard let slot = route.slot else { continue }
            let list = run.evidence.systemClaims[slot]
            var k = cursors[j]
            while k < list.count && list[k].system < s { k += 1 }
            while k < list.count && list[k].system == s {
                let c = list[k]
                k += 1
                let whole = c.full && route.full
                sort(Candidate(evidence: c.evidence, route: Int32(j), full: whole, credit: EvidenceRoutes.credit(route, whole: whole)))
            }
            cursors[j] = k
        }
        let id = run.org.systems[system].id
        var cell = blank(system: id, applicability: applicability)
        if !valid.isEmpty {
            decideValid(&cell, valid, system: id)
        } else if !stale.isEmpty {
            // Own expired evidence, with any expired organisation-wide evidence.
            var latest = stale.map(\.1).max()!
            if let o = orgWide.staleLatest, o > latest { latest = o }
            markStale(&cell, routes.ids(own: stale.map(\.0.evidence), shared: orgWide.staleEvidence, cap: cap),
                      routes: stale.map(\.0.route) + orgWide.staleRoutes, latest: latest)
        } else if orgWide.hasOrgLevel {
            cell.status = .executionGap
            cell.reason = .executionGap(system: id, process: orgWide.orgLevelIDs)
            cell.evidence = orgWide.orgLevelIDs
            cell.evidenceOmitted = orgWide.orgLevelOmitted
            cell.via = orgWide.orgLevelVias
        } else if let latest = orgWide.staleLatest {
            markStale(&cell, routes.ids(own: [], shared: orgWide.staleEvidence, cap: cap), routes: orgWide.staleRoutes, latest: latest)
        } else if !drafts.isEmpty || !orgWide.draftEvidence.isEmpty {
            cell.reason = .draftOnly(system: id)
            if drafts.isEmpty {
                cell.evidence = orgWide.draftIDs
                cell.evidenceOmitted = orgWide.draftOmitted
                cell.via = orgWide.draftVias
            } else {
                let (ids, total) = routes.ids(own: drafts.map(\.evidence), shared: orgWide.draftEvidence, cap: cap)
                cell.evidence = ids
                cell.evidenceOmitted = total - ids.count
                cell.via = vias(drafts.map(\.route) + orgWide.draftRoutes)
            }
        } else if !expiredPartial.isEmpty || !orgWide.expiredPartialEvidence.isEmpty {
            var last = expiredPartial.compactMap { run.evidence.expires[Int($0.evidence)] }.max()
            if let o = orgWide.expiredPartialEvidence.compactMap({ run.evidence.expires[Int($0)] }).max(), last.map({ o > $0 }) ?? true { last = o }
            markExpiredPartial(&cell, routes.ids(own: expiredPartial.map(\.evidence), shared: orgWide.expiredPartialEvidence, cap: cap),
                               routes: expiredPartial.map(\.route) + orgWide.expiredPartialRoutes, last: last!)
        }
        if let exclusion { mark(&cell, exclusion) }
        return cell
    }

    /// The organisation cell: every claim reached counts; an item that names systems counts as
    /// partial at most. The process cell of a per-system requirement (`processOnly`) counts
    /// organisation-wide items only: a system's artefact does not document the process.
    mutating func evaluateOrganization(applicability: String, exclusion: ExclusionFinding?, processOnly: Bool = false) -> Cell {
        valid.removeAll(keepingCapacity: true)
        stale.removeAll(keepingCapacity: true)
        drafts.removeAll(keepingCapacity: true)
        expiredPartial.removeAll(keepingCapacity: true)
        for (j, route) in routes.routes.enumerated() {
            guard let slot = route.slot else { continue }
            for c in processOnly ? run.evidence.orgWideClaims[slot] : run.evidence.allClaims[slot] {
                let whole = c.full && route.full && run.evidence.organizationWide[Int(c.evidence)]
                sort(Candidate(evidence: c.evidence, route: Int32(j), full: whole, credit: EvidenceRoutes.credit(route, whole: whole)))
            }
        }
        var cell = blank(system: nil, applicability: applicability)
        if processOnly { cell.reason = .noProcess(requirement: ref.label) }
        if !valid.isEmpty {
            decideValid(&cell, valid, system: nil)
        } else if !stale.isEmpty {
            markStale(&cell, routes.ids(own: stale.map(\.0.evidence), shared: [], cap: 0), routes: stale.map(\.0.route), latest: stale.map(\.1).max()!)
        } else if !drafts.isEmpty {
            cell.reason = .draftOnly(system: nil)
            cell.evidence = routes.ids(drafts.map(\.evidence))
            cell.via = vias(drafts.map(\.route))
        } else if !expiredPartial.isEmpty {
            markExpiredPartial(&cell, routes.ids(own: expiredPartial.map(\.evidence), shared: [], cap: 0), routes: expiredPartial.map(\.route),
                               last: expiredPartial.compactMap { run.evidence.expires[Int($0.evidence)] }.max()!)
        }
        if let exclusion { mark(&cell, exclusion) }
        return cell
    }

    /// ``EvidenceRoutes/vias(_:)``, one list per distinct set of routes (shared by the cells).
    func vias(_ routeIndices: some Sequence<Int32>) -> [String] {
        let key = routes.sortedUnique(Array(routeIndices))
        if key.isEmpty || key == [0] { return [] }  // no chain: the direct route only
        if let list = chains.lists[key] { return list }
        let list = routes.vias(key)
        chains.lists[key] = list
        return list
    }

    /// Evidence per cell for a system cell (`AssessmentOptions.evidencePerCell`): its lists
    /// are cut here, where the organisation-wide part is merged in, and counted.
    var cap: Int { run.options.evidencePerCell }

    /// `evidence`: the ids listed (cut to the cap or not) and how many in all.
    func markStale(_ cell: inout Cell, _ evidence: (ids: [String], total: Int), routes r: [Int32], latest: CalendarDate) {
        cell.status = .stale
        cell.evidence = evidence.ids
        cell.evidenceOmitted = evidence.total - evidence.ids.count
        cell.reason = .evidenceExpired(system: cell.system, items: cell.evidence, lastValidDay: latest)
        cell.via = vias(r)
        cell.deadline = latest
    }

    /// Stale spreads only along full routes: expired items that reach the cell through a
    /// partial route leave it missing, with a reason that names them and the route.
    /// `last`: the latest expiry among all of them (listed or not).
    func markExpiredPartial(_ cell: inout Cell, _ evidence: (ids: [String], total: Int), routes r: [Int32], last: CalendarDate) {
        let chains = vias(r)
        cell.reason = .expiredOnPartialRoute(system: cell.system, items: evidence.ids, lastValidDay: last, via: chains)
        cell.evidence = evidence.ids
        cell.evidenceOmitted = evidence.total - evidence.ids.count
        cell.via = chains
    }

    /// Met, due soon or partial, from valid candidates.
    func decideValid(_ cell: inout Cell, _ valid: [Candidate], system: String?) {
        let expires = run.evidence.expires
        let full = valid.filter(\.full)
        if !full.isEmpty {
            let notSoon = full.filter { expires[Int($0.evidence)].map { $0 > run.soon } ?? true }
            let hasDirect = full.contains { $0.route == 0 }
            let used = notSoon.isEmpty ? full : notSoon
            cell.evidence = routes.ids(used.map(\.evidence))
            cell.via = hasDirect ? [] : vias(used.map(\.route))
            cell.credit = 1
            if notSoon.isEmpty {
                let expiry = full.compactMap { expires[Int($0.evidence)] }.max()!
                cell.status = .dueSoon
                cell.reason = .evidenceExpiring(system: system, items: cell.evidence, lastValidDay: expiry, windowDays: run.options.dueSoonDays)
                cell.deadline = expiry
            } else {
                cell.status = .met
                let direct = used.filter { $0.route == 0 }
                if direct.isEmpty {
                    cell.reason = .metViaMapping(system: system)
                } else if let d = direct.first, direct.allSatisfy({ run.evidence.certificates[Int($0.evidence)] != nil }),
                          let cert = run.evidence.certificates[Int(d.evidence)] {
                    cell.reason = .metByCertificate(system: system, item: run.evidenceIDs[Int(d.evidence)], certificate: cert, lastValidDay: expires[Int(d.evidence)])
                } else {
                    cell.reason = .met(system: system)
                }
            }
            return
        }
        let orgWide = run.evidence.organizationWide
        cell.status = .partial
        cell.evidence = routes.ids(valid.map(\.evidence))
        cell.via = vias(valid.map(\.route))
        let best = valid.max { $0.credit < $1.credit }!
        cell.credit = best.credit
        if valid.allSatisfy({ $0.route != 0 }), let r = routes.routes[Int(best.route)].relation {
            cell.reason = .partialViaMapping(system: system, through: r.object, relationship: r.relationship, strength: r.strength, derived: r.derived, credit: best.credit)
        } else if system == nil && valid.contains(where: { !orgWide[Int($0.evidence)] })
                    && !valid.contains(where: { orgWide[Int($0.evidence)] && $0.route == 0 }) {
            cell.reason = .partialScope
        } else {
            // Every candidate direct: the reason's items are the cell's evidence (one list, shared).
            let items = valid.allSatisfy { $0.route == 0 } ? cell.evidence : routes.ids(valid.filter { $0.route == 0 }.map(\.evidence))
            cell.reason = .partialEvidence(system: system, items: items)
        }
    }

    /// SoA rule: an exclusion without justification, or of a mandatory requirement, leaves
    /// the requirement applicable; a met cell is capped at partial.
    func mark(_ cell: inout Cell, _ exclusion: ExclusionFinding) {
        switch exclusion {
        case .unjustified: cell.reason = .unjustifiedExclusion(underlying: cell.reason)
        case let .mandatory(j): cell.reason = .mandatoryExcluded(requirement: ref.label, justification: j, underlying: cell.reason)
        }
        if cell.status == .met || cell.status == .dueSoon { cell.status = .partial; cell.credit = min(cell.credit, 0.5) }
    }
}
