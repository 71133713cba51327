// The organisation as a value (`Docs/Values.md`): every fact the organisation file holds,
// and nothing about where it was read (locations and `source` are not encoded).

extension Organization: Codable {
    private enum CodingKeys: String, CodingKey {
        case version, name, primaryFramework, assessmentDate, frameworks, euRoles, facts, people, systems, decisions, evidence, owners
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try ValueCoding.checkVersion(c, key: .version, type: "organization")
        self.init(name: try c.decode(String.self, forKey: .name))
        primaryFramework = try c.decode(FrameworkID.self, forKey: .primaryFramework)
        assessmentDate = try c.decodeIfPresent(CalendarDate.self, forKey: .assessmentDate)
        frameworks = try c.decode([FrameworkID].self, forKey: .frameworks)
        euRoles = try c.decode([EURole].self, forKey: .euRoles)
        facts = try c.decode([ConditionFact].self, forKey: .facts)
        people = try c.decode([Person].self, forKey: .people)
        systems = try c.decode([AISystem].self, forKey: .systems)
        decisions = try c.decode([ApplicabilityDecision].self, forKey: .decisions)
        evidence = EvidenceRegister(try c.decode([Evidence].self, forKey: .evidence))
        owners = try c.decode([OwnerAssignment].self, forKey: .owners)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ValueCoding.version, forKey: .version)
        try c.encode(name, forKey: .name)
        try c.encode(primaryFramework, forKey: .primaryFramework)
        try c.encodeIfPresent(assessmentDate, forKey: .assessmentDate)
        try c.encode(frameworks, forKey: .frameworks)
        try c.encode(euRoles, forKey: .euRoles)
        try c.encode(facts, forKey: .facts)
        try c.encode(people, forKey: .people)
        try c.encode(systems, forKey: .systems)
        try c.encode(decisions, forKey: .decisions)
        try c.encode(Array(evidence), forKey: .evidence)
        try c.encode(owners, forKey: .owners)
    }
}

extension ApplicabilityDecision: Codable {
    private enum CodingKeys: String, CodingKey { case requirement, system, applicable, justification }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(requirement: try c.decode(RequirementRef.self, forKey: .requirement), system: try c.decodeIfPresent(String.self, forKey: .system),
                  applicable: try c.decode(Bool.self, forKey: .applicable),
                  justification: try c.decode(String.self, forKey: .justification))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(requirement, forKey: .requirement)
        try c.encodeIfPresent(system, forKey: .system)
        try c.encode(applicable, forKey: .applicable)
        try c.encode(justification, forKey: .justification)
    }
}

extension OwnerAssignment: Codable {
    private enum CodingKeys: String, CodingKey { case requirement, system, person }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(requirement: try c.decode(RequirementRef.self, forKey: .requirement), system: try c.decodeIfPresent(String.self, forKey: .system),
                  person: try c.decode(String.self, forKey: .person))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(requirement, forKey: .requirement)
        try c.encodeIfPresent(system, forKey: .system)
        try c.encode(person, forKey: .person)
    }
}

extension EvidenceClaim: Codable {
    private enum CodingKeys: String, CodingKey { case requirement, coverage }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(requirement: try c.decode(RequirementRef.self, forKey: .requirement), coverage: try c.decode(Coverage.self, forKey: .coverage))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(requirement, forKey: .requirement)
        try c.encode(coverage, forKey: .coverage)
    }
}


extension Evidence: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, title, kind, owner, collected, validUntil, reviewDays, status, claims, systems, locationURI, sha256, certificate, providedBy
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title), kind: try c.decode(EvidenceKind.self, forKey: .kind),
                  owner: try c.decode(String.self, forKey: .owner), collected: try c.decodeIfPresent(CalendarDate.self, forKey: .collected),
                  validUntil: try c.decodeIfPresent(CalendarDate.self, forKey: .validUntil), reviewDays: try c.decodeIfPresent(Int.self, forKey: .reviewDays),
                  status: try c.decode(EvidenceStatus.self, forKey: .status), claims: try c.decode([EvidenceClaim].self, forKey: .claims),
                  systems: try c.decode([String].self, forKey: .systems), locationURI: try c.decode(String.self, forKey: .locationURI),
                  sha256: try c.decode(String.self, forKey: .sha256))
        certificate = try c.decodeIfPresent(EvidenceCertificate.self, forKey: .certificate)
        providedBy = try c.decode(EvidenceSource.self, forKey: .providedBy)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encode(owner, forKey: .owner)
        try c.encodeIfPresent(collected, forKey: .collected)
        try c.encodeIfPresent(validUntil, forKey: .validUntil)
        try c.encodeIfPresent(reviewDays, forKey: .reviewDays)
        try c.encode(status, forKey: .status)
        try c.encode(claims, forKey: .claims)
        try c.encode(systems, forKey: .systems)
        try c.encode(locationURI, forKey: .locationURI)
        try c.encode(sha256, forKey: .sha256)
        try c.encodeIfPresent(certificate, forKey: .certificate)
        try c.encode(providedBy, forKey: .providedBy)
    }
}
