/// One cell a requirement will have, decided before evidence is looked at.
struct CellTarget: Sendable {
    /// Index into `Organization.systems`; nil for the organisation cell.
    var system: Int?
    /// Why the requirement applies (or not) here.
    var applicability: String
    /// A status decided by applicability alone (excluded, not applicable, upcoming, …);
    /// nil when evidence decides.
    var fixed: (status: CellStatus, reason: CellReason, deadline: CalendarDate?)?
}

/// The cells of one requirement, before evidence.
struct ApplicabilityPlan: Sendable {
    var targets: [CellTarget]
    /// An SoA exclusion that does not hold, so the requirement stays applicable.
    var exclusion: ExclusionFinding?
}

/// An exclusion in the Statement of Applicability that does not take the requirement out.
enum ExclusionFinding: Sendable {
    /// An Annex A control (or voluntary item) excluded without a justification.
    case unjustified
    /// A mandatory requirement (management-system clauses 4-10, EU AI Act obligations)
    /// excluded: clauses are mandatory whatever the justification.
    case mandatory(justification: String)
}

/// Applicability rules (`Docs/Scoring.md`, "Applicability"): the Statement of
/// Applicability, EU AI Act actor, tier, condition and date, and per-system scope.
extension EngineRun {
    func plan(_ entry: CatalogEntry, ref: RequirementRef, in catalog: Catalog) -> ApplicabilityPlan {
        func fixed(_ status: CellStatus, _ reason: CellReason, _ applicability: String, deadline: CalendarDate? = nil) -> ApplicabilityPlan {
            ApplicabilityPlan(targets: [CellTarget(system: nil, applicability: applicability, fixed: (status, reason, deadline))])
        }
        // Statement of Applicability.
        var exclusion: ExclusionFinding?
        if let d = decisions[ref], !d.applicable {
            if entry.obligation == .mandatory {
                exclusion = .mandatory(justification: d.justification)
            } else if entry.obligation == .selectable && !d.justification.isEmpty {
                return fixed(.excluded, .soaExcluded(justification: d.justification), "excluded by the organisation")
            } else {
                exclusion = .unjustified
            }
        }
        // Dated obligations (EU AI Act): one no act in force on the as-of date sets is not law yet.
        if !entry.dates.isEmpty && catalog.applicationDate(of: entry, asOf: options.asOf) == nil {
            return fixed(.notApplicable, .notInForce(requirement: entry.label, asOf: options.asOf), "not in force on \(options.asOf)")
        }
        if entry.riskTiers == ["prohibited"] { return prohibition(entry, in: catalog, exclusion: exclusion) }
        // EU AI Act: actor, tier, condition, date.
        if !entry.actors.isEmpty || !entry.riskTiers.isEmpty {
            return euPlan(entry, in: catalog, exclusion: exclusion)
        }
        if entry.scope == .system {
            // A process requirement: the organisation cell for the process, then the systems' artefacts.
            let process = Self.asksForProcess(entry)
                ? [CellTarget(system: nil, applicability: "\(entry.label) asks for one organisation-wide process", fixed: nil)] : []
            let systems = systems(for: entry)
            if systems.isEmpty {
                // An exclusion that does not hold stays a finding, inventory or not.
                let reason: CellReason = switch exclusion {
                case nil: .noInventory
                case .unjustified: .unjustifiedExclusion(underlying: .noInventory)
                case let .mandatory(j): .mandatoryExcluded(requirement: entry.label, justification: j, underlying: .noInventory)
                }
                return process.isEmpty ? fixed(.missing, reason, "per system") : ApplicabilityPlan(targets: process, exclusion: exclusion)
            }
            let why = "\(entry.label) is assessed for each AI system in scope"
            return ApplicabilityPlan(targets: process + systems.map { CellTarget(system: $0.index, applicability: why, fixed: nil) }, exclusion: exclusion)
        }
        if entry.lifecycle.party == .supplier, case let supplied = profiles.filter(\.isSupplied), !supplied.isEmpty {
            // Sourcing rule: the organisation's supplier process, and each bought or embedded system's own supplier relationship.
            let process = CellTarget(system: nil, applicability: "\(entry.label) asks for one organisation-wide supplier process", fixed: nil)
            return ApplicabilityPlan(targets: [process] + supplied.map {
                CellTarget(system: $0.index, applicability: "\(entry.label) applies to \($0.id): \($0.sourcing.rawValue) from \($0.vendor), a supplier relationship of its own", fixed: nil)
            }, exclusion: exclusion)
        }
        let why = entry.obligation == .mandatory ? "mandatory requirement" : entry.obligation == .selectable ? "Annex A control, not excluded" : "in scope"
        return ApplicabilityPlan(targets: [CellTarget(system: nil, applicability: why, fixed: nil)], exclusion: exclusion)
    }

