import Dispatch

/// Options of one assessment run.
public struct AssessmentOptions: Sendable {
    /// The as-of date: evidence validity and application dates are judged at it.
    public var asOf: CalendarDate
    /// Evidence expiring within this many days after ``asOf`` is `due-soon`.
    public var dueSoonDays: Int
    /// Frameworks to assess; nil for the organisation's scope.
    public var frameworks: [FrameworkID]?

    public init(asOf: CalendarDate, dueSoonDays: Int = 30, frameworks: [FrameworkID]? = nil) {
        self.asOf = asOf
        self.dueSoonDays = dueSoonDays
        self.frameworks = frameworks
    }
}

/// The gap engine: a pure function of the organisation, the reference data and the options.
/// The rules are documented in `Docs/Scoring.md`.
public enum AssessmentEngine {
    /// Assesses `organization` against every framework in scope.
    ///
    /// Evidence claims are indexed once by requirement, organisation-wide and per system;
    /// each requirement's relations are read once; the organisation-wide evidence a system
    /// cell sees is classified once per requirement, not once per system. Requirements are
    /// assessed in parallel; the result does not depend on the number of threads.
    /// - Complexity: O(C + R·(S·r + k)) for C claims, R requirements, S systems, r routes
    ///   (relations) of a requirement and k claims reached through them.
    public static func assess(_ organization: Organization, dataset: Dataset, options: AssessmentOptions) -> Assessment {
        Run(org: organization, dataset: dataset, options: options).assess()
    }
}

/// An evidence claim on one requirement.
private struct Claim: Sendable {
    var evidence: Int32
    var full: Bool
}

/// An evidence claim on one requirement by an item that names `system` (an index into
/// `Organization.systems`).
private struct SystemClaim: Sendable {
    var system: Int32
    var evidence: Int32
    var full: Bool
}

/// One way evidence reaches a requirement: directly (route 0) or through one relation.
private struct Route: Sendable {
    /// The requirement the evidence claims.
    var slot: Int?
    /// True when meeting the claimed requirement meets this one in full.
    var full: Bool
    var strength: Int?
    /// The mapping chain, nil for the direct route.
    var via: String?
}

private struct Candidate: Sendable {
    var evidence: Int32
    var route: Int32
    var full: Bool
    /// 0…1 credit if valid.
    var credit: Double
    var orgLevelOnly: Bool
}

/// What an evidence item is at the as-of date.
private enum EvidenceState: UInt8, Sendable {
    case valid, draft, stale
}

/// Per active system, what EU AI Act applicability needs.
private struct SystemProfile: Sendable {
    var index: Int
    var roles: [String]
    var conditions: [String]
}

/// The organisation-wide evidence a per-system requirement's cells see (every system cell
/// sees the same), classified once.
private struct OrganizationWidePart: Sendable {
    var orgLevelIDs: [String] = []
    var orgLevelVias: [String] = []
    var hasOrgLevel = false
    var staleEvidence: [Int32] = []
    var staleRoutes: [Int32] = []
    var staleLatest: CalendarDate?
    var staleIDs: [String] = []
    var staleVias: [String] = []
    var draftEvidence: [Int32] = []
    var draftRoutes: [Int32] = []
    var draftIDs: [String] = []
    var draftVias: [String] = []
}

/// The cells of one requirement, with the system index of each (-1: organisation).
private struct RequirementCells: Sendable {
    var cells: [Cell] = []
    var systems: [Int32] = []
}

/// Slots written once each from parallel iterations (each index by one iteration only).
private struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(count: Int) { buffer = .allocate(capacity: count) }
    func initialize(_ i: Int, to value: T) { (buffer.baseAddress! + i).initialize(to: value) }
    /// Deinitialises every slot (all must have been initialised) and frees the memory.
    func free() {
        _ = buffer.baseAddress.map { $0.deinitialize(count: buffer.count) }
        buffer.deallocate()
    }
}

