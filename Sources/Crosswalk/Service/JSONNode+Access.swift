/// Typed access to a request's JSON values (read with ``JSONReader``), for strict parameter checks.
extension JSONNode {
    var string: String? { if case .string(let s) = value { s } else { nil } }
    var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    var int: Int? { if case .number(let n) = value { Int(n) } else { nil } }
    var isNull: Bool { if case .null = value { true } else { false } }

    /// The kind of value, for error messages.
    var kind: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