    /// EU AI Act Art. 5 (the obligation whose tier is `prohibited`): one organisation cell
    /// for every operator, whatever its inventory (a screening of its systems and uses), and
    /// a `prohibited` cell for each active system classified as prohibited.
    func prohibition(_ entry: CatalogEntry, in catalog: Catalog, exclusion: ExclusionFinding?) -> ApplicabilityPlan {
        guard organization.isOperator else {
            let binds = "\(entry.actors.joined(separator: "/")) (every provider, deployer, importer or distributor)"
            return ApplicabilityPlan(targets: [CellTarget(system: nil, applicability: "applies to no operator",
                                                          fixed: (.notApplicable, .noMatchingSystem(requirement: entry.label, binds: binds), nil))])
        }
        let date = applicationDate(entry, in: catalog)
        let upcoming = date.flatMap { $0.date > options.asOf ? $0 : nil }
        let why = "\(entry.label) binds every operator: screen every AI system and use against the prohibited practices"
        var targets = [CellTarget(system: nil, applicability: why, fixed: upcoming.map { (.upcoming, .notYetApplicable(from: $0.date, basis: $0.basis), $0.date) })]
        if upcoming == nil {
            let openWhy = "\(entry.label) applies only if the facts named are so"  // one string for every such cell
            for p in profiles where p.tier == "prohibited" || !p.isClassified {
                targets.append(p.isClassified
                    ? CellTarget(system: p.index, applicability: "\(entry.label) applies to \(p.id): classified prohibited",
                                 fixed: (.prohibited, .prohibitedPractice(system: p.id, requirement: entry.label), date?.date))
                    : CellTarget(system: p.index, applicability: openWhy,
                                 fixed: (.undetermined, .undetermined(requirement: entry.label, facts: [.riskTier(system: p.id)]), date?.date)))
            }
        }
        return ApplicabilityPlan(targets: targets, exclusion: exclusion)
    }

