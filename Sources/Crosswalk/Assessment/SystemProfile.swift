/// What the engine reads about an AI system to decide EU AI Act applicability: the only
/// place that reads the organisation's applicability facts (roles, risk tier, Annex III
/// point, condition facts, lifecycle). Every rule goes through it, so a change of the
/// organisation model changes this file alone.
///
/// Conditions are declared true or false for a system or for the whole organisation (the
/// system's own declaration wins); one declared nowhere is nil. A system without a declared
/// risk tier (the validator refuses that for an active system in EU AI Act scope) or with
/// tier `unclassified` is unclassified.
///
/// A class: the engine reads a profile for every cell of every requirement, and a struct of
/// strings and arrays costs a retain and a release per field at each copy.
final class SystemProfile: Sendable {
    /// Index into `Organization.systems`.
    let index: Int
    let id: String
    /// The organisation's EU AI Act roles for the system (the system's own, else the organisation's).
    let roles: [String]
    /// The EU AI Act risk tier; `unclassified` when the system has none the engine knows.
    let tier: String
    var isClassified: Bool { tier != "unclassified" }
    /// The Annex III point (`4`, `5b`), empty when none.
    let annexIII: String
    /// What Art. 111's transitional dates depend on (placing on the market, public-authority
    /// use, Annex X, Annex I).
    let dateFacts: DateFacts
    /// Where the system is in its life, and the dates that bound its stages.
    let lifecycle: Lifecycle
    let goLive: CalendarDate?
    let retiredOn: CalendarDate?
    let placedOnMarket: CalendarDate?
    /// Bought as a service or embedded in bought software: its supplier develops it.
    let isSupplied: Bool
    let sourcing: Sourcing
    /// The supplier's name, else "its supplier".
    let vendor: String
    /// Conditions declared for the system, then for the organisation.
    private let systemFacts: [ConditionFact]
    private let organizationFacts: [ConditionFact]

    /// Every system of `org`, in inventory order (the position is the system's index).
    static func all(in org: Organization) -> [SystemProfile] {
        org.systems.indices.map { SystemProfile(org, $0) }
    }

    var isActive: Bool { lifecycle != .retired }

    init(_ org: Organization, _ index: Int) {
        let s = org.systems[index]
        self.index = index
        id = s.id
        roles = (s.euRoles.isEmpty ? org.euRoles : s.euRoles).map(\.rawValue)
        tier = (s.riskTier ?? .unclassified).rawValue
        annexIII = s.annexIII?.rawValue ?? ""
        systemFacts = s.facts
        organizationFacts = org.facts
        lifecycle = s.lifecycle
        goLive = s.goLive
        retiredOn = s.retiredOn
        placedOnMarket = s.placedOnMarket
        isSupplied = s.isSupplied
        sourcing = s.sourcing
        vendor = s.vendor.isEmpty ? "its supplier" : s.vendor
        dateFacts = DateFacts(placedOnMarket: s.placedOnMarket, publicAuthorityUse: s.publicAuthorityUse, annexXComponent: s.annexXComponent,
                              annexIProduct: (s.facts.declared(.annexIProduct) ?? org.facts.declared(.annexIProduct)) == true)
    }

    /// Whether the condition holds: true or false where declared (the system's declaration,
    /// else the organisation's), nil where not declared. `annex-iii-N` follows from the
    /// system's Annex III point.
    func fact(_ condition: String) -> Bool? {
        if let point = ConditionFacts.annexIIIPoint(condition), annexIIIMatches(point) { return true }
        guard let c = EUCondition(rawValue: condition) else { return nil }
        return systemFacts.declared(c) ?? organizationFacts.declared(c)
    }

    /// True when the system's Annex III point is `point` or lies under it (`5c` under `5`).
    func annexIIIMatches(_ point: String) -> Bool {
        guard !annexIII.isEmpty else { return false }
        return annexIII == point || (point.count == 1 && annexIII.count > 1 && annexIII.first == point.first)
    }
}

/// What the engine reads about the organisation itself.
struct OrganizationProfile: Sendable {
    /// True when the organisation is an operator under the EU AI Act: it declares an EU role,
    /// for itself or for one of its active systems.
    var isOperator: Bool

    init(_ org: Organization, active: [SystemProfile]) {
        isOperator = !org.euRoles.isEmpty || active.contains { !$0.roles.isEmpty }
    }
}

/// Which catalogue conditions are facts the organisation must declare for a system and which
/// follow from other data. `Docs/Scoring.md` prints this table.
///
/// - Derived: `annex-iii-N` and `annex-iii-Nx` follow from the system's Annex III point.
/// - Must be declared (``declared``): what the system does and who uses it, which decide
///   common duties (Art. 26(7), 26(9), 27, 50). Not declared: the cell is `undetermined`.
/// - Asserted when so (every other condition: `annex-i-product`, `art-6-3-derogation`,
///   `own-name-or-trademark`, `substantial-modification`, `changed-intended-purpose`,
///   `non-eu-provider`, `post-remote-biometric-identification`): exceptional positions the
///   organisation asserts; not declared counts as not so.
enum ConditionFacts {
    /// The conditions that must be declared, with the question a person answers.
    static let declared: KeyValuePairs<String, String> = [
        "personal-data": "processes personal data",
        "workplace-use": "is used at the workplace",
        "interacts-with-people": "interacts directly with natural persons",
        "public-body": "is deployed by a body governed by public law",
        "public-service": "is used to provide a public service",
        "synthetic-content": "generates synthetic audio, image, video or text",
        "deep-fake": "generates or manipulates deep fakes",
        "ai-generated-text": "generates text published to inform the public",
        "emotion-recognition": "is an emotion recognition system",
        "biometric-categorisation": "is a biometric categorisation system",
    ]

    static func mustBeDeclared(_ condition: String) -> Bool { question(condition) != nil }
    static func question(_ condition: String) -> String? { declared.first { $0.key == condition }?.value }

    /// `annex-iii-N` and `annex-iii-Nx` follow from the system's Annex III point.
    static func annexIIIPoint(_ condition: String) -> String? {
        guard condition.hasPrefix("annex-iii-") else { return nil }
        return String(condition.dropFirst("annex-iii-".count))
    }
}
