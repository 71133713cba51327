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
    /// Meeting the claimed requirement meets this one (direct, equal, equivalent, subset).
    var routeFull: Bool
    /// The relation it comes through, nil when direct.
    var relation: Relation?
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
        for o in org.owners where o.system == nil && owners[o.requirement] == nil { owners[o.requirement] = o.person }
        for d in org.decisions where d.system == nil && decisions[d.requirement] == nil { decisions[d.requirement] = d }
        for (i, e) in org.evidence.enumerated() {
            for c in e.claims { claims[c.requirement, default: []].append((i, c.full)) }
            // A certificate claims, in full, every clause and every Annex A control not excluded of its standard.
            if let cert = e.certificate, let catalog = dataset.catalogs.catalog(cert.standard) {
                for r in catalog.requirements where !e.claims.contains(where: { $0.requirement == RequirementRef(catalog.framework, r.label) }) {
                    let ref = RequirementRef(catalog.framework, r.label)
                    let excluded = decisions[ref].map { !$0.applicable } ?? false
                    if r.obligation == .mandatory || (r.obligation == .selectable && !excluded) { claims[ref, default: []].append((i, true)) }
                }
            }
        }
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
        // Evidence per cell: the first ids in register order, the rest counted; reasons list the same.
        let cap = options.evidencePerCell
        if cap > 0 {
            for i in cells.indices where cells[i].evidence.count > cap || Self.longestList(cells[i].reason) > cap {
                if cells[i].evidence.count > cap {
                    cells[i].evidenceOmitted = cells[i].evidence.count - cap
                    cells[i].evidence = Array(cells[i].evidence[..<cap])
                }
                cells[i].reason = Self.cut(cells[i].reason, cap)
            }
        }
        return Assessment(organization: org.name, asOf: options.asOf, frameworks: frameworks, cells: cells, scores: scores(cells))
    }

    static func longestList(_ r: CellReason) -> Int {
        switch r {
        case let .evidenceExpiring(_, a, _, _), let .partialEvidence(_, a), let .evidenceExpired(_, a, _), let .executionGap(_, a),
             let .expiredOnPartialRoute(_, a, _, _), let .metBySupplierAssurance(_, _, a), let .noSupplierDueDiligence(_, _, a): return a.count
        case let .unjustifiedExclusion(u), let .mandatoryExcluded(_, _, u): return longestList(u)
        default: return 0
        }
    }

    static func cut(_ r: CellReason, _ n: Int) -> CellReason {
        let f: ([String]) -> [String] = { Array($0.prefix(n)) }
        switch r {
        case let .evidenceExpiring(s, a, d, w): return .evidenceExpiring(system: s, items: f(a), lastValidDay: d, windowDays: w)
        case let .partialEvidence(s, a): return .partialEvidence(system: s, items: f(a))
        case let .evidenceExpired(s, a, d): return .evidenceExpired(system: s, items: f(a), lastValidDay: d)
        case let .executionGap(s, a): return .executionGap(system: s, process: f(a))
        case let .expiredOnPartialRoute(s, a, d, v): return .expiredOnPartialRoute(system: s, items: f(a), lastValidDay: d, via: v)
        case let .metBySupplierAssurance(s, v, a): return .metBySupplierAssurance(system: s, vendor: v, items: f(a))
        case let .noSupplierDueDiligence(s, v, a): return .noSupplierDueDiligence(system: s, vendor: v, process: f(a))
        case let .unjustifiedExclusion(u): return .unjustifiedExclusion(underlying: cut(u, n))
        case let .mandatoryExcluded(q, j, u): return .mandatoryExcluded(requirement: q, justification: j, underlying: cut(u, n))
        default: return r
        }
    }

    // MARK: Applicability

    static let knownTiers: Set<String> = ["prohibited", "high", "limited", "minimal", "general-purpose", "general-purpose-systemic"]
    /// Conditions the organisation must declare; any other condition not listed counts as not so.
    static let mustDeclare: Set<String> = ["personal-data", "workplace-use", "interacts-with-people", "public-body", "public-service",
                                           "synthetic-content", "deep-fake", "ai-generated-text", "emotion-recognition", "biometric-categorisation"]

    enum RefMatch { case yes(String), no, open([OpenFact]) }

    /// A condition as declared for `s` (its own declaration, else the organisation's), or
    /// implied by its Annex III point; nil when declared nowhere.
    func declared(_ condition: String, _ s: AISystem) -> Bool? {
        if let f = s.facts.first(where: { $0.condition.rawValue == condition }) { return f.holds }
        if let f = org.facts.first(where: { $0.condition.rawValue == condition }) { return f.holds }
        if condition.hasPrefix("annex-iii-"), let point = s.annexIII?.rawValue {
            let p = String(condition.dropFirst("annex-iii-".count))
            if point == p || (p.count == 1 && point.count > 1 && point.first == p.first) { return true }
        }
        return nil
    }

    func tier(_ s: AISystem) -> String {
        let raw = s.riskTier?.rawValue ?? "unclassified"
        return Self.knownTiers.contains(raw) ? raw : "unclassified"
    }

    func systemMatches(_ e: CatalogEntry, _ s: AISystem) -> RefMatch {
        let roles = (s.euRoles.isEmpty ? org.euRoles : s.euRoles).map(\.rawValue)
        let actorOK = e.actors.isEmpty || e.actors.contains { a in
            a == "operator" || roles.contains(a) || (a == "gpai-provider" && roles.contains("provider"))
        }
        guard actorOK else { return .no }
        let tier = tier(s)
        if tier == "unclassified" && !e.riskTiers.contains("any") { return .open([.riskTier(system: s.id)]) }
        let tierOK = e.riskTiers.contains("any") || e.riskTiers.contains(tier) || (tier == "general-purpose-systemic" && e.riskTiers.contains("general-purpose"))
        guard tierOK else { return .no }
        let conditions = e.conditions.filter { declared($0, s) == true }
        if !e.conditions.isEmpty && conditions.isEmpty {
            let open = e.conditions.filter { Self.mustDeclare.contains($0) && declared($0, s) == nil }
            return open.isEmpty ? .no : .open(open.map { .condition(system: s.id, condition: $0) })
        }
        let role = e.actors.first { roles.contains($0) } ?? roles.first ?? "operator"
        var why = "\(role) of a \(tier)-risk system"
        if let point = s.annexIII { why += " (Annex III \(point.rawValue))" }
        if let c = e.conditions.first(where: { conditions.contains($0) }) { why += ", condition \(c)" }
        return .yes(why)
    }

    /// The date in force on the as-of date, worked out independently of the catalogue's
    /// resolver: among the unconditional dates whose act is in force that day and which no
    /// act in force has replaced, the one set by the latest act (no per-system facts can be
    /// declared yet, so conditional transitional dates never apply).
    func oracleDate(_ entry: CatalogEntry, in catalog: Catalog, system s: AISystem? = nil) -> (date: CalendarDate, basis: String)? {
        func act(_ id: String) -> LegalAct? { catalog.acts.first { $0.id == id } }
        func inForce(_ id: String) -> Bool { act(id).map { $0.entryIntoForce <= options.asOf } ?? false }
        // Art. 111: a condition holds only as the system declares it.
        func holds(_ c: ApplicationDate.Condition) -> Bool {
            guard let s else { return false }
            switch c {
            case let .placedOnMarketBefore(d): return s.placedOnMarket.map { $0 < d } ?? false
            case .publicAuthorityUse: return s.publicAuthorityUse
            case .annexXComponent: return s.annexXComponent
            case .annexIProduct: return declared("annex-i-product", s) == true
            }
        }
        let live = entry.dates.filter { d in d.conditions.allSatisfy(holds) && inForce(d.act) && !(d.replacedBy.map(inForce) ?? false) }
        // A transitional period that applies gives the latest of its dates; otherwise the most specific date, then the latest act.
        let transitional = live.filter { $0.conditions.contains { if case .placedOnMarketBefore = $0 { true } else { false } } }
        let chosen = transitional.isEmpty
            ? live.max(by: { ($0.conditions.count, act($0.act)!.entryIntoForce, $0.date) < ($1.conditions.count, act($1.act)!.entryIntoForce, $1.date) })
            : transitional.max(by: { $0.date < $1.date })
        guard let best = chosen else {
            return entry.dates.isEmpty ? entry.appliesFrom.map { ($0, entry.appliesFromBasis ?? "") } : nil
        }
        let a = act(best.act)!
        return (best.date, "\(best.basis); \(a.title)" + (a.status == .reported ? ", as reported" : ""))
    }

    mutating func assess(_ entry: CatalogEntry, in catalog: Catalog) -> [Cell] {
        let ref = RequirementRef(catalog.framework, entry.label)
        let owner = owners[ref]
        func cell(_ system: String?, _ status: CellStatus, _ reason: CellReason, applicability: String, deadline: CalendarDate? = nil) -> Cell {
            Cell(requirement: ref, system: system, status: status, reason: reason, evidence: [], via: [], owner: system.flatMap { systemOwner(ref, $0) } ?? owner,
                 deadline: deadline, credit: 0, applicability: applicability)
        }
        // Statement of Applicability.
        var unjustified = false
        var mandatoryExclusion: String?
        if let d = decisions[ref], !d.applicable {
            if entry.obligation == .mandatory { mandatoryExclusion = d.justification }
            else if entry.obligation == .selectable && !d.justification.isEmpty {
                return [cell(nil, .excluded, .soaExcluded(justification: d.justification), applicability: "excluded by the organisation")]
            }
            else { unjustified = true }
        }
        // A dated obligation no act in force on the as-of date sets is not law yet.
        let inForceDate = oracleDate(entry, in: catalog)
        if !entry.dates.isEmpty && inForceDate == nil {
            return [cell(nil, .notApplicable, .notInForce(requirement: entry.label, asOf: options.asOf), applicability: "not in force on \(options.asOf)")]
        }
        // Art. 5: every operator screens its systems; a system classified prohibited is a finding of its own.
        if entry.riskTiers == ["prohibited"] {
            let isOperator = !org.euRoles.isEmpty || activeSystems.contains { !$0.euRoles.isEmpty }
            guard isOperator else {
                return [cell(nil, .notApplicable, .noMatchingSystem(requirement: entry.label, binds: "\(entry.actors.joined(separator: "/")) (every provider, deployer, importer or distributor)"),
                             applicability: "applies to no operator")]
            }
            let why = "\(entry.label) binds every operator: screen every AI system and use against the prohibited practices"
            let date = inForceDate?.date
            let basis = inForceDate?.basis
            if let date, date > options.asOf {
                return [upcomingCell(evaluate(ref, entry: entry, system: nil, owner: owner, applicability: why, unjustified: unjustified, mandatoryExclusion: mandatoryExclusion), date, basis)]
            }
            return [evaluate(ref, entry: entry, system: nil, owner: owner, applicability: why, unjustified: unjustified, mandatoryExclusion: mandatoryExclusion)]
                + activeSystems.compactMap { s -> Cell? in
                    if s.riskTier == .prohibited {
                        return cell(s.id, .prohibited, .prohibitedPractice(system: s.id, requirement: entry.label), applicability: "\(entry.label) applies to \(s.id): classified prohibited", deadline: date)
                    }
                    if tier(s) == "unclassified" {
                        return cell(s.id, .undetermined, .undetermined(requirement: entry.label, facts: [.riskTier(system: s.id)]), applicability: "\(entry.label) applies only if the facts named are so", deadline: date)
                    }
                    return nil
                }
        }
        // EU AI Act: actor, tier, condition, date.
        if !entry.actors.isEmpty || !entry.riskTiers.isEmpty {
            var matches: [(AISystem, String)] = []
            var open: [(AISystem, [OpenFact])] = []
            for s in systems(for: entry) {
                let why: String
                switch systemMatches(entry, s) {
                case .no: continue
                case let .open(facts): open.append((s, facts)); continue
                case let .yes(w): why = w
                }
                // Art. 50(5) and the like: one of the entries named by applies-with must bind the system too.
                let others = entry.properties.filter { $0.name == "applies-with" }.map(\.value)
                let results = others.compactMap { label in catalog.requirements.first { $0.label == label } }.map { systemMatches($0, s) }
                if !others.isEmpty && !results.contains(where: { if case .yes = $0 { true } else { false } }) {
                    var facts: [OpenFact] = []
                    for case let .open(f) in results { for x in f where !facts.contains(x) { facts.append(x) } }
                    if !facts.isEmpty { open.append((s, facts)) }
                    continue
                }
                matches.append((s, why))
            }
            // Undetermined: per system in inventory order among the others; an organisation cell only when nothing binds.
            let when = inForceDate?.date
            func undetermined(_ system: String?, _ facts: [OpenFact]) -> Cell {
                cell(system, .undetermined, .undetermined(requirement: entry.label, facts: facts), applicability: "\(entry.label) applies only if the facts named are so", deadline: when)
            }
            if entry.scope != .system && matches.isEmpty && !open.isEmpty { return [undetermined(nil, open.flatMap(\.1))] }
            guard !matches.isEmpty || (entry.scope == .system && !open.isEmpty) else {
                let need = "\(entry.actors.joined(separator: "/")) of a \(entry.riskTiers.joined(separator: "/"))-tier system" + (entry.conditions.isEmpty ? "" : " (\(entry.conditions.joined(separator: " or ")))")
                return [cell(nil, .notApplicable, .noMatchingSystem(requirement: entry.label, binds: need), applicability: "applies to no system")]
            }
            // Each bound system's own date (its declared Art. 111 facts); an organisation cell takes the earliest.
            let perSystem = matches.compactMap { oracleDate(entry, in: catalog, system: $0.0) }
            let earliest = perSystem.min { $0.date < $1.date }
            let date = earliest?.date
            let basis: String? = earliest?.basis
            let upcoming = date.map { $0 > options.asOf } ?? false
            if entry.scope == .system {
                return systems(for: entry).compactMap { s -> Cell? in
                    if let o = open.first(where: { $0.0.id == s.id }) {
                        var u = undetermined(s.id, o.1)
                        if s.lifecycle == .retired { u.applicability = retentionNote(entry, s) }
                        return u
                    }
                    guard let m = matches.first(where: { $0.0.id == s.id }) else { return nil }
                    let why = "\(entry.label) applies to \(s.id): \(m.1)"
                    let own = oracleDate(entry, in: catalog, system: s).flatMap { $0.date > options.asOf ? $0 : nil }
                    return systemCell(ref, entry: entry, s, why: why, unjustified: unjustified, mandatoryExclusion: mandatoryExclusion, upcoming: own.map { ($0.date, $0.basis) })
                }
            }
            // At most systemsPerApplicability systems named (inventory order), the rest counted.
            var named = "\(entry.label) applies to the organisation:"
            for (n, m) in matches.enumerated() {
                if options.systemsPerApplicability > 0 && n == options.systemsPerApplicability {
                    let more = matches.count - n
                    named += "; and \(more) more system" + (more > 1 ? "s" : "")
                    break
                }
                named += (n == 0 ? " " : "; ") + "\(m.0.id) (\(m.1))"
            }
            let targets: [(String?, String)] = [(nil, named)]
            return targets.map { system, why in
                if upcoming, let date {
                    return upcomingCell(evaluate(ref, entry: entry, system: system, owner: owner, applicability: why, unjustified: unjustified, mandatoryExclusion: mandatoryExclusion), date, basis)
                }
                return evaluate(ref, entry: entry, system: system, owner: owner, applicability: why, unjustified: unjustified, mandatoryExclusion: mandatoryExclusion)
            }
        }
        if entry.scope == .system {
            // A requirement that also asks for an organisation-wide process: that process is one organisation cell.
            let process = entry.properties.contains { $0.name == "process" && $0.value == "organization" }
                ? [evaluate(ref, entry: entry, system: nil, owner: owner, applicability: "\(entry.label) asks for one organisation-wide process", unjustified: unjustified,
                            mandatoryExclusion: mandatoryExclusion, processOnly: true)] : []
            if systems(for: entry).isEmpty {
                var reason = CellReason.noInventory
                if let j = mandatoryExclusion { reason = .mandatoryExcluded(requirement: entry.label, justification: j, underlying: reason) }
                if unjustified { reason = .unjustifiedExclusion(underlying: reason) }
                return process.isEmpty ? [cell(nil, .missing, reason, applicability: "per system")] : process
            }
            return process + systems(for: entry).map { s in
                systemCell(ref, entry: entry, s, why: "\(entry.label) is assessed for each AI system in scope", unjustified: unjustified, mandatoryExclusion: mandatoryExclusion, upcoming: nil)
            }
        }
        // Suppliers: the organisation's supplier process, and each bought or embedded system's own relationship.
        let supplied = activeSystems.filter { $0.sourcing != .inHouse }
        if entry.lifecycle.party == .supplier && !supplied.isEmpty {
            return [evaluate(ref, entry: entry, system: nil, owner: owner, applicability: "\(entry.label) asks for one organisation-wide supplier process", unjustified: unjustified,
                             mandatoryExclusion: mandatoryExclusion, processOnly: true)]
                + supplied.map { s in
                    systemCell(ref, entry: entry, s, why: "\(entry.label) applies to \(s.id): \(s.sourcing.rawValue) from \(s.vendor.isEmpty ? "its supplier" : s.vendor), a supplier relationship of its own",
                               unjustified: unjustified, mandatoryExclusion: mandatoryExclusion, upcoming: nil)
                }
        }
        let why = entry.obligation == .mandatory ? "mandatory requirement" : entry.obligation == .selectable ? "Annex A control, not excluded" : "in scope"
        return [evaluate(ref, entry: entry, system: nil, owner: owner, applicability: why, unjustified: unjustified, mandatoryExclusion: mandatoryExclusion)]
    }

    // MARK: Lifecycle, sourcing, per-system decisions and owners (#19)

    func systemOwner(_ ref: RequirementRef, _ system: String) -> String? {
        org.owners.first { $0.requirement == ref && $0.system == system }?.person
    }

    /// Active systems, and retired ones for a retention duty whose period has not ended.
    func systems(for entry: CatalogEntry) -> [AISystem] {
        org.systems.filter { s in
            if s.lifecycle != .retired { return true }
            guard entry.lifecycle.stage == .retention else { return false }
            guard let end = retentionEnd(entry, s) else { return true }
            return options.asOf <= end
        }
    }

    func retentionEnd(_ entry: CatalogEntry, _ s: AISystem) -> CalendarDate? {
        switch entry.lifecycle.retention {
        case let .yearsAfterPlacing(n)?:
            guard let p = s.placedOnMarket else { return nil }
            // Same day n years later; 29 February becomes 28 February in a common year.
            return CalendarDate(year: p.year + n, month: p.month, day: p.day) ?? CalendarDate(year: p.year + n, month: p.month, day: p.day - 1)
        case let .monthsAfterRetirement(n)?:
            guard let r = s.retiredOn else { return nil }
            var y = r.year, m = r.month + n
            while m > 12 { m -= 12; y += 1 }
            var d = r.day
            while CalendarDate(year: y, month: m, day: d) == nil { d -= 1 }
            return CalendarDate(year: y, month: m, day: d)
        default: return nil
        }
    }

    func retentionNote(_ entry: CatalogEntry, _ s: AISystem) -> String {
        let period: String = switch entry.lifecycle.retention {
        case let .yearsAfterPlacing(n)?: "\(n) years after placing on the market or putting into service"
        case let .monthsAfterRetirement(n)?: "at least \(n) months after retirement"
        case .indefinite?: "for as long as the records are kept"
        case nil: "after retirement"
        }
        let since = s.retiredOn.map { "retired on \($0)" } ?? "retired (retired-on not declared)"
        var until = ""
        if let end = retentionEnd(entry, s) { until = ", until \(end)" }
        else if case .yearsAfterPlacing? = entry.lifecycle.retention { until = "; declare placed-on-market to date its end" }
        else if case .monthsAfterRetirement? = entry.lifecycle.retention { until = "; declare retired-on to date its end" }
        return "\(entry.label) outlives \(s.id) (\(since)): kept \(period)\(until)"
    }

    /// A system cell from evidence, with the per-system decision, owner, sourcing and go-live rules.
    func systemCell(_ ref: RequirementRef, entry: CatalogEntry, _ s: AISystem, why: String, unjustified: Bool, mandatoryExclusion: String?,
                    upcoming: (date: CalendarDate, basis: String?)?) -> Cell {
        var unjustified = unjustified, mandatory = mandatoryExclusion
        let owner = systemOwner(ref, s.id) ?? owners[ref]
        let applicability = s.lifecycle == .retired ? retentionNote(entry, s) : why
        if let d = org.decisions.first(where: { $0.requirement == ref && $0.system == s.id }), !d.applicable {
            if entry.obligation == .mandatory { mandatory = d.justification; unjustified = false }
            else if entry.obligation == .selectable && !d.justification.isEmpty {
                return Cell(requirement: ref, system: s.id, status: .excluded, reason: .soaExcluded(justification: d.justification), evidence: [], via: [],
                            owner: owner, deadline: nil, credit: 0, applicability: applicability)
            } else { unjustified = true; mandatory = nil }
        }
        var cell = evaluate(ref, entry: entry, system: s.id, owner: owner, applicability: applicability, unjustified: unjustified, mandatoryExclusion: mandatory)
        let vendor = s.vendor.isEmpty ? "its supplier" : s.vendor
        if s.sourcing != .inHouse {
            if entry.lifecycle.party == .developer {
                if cell.status == .met && !cell.evidence.isEmpty
                    && cell.evidence.allSatisfy({ id in org.evidence.first { $0.id == id }?.providedBy == .supplier }) {
                    cell.reason = .metBySupplierAssurance(system: s.id, vendor: vendor, items: cell.evidence)
                }
                if cell.reason == .noEvidence(system: s.id) { cell.reason = .noSupplierAssurance(system: s.id, vendor: vendor) }
                if case .executionGap = cell.reason { cell.reason = .noSupplierAssurance(system: s.id, vendor: vendor) }
            }
            if entry.lifecycle.party == .supplier {
                if cell.reason == .noEvidence(system: s.id) { cell.reason = .noSupplierDueDiligence(system: s.id, vendor: vendor, process: []) }
                if case let .executionGap(_, process) = cell.reason { cell.reason = .noSupplierDueDiligence(system: s.id, vendor: vendor, process: process) }
            }
        }
        let beforeOperation = entry.lifecycle.stage != nil && (s.lifecycle == .planned || s.lifecycle == .development) && !(s.goLive.map { $0 <= options.asOf } ?? false)
        if beforeOperation && !(upcoming != nil && s.goLive != nil && upcoming!.date >= s.goLive!) {
            cell.status = .upcoming
            cell.reason = .notYetInOperation(system: s.id, goLive: s.goLive)
            cell.deadline = s.goLive
            return cell
        }
        if let upcoming { return upcomingCell(cell, upcoming.date, upcoming.basis) }
        return cell
    }

    /// Not yet in application: the evidence collected so far and the credit it would give, under status upcoming.
    func upcomingCell(_ evaluated: Cell, _ date: CalendarDate, _ basis: String?) -> Cell {
        var c = evaluated
        c.status = .upcoming
        c.reason = .notYetApplicable(from: date, basis: basis)
        c.deadline = date
        return c
    }

    // MARK: Evidence

    func candidates(for ref: RequirementRef, system: String?, processOnly: Bool = false) -> [RefCandidate] {
        var out: [RefCandidate] = []
        func consider(_ claim: (evidence: Int, full: Bool), routeFull: Bool, strength: Int?, via: String?, relation: Relation? = nil) {
            let e = org.evidence[claim.evidence]
            // Not yet collected on the as-of date: it does not exist.
            if let collected = e.collected, collected > options.asOf { return }
            // On a system cell: organisation-wide evidence documents the process only; another system's evidence does not fit.
            // On an organisation cell, system-specific evidence counts, as partial at most (see `whole`).
            let orgLevelOnly = system != nil && e.systems.isEmpty
            if let system, !e.systems.isEmpty, !e.systems.contains(system) { return }
            if processOnly && !e.systems.isEmpty { return }
            let whole = claim.full && routeFull && (system != nil || e.systems.isEmpty)
            var credit = 1.0
            if !whole {
                credit = 0.5
                if let strength, !routeFull { credit = 0.5 * Double(strength) / 10 }
            }
            out.append(RefCandidate(evidence: claim.evidence, full: whole, credit: credit, via: via, orgLevelOnly: orgLevelOnly, routeFull: routeFull, relation: relation))
        }
        for c in claims[ref] ?? [] { consider(c, routeFull: true, strength: nil, via: nil) }
        for r in dataset.graph.relations(of: ref) where r.relationship != .noRelationship {
            guard let list = claims[r.object] else { continue }
            let route = r.chain.map { "\($0.from) \($0.relationship.rawValue) \($0.to)" }.joined(separator: " ; ") + (r.isDerived ? " (derived)" : "")
            for c in list { consider(c, routeFull: r.objectCoversSubject, strength: r.strength, via: route, relation: r) }
        }
        return out
    }

    func evaluate(_ ref: RequirementRef, entry: CatalogEntry, system: String?, owner: String?, applicability: String, unjustified: Bool, mandatoryExclusion: String?, processOnly: Bool = false) -> Cell {
        let asOf = options.asOf
        let soon = asOf.adding(days: options.dueSoonDays)
        var valid: [RefCandidate] = [], stale: [(RefCandidate, CalendarDate)] = [], drafts: [RefCandidate] = [], orgLevel: [RefCandidate] = []
        var expiredPartial: [RefCandidate] = []
        for c in candidates(for: ref, system: system, processOnly: processOnly) {
            let e = org.evidence[c.evidence]
            if e.status == .draft { drafts.append(c); continue }
            if let x = e.expires, x < asOf {
                // Renewal through a partial route would not meet it: not stale.
                if c.routeFull { stale.append((c, x)) } else { expiredPartial.append(c) }
                continue
            }
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
        var cell = Cell(requirement: ref, system: system, status: .missing, reason: processOnly ? .noProcess(requirement: entry.label) : .noEvidence(system: system), evidence: [], via: [], owner: owner,
                        deadline: nil, credit: 0, applicability: applicability)
        func markStale() {
            let latest = stale.map(\.1).max()!
            cell.status = .stale
            cell.evidence = ids(stale.map(\.0))
            cell.reason = .evidenceExpired(system: system, items: cell.evidence, lastValidDay: latest)
            cell.via = vias(stale.map(\.0))
            cell.deadline = latest
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
                cell.reason = .evidenceExpiring(system: system, items: cell.evidence, lastValidDay: expiry, windowDays: options.dueSoonDays)
                cell.deadline = expiry
            } else if !used.contains(where: { $0.via == nil }) {
                cell.status = .met
                cell.reason = .metViaMapping(system: system)
            } else if used.filter({ $0.via == nil }).allSatisfy({ org.evidence[$0.evidence].certificate != nil }) {
                let d = used.first { $0.via == nil }!
                let e = org.evidence[d.evidence]
                cell.status = .met
                cell.reason = .metByCertificate(system: system, item: e.id, certificate: e.certificate!, lastValidDay: e.expires)
            } else {
                cell.status = .met
                cell.reason = .met(system: system)
            }
        } else if !valid.isEmpty {
            let best = valid.max { $0.credit < $1.credit }!
            cell.status = .partial
            cell.evidence = ids(valid)
            cell.via = vias(valid)
            cell.credit = best.credit
            if valid.allSatisfy({ $0.via != nil }) {
                let r = best.relation!
                cell.reason = .partialViaMapping(system: system, through: r.object, relationship: r.relationship, strength: r.strength, derived: r.isDerived, credit: best.credit)
            } else if system == nil && valid.contains(where: { !org.evidence[$0.evidence].systems.isEmpty }) && !valid.contains(where: { org.evidence[$0.evidence].systems.isEmpty && $0.via == nil }) {
                cell.reason = .partialScope
            } else {
                cell.reason = .partialEvidence(system: system, items: ids(valid.filter { $0.via == nil }))
            }
        } else if stale.contains(where: { !$0.0.orgLevelOnly }) {
            markStale()
        } else if !orgLevel.isEmpty {
            cell.status = .executionGap
            cell.reason = .executionGap(system: system ?? "this system", process: ids(orgLevel))
            cell.evidence = ids(orgLevel)
            cell.via = vias(orgLevel)
        } else if !stale.isEmpty {
            markStale()
        } else if !drafts.isEmpty {
            cell.reason = .draftOnly(system: system)
            cell.evidence = ids(drafts)
            cell.via = vias(drafts)
        } else if !expiredPartial.isEmpty {
            let last = expiredPartial.compactMap { org.evidence[$0.evidence].expires }.max()!
            cell.evidence = ids(expiredPartial)
            cell.via = vias(expiredPartial)
            cell.reason = .expiredOnPartialRoute(system: system, items: cell.evidence, lastValidDay: last, via: cell.via)
        }
        if let j = mandatoryExclusion {
            cell.reason = .mandatoryExcluded(requirement: entry.label, justification: j, underlying: cell.reason)
            if cell.status == .met || cell.status == .dueSoon { cell.status = .partial; cell.credit = min(cell.credit, 0.5) }
        }
        if unjustified {
            cell.reason = .unjustifiedExclusion(underlying: cell.reason)
            if cell.status == .met || cell.status == .dueSoon { cell.status = .partial; cell.credit = min(cell.credit, 0.5) }
        }
        return cell
    }

    // MARK: Scores

    func scores(_ cells: [Cell]) -> [Score] {
        func score(_ scope: ScoreScope, _ key: String, _ subset: [Cell]) -> Score {
            var counts: [CellStatus: Int] = [:]
            for c in subset { counts[c.status, default: 0] += 1 }
            let assessed = subset.filter { $0.status.isAssessed }
            let org = assessed.filter { $0.system == nil }, upcoming = subset.filter { $0.status == .upcoming }
            return Score(scope: scope, key: key, assessedCells: assessed.count, credit: assessed.reduce(0) { $0 + $1.credit }, counts: counts,
                         organizationCells: org.count, organizationCredit: org.reduce(0) { $0 + $1.credit },
                         upcomingCells: upcoming.count, upcomingCredit: upcoming.reduce(0) { $0 + $1.credit })
        }
        var out = [score(.overall, org.name, cells)]
        for fw in frameworks { out.append(score(.framework, fw.rawValue, cells.filter { $0.requirement.framework == fw })) }
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
                if !subset.isEmpty { out.append(score(.heading, "\(fw):\(h)", subset)) }
            }
        }
        for s in org.systems { out.append(score(.system, s.id, cells.filter { $0.system == s.id })) }
        return out
    }
}
