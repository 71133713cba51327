// The assessment as a value (`Docs/Values.md`): every cell with its typed reason, every
// score with its exact credits, and the warnings.

extension CellStatus: CodingKeyRepresentable {}

extension Assessment: Codable {
    private enum CodingKeys: String, CodingKey { case version, organization, asOf, frameworks, cells, scores, warnings }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try ValueCoding.checkVersion(c, key: .version, type: "assessment")
        self.init(organization: try c.decode(String.self, forKey: .organization), asOf: try c.decode(CalendarDate.self, forKey: .asOf),
                  frameworks: try c.decode([FrameworkID].self, forKey: .frameworks), cells: try c.decode([Cell].self, forKey: .cells),
                  scores: try c.decode([Score].self, forKey: .scores), warnings: try c.decode([Diagnostic].self, forKey: .warnings))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ValueCoding.version, forKey: .version)
        try c.encode(organization, forKey: .organization)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(frameworks, forKey: .frameworks)
        try c.encode(cells, forKey: .cells)
        try c.encode(scores, forKey: .scores)
        try c.encode(warnings, forKey: .warnings)
    }
}