private struct Run: Sendable {
    let org: Organization
    let dataset: Dataset
    let options: AssessmentOptions
    let soon: CalendarDate
    var owners: [RequirementRef: String] = [:]
    var decisions: [RequirementRef: ApplicabilityDecision] = [:]
    let activeSystems: [Int]
    let profiles: [SystemProfile]
    let frameworks: [FrameworkID]
    // Evidence, by register index.
    let state: [EvidenceState]
    let expires: [CalendarDate?]
    let organizationWide: [Bool]
    // Claims, by requirement slot.
    let slots: [RequirementRef: Int]
    let allClaims: [[Claim]]
    let orgWideClaims: [[Claim]]
    /// Sorted by system, then evidence.
    let systemClaims: [[SystemClaim]]

    init(org: Organization, dataset: Dataset, options: AssessmentOptions) {
        self.org = org
        self.dataset = dataset
        self.options = options
        self.soon = options.asOf.adding(days: options.dueSoonDays)
        for o in org.owners where owners[o.requirement] == nil { owners[o.requirement] = o.person }
        for d in org.decisions where decisions[d.requirement] == nil { decisions[d.requirement] = d }
        let active = org.systems.indices.filter { org.systems[$0].lifecycle != .retired }
        activeSystems = active
        profiles = active.map { i in
            let s = org.systems[i]
            return SystemProfile(index: i, roles: (s.euRoles.isEmpty ? org.euRoles : s.euRoles).map(\.rawValue), conditions: org.conditionsHolding(for: s))
        }
        let wanted = options.frameworks ?? org.frameworks
        frameworks = wanted.filter { dataset.catalogs.catalog($0) != nil }.sorted()

        var systemIndex: [String: [Int32]] = [:]
        for (i, s) in org.systems.enumerated() { systemIndex[s.id, default: []].append(Int32(i)) }
        let asOf = options.asOf
        var state = [EvidenceState](), expires = [CalendarDate?](), organizationWide = [Bool]()
        state.reserveCapacity(org.evidence.count)
        expires.reserveCapacity(org.evidence.count)
        organizationWide.reserveCapacity(org.evidence.count)
        var slots: [RequirementRef: Int] = [:]
        var all: [[Claim]] = [], orgWide: [[Claim]] = [], perSystem: [[SystemClaim]] = []
        var named: [Int32] = []
        for (i, e) in org.evidence.enumerated() {
            let x = e.expires
            expires.append(x)
            state.append(e.status == .draft ? .draft : (x.map { $0 < asOf } ?? false) ? .stale : .valid)
            organizationWide.append(e.systems.isEmpty)
            named.removeAll(keepingCapacity: true)
            for id in e.systems { for s in systemIndex[id] ?? [] where !named.contains(s) { named.append(s) } }
            for c in e.claims {
                let slot: Int
                if let s = slots[c.requirement] { slot = s } else {
                    slot = all.count
                    slots[c.requirement] = slot
                    all.append([]); orgWide.append([]); perSystem.append([])
                }
                let claim = Claim(evidence: Int32(i), full: c.full)
                all[slot].append(claim)
                if e.systems.isEmpty { orgWide[slot].append(claim) }
                for s in named { perSystem[slot].append(SystemClaim(system: s, evidence: Int32(i), full: c.full)) }
            }
        }
        for i in perSystem.indices where perSystem[i].count > 1 {
            perSystem[i].sort { ($0.system, $0.evidence) < ($1.system, $1.evidence) }
        }
        self.state = state
        self.expires = expires
        self.organizationWide = organizationWide
        self.slots = slots
        self.allClaims = all
        self.orgWideClaims = orgWide
        self.systemClaims = perSystem
    }

