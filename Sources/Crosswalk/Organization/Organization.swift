/// A person who can own requirements and evidence.
public struct Person: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var role: String
    /// Where the person is declared; an empty file when built in code. Not encoded.
    public var location: SourceLocation = SourceLocation(file: "")

    public init(id: String, name: String, role: String = "", location: SourceLocation = SourceLocation(file: "")) {
        self.id = id; self.name = name; self.role = role; self.location = location
    }

    private enum CodingKeys: String, CodingKey { case id, name, role }
}

/// An AI system in the organisation's inventory.
public struct AISystem: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var purpose: String = ""
    public var owner: String = ""
    public var businessUnit: String = ""
    /// `planned`, `development`, `production`, `retired`.
    public var lifecycle: String = "production"
    /// `in-house`, `third-party-service`, `embedded`.
    public var sourcing: String = "in-house"
    public var vendor: String = ""
    /// EU AI Act tier: `prohibited`, `high`, `limited`, `minimal`, `general-purpose`, `general-purpose-systemic`.
    public var riskTier: String = "minimal"
    /// Annex III point (`4`, `5b`, `5c`), where high-risk under Annex III.
    public var annexIII: String = ""
    /// The organisation's EU AI Act roles for this system.
    public var euRoles: [String] = []
    /// Extra EU AI Act conditions (`workplace-use`, `public-body`, …).
    public var conditions: [String] = []
    /// Where the system is declared (organisation file or inventory CSV row); an empty
    /// file when built in code. Not encoded.
    public var location: SourceLocation = SourceLocation(file: "")

    public init(id: String, name: String, location: SourceLocation = SourceLocation(file: "")) { self.id = id; self.name = name; self.location = location }

    private enum CodingKeys: String, CodingKey {
        case id, name, purpose, owner, businessUnit, lifecycle, sourcing, vendor, riskTier, annexIII, euRoles, conditions
    }

    /// Conditions including those implied by the Annex III point (`annex-iii-5c` and `annex-iii-5`).
    public var effectiveConditions: [String] {
        var c = conditions
        if !annexIII.isEmpty {
            c.append("annex-iii-\(annexIII)")
            if let first = annexIII.first, annexIII.count > 1 { c.append("annex-iii-\(first)") }
        }
        return c
    }
}

/// A Statement of Applicability decision.
public struct ApplicabilityDecision: Sendable, Hashable {
    public var requirement: RequirementRef
    public var applicable: Bool
    /// Empty when none was given: an exclusion without justification is a finding.
    public var justification: String
    public var location: SourceLocation

    public init(requirement: RequirementRef, applicable: Bool, justification: String = "", location: SourceLocation = SourceLocation(file: "")) {
        self.requirement = requirement
        self.applicable = applicable
        self.justification = justification
        self.location = location
    }
}

/// What an evidence item claims to satisfy.
public struct EvidenceClaim: Sendable, Hashable {
    public var requirement: RequirementRef
    /// True for `coverage="full"`.
    public var full: Bool

    public init(requirement: RequirementRef, full: Bool) {
        self.requirement = requirement
        self.full = full
    }
}

/// A management-system certificate (ISO/IEC 27001 or 42001): what an evidence item of kind
/// `certificate` attests. Its validity is the item's (`collected` to `valid-until`).
public struct EvidenceCertificate: Sendable, Hashable {
    /// The standard certified.
    public var standard: FrameworkID
    /// The certificate number, as the certification body prints it.
    public var number: String
    /// The certification body.
    public var issuer: String

    public init(standard: FrameworkID, number: String, issuer: String) {
        self.standard = standard
        self.number = number
        self.issuer = issuer
    }
}

/// One piece of evidence in the register.
public struct Evidence: Sendable, Hashable {
    public var id: String
    public var title: String
    public var kind: String
    public var owner: String
    public var collected: CalendarDate?
    public var validUntil: CalendarDate?
    public var reviewDays: Int?
    /// `draft` or `approved`.
    public var status: String
    public var claims: [EvidenceClaim]
    /// The systems it covers; empty when it covers the whole organisation.
    public var systems: [String]
    public var locationURI: String
    public var sha256: String
    public var location: SourceLocation
    /// For kind `certificate`: the certificate (additive, issue #13).
    public var certificate: EvidenceCertificate?

    public init(id: String, title: String = "", kind: String = "record", owner: String = "", collected: CalendarDate? = nil, validUntil: CalendarDate? = nil,
                reviewDays: Int? = nil, status: String = "approved", claims: [EvidenceClaim], systems: [String] = [], locationURI: String = "",
                sha256: String = "", location: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.title = title
        self.kind = kind
        self.owner = owner
        self.collected = collected
        self.validUntil = validUntil
        self.reviewDays = reviewDays
        self.status = status
        self.claims = claims
        self.systems = systems
        self.locationURI = locationURI
        self.sha256 = sha256
        self.location = location
    }

    /// The date it stops being valid: `valid-until`, or `collected + review-days`, or nil.
    public var expires: CalendarDate? {
        if let validUntil { return validUntil }
        if let reviewDays, let collected { return collected.adding(days: reviewDays) }
        return nil
    }
}

/// An owner assignment: requirement → person.
public struct OwnerAssignment: Sendable, Hashable {
    public var requirement: RequirementRef
    public var person: String
    public var location: SourceLocation

    public init(requirement: RequirementRef, person: String, location: SourceLocation = SourceLocation(file: "")) {
        self.requirement = requirement
        self.person = person
        self.location = location
    }
}

/// An organisation's governance position, as read from its organisation file.
public struct Organization: Sendable {
    public var name: String
    public var primaryFramework: FrameworkID = .iso42001
    public var assessmentDate: CalendarDate?
    public var frameworks: [FrameworkID] = []
    public var euRoles: [String] = []
    public var conditions: [String] = []
    public var people: [Person] = []
    public var systems: [AISystem] = []
    public var decisions: [ApplicabilityDecision] = []
    public var evidence: [Evidence] = []
    public var owners: [OwnerAssignment] = []
    public var source: String = ""
    /// Where the scope is declared (`<scope>`, else the root element); an empty file when
    /// built in code.
    public var scopeLocation: SourceLocation = SourceLocation(file: "")

    public init(name: String) { self.name = name }
}
