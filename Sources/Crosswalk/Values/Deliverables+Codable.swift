// The deliverables as a value (`Docs/Values.md`): groups with owners, coordination
// findings, the ranked remediation plan and the Statements of Applicability. The nested
// types are synthesised `Codable` where they are declared.


extension Deliverables: Codable {
    private enum CodingKeys: String, CodingKey { case version, primaryFramework, ownership, coordination, remediation, statements, register }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try ValueCoding.checkVersion(c, key: .version, type: "deliverables")
        self.init(primaryFramework: try c.decode(FrameworkID.self, forKey: .primaryFramework), ownership: try c.decode([GroupOwnership].self, forKey: .ownership),
                  coordination: try c.decode([CoordinationFinding].self, forKey: .coordination),
                  remediation: try c.decode([RemediationAction].self, forKey: .remediation), statements: try c.decode([StatementOfApplicability].self, forKey: .statements))
        register = try c.decodeIfPresent([AIRegisterEntry].self, forKey: .register) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ValueCoding.version, forKey: .version)
        try c.encode(primaryFramework, forKey: .primaryFramework)
        try c.encode(ownership, forKey: .ownership)
        try c.encode(coordination, forKey: .coordination)
        try c.encode(remediation, forKey: .remediation)
        try c.encode(statements, forKey: .statements)
        try c.encode(register, forKey: .register)
    }
}
