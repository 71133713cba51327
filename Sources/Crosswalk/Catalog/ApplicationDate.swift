/// One date from which an obligation applies, with the act that set it, the act that
/// replaced it (if any), its legal basis and the facts it is limited to.
///
/// An obligation may carry several: the date of the Regulation as adopted, the date of an
/// amending act, and transitional dates for systems already on the market. Which one
/// applies on a given day to a given system is ``resolve(_:acts:asOf:facts:)``.
public struct ApplicationDate: Sendable, Hashable {
    /// A fact a date is limited to. All of a date's conditions must hold.
    public enum Condition: Sendable, Hashable, CustomStringConvertible {
        /// High-risk under Article 6(1) and Annex I (``DateFacts/annexIProduct``).
        case annexIProduct
        /// Placed on the market or put into service before this day (a transitional date).
        case placedOnMarketBefore(CalendarDate)
        /// Intended to be used by public authorities (``DateFacts/publicAuthorityUse``).
        case publicAuthorityUse
        /// A component of an Annex X large-scale IT system (``DateFacts/annexXComponent``).
        case annexXComponent

        /// Parses a `when` token: `annex-i`, `placed-on-market-before:YYYY-MM-DD`,
        /// `public-authority-use`, `annex-x`.
        public init?(token: String) {
            switch token {
            case "annex-i": self = .annexIProduct
            case "public-authority-use": self = .publicAuthorityUse
            case "annex-x": self = .annexXComponent
            default:
                let prefix = "placed-on-market-before:"
                guard token.hasPrefix(prefix), let d = CalendarDate(String(token.dropFirst(prefix.count))) else { return nil }
                self = .placedOnMarketBefore(d)
            }
        }

        /// The `when` token.
        public var description: String {
            switch self {
            case .annexIProduct: "annex-i"
            case let .placedOnMarketBefore(d): "placed-on-market-before:\(d)"
            case .publicAuthorityUse: "public-authority-use"
            case .annexXComponent: "annex-x"
            }
        }

        /// The accepted tokens, for error messages.
        public static let tokens = ["annex-i", "placed-on-market-before:YYYY-MM-DD", "public-authority-use", "annex-x"]

        /// Whether `facts` meet this condition; an undeclared fact does not.
        public func holds(for facts: DateFacts) -> Bool {
            switch self {
            case .annexIProduct: facts.annexIProduct
            case let .placedOnMarketBefore(d): facts.placedOnMarket.map { $0 < d } ?? false
            case .publicAuthorityUse: facts.publicAuthorityUse
            case .annexXComponent: facts.annexXComponent
            }
        }

        var isTransitional: Bool { if case .placedOnMarketBefore = self { true } else { false } }
    }

    public var date: CalendarDate
    /// The ``LegalAct/id`` of the act that set this date.
    public var act: String
    /// The ``LegalAct/id`` of the act that replaced this date, if one did: from that act's
    /// entry into force, this date no longer applies.
    public var replacedBy: String?
    /// The provision that sets it (`Art. 113(c) as amended by …`, `Art. 111(2), second sentence`).
    public var basis: String
    /// The facts it is limited to; empty for the general date.
    public var conditions: [Condition]
    /// Where it was defined (a catalogue or a date overlay).
    public var location: SourceLocation

    public init(date: CalendarDate, act: String, replacedBy: String? = nil, basis: String, conditions: [Condition] = [],
                location: SourceLocation = SourceLocation(file: "")) {
        self.date = date
        self.act = act
        self.replacedBy = replacedBy
        self.basis = basis
        self.conditions = conditions
        self.location = location
    }

    /// True when a condition limits it to systems already on the market before a cut-off.
    public var isTransitional: Bool { conditions.contains { $0.isTransitional } }
}

/// The date an obligation applies from, as chosen for an as-of date and declared facts,
/// with the provision and the act in force that set it.
public struct ResolvedApplicationDate: Sendable, Hashable {
    public var date: CalendarDate
    /// The provision that sets it.
    public var basis: String
    /// The act that set it, in force on the as-of date.
    public var act: LegalAct
    /// The chosen date entry.
    public var source: ApplicationDate

