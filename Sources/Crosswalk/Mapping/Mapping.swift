/// One asserted mapping: `source relationship target`, with strength, rationale and the
/// justification written by its author.
public struct Mapping: Sendable, Hashable {
    public var source: RequirementRef
    public var target: RequirementRef
    public var relationship: Relationship
    /// 0–10 (NIST IR 8278A r1).
    public var strength: Int
    public var rationale: MatchingRationale
    /// One sentence: why.
    public var justification: String
    /// The `map@uuid`.
    public var uuid: String
    public var location: SourceLocation

    public init(source: RequirementRef, target: RequirementRef, relationship: Relationship, strength: Int, rationale: MatchingRationale,
                justification: String, uuid: String = "", location: SourceLocation = SourceLocation(file: "")) {
        self.source = source
        self.target = target
        self.relationship = relationship
        self.strength = strength
        self.rationale = rationale
        self.justification = justification
        self.uuid = uuid
        self.location = location
    }
}

/// A loaded OSCAL mapping-collection.
public struct MappingCollection: Sendable {
    public var uuid: String
    public var title: String
    public var version: String
    public var oscalVersion: String
    /// `provenance@method` (human, automation, hybrid).
    public var method: String
    /// `provenance@status` (draft, …).
    public var status: String
    public var matchingRationale: MatchingRationale
    public var description: String
    public var remarks: String
    public var source: String
    public var mappings: [Mapping]
}