    func assess() -> Assessment {
        var list: [(framework: Int, catalog: Catalog, entry: Int)] = []
        var catalogs: [Catalog] = []
        for (f, fw) in frameworks.enumerated() {
            let catalog = dataset.catalogs.catalog(fw)!
            catalogs.append(catalog)
            for (i, e) in catalog.entries.enumerated() where e.isRequirement { list.append((f, catalog, i)) }
        }
        let work = list
        // Requirements in parallel, each into its own slot; merged in catalogue order.
        let results = Slots<RequirementCells>(count: work.count)
        defer { results.free() }
        let run = self
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            let w = work[i]
            results.initialize(i, to: run.assess(w.catalog.entries[w.entry], in: w.catalog))
        }
        var cells: [Cell] = []
        cells.reserveCapacity(results.buffer.reduce(0) { $0 + $1.cells.count })
        var scoring = Scoring(run: self, catalogs: catalogs)
        for i in 0..<work.count {
            let r = results.buffer[i]
            scoring.add(r, framework: work[i].framework, entry: work[i].entry)
            cells.append(contentsOf: r.cells)
        }
        return Assessment(organization: org.name, asOf: options.asOf, frameworks: frameworks, cells: cells, scores: scoring.scores())
    }

    // MARK: Applicability

    func systemMatches(_ e: CatalogEntry, _ p: SystemProfile) -> String? {
        let roles = p.roles
        let actorOK = e.actors.isEmpty || e.actors.contains { a in
            a == "operator" || roles.contains(a) || (a == "gpai-provider" && roles.contains("provider"))
        }
        guard actorOK else { return nil }
        let s = org.systems[p.index]
        let tier = s.riskTier?.rawValue ?? ""
        let tierOK = e.riskTiers.contains("any") || e.riskTiers.contains(tier) || (s.riskTier == .generalPurposeSystemic && e.riskTiers.contains("general-purpose"))
        guard tierOK else { return nil }
        let conditions = p.conditions
        if !e.conditions.isEmpty && !e.conditions.contains(where: { conditions.contains($0) }) { return nil }
        let role = e.actors.first { roles.contains($0) } ?? roles.first ?? "operator"
        var why = "\(role) of a \(tier)-risk system"
        if let point = s.annexIII { why += " (Annex III \(point))" }
        if let c = e.conditions.first(where: { conditions.contains($0) }) { why += ", condition \(c)" }
        return why
    }

    func assess(_ entry: CatalogEntry, in catalog: Catalog) -> RequirementCells {
        let ref = RequirementRef(catalog.framework, entry.label)
        let owner = owners[ref]
        var out = RequirementCells()
        func cell(_ system: String?, _ status: CellStatus, _ code: String, _ reason: String, applicability: String, deadline: CalendarDate? = nil) -> Cell {
            Cell(requirement: ref, system: system, status: status, reasonCode: code, reason: reason, evidence: [], via: [], owner: owner,
                 deadline: deadline, credit: 0, applicability: applicability)
        }
        func single(_ c: Cell) -> RequirementCells { RequirementCells(cells: [c], systems: [-1]) }
        // Statement of Applicability.
        var unjustified = false
        if let d = decisions[ref], !d.applicable {
            if entry.obligation == .selectable && !d.justification.isEmpty {
                return single(cell(nil, .excluded, "soa-excluded", "Excluded in the Statement of Applicability: \(d.justification)", applicability: "excluded by the organisation"))
            }
            unjustified = true
        }
        let evaluator = Evaluator(run: self, ref: ref, perSystem: entry.scope == .system)
        // EU AI Act: actor, tier, condition, date.
        if !entry.actors.isEmpty || !entry.riskTiers.isEmpty {
            var matches: [(SystemProfile, String)] = []
            for p in profiles { if let why = systemMatches(entry, p) { matches.append((p, why)) } }
            guard !matches.isEmpty else {
                let need = "\(entry.actors.joined(separator: "/")) of a \(entry.riskTiers.joined(separator: "/"))-tier system" + (entry.conditions.isEmpty ? "" : " (\(entry.conditions.joined(separator: " or ")))")
                return single(cell(nil, .notApplicable, "no-matching-system", "\(entry.label) binds the \(need); no system in the inventory is one.", applicability: "applies to no system"))
            }
            let date = entry.appliesFrom
            let upcoming = date.map { $0 > options.asOf } ?? false
            let upcomingReason = date.map { "Applies from \($0) (\(entry.appliesFromBasis ?? "legal basis not given")); prepare before then." } ?? ""
            if entry.scope == .system {
                var systems = evaluator
                out.cells.reserveCapacity(matches.count)
                for (p, why) in matches {
                    let id = org.systems[p.index].id
                    let applicability = "\(entry.label) applies to \(id): \(why)"
                    if upcoming, let date {
                        out.cells.append(cell(id, .upcoming, "not-yet-applicable", upcomingReason, applicability: applicability, deadline: date))
                    } else {
                        out.cells.append(systems.evaluate(system: p.index, owner: owner, applicability: applicability, unjustified: unjustified))
                    }
                    out.systems.append(Int32(p.index))
                }
                return out
            }
            let why = "\(entry.label) applies to the organisation: " + matches.map { "\(org.systems[$0.0.index].id) (\($0.1))" }.joined(separator: "; ")
            if upcoming, let date {
                return single(cell(nil, .upcoming, "not-yet-applicable", upcomingReason, applicability: why, deadline: date))
            }
            return single(evaluator.evaluateOrganization(owner: owner, applicability: why, unjustified: unjustified))
        }
        if entry.scope == .system {
            if activeSystems.isEmpty { return single(cell(nil, .missing, "no-inventory", "Assessed per AI system, but the inventory lists no AI system: build the AI system inventory first.", applicability: "per system")) }
            let applicability = "\(entry.label) is assessed for each AI system in scope"
            var systems = evaluator
            out.cells.reserveCapacity(activeSystems.count)
            for s in activeSystems {
                out.cells.append(systems.evaluate(system: s, owner: owner, applicability: applicability, unjustified: unjustified))
                out.systems.append(Int32(s))
            }
            return out
        }
        let why = entry.obligation == .mandatory ? "mandatory requirement" : entry.obligation == .selectable ? "Annex A control, not excluded" : "in scope"
        return single(evaluator.evaluateOrganization(owner: owner, applicability: why, unjustified: unjustified))
    }
}

