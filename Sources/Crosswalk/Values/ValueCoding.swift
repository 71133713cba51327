/// The versions of the `Codable` shapes of ``Organization``, ``Assessment`` and
/// ``Deliverables`` (`Docs/Values.md`). Each encodes `"version"` first; decoding reads it
/// first and refuses a version it does not know, naming the ones it does.
public enum ValueCoding {
    /// The version every value is encoded with, and the only one decoded.
    public static let version = 1

    static let supported = [1]

    /// Reads and checks `"version"` of a keyed container.
    static func checkVersion<K: CodingKey>(_ c: KeyedDecodingContainer<K>, key: K, type: String) throws {
        let v = try c.decode(Int.self, forKey: key)
        guard supported.contains(v) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c,
                debugDescription: "\(type) value version \(v) is not supported by this Crosswalk; supported: \(supported.map(String.init).joined(separator: ", "))")
        }
    }
}

// Small leaves: synthesised, with the shape their stored properties give.
extension CrosswalkError.Code: Codable {}
extension Diagnostic.Severity: Codable {}
extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey { case severity, code, message, location }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Severity.self, forKey: .severity), try c.decode(CrosswalkError.Code.self, forKey: .code),
                  try c.decode(String.self, forKey: .message), at: try c.decode(SourceLocation.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(location, forKey: .location)
    }
}