    /// EU AI Act: actor, tier, condition, date. A system binds the obligation, or does not,
    /// or it cannot be said until the organisation declares a fact (`undetermined`).
    func euPlan(_ entry: CatalogEntry, in catalog: Catalog, exclusion: ExclusionFinding?) -> ApplicabilityPlan {
        var bound: [(SystemProfile, Binding)] = [], open: [(SystemProfile, [OpenFact])] = []
        let with = entry.properties.filter { $0.name == "applies-with" && $0.namespace == Catalog.crosswalkNamespace }.compactMap { catalog.entry(label: $0.value) }
        for p in systems(for: entry) {
            switch matches(entry, p) {
            case .no: continue
            case let .open(facts): open.append((p, facts))
            case let .binds(why):
                // applies-with: another entry must bind the same system (Art. 50(5) with 50(1)-(4)).
                var facts: [OpenFact] = []
                var binds = with.isEmpty
                for other in with where !binds {
                    switch matches(other, p) {
                    case .binds: binds = true
                    case let .open(f): for x in f where !facts.contains(x) { facts.append(x) }
                    case .no: break
                    }
                }
                if binds { bound.append((p, why)) } else if !facts.isEmpty { open.append((p, facts)) }
            }
        }
        let date = applicationDate(entry, in: catalog)
        // Art. 111: a system's declared facts can move its date (transitional periods); an
        // organisation cell takes the earliest date among the systems it binds.
        // Systems share combinations of date facts: each combination's date is resolved once.
        var datesByFacts: [DateFacts: (date: CalendarDate, basis: String?)?] = [:]
        func dated(_ facts: DateFacts) -> (date: CalendarDate, basis: String?)? {
            if let known = datesByFacts[facts] { return known }
            let d = applicationDate(entry, in: catalog, facts: facts)
            datesByFacts[facts] = d
            return d
        }
        // The legal bases said so far: each system's upcoming cell names one of a few, so
        // equal texts share one string instead of one copy per cell.
        var bases: [String] = []
        func upcoming(_ systems: [SystemProfile]) -> (date: CalendarDate, basis: String?)? {
            let dates = systems.isEmpty ? [date].compactMap { $0 } : systems.compactMap { dated($0.dateFacts) }
            guard var first = dates.min(by: { $0.date < $1.date }), first.date > options.asOf else { return nil }
            if let b = first.basis {
                if let same = bases.first(where: { $0 == b }) { first.basis = same } else { bases.append(b) }
            }
            return first
        }
        func target(_ system: Int?, _ why: String, _ systems: [SystemProfile]) -> CellTarget {
            CellTarget(system: system, applicability: why, fixed: upcoming(systems).map { (.upcoming, .notYetApplicable(from: $0.date, basis: $0.basis), $0.date) })
        }
        // One sentence for every undetermined cell of the requirement (one string, shared).
        let openWhy = "\(entry.label) applies only if the facts named are so"
        func undetermined(_ system: Int?, _ facts: [OpenFact]) -> CellTarget {
            CellTarget(system: system, applicability: openWhy,
                       fixed: (.undetermined, .undetermined(requirement: entry.label, facts: facts), date?.date))
        }
        if entry.scope == .system {
            var targets: [CellTarget] = []
            var b = 0, o = 0
            while b < bound.count || o < open.count {  // inventory order
                if o == open.count || (b < bound.count && bound[b].0.index < open[o].0.index) {
                    targets.append(target(bound[b].0.index, "\(entry.label) applies to \(bound[b].0.id): \(bound[b].1.sentence(bound[b].0))", [bound[b].0])); b += 1
                } else {
                    targets.append(undetermined(open[o].0.index, open[o].1)); o += 1
                }
            }
            if !targets.isEmpty { return ApplicabilityPlan(targets: targets, exclusion: exclusion) }
        } else if !bound.isEmpty {
            // Only the systems the sentence names are put into words (at most the cap).
            let cap = options.systemsPerApplicability, named = cap > 0 && bound.count > cap ? bound[..<cap] : bound[...]
            let why = "\(entry.label) applies to the organisation: "
                + Self.bindingSystems(named.map { "\($0.0.id) (\($0.1.sentence($0.0)))" }, of: bound.count, cap: cap)
            return ApplicabilityPlan(targets: [target(nil, why, bound.map(\.0))], exclusion: exclusion)
        } else if !open.isEmpty {
            return ApplicabilityPlan(targets: [undetermined(nil, open.flatMap(\.1))], exclusion: exclusion)
        }
        let need = "\(entry.actors.joined(separator: "/")) of a \(entry.riskTiers.joined(separator: "/"))-tier system"
            + (entry.conditions.isEmpty ? "" : " (\(entry.conditions.joined(separator: " or ")))")
        return ApplicabilityPlan(targets: [CellTarget(system: nil, applicability: "applies to no system",
                                                      fixed: (.notApplicable, .noMatchingSystem(requirement: entry.label, binds: need), nil))])
    }