// MARK: Evidence

/// Evaluates the cells of one requirement: the organisation cell from every claim reached,
/// system cells (in inventory order) from the claims naming the system plus the
/// organisation-wide part, classified once.
private struct Evaluator {
    let run: Run
    let ref: RequirementRef
    let routes: [Route]
    /// Per route: the next unread claim of ``Run/systemClaims`` (systems come in order).
    var cursors: [Int]
    var orgWide = OrganizationWidePart()
    // Scratch, reused from cell to cell.
    var valid: [Candidate] = [], stale: [(Candidate, CalendarDate)] = [], drafts: [Candidate] = []

    init(run: Run, ref: RequirementRef, perSystem: Bool) {
        self.run = run
        self.ref = ref
        var routes = [Route(slot: run.slots[ref], full: true, strength: nil, via: nil)]
        for r in run.dataset.graph.relations(of: ref) where r.relationship != .noRelationship {
            guard let slot = run.slots[r.object] else { continue }
            let via = r.chain.map { "\($0.from) \($0.relationship.rawValue) \($0.to)" }.joined(separator: " ; ") + (r.isDerived ? " (derived)" : "")
            routes.append(Route(slot: slot, full: r.objectCoversSubject, strength: r.strength, via: via))
        }
        self.routes = routes
        cursors = [Int](repeating: 0, count: routes.count)
        if perSystem { orgWide = classifyOrganizationWide() }
    }

    func credit(claimFull: Bool, route: Route, whole: Bool) -> Double {
        if whole { return 1 }
        if let strength = route.strength, !route.full { return 0.5 * Double(strength) / 10 }
        return 0.5
    }

    func ids(_ evidence: some Sequence<Int32>) -> [String] {
        var sorted = Array(evidence)
        sorted.sort()
        var out: [String] = []
        out.reserveCapacity(sorted.count)
        var last: Int32 = -1
        for e in sorted where e != last { out.append(run.org.evidence[Int(e)].id); last = e }
        return out
    }