    /// `2027-12-02 (Art. 113(c) as amended …; Regulation (EU) 2026/1744 …, as reported)`.
    public var explanation: String { "\(date) (\(basis); \(act.summary))" }
}

extension ApplicationDate {
    /// The date that applies on `asOf` to a system with `facts`, among `dates`.
    ///
    /// The rule:
    /// 1. A date counts only while its act is in force: the act entered into force on or
    ///    before `asOf`, and the act that replaced the date (if any) had not. So an as-of
    ///    date before an amending act entered into force gives the date of the act it amends.
    /// 2. Its conditions must all hold for `facts`.
    /// 3. If a transitional date (one limited to systems placed on the market before a
    ///    cut-off) is left, the latest such date applies: the transitional provisions
    ///    postpone, and a system that qualifies for several gets the longest period.
    /// 4. Otherwise the most specific date applies (most conditions, e.g. the Annex I date
    ///    over the general one); ties go to the act that entered into force later, then
    ///    to the first listed.
    ///
    /// Pure: the as-of date and the facts are parameters, nothing reads the clock.
    /// - Returns: nil when no date is in force for these facts on `asOf` (for instance an
    ///   obligation added by an act not yet in force).
    public static func resolve(_ dates: [ApplicationDate], acts: [String: LegalAct], asOf: CalendarDate, facts: DateFacts) -> ResolvedApplicationDate? {
        struct Candidate { var date: ApplicationDate; var act: LegalAct; var index: Int }
        var candidates: [Candidate] = []
        for (i, d) in dates.enumerated() {
            guard let act = acts[d.act], act.entryIntoForce <= asOf else { continue }
            if let r = d.replacedBy, let replacing = acts[r], replacing.entryIntoForce <= asOf { continue }
            guard d.conditions.allSatisfy({ $0.holds(for: facts) }) else { continue }
            candidates.append(Candidate(date: d, act: act, index: i))
        }
        let transitional = candidates.filter { $0.date.isTransitional }
        let chosen: Candidate?
        if !transitional.isEmpty {
            chosen = transitional.min { a, b in
                if a.date.date != b.date.date { return a.date.date > b.date.date }
                if a.act.entryIntoForce != b.act.entryIntoForce { return a.act.entryIntoForce > b.act.entryIntoForce }
                return a.index < b.index
            }
        } else {
            chosen = candidates.min { a, b in
                if a.date.conditions.count != b.date.conditions.count { return a.date.conditions.count > b.date.conditions.count }
                if a.act.entryIntoForce != b.act.entryIntoForce { return a.act.entryIntoForce > b.act.entryIntoForce }
                return a.index < b.index
            }
        }
        return chosen.map { ResolvedApplicationDate(date: $0.date.date, basis: $0.date.basis, act: $0.act, source: $0.date) }
    }
}

extension Catalog {
    /// The date `entry` applies from on `asOf` for a system with `facts`, with the act in
    /// force that set it; nil when the entry has no date in force for those facts.
    /// See ``ApplicationDate/resolve(_:acts:asOf:facts:)``.
    public func applicationDate(of entry: CatalogEntry, asOf: CalendarDate, facts: DateFacts = .none) -> ResolvedApplicationDate? {
        ApplicationDate.resolve(entry.dates, acts: actsByID, asOf: asOf, facts: facts)
    }

    /// ``acts`` by ``LegalAct/id``.
    public var actsByID: [String: LegalAct] {
        var out: [String: LegalAct] = [:]
        for a in acts where out[a.id] == nil { out[a.id] = a }
        return out
    }

    /// Sets each dated entry's ``CatalogEntry/appliesFrom`` to the date under the latest
    /// acts with no facts declared (the general date, as the catalogue states it today).
    mutating func deriveGeneralDates() {
        let acts = actsByID
        for i in entries.indices where !entries[i].dates.isEmpty {
            let r = ApplicationDate.resolve(entries[i].dates, acts: acts, asOf: .latest, facts: .none)
            entries[i].appliesFrom = r?.date
            entries[i].appliesFromBasis = r?.basis
        }
    }
}
