/// An AI system in the organisation's inventory.
public struct AISystem: Sendable, Hashable, Codable {
    public var id: String
    /// Required: a system without a name is an error of ``OrganizationValidator``.
    public var name: String
    public var purpose: String = ""
    public var owner: String = ""
    public var businessUnit: String = ""
    public var lifecycle: Lifecycle = .production
    public var sourcing: Sourcing = .inHouse
    public var vendor: String = ""
    /// The EU AI Act tier; nil when not declared, which ``OrganizationValidator`` reports as an
    /// error for an active system when the EU AI Act is in scope. ``RiskTier/unclassified``
    /// is the explicit "not yet classified".
    public var riskTier: RiskTier?
    /// The Annex III point, where the system is high-risk under Annex III.
    public var annexIII: AnnexIIIPoint?
    /// The organisation's EU AI Act roles for this system; empty: the organisation's roles.
    public var euRoles: [EURole] = []
    /// The conditions declared true or false for this system (they win over the
    /// organisation's).
    public var facts: [ConditionFact] = []
    /// EU AI Act Art. 111: when the system was placed on the market or put into service,
    /// if it was (`placed-on-market`).
    public var placedOnMarket: CalendarDate?
    /// Art. 111(2): the high-risk system is intended to be used by public authorities
    /// (`public-authority-use`).
    public var publicAuthorityUse = false
    /// Art. 111(1): a component of a large-scale IT system listed in Annex X (`annex-x`).
    public var annexXComponent = false
    /// The date the system goes (or went) into operation (`go-live`). For a `planned` or
    /// `development` system, its operation-stage duties are upcoming until that date.
    public var goLive: CalendarDate?
    /// The date a `retired` system was taken out of operation (`retired-on`): the duties that
    /// outlive it run from it (Art. 19 logs, at least six months).
    public var retiredOn: CalendarDate?
    /// Where the system is declared (organisation file or inventory CSV row); an empty
    /// file when built in code. Not encoded.
    public var location: SourceLocation = SourceLocation(file: "")

    public init(id: String, name: String, location: SourceLocation = SourceLocation(file: "")) { self.id = id; self.name = name; self.location = location }

    private enum CodingKeys: String, CodingKey {
        case id, name, purpose, owner, businessUnit, lifecycle, sourcing, vendor, riskTier, annexIII, euRoles, facts
        case placedOnMarket, publicAuthorityUse, annexXComponent, goLive, retiredOn
    }

    /// Whether the system is in the inventory's active part: every lifecycle but `retired`.
    /// A retired system is still assessed for the duties that outlive it.
    public var isActive: Bool { lifecycle != .retired }

    /// True when the organisation does not develop the system itself (`third-party-service`
    /// or `embedded`): supplier controls become this system's own cells and development-stage
    /// controls can be met by the supplier's assurance.
    public var isSupplied: Bool { sourcing != .inHouse }

    /// This system's own answer on `condition`: its declaration (`<condition>`), else, for an
    /// Annex III condition, what its classification says — with a point, `annex-iii-5c` and
    /// `annex-iii-5` hold for `5c` and the others do not; without one, none holds for a system
    /// of a tier other than `high` (and not `unclassified`), nor for a high-risk system that
    /// declares `annex-i-product` (high-risk through Annex I) — else nil: undeclared. The
    /// organisation's declarations are not consulted; see ``Organization/fact(_:for:)``.
    public func fact(_ condition: EUCondition) -> Bool? {
        if let own = facts.declared(condition) { return own }
        guard condition.rawValue.hasPrefix("annex-iii-") else { return nil }
        if let point = annexIII { return point.impliedConditions.contains(condition) }
        switch riskTier {
        case nil, .unclassified?: return nil
        case .high?: return facts.declared(.annexIProduct) == true ? false : nil
        default: return false
        }
    }

    /// The conditions that hold for this system by its own declarations and its Annex III
    /// point, as catalogue tokens.
    public var effectiveConditions: [String] {
        var out: [String] = []
        for f in facts where f.holds && !out.contains(f.condition.rawValue) { out.append(f.condition.rawValue) }
        for c in annexIII?.impliedConditions ?? [] where !out.contains(c.rawValue) && facts.declared(c) != false { out.append(c.rawValue) }
        return out
    }
}