    /// The distinct chains of `routes`, in route order (the order candidates are met in).
    func vias(_ routeIndices: some Sequence<Int32>) -> [String] {
        var sorted = Array(routeIndices)
        sorted.sort()
        var out: [String] = []
        var last: Int32 = -1
        for r in sorted where r != last {
            last = r
            if let v = routes[Int(r)].via, !out.contains(v) { out.append(v) }
        }
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
    func classifyOrganizationWide() -> OrganizationWidePart {
        var part = OrganizationWidePart()
        var orgLevelEvidence: [Int32] = [], orgLevelRoutes: [Int32] = [], staleEvidence: [Int32] = [], staleRoutes: [Int32] = []
        var draftEvidence: [Int32] = [], draftRoutes: [Int32] = []
        for (j, route) in routes.enumerated() {
            guard let slot = route.slot else { continue }
            for c in run.orgWideClaims[slot] {
                switch run.state[Int(c.evidence)] {
                case .draft: draftEvidence.append(c.evidence); draftRoutes.append(Int32(j))
                case .stale:
                    staleEvidence.append(c.evidence); staleRoutes.append(Int32(j))
                    let x = run.expires[Int(c.evidence)]!
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
        part.staleIDs = ids(part.staleEvidence)
        part.staleVias = vias(part.staleRoutes)
        part.draftEvidence = sortedUnique(draftEvidence)
        part.draftRoutes = sortedUnique(draftRoutes)
        part.draftIDs = ids(part.draftEvidence)
        part.draftVias = vias(part.draftRoutes)
        return part
    }

    /// A system cell: `system` indexes `Organization.systems`; calls come in inventory order.
    mutating func evaluate(system: Int, owner: String?, applicability: String, unjustified: Bool) -> Cell {
        valid.removeAll(keepingCapacity: true)
        stale.removeAll(keepingCapacity: true)
        drafts.removeAll(keepingCapacity: true)
        let s = Int32(system)
        for (j, route) in routes.enumerated() {
            guard let slot = route.slot else { continue }
            let list = run.systemClaims[slot]
            var k = cursors[j]
            while k < list.count && list[k].system < s { k += 1 }
            while k < list.count && list[k].system == s {
                let c = list[k]
                k += 1
                let whole = c.full && route.full
                let candidate = Candidate(evidence: c.evidence, route: Int32(j), full: whole, credit: credit(claimFull: c.full, route: route, whole: whole), orgLevelOnly: false)
                switch run.state[Int(c.evidence)] {
                case .draft: drafts.append(candidate)
                case .stale: stale.append((candidate, run.expires[Int(c.evidence)]!))
                case .valid: valid.append(candidate)
                }
            }
            cursors[j] = k
        }
        let id = run.org.systems[system].id
        let sys = " for \(id)"
        var cell = Cell(requirement: ref, system: id, status: .missing, reasonCode: "no-evidence", reason: "", evidence: [], via: [], owner: owner,
                        deadline: nil, credit: 0, applicability: applicability)
        if !valid.isEmpty {
            decideValid(&cell, valid, sys: sys, system: id)
        } else if !stale.isEmpty {
            // Own expired evidence, with any expired organisation-wide evidence.
            var latest = stale.map(\.1).max()!
            if let o = orgWide.staleLatest, o > latest { latest = o }
            cell.status = .stale
            cell.reasonCode = "evidence-expired"
            cell.evidence = ids(stale.map(\.0.evidence) + orgWide.staleEvidence)
            cell.via = vias(stale.map(\.0.route) + orgWide.staleRoutes)
            cell.deadline = latest
            cell.reason = "The evidence\(sys) expired on \(latest): review and re-approve it."
        } else if orgWide.hasOrgLevel {
            cell.status = .executionGap
            cell.reasonCode = "execution-gap"
            cell.evidence = orgWide.orgLevelIDs
            cell.via = orgWide.orgLevelVias
            cell.reason = "The process is documented for the organisation, but \(id)'s own artefact does not exist: produce it for this system."
        } else if let latest = orgWide.staleLatest {
            cell.status = .stale
            cell.reasonCode = "evidence-expired"
            cell.evidence = orgWide.staleIDs
            cell.via = orgWide.staleVias
            cell.deadline = latest
            cell.reason = "The evidence\(sys) expired on \(latest): review and re-approve it."
        } else if !drafts.isEmpty || !orgWide.draftEvidence.isEmpty {
            cell.reasonCode = "draft-only"
            if drafts.isEmpty {
                cell.evidence = orgWide.draftIDs
                cell.via = orgWide.draftVias
            } else {
                cell.evidence = ids(drafts.map(\.evidence) + orgWide.draftEvidence)
                cell.via = vias(drafts.map(\.route) + orgWide.draftRoutes)
            }
            cell.reason = "Only draft evidence exists\(sys); a draft does not count until approved."
        } else {
            cell.reason = "No evidence\(sys) in the register, directly or through the crosswalk."
        }
        if unjustified { markUnjustified(&cell) }
        return cell
    }

    /// Met, due soon or partial, from valid candidates.
    func decideValid(_ cell: inout Cell, _ valid: [Candidate], sys: String, system: String?) {
        let org = run.org
        let full = valid.filter(\.full)
        if !full.isEmpty {
            let notSoon = full.filter { run.expires[Int($0.evidence)].map { $0 > run.soon } ?? true }
            let hasDirect = full.contains { $0.route == 0 }
            let used = notSoon.isEmpty ? full : notSoon
            cell.evidence = ids(used.map(\.evidence))
            cell.via = hasDirect ? [] : vias(used.map(\.route))
            cell.credit = 1
            if notSoon.isEmpty {
                let expiry = full.compactMap { run.expires[Int($0.evidence)] }.max()!
                cell.status = .dueSoon
                cell.reasonCode = "evidence-expiring"
                cell.reason = "Met\(sys), but the evidence expires on \(expiry), within \(run.options.dueSoonDays) days: renew it."
                cell.deadline = expiry
            } else if !used.contains(where: { $0.route == 0 }) {
                cell.status = .met
                cell.reasonCode = "met-via-mapping"
                cell.reason = "Met\(sys) through the crosswalk: evidence for a requirement that asks at least as much."
            } else {
                cell.status = .met
                cell.reasonCode = "met"
                cell.reason = "Approved, current evidence\(sys) covers it in full."
            }
        } else {
            let best = valid.max { $0.credit < $1.credit }!
            cell.status = .partial
            cell.evidence = ids(valid.map(\.evidence))
            cell.via = vias(valid.map(\.route))
            cell.credit = best.credit
            if valid.allSatisfy({ $0.route != 0 }) {
                cell.reasonCode = "partial-via-mapping"
                cell.reason = "Only partly met\(sys): the evidence is for requirements that overlap it (intersects or asks less), so it cannot count in full."
            } else if system == nil && valid.contains(where: { !run.organizationWide[Int($0.evidence)] })
                        && !valid.contains(where: { run.organizationWide[Int($0.evidence)] && $0.route == 0 }) {
                cell.reasonCode = "partial-scope"
                cell.reason = "Only partly met: the evidence covers some AI systems, not the organisation as a whole."
            } else {
                cell.reasonCode = "partial-evidence"
                cell.reason = "Only partly met\(sys): the evidence claims partial coverage."
            }
        }
        _ = org
    }

    func markUnjustified(_ cell: inout Cell) {
        cell.reasonCode = "unjustified-exclusion"
        cell.reason = "Excluded in the Statement of Applicability without a justification, so it stays applicable: justify the exclusion or implement it. " + cell.reason
        if cell.status == .met || cell.status == .dueSoon { cell.status = .partial; cell.credit = min(cell.credit, 0.5) }
    }

    /// The organisation cell: every claim reached counts; an item that names systems counts as partial at most.
    func evaluateOrganization(owner: String?, applicability: String, unjustified: Bool) -> Cell {
        var valid: [Candidate] = [], stale: [(Candidate, CalendarDate)] = [], drafts: [Candidate] = []
        for (j, route) in routes.enumerated() {
            guard let slot = route.slot else { continue }
            for c in run.allClaims[slot] {
                let whole = c.full && route.full && run.organizationWide[Int(c.evidence)]
                let candidate = Candidate(evidence: c.evidence, route: Int32(j), full: whole, credit: credit(claimFull: c.full, route: route, whole: whole), orgLevelOnly: false)
                switch run.state[Int(c.evidence)] {
                case .draft: drafts.append(candidate)
                case .stale: stale.append((candidate, run.expires[Int(c.evidence)]!))
                case .valid: valid.append(candidate)
                }
            }
        }
        var cell = Cell(requirement: ref, system: nil, status: .missing, reasonCode: "no-evidence", reason: "", evidence: [], via: [], owner: owner,
                        deadline: nil, credit: 0, applicability: applicability)
        if !valid.isEmpty {
            decideValid(&cell, valid, sys: "", system: nil)
        } else if !stale.isEmpty {
            let latest = stale.map(\.1).max()!
            cell.status = .stale
            cell.reasonCode = "evidence-expired"
            cell.evidence = ids(stale.map(\.0.evidence))
            cell.via = vias(stale.map(\.0.route))
            cell.deadline = latest
            cell.reason = "The evidence expired on \(latest): review and re-approve it."
        } else if !drafts.isEmpty {
            cell.reasonCode = "draft-only"
            cell.evidence = ids(drafts.map(\.evidence))
            cell.via = vias(drafts.map(\.route))
            cell.reason = "Only draft evidence exists; a draft does not count until approved."
        } else {
            cell.reason = "No evidence in the register, directly or through the crosswalk."
        }
        if unjustified { markUnjustified(&cell) }
        return cell
    }
}

// MARK: Scores

/// Overall, per framework, per top-level heading and per system, accumulated in one pass
/// over the cells in assessment order (so every credit sum adds in the same order).
private struct Scoring {
    struct Tally {
        var counts = [Int](repeating: 0, count: CellStatus.allCases.count)
        var assessed = 0
        var credit = 0.0
        var cells = 0

        mutating func add(_ c: Cell) {
            cells += 1
            counts[Self.index[c.status]!] += 1
            if c.status.isAssessed { assessed += 1; credit += c.credit }
        }

        static let index: [CellStatus: Int] = Dictionary(uniqueKeysWithValues: CellStatus.allCases.enumerated().map { ($1, $0) })

        func score(_ scope: String, _ key: String) -> Score {
            var d: [CellStatus: Int] = [:]
            for (i, s) in CellStatus.allCases.enumerated() where counts[i] > 0 { d[s] = counts[i] }
            return Score(scope: scope, key: key, assessedCells: assessed, credit: credit, counts: d)
        }
    }

    let run: Run
    var overall = Tally()
    var frameworks: [Tally]
    /// Per framework: the heading of each entry (index into `headingOrder`), and the headings in order.
    var headingOf: [[Int]] = []
    var headingOrder: [[String]] = []
    var headings: [[Tally]] = []
    /// Per system index in `Organization.systems`; systems sharing an id share a tally.
    var systemTally: [Int]
    var systems: [Tally]

    init(run: Run, catalogs: [Catalog]) {
        self.run = run
        frameworks = [Tally](repeating: Tally(), count: catalogs.count)
        for catalog in catalogs {
            var of: [Int] = [], order: [String] = [], position: [String: Int] = [:]
            for e in catalog.entries {
                var h = e
                var chain: [CatalogEntry] = [e]
                while let p = h.parent, let pe = catalog.entry(label: p) { chain.append(pe); h = pe }
                // The top-level heading, or the one below an annex.
                var top = chain.last!
                if top.kind == .annex, chain.count >= 2 { top = chain[chain.count - 2] }
                if position[top.label] == nil { position[top.label] = order.count; order.append(top.label) }
                of.append(position[top.label]!)
            }
            headingOf.append(of)
            headingOrder.append(order)
            headings.append([Tally](repeating: Tally(), count: order.count))
        }
        var byID: [String: Int] = [:]
        systemTally = run.org.systems.map { s in
            if let t = byID[s.id] { return t }
            byID[s.id] = byID.count
            return byID.count - 1
        }
        systems = [Tally](repeating: Tally(), count: byID.count)
    }

    mutating func add(_ r: RequirementCells, framework: Int, entry: Int) {
        let heading = headingOf[framework][entry]
        for (c, s) in zip(r.cells, r.systems) {
            overall.add(c)
            frameworks[framework].add(c)
            headings[framework][heading].add(c)
            if s >= 0 { systems[systemTally[Int(s)]].add(c) }
        }
    }

    func scores() -> [Score] {
        var out = [overall.score("overall", run.org.name)]
        for (f, fw) in run.frameworks.enumerated() { out.append(frameworks[f].score("framework", fw.rawValue)) }
        for (f, fw) in run.frameworks.enumerated() {
            for (h, label) in headingOrder[f].enumerated() where headings[f][h].cells > 0 {
                out.append(headings[f][h].score("heading", "\(fw):\(label)"))
            }
        }
        for (i, s) in run.org.systems.enumerated() { out.append(systems[systemTally[i]].score("system", s.id)) }
        return out
    }
}
