/// The gap engine as it was before the platform-scale rewrite (issue #6): simple and
/// quadratic, kept as the oracle the fast engine must agree with byte for byte.
@testable import Crosswalk

/// The gap engine: a pure function of the organisation, the reference data and the options.
/// The rules are documented in `Docs/Scoring.md`.
enum ReferenceEngine {
    /// Assesses `organization` against every framework in scope.
    /// - Complexity: O(R·S·k) for R requirements, S systems and k evidence claims reached per requirement.
    static func assess(_ organization: Organization, dataset: Dataset, options: AssessmentOptions) -> Assessment {
        var run = RefRun(org: organization, dataset: dataset, options: options)
        return run.assess()
    }
}

private struct RefCandidate {
    var evidence: Int
    var full: Bool
    /// 0…1 credit if valid.
    var credit: Double
    var via: String?
    var orgLevelOnly: Bool
}

private struct RefRun {
    let org: Organization
    let dataset: Dataset
    let options: AssessmentOptions
    var claims: [RequirementRef: [(evidence: Int, full: Bool)]] = [:]
    var owners: [RequirementRef: String] = [:]
    var decisions: [RequirementRef: ApplicabilityDecision] = [:]
    let activeSystems: [AISystem]
    let frameworks: [FrameworkID]

    init(org: Organization, dataset: Dataset, options: AssessmentOptions) {
        self.org = org
        self.dataset = dataset
        self.options = options
        for (i, e) in org.evidence.enumerated() {
            for c in e.claims { claims[c.requirement, default: []].append((i, c.full)) }
        }
        for o in org.owners where owners[o.requirement] == nil { owners[o.requirement] = o.person }
        for d in org.decisions where decisions[d.requirement] == nil { decisions[d.requirement] = d }
        activeSystems = org.systems.filter { $0.lifecycle != .retired }
        let wanted = options.frameworks ?? org.frameworks
        frameworks = wanted.filter { dataset.catalogs.catalog($0) != nil }.sorted()
    }

    mutating func assess() -> Assessment {
        var cells: [Cell] = []
        for fw in frameworks {
            let catalog = dataset.catalogs.catalog(fw)!
            for entry in catalog.requirements {
                cells += assess(entry, in: catalog)
            }
        }
        return Assessment(organization: org.name, asOf: options.asOf, frameworks: frameworks, cells: cells, scores: scores(cells))
    }

    // MARK: Applicability

    func systemMatches(_ e: CatalogEntry, _ s: AISystem) -> String? {
        let roles = (s.euRoles.isEmpty ? org.euRoles : s.euRoles).map(\.rawValue)
        let actorOK = e.actors.isEmpty || e.actors.contains { a in
            a == "operator" || roles.contains(a) || (a == "gpai-provider" && roles.contains("provider"))
        }
        guard actorOK else { return nil }
        let tier = s.riskTier?.rawValue ?? ""
        let tierOK = e.riskTiers.contains("any") || e.riskTiers.contains(tier) || (tier == "general-purpose-systemic" && e.riskTiers.contains("general-purpose"))
        guard tierOK else { return nil }
        let conditions = EUCondition.allCases.filter { org.fact($0, for: s) == true }.map(\.rawValue)
        if !e.conditions.isEmpty && !e.conditions.contains(where: { conditions.contains($0) }) { return nil }
        let role = e.actors.first { roles.contains($0) } ?? roles.first ?? "operator"
        var why = "\(role) of a \(tier)-risk system"
        if let point = s.annexIII { why += " (Annex III \(point.rawValue))" }
        if let c = e.conditions.first(where: { conditions.contains($0) }) { why += ", condition \(c)" }
        return why
    }

