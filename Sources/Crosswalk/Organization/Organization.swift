/// A person who can own requirements and evidence.
public struct Person: Sendable, Hashable, Codable {
    public var id: String
    /// Required: a person without a name is an error of ``OrganizationValidator``.
    public var name: String
    public var role: String
    /// Where the person is declared; an empty file when built in code. Not encoded.
    public var location: SourceLocation = SourceLocation(file: "")

    public init(id: String, name: String, role: String = "", location: SourceLocation = SourceLocation(file: "")) {
        self.id = id; self.name = name; self.role = role; self.location = location
    }

    private enum CodingKeys: String, CodingKey { case id, name, role }
}

/// A Statement of Applicability decision.
///
/// A decision that names a ``system`` applies to that system's cells only and wins over an
/// organisation-wide decision on the same requirement for that system.
public struct ApplicabilityDecision: Sendable, Hashable {
    public var requirement: RequirementRef
    /// The AI system the decision is about; nil: the whole organisation.
    public var system: String?
    public var applicable: Bool
    /// Empty when none was given: an exclusion without justification is a finding.
    public var justification: String
    public var location: SourceLocation

    public init(requirement: RequirementRef, system: String? = nil, applicable: Bool, justification: String = "", location: SourceLocation = SourceLocation(file: "")) {
        self.requirement = requirement
        self.system = system
        self.applicable = applicable
        self.justification = justification
        self.location = location
    }
}

/// An owner assignment: requirement → person, for the whole organisation or for one AI
/// system (its cells of that requirement; it wins over the organisation's owner there).
public struct OwnerAssignment: Sendable, Hashable {
    public var requirement: RequirementRef
    /// The AI system whose cells the person owns; nil: the organisation's owner.
    public var system: String?
    public var person: String
    public var location: SourceLocation

    public init(requirement: RequirementRef, system: String? = nil, person: String, location: SourceLocation = SourceLocation(file: "")) {
        self.requirement = requirement
        self.system = system
        self.person = person
        self.location = location
    }
}

/// An organisation's governance position, as read from its organisation file.
public struct Organization: Sendable, Hashable {
    public var name: String
    public var primaryFramework: FrameworkID = .iso42001
    public var assessmentDate: CalendarDate?
    public var frameworks: [FrameworkID] = []
    /// The organisation's EU AI Act roles, for systems that declare none of their own.
    public var euRoles: [EURole] = []
    /// Organisation-wide declarations of EU conditions; a system's own declaration wins.
    public var facts: [ConditionFact] = []
    public var people: [Person] = []
    public var systems: [AISystem] = []
    public var decisions: [ApplicabilityDecision] = []
    /// The evidence register, stored column-wise (``EvidenceRegister``): a collection of
    /// ``Evidence`` values for embedders.
    public var evidence = EvidenceRegister()
    public var owners: [OwnerAssignment] = []
    public var source: String = ""
    /// The warnings found when it was read (``init(contentsOf:catalogs:limits:progress:)``);
    /// like the locations, not encoded.
    public var warnings: [Diagnostic] = []
    /// Where the scope is declared (`<scope>`, else the root element); an empty file when
    /// built in code.
    public var scopeLocation: SourceLocation = SourceLocation(file: "")
    /// Where the `<organization>` element is, when read from a file.
    var rootLocation: SourceLocation = SourceLocation(file: "")
    /// Where each of ``frameworks`` is named, when read from a file (same order).
    var frameworkLocations: [SourceLocation] = []
    /// Whether `primary-framework` was written in the file (else the default stands).
    var primaryFrameworkDeclared = false

    public init(name: String) { self.name = name }

    /// The organisation-wide declaration of `condition`, or nil when there is none.
    public func fact(_ condition: EUCondition) -> Bool? { facts.declared(condition) }

    /// Whether `condition` holds for `system`: the system's own answer
    /// (``AISystem/fact(_:)``), else the organisation's, else nil (undeclared).
    public func fact(_ condition: EUCondition, for system: AISystem) -> Bool? { system.fact(condition) ?? fact(condition) }

    /// The conditions that hold for `system` (``fact(_:for:)`` is true), as catalogue tokens.
    public func conditionsHolding(for system: AISystem) -> [String] {
        EUCondition.allCases.filter { fact($0, for: system) == true }.map(\.rawValue)
    }
}
