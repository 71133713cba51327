/// The kind of a catalogue entry. An open set: catalogues may use their own kinds.
public struct EntryKind: RawRepresentable, Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let annex: EntryKind = "annex"
    public static let clause: EntryKind = "clause"
    public static let theme: EntryKind = "theme"
    public static let objective: EntryKind = "objective"
    public static let control: EntryKind = "control"
    public static let function: EntryKind = "function"
    public static let category: EntryKind = "category"
    public static let subcategory: EntryKind = "subcategory"
    public static let chapter: EntryKind = "chapter"
    public static let section: EntryKind = "section"
    public static let article: EntryKind = "article"
    public static let obligation: EntryKind = "obligation"
    /// An OSCAL `group` with no Crosswalk kind.
    public static let group: EntryKind = "group"

    /// The kinds Crosswalk's own catalogues use; a Crosswalk `kind` prop must be one.
    public static let known: [EntryKind] = [.annex, .clause, .theme, .objective, .control, .function, .category, .subcategory, .chapter, .section, .article, .obligation, .group]
}

/// Whether a requirement is satisfied once for the organisation or for each AI system.
public enum RequirementScope: String, Sendable, Hashable, CaseIterable, Codable {
    case organization
    case system
}

/// Whether a requirement must be met, is selected through the Statement of
/// Applicability, or is voluntary guidance.
public enum Obligation: String, Sendable, Hashable, CaseIterable, Codable {
    case mandatory
    case selectable
    case voluntary
}

/// An OSCAL `prop`: name, value and optional namespace and class.
public struct Property: Sendable, Hashable {
    public var name: String
    public var value: String
    /// "" for OSCAL's own namespace.
    public var namespace: String
    public var `class`: String

    public init(name: String, value: String, namespace: String = "", class: String = "") {
        self.name = name
        self.value = value
        self.namespace = namespace
        self.class = `class`
    }
}

/// One entry of a catalogue: a heading (OSCAL `group`) or a requirement (OSCAL `control`).
public struct CatalogEntry: Sendable, Hashable {
    /// The OSCAL `id` token (`a.6.2.4`); mappings refer to it.
    public var id: String
    /// The identifier as the standard prints it (`A.6.2.4`).
    public var label: String
    public var title: String
    public var kind: EntryKind
    /// True for a requirement (OSCAL `control`), false for a heading (`group`).
    public var isRequirement: Bool
    /// The label of the enclosing entry, nil at the top.
    public var parent: String?
    /// 0 at the top.
    public var depth: Int
    /// Requirements only: once for the organisation, or per AI system.
    public var scope: RequirementScope?
    /// Requirements only.
    public var obligation: Obligation?
    /// EU AI Act: the actors bound (`provider`, `deployer`, …).
    public var actors: [String]
    /// EU AI Act: the risk tiers it applies to (`high`, `limited`, …).
    public var riskTiers: [String]
    /// EU AI Act: extra conditions, any of which makes it apply.
    public var conditions: [String]
    /// EU AI Act: date of application.
    public var appliesFrom: CalendarDate?
    /// The legal basis of ``appliesFrom``.
    public var appliesFromBasis: String?
    /// EU AI Act: every date the obligation has, each with the act that set it and the
    /// facts it is limited to (`part name="application-date"`). When present,
    /// ``appliesFrom`` is derived from them: the general date under the latest acts.
    /// The date for an as-of day and a system's facts: ``Catalog/applicationDate(of:asOf:facts:)``.
    public var dates: [ApplicationDate] = []
    /// The lifecycle stage and party the requirement concerns (`stage`, `party`,
    /// `retention` props); empty for most requirements.
    public var lifecycle = LifecycleRole()
    /// Every prop, in document order, Crosswalk's included.
    public var properties: [Property]
    /// The text of the `statement` (or `overview`) parts, where the catalogue has one.
    public var statement: String?
    /// The id of the entry's `statement` part, the target of OSCAL findings (nil when it has none).
    public var statementID: String?
    public var location: SourceLocation

    public init(id: String, label: String, title: String, kind: EntryKind, isRequirement: Bool, parent: String? = nil, depth: Int = 0,
                scope: RequirementScope? = nil, obligation: Obligation? = nil, actors: [String] = [], riskTiers: [String] = [],
                conditions: [String] = [], appliesFrom: CalendarDate? = nil, appliesFromBasis: String? = nil,
                properties: [Property] = [], statement: String? = nil, location: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.label = label
        self.title = title
        self.kind = kind
        self.isRequirement = isRequirement
        self.parent = parent
        self.depth = depth
        self.scope = scope
        self.obligation = obligation
        self.actors = actors
        self.riskTiers = riskTiers
        self.conditions = conditions
        self.appliesFrom = appliesFrom
        self.appliesFromBasis = appliesFromBasis
        self.properties = properties
        self.statement = statement
        self.location = location
    }

    /// The value of the first prop `name` in `namespace` ("" for OSCAL's own).
    public func property(_ name: String, namespace: String = Catalog.crosswalkNamespace) -> String? {
        properties.first { $0.name == name && $0.namespace == namespace }?.value
    }
}
