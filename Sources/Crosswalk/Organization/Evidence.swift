/// What an evidence item claims to satisfy.
public struct EvidenceClaim: Sendable, Hashable {
    public var requirement: RequirementRef
    public var coverage: Coverage
    /// Where the claim is made (`<satisfies>`, or the `satisfies` cell); an empty file when
    /// built in code.
    public var location: SourceLocation

    public init(requirement: RequirementRef, coverage: Coverage, location: SourceLocation = SourceLocation(file: "")) {
        self.requirement = requirement
        self.coverage = coverage
        self.location = location
    }

    /// True for `coverage="full"`.
    public var full: Bool { coverage == .full }
}

/// A management-system certificate (ISO/IEC 27001 or 42001): what an evidence item of kind
/// `certificate` attests. Its validity is the item's (`collected` to `valid-until`).
public struct EvidenceCertificate: Sendable, Hashable, Codable {
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
    public var kind: EvidenceKind
    public var owner: String
    /// Required for approved evidence (``OrganizationValidator``).
    public var collected: CalendarDate?
    public var validUntil: CalendarDate?
    public var reviewDays: Int?
    /// Required: only approved evidence meets a requirement.
    public var status: EvidenceStatus
    public var claims: [EvidenceClaim]
    /// The systems it covers; empty when it covers the whole organisation.
    public var systems: [String]
    /// Where each of ``systems`` is named, when read from a file (same order).
    var systemLocations: [SourceLocation] = []
    public var locationURI: String
    public var sha256: String
    public var location: SourceLocation
    /// For kind `certificate`: the certificate it records.
    public var certificate: EvidenceCertificate?
    /// Who produced it (`provided-by`): the organisation, or the supplier of the systems it
    /// names (supplier assurance).
    public var providedBy: EvidenceSource = .organization

    public init(id: String, title: String = "", kind: EvidenceKind = .other, owner: String = "", collected: CalendarDate? = nil, validUntil: CalendarDate? = nil,
                reviewDays: Int? = nil, status: EvidenceStatus, claims: [EvidenceClaim], systems: [String] = [], locationURI: String = "",
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

    /// Where the `i`th system is named, else where the item is.
    func location(ofSystem i: Int) -> SourceLocation { i < systemLocations.count ? systemLocations[i] : location }
}