    mutating func assess(_ entry: CatalogEntry, in catalog: Catalog) -> [Cell] {
        let ref = RequirementRef(catalog.framework, entry.label)
        let owner = owners[ref]
        func cell(_ system: String?, _ status: CellStatus, _ code: String, _ reason: String, applicability: String, deadline: CalendarDate? = nil) -> Cell {
            Cell(requirement: ref, system: system, status: status, reasonCode: code, reason: reason, evidence: [], via: [], owner: owner,
                 deadline: deadline, credit: 0, applicability: applicability)
        }
        // Statement of Applicability.
        var unjustified = false
        if let d = decisions[ref], !d.applicable {
            if entry.obligation == .selectable && !d.justification.isEmpty {
                return [cell(nil, .excluded, "soa-excluded", "Excluded in the Statement of Applicability: \(d.justification)", applicability: "excluded by the organisation")]
            }
            unjustified = true
        }
        // EU AI Act: actor, tier, condition, date.
        if !entry.actors.isEmpty || !entry.riskTiers.isEmpty {
            var matches: [(AISystem, String)] = []
            for s in activeSystems { if let why = systemMatches(entry, s) { matches.append((s, why)) } }
            guard !matches.isEmpty else {
                let need = "\(entry.actors.joined(separator: "/")) of a \(entry.riskTiers.joined(separator: "/"))-tier system" + (entry.conditions.isEmpty ? "" : " (\(entry.conditions.joined(separator: " or ")))")
                return [cell(nil, .notApplicable, "no-matching-system", "\(entry.label) binds the \(need); no system in the inventory is one.", applicability: "applies to no system")]
            }
            let date = entry.appliesFrom
            let upcoming = date.map { $0 > options.asOf } ?? false
            let targets: [(String?, String)] = entry.scope == .system
                ? matches.map { ($0.0.id, "\(entry.label) applies to \($0.0.id): \($0.1)") }
                : [(nil, "\(entry.label) applies to the organisation: " + matches.map { "\($0.0.id) (\($0.1))" }.joined(separator: "; "))]
            return targets.map { system, why in
                if upcoming, let date {
                    return cell(system, .upcoming, "not-yet-applicable", "Applies from \(date) (\(entry.appliesFromBasis ?? "legal basis not given")); prepare before then.", applicability: why, deadline: date)
                }
                return evaluate(ref, entry: entry, system: system, owner: owner, applicability: why, unjustified: unjustified)
            }
        }
        if entry.scope == .system {
            if activeSystems.isEmpty { return [cell(nil, .missing, "no-inventory", "Assessed per AI system, but the inventory lists no AI system: build the AI system inventory first.", applicability: "per system")] }
            return activeSystems.map { s in
                evaluate(ref, entry: entry, system: s.id, owner: owner, applicability: "\(entry.label) is assessed for each AI system in scope", unjustified: unjustified)
            }
        }
        let why = entry.obligation == .mandatory ? "mandatory requirement" : entry.obligation == .selectable ? "Annex A control, not excluded" : "in scope"
        return [evaluate(ref, entry: entry, system: nil, owner: owner, applicability: why, unjustified: unjustified)]
    }

    // MARK: Evidence

    func candidates(for ref: RequirementRef, system: String?) -> [RefCandidate] {
        var out: [RefCandidate] = []
        func consider(_ claim: (evidence: Int, full: Bool), routeFull: Bool, strength: Int?, via: String?) {
            let e = org.evidence[claim.evidence]
            // On a system cell: organisation-wide evidence documents the process only; another system's evidence does not fit.
            // On an organisation cell, system-specific evidence counts, as partial at most (see `whole`).
            let orgLevelOnly = system != nil && e.systems.isEmpty
            if let system, !e.systems.isEmpty, !e.systems.contains(system) { return }
            let whole = claim.full && routeFull && (system != nil || e.systems.isEmpty)
            var credit = 1.0
            if !whole {
                credit = 0.5
                if let strength, !routeFull { credit = 0.5 * Double(strength) / 10 }
            }
            out.append(RefCandidate(evidence: claim.evidence, full: whole, credit: credit, via: via, orgLevelOnly: orgLevelOnly))
        }
        for c in claims[ref] ?? [] { consider(c, routeFull: true, strength: nil, via: nil) }
        for r in dataset.graph.relations(of: ref) where r.relationship != .noRelationship {
            guard let list = claims[r.object] else { continue }
            let route = r.chain.map { "\($0.from) \($0.relationship.rawValue) \($0.to)" }.joined(separator: " ; ") + (r.isDerived ? " (derived)" : "")
            for c in list { consider(c, routeFull: r.objectCoversSubject, strength: r.strength, via: route) }
        }
        return out
    }