    /// The binding systems of an organisation-wide cell, joined with `; `: at most `cap` (0:
    /// all), then "and N more systems" (`Docs/Scoring.md`, "Evidence per cell"). `named`
    /// holds the first of the `total` systems (at least `cap` of them, or all).
    static func bindingSystems(_ named: [String], of total: Int, cap: Int) -> String {
        guard cap > 0, total > cap else { return named.joined(separator: "; ") }
        let more = total - cap
        return (named[..<cap] + ["and \(more) more system\(more == 1 ? "" : "s")"]).joined(separator: "; ")
    }

    /// True for a per-system requirement that also asks for an organisation-wide process
    /// (catalogue prop `process`): its organisation cell counts organisation-wide evidence only.
    static func asksForProcess(_ entry: CatalogEntry) -> Bool {
        entry.scope == .system && entry.property("process") == "organization"
    }

    /// Whether an EU AI Act obligation binds a system.
    enum Match { case binds(Binding), no, open([OpenFact]) }

    /// Why an obligation binds a system: the organisation's role and the condition that
    /// holds, put into words (``sentence(_:)``) only where a cell says it.
    struct Binding {
        var role: String
        var holding: String?

        /// "deployer of a high-risk system (Annex III 4), condition workplace-use".
        func sentence(_ p: SystemProfile) -> String {
            var why = "\(role) of a \(p.tier)-risk system"
            if !p.annexIII.isEmpty { why += " (Annex III \(p.annexIII))" }
            if let holding { why += ", condition \(holding)" }
            return why
        }
    }

    /// EU AI Act: the organisation's role, the system's tier and the obligation's
    /// conditions; the applicability sentence when the obligation binds the system.
    func matches(_ e: CatalogEntry, _ p: SystemProfile) -> Match {
        let roles = p.roles
        let actorOK = e.actors.isEmpty || e.actors.contains { a in
            a == "operator" || roles.contains(a) || (a == "gpai-provider" && roles.contains("provider"))
        }
        guard actorOK else { return .no }
        if !e.riskTiers.contains("any") && !p.isClassified { return .open([.riskTier(system: p.id)]) }
        let tierOK = e.riskTiers.contains("any") || e.riskTiers.contains(p.tier) || (p.tier == "general-purpose-systemic" && e.riskTiers.contains("general-purpose"))
        guard tierOK else { return .no }
        let holding = e.conditions.first { p.fact($0) == true }
        if !e.conditions.isEmpty && holding == nil {
            // Undeclared facts that must be declared leave the question open; the rest are false.
            let open = e.conditions.filter { p.fact($0) == nil && ConditionFacts.mustBeDeclared($0) }
            return open.isEmpty ? .no : .open(open.map { .condition(system: p.id, condition: $0) })
        }
        return .binds(Binding(role: e.actors.first { roles.contains($0) } ?? roles.first ?? "operator", holding: holding))
    }

    /// The application date in force on the as-of date (`Docs/Scoring.md`, "Time"): the
    /// catalogue's dated model picks, among the dates set by acts in force that day, the one
    /// that applies (``Catalog/applicationDate(of:asOf:facts:)``), so an assessment as of a
    /// day before an amendment entered into force sees the date as it stood then. Entries
    /// without dates (ISO, NIST) have none. `facts` are a system's declared Art. 111 facts
    /// (placing on the market, public-authority use, Annex X, Annex I), which can select a
    /// transitional date.
    func applicationDate(_ e: CatalogEntry, in catalog: Catalog, facts: DateFacts = .none) -> (date: CalendarDate, basis: String?)? {
        guard let resolved = catalog.applicationDate(of: e, asOf: options.asOf, facts: facts) else { return e.appliesFrom.map { ($0, e.appliesFromBasis) } }
        // The provision and the act's name; its citation and entry into force are in `crosswalk show`.
        return (resolved.date, "\(resolved.basis); \(resolved.act.title)\(resolved.act.status == .reported ? ", as reported" : "")")
    }
}
