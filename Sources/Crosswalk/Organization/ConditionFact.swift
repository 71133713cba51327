/// A declared fact: whether an EU AI Act condition holds, for one AI system or for the whole
/// organisation. Written `<condition>personal-data</condition>` (holds) or
/// `<condition holds="false">personal-data</condition>` (does not hold) in an organisation
/// file, `personal-data` or `!personal-data` in the `conditions` column of an inventory CSV.
public struct ConditionFact: Sendable, Hashable, Codable {
    public var condition: EUCondition
    /// True when the condition holds, false when it is declared not to hold.
    public var holds: Bool
    /// Where it is declared; an empty file when built in code. Not encoded.
    public var location: SourceLocation

    public init(_ condition: EUCondition, holds: Bool = true, location: SourceLocation = SourceLocation(file: "")) {
        self.condition = condition
        self.holds = holds
        self.location = location
    }

    private enum CodingKeys: String, CodingKey { case condition, holds }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(EUCondition.self, forKey: .condition), holds: try c.decode(Bool.self, forKey: .holds))
    }
}

extension [ConditionFact] {
    /// The first declaration of `condition`, or nil when there is none.
    func declared(_ condition: EUCondition) -> Bool? { first { $0.condition == condition }?.holds }
}