    func evaluate(_ ref: RequirementRef, entry: CatalogEntry, system: String?, owner: String?, applicability: String, unjustified: Bool) -> Cell {
        let asOf = options.asOf
        let soon = asOf.adding(days: options.dueSoonDays)
        var valid: [RefCandidate] = [], stale: [(RefCandidate, CalendarDate)] = [], drafts: [RefCandidate] = [], orgLevel: [RefCandidate] = []
        for c in candidates(for: ref, system: system) {
            let e = org.evidence[c.evidence]
            if e.status == .draft { drafts.append(c); continue }
            if let x = e.expires, x < asOf { stale.append((c, x)); continue }
            if c.orgLevelOnly { orgLevel.append(c); continue }
            valid.append(c)
        }
        func ids(_ cs: [RefCandidate]) -> [String] {
            var seen = Set<Int>(), out: [String] = []
            for c in cs.sorted(by: { $0.evidence < $1.evidence }) where seen.insert(c.evidence).inserted { out.append(org.evidence[c.evidence].id) }
            return out
        }
        func vias(_ cs: [RefCandidate]) -> [String] {
            var out: [String] = []
            for c in cs { if let v = c.via, !out.contains(v) { out.append(v) } }
            return out
        }
        let sys = system.map { " for \($0)" } ?? ""
        var cell = Cell(requirement: ref, system: system, status: .missing, reasonCode: "no-evidence", reason: "", evidence: [], via: [], owner: owner,
                        deadline: nil, credit: 0, applicability: applicability)
        func markStale() {
            let latest = stale.map(\.1).max()!
            cell.status = .stale
            cell.reasonCode = "evidence-expired"
            cell.evidence = ids(stale.map(\.0))
            cell.via = vias(stale.map(\.0))
            cell.deadline = latest
            cell.reason = "The evidence\(sys) expired on \(latest): review and re-approve it."
        }
        let full = valid.filter(\.full)
        if !full.isEmpty {
            let notSoon = full.filter { org.evidence[$0.evidence].expires.map { $0 > soon } ?? true }
            let hasDirect = full.contains { $0.via == nil }
            let used = notSoon.isEmpty ? full : notSoon
            cell.evidence = ids(used)
            cell.via = hasDirect ? [] : vias(used)
            cell.credit = 1
            if notSoon.isEmpty {
                let expiry = full.compactMap { org.evidence[$0.evidence].expires }.max()!
                cell.status = .dueSoon
                cell.reasonCode = "evidence-expiring"
                cell.reason = "Met\(sys), but the evidence expires on \(expiry), within \(options.dueSoonDays) days: renew it."
                cell.deadline = expiry
            } else if !used.contains(where: { $0.via == nil }) {
                cell.status = .met
                cell.reasonCode = "met-via-mapping"
                cell.reason = "Met\(sys) through the crosswalk: evidence for a requirement that asks at least as much."
            } else {
                cell.status = .met
                cell.reasonCode = "met"
                cell.reason = "Approved, current evidence\(sys) covers it in full."
            }
        } else if !valid.isEmpty {
            let best = valid.max { $0.credit < $1.credit }!
            cell.status = .partial
            cell.evidence = ids(valid)
            cell.via = vias(valid)
            cell.credit = best.credit
            if valid.allSatisfy({ $0.via != nil }) {
                cell.reasonCode = "partial-via-mapping"
                cell.reason = "Only partly met\(sys): the evidence is for requirements that overlap it (intersects or asks less), so it cannot count in full."
            } else if system == nil && valid.contains(where: { !org.evidence[$0.evidence].systems.isEmpty }) && !valid.contains(where: { org.evidence[$0.evidence].systems.isEmpty && $0.via == nil }) {
                cell.reasonCode = "partial-scope"
                cell.reason = "Only partly met: the evidence covers some AI systems, not the organisation as a whole."
            } else {
                cell.reasonCode = "partial-evidence"
                cell.reason = "Only partly met\(sys): the evidence claims partial coverage."
            }
        } else if stale.contains(where: { !$0.0.orgLevelOnly }) {
            markStale()
        } else if !orgLevel.isEmpty {
            cell.status = .executionGap
            cell.reasonCode = "execution-gap"
            cell.evidence = ids(orgLevel)
            cell.via = vias(orgLevel)
            cell.reason = "The process is documented for the organisation, but \(system ?? "this system")'s own artefact does not exist: produce it for this system."
        } else if !stale.isEmpty {
            markStale()
        } else if !drafts.isEmpty {
            cell.reasonCode = "draft-only"
            cell.evidence = ids(drafts)
            cell.via = vias(drafts)
            cell.reason = "Only draft evidence exists\(sys); a draft does not count until approved."
        } else {
            cell.reason = "No evidence\(sys) in the register, directly or through the crosswalk."
        }
        if unjustified {
            cell.reasonCode = "unjustified-exclusion"
            cell.reason = "Excluded in the Statement of Applicability without a justification, so it stays applicable: justify the exclusion or implement it. " + cell.reason
            if cell.status == .met || cell.status == .dueSoon { cell.status = .partial; cell.credit = min(cell.credit, 0.5) }
        }
        return cell
    }

    // MARK: Scores

    func scores(_ cells: [Cell]) -> [Score] {
        func score(_ scope: String, _ key: String, _ subset: [Cell]) -> Score {
            var counts: [CellStatus: Int] = [:]
            for c in subset { counts[c.status, default: 0] += 1 }
            let assessed = subset.filter { $0.status.isAssessed }
            return Score(scope: scope, key: key, assessedCells: assessed.count, credit: assessed.reduce(0) { $0 + $1.credit }, counts: counts)
        }
        var out = [score("overall", org.name, cells)]
        for fw in frameworks { out.append(score("framework", fw.rawValue, cells.filter { $0.requirement.framework == fw })) }
        for fw in frameworks {
            let catalog = dataset.catalogs.catalog(fw)!
            var headingOf: [String: String] = [:]
            var order: [String] = []
            for e in catalog.entries {
                var h = e
                var chain: [CatalogEntry] = [e]
                while let p = h.parent, let pe = catalog.entry(label: p) { chain.append(pe); h = pe }
                // The top-level heading, or the one below an annex.
                var top = chain.last!
                if top.kind == .annex, chain.count >= 2 { top = chain[chain.count - 2] }
                headingOf[e.label] = top.label
                if !order.contains(top.label) { order.append(top.label) }
            }
            for h in order {
                let subset = cells.filter { $0.requirement.framework == fw && headingOf[$0.requirement.label] == h }
                if !subset.isEmpty { out.append(score("heading", "\(fw):\(h)", subset)) }
            }
        }
        for s in org.systems { out.append(score("system", s.id, cells.filter { $0.system == s.id })) }
        return out
    }
}
